/* stride-store.h: patient records in SQLite
 *
 * One StrideStore is one connection to one database file. The app and
 * stride-cli may each have the same file open at once: every write is one
 * `BEGIN IMMEDIATE` transaction and waits (busy timeout) for the other.
 *
 * Ids: patients and visits are identified by their SQLite row id (gint64,
 * always > 0). StridePatient.id and StrideVisit.id hold the same number as
 * decimal text (NULL for a record that is not stored yet).
 *
 * Privacy: nothing here logs a name, birth date, answer or finding. Error
 * messages name the file and what went wrong, never patient data.
 *
 * Not thread-safe: use one StrideStore from one thread (open another
 * StrideStore for a worker thread).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "stride-findings.h"
#include "stride-types.h"
#include "stride-visit.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

#define STRIDE_STORE_ERROR (stride_store_error_quark ())

/**
 * StrideStoreError:
 * @STRIDE_STORE_ERROR_FAILED: anything not listed below (the message says what)
 * @STRIDE_STORE_ERROR_IO: the operating system could not read or write the file
 * @STRIDE_STORE_ERROR_NOT_A_DATABASE: the file is not a Stride database at all
 * @STRIDE_STORE_ERROR_CORRUPT: the database is damaged (`PRAGMA quick_check`
 *   failed on open, or SQLite found damage later); offer a restore from backup
 *   with stride_store_restore_file(). The damaged file is left as it was.
 * @STRIDE_STORE_ERROR_TOO_NEW: written by a newer Stride; left untouched
 * @STRIDE_STORE_ERROR_READ_ONLY: the file or its folder cannot be written
 * @STRIDE_STORE_ERROR_FULL: the disk is full; nothing of this save was written
 * @STRIDE_STORE_ERROR_LOCKED: another program kept the database busy for longer
 *   than the busy timeout; nothing of this save was written, try again
 * @STRIDE_STORE_ERROR_NOT_FOUND: no patient or visit with that id
 * @STRIDE_STORE_ERROR_FINAL: the visit is final: change it with
 *   stride_store_amend_visit(), not by saving a draft
 * @STRIDE_STORE_ERROR_NOT_FINAL: an amendment of a visit that is still a draft
 * @STRIDE_STORE_ERROR_INVALID: the caller's data is not acceptable (an empty
 *   name, a missing amendment reason, a visit of another patient …)
 *
 * Whatever the error, what was saved before is still there: a failed save
 * rolls back as a whole, so the last saved draft stays as it was.
 */
typedef enum
{
  STRIDE_STORE_ERROR_FAILED,
  STRIDE_STORE_ERROR_IO,
  STRIDE_STORE_ERROR_NOT_A_DATABASE,
  STRIDE_STORE_ERROR_CORRUPT,
  STRIDE_STORE_ERROR_TOO_NEW,
  STRIDE_STORE_ERROR_READ_ONLY,
  STRIDE_STORE_ERROR_FULL,
  STRIDE_STORE_ERROR_LOCKED,
  STRIDE_STORE_ERROR_NOT_FOUND,
  STRIDE_STORE_ERROR_FINAL,
  STRIDE_STORE_ERROR_NOT_FINAL,
  STRIDE_STORE_ERROR_INVALID,
} StrideStoreError;

GQuark stride_store_error_quark (void);

/* The schema version this Stride writes (`PRAGMA user_version`). */
#define STRIDE_STORE_SCHEMA_VERSION 2

/* ------------------------------------------------------------------------ */
/* Value types                                                              */
/* ------------------------------------------------------------------------ */

/**
 * StrideSummaryTest:
 * One objective test of a visit, as charted: the value per side
 * (indexed by #StrideSide; [NONE] for a test that is not per side) and LSI.
 */
typedef struct
{
  char     *test_id;      /* "MT-SLS" … */
  gboolean  tested[3];
  double    value[3];
  gboolean  has_lsi;
  double    lsi;          /* percent */
} StrideSummaryTest;

/**
 * StrideFindingsSummary:
 * The key measures of one visit for the history and its charts: what the
 * engine computed when the visit was saved (the caller fills it, typically
 * with stride_findings_summary_new_from_findings() plus the two pain
 * answers), stored beside the visit so the history needs no engine run.
 */
typedef struct
{
  gboolean            has_worst_pain;
  double              worst_pain;      /* NRS 0–10, last week */
  gboolean            has_run_pain;
  double              run_pain;        /* NRS 0–10 during running */
  gboolean            has_irritability;
  StrideIrritability  irritability;
  StridePhase         phase;           /* STRIDE_PHASE_NONE when none */
  StrideTriage        triage;
  guint               rtr_met;         /* MT-RTR criteria met … */
  guint               rtr_total;       /* … of this many (0 when not assessed) */
  GPtrArray          *tests;           /* StrideSummaryTest, in rules §3 order */
} StrideFindingsSummary;

StrideFindingsSummary *stride_findings_summary_new   (void);
/* Fills irritability, phase, triage, tests and RTR from @findings; the two
 * pain fields stay unset (they are answers: the caller knows the item ids). */
StrideFindingsSummary *stride_findings_summary_new_from_findings (const StrideFindings *findings);
StrideFindingsSummary *stride_findings_summary_copy  (const StrideFindingsSummary *summary);
void                   stride_findings_summary_free  (StrideFindingsSummary *summary);
gboolean               stride_findings_summary_equal (const StrideFindingsSummary *a,
                                                      const StrideFindingsSummary *b);
const StrideSummaryTest *stride_findings_summary_get_test (const StrideFindingsSummary *summary,
                                                           const char *test_id);
StrideSummaryTest     *stride_summary_test_new        (const char *test_id);
void                   stride_summary_test_free       (StrideSummaryTest *test);

/**
 * StridePatientSummary:
 * What one row of the patient list shows, read cheaply by id.
 */
typedef struct
{
  gint64    id;
  char     *name;
  GDate     birth_date;    /* invalid when unknown */
  GDate     last_visit;    /* invalid when the patient has no visit */
  guint     n_visits;
  gboolean  has_draft;     /* a visit of this patient is still a draft */
} StridePatientSummary;

void stride_patient_summary_free (StridePatientSummary *summary);

/**
 * StrideHistoryEntry:
 * One visit in a patient's history, oldest first; @summary is the latest
 * revision's (an amended visit shows its amended values).
 */
typedef struct
{
  gint64                  visit_id;
  GDate                   date;
  StrideVisitKind         kind;
  StrideVisitStatus       status;
  guint                   n_amendments;
  StrideFindingsSummary  *summary;    /* (nullable) none was saved */
} StrideHistoryEntry;

void stride_history_entry_free (StrideHistoryEntry *entry);

/**
 * StrideAmendmentChange:
 * One value an amendment changed. @field is "date", "kind", "clinician",
 * "notes", "answer:ITEM" or "answer:ITEM:SIDE", "override:WHAT", "plan" or
 * "summary"; the values are their text forms (NULL: not set).
 */
typedef struct
{
  char *field;
  char *old_value;
  char *new_value;
} StrideAmendmentChange;

/**
 * StrideAmendment:
 * A change to a final visit, stored beside it (the final visit itself is
 * never rewritten). @revision counts from 1; revision 0 is the visit as it
 * was finalised.
 */
typedef struct
{
  gint64      id;
  gint64      visit_id;
  guint       revision;
  GDateTime  *time;       /* UTC */
  char       *reason;
  GPtrArray  *changes;    /* StrideAmendmentChange */
} StrideAmendment;

void  stride_amendment_free     (StrideAmendment       *amendment);
char *stride_amendment_describe (const StrideAmendment *amendment);

/* ------------------------------------------------------------------------ */
/* The store                                                                */
/* ------------------------------------------------------------------------ */

typedef enum
{
  STRIDE_STORE_OPEN_NONE = 0,
  /* Skip `PRAGMA quick_check` (benchmarks and bulk tools only: the app and
   * stride-cli always check). */
  STRIDE_STORE_OPEN_SKIP_QUICK_CHECK = 1 << 0,
} StrideStoreOpenFlags;

#define STRIDE_TYPE_STORE (stride_store_get_type ())

G_DECLARE_FINAL_TYPE (StrideStore, stride_store, STRIDE, STORE, GObject)

/**
 * stride_store_open:
 * @path: the database file (stride_data_dir_default_database() for the
 *   default); created 0600 when missing, its folder 0700 when missing (an
 *   existing folder keeps its mode)
 *
 * Opens (never following a symbolic link) and checks the database: WAL,
 * synchronous=FULL, foreign keys, secure_delete, a busy timeout. Runs
 * `PRAGMA quick_check` (CORRUPT when it fails: offer
 * stride_store_restore_file()). An older schema is migrated after an
 * automatic backup beside the file ("stride.db.v1-backup-YYYYMMDD-HHMMSS").
 * A database of a newer Stride is refused with TOO_NEW and left untouched.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
StrideStore *stride_store_open (const char            *path,
                                StrideStoreOpenFlags   flags,
                                GError               **error);

/**
 * stride_store_check:
 * @full: %TRUE for `PRAGMA integrity_check` (also compares every index with
 *   its table), %FALSE for the `quick_check` that opening runs
 *
 * Checks the whole file again; CORRUPT when damaged. Reads every page: at
 * 100,000 patients this takes seconds, so the GUI may open with
 * %STRIDE_STORE_OPEN_SKIP_QUICK_CHECK and run this on a second StrideStore
 * in a worker thread instead.
 *
 * Returns: %TRUE when the database is healthy
 */
gboolean     stride_store_check    (StrideStore  *self,
                                    gboolean      full,
                                    GError      **error);

/* Returns: (transfer none): the database file's path */
const char  *stride_store_get_path (StrideStore *self);

/* --- Patients ----------------------------------------------------------- */

/**
 * stride_store_create_patient:
 * @patient: the patient; @patient->name must not be empty. On success
 *   @patient->id is set to the new row id as text.
 *
 * Returns: the new patient's id, or 0 with @error set
 */
gint64         stride_store_create_patient (StrideStore    *self,
                                            StridePatient  *patient,
                                            GError        **error);

/**
 * stride_store_update_patient:
 * @patient: the patient with @patient->id set; every field is written
 *
 * Returns: %TRUE on success (NOT_FOUND when the id is unknown)
 */
gboolean       stride_store_update_patient (StrideStore          *self,
                                            const StridePatient  *patient,
                                            GError              **error);

/* Returns: (transfer full) (nullable): the patient, or %NULL (NOT_FOUND …) */
StridePatient *stride_store_get_patient    (StrideStore    *self,
                                            gint64          patient_id,
                                            GError        **error);

/**
 * stride_store_delete_patient:
 *
 * Deletes the patient and every visit, answer, plan and amendment for good:
 * secure_delete zeroes the freed pages, the search index is rewritten without
 * the name, and the WAL is checkpointed with TRUNCATE so no old page keeps
 * them. Backups made before still hold the patient (the GUI says so).
 *
 * Returns: %TRUE on success
 */
gboolean       stride_store_delete_patient (StrideStore    *self,
                                            gint64          patient_id,
                                            GError        **error);

/* Returns: the number of patients, or -1 with @error set */
gint64         stride_store_count_patients (StrideStore    *self,
                                            GError        **error);

/**
 * stride_store_find_same_patient:
 * @patient: a patient not yet in the store (an imported record's)
 *
 * A patient already stored with the same name, as the search folds it, and
 * the same date of birth (both unknown counts as the same): what a record
 * imported a second time would duplicate.
 *
 * Returns: the newest such patient's id, 0 when there is none, or -1 with
 *   @error set
 */
gint64         stride_store_find_same_patient (StrideStore          *self,
                                               const StridePatient  *patient,
                                               GError              **error);

/**
 * stride_store_search_ids:
 * @text: what the clinician typed: any part of the name, case- and
 *   accent-insensitive ("müller", "MULLER" and "ull" find "Müller"). Words
 *   of 1–2 letters match the start of a word of the name; longer words match
 *   anywhere; several words must all match. Empty text matches everyone.
 * @limit: at most this many ids (0: no limit)
 *
 * Returns: (transfer full) (element-type gint64): matching patient ids,
 *   newest patient first, or %NULL with @error set
 */
GArray        *stride_store_search_ids     (StrideStore    *self,
                                            const char     *text,
                                            guint           limit,
                                            GError        **error);

/**
 * stride_store_recent_patient_ids:
 * @limit: at most this many (0: no limit)
 *
 * Returns: (transfer full) (element-type gint64): patients by latest
 *   activity (created, edited, or a visit saved), most recent first
 */
GArray        *stride_store_recent_patient_ids (StrideStore  *self,
                                                guint         limit,
                                                GError      **error);

/* Returns: (transfer full) (nullable): one row of the patient list */
StridePatientSummary *stride_store_get_patient_summary (StrideStore  *self,
                                                        gint64        patient_id,
                                                        GError      **error);

/* Folds a name or a query as the search does: decomposed, combining marks
 * dropped, casefolded, punctuation as spaces, spaces collapsed. */
char          *stride_store_fold_name      (const char     *text);

/* --- Visits ------------------------------------------------------------- */

/**
 * stride_store_save_draft:
 * @patient_id: whose visit it is
 * @visit: the visit; when @visit->id is %NULL a new visit is created and
 *   @visit->id set. Its answers, overrides, plan (with items, running plan,
 *   education and next review) and notes replace what was saved.
 * @summary: (nullable): the engine's key measures for the history
 *
 * One `BEGIN IMMEDIATE` transaction, cheap enough to call as the clinician
 * types. FINAL when the visit is already final.
 *
 * Returns: %TRUE when saved
 */
gboolean       stride_store_save_draft     (StrideStore                  *self,
                                            gint64                        patient_id,
                                            StrideVisit                  *visit,
                                            const StrideFindingsSummary  *summary,
                                            GError                      **error);

/**
 * stride_store_finalise_visit:
 *
 * Saves @visit as stride_store_save_draft() does and marks it final in the
 * same transaction (sets @visit->status). From then on it never changes in
 * place: see stride_store_amend_visit().
 *
 * Returns: %TRUE when saved and final
 */
gboolean       stride_store_finalise_visit (StrideStore                  *self,
                                            gint64                        patient_id,
                                            StrideVisit                  *visit,
                                            const StrideFindingsSummary  *summary,
                                            GError                      **error);

/**
 * stride_store_amend_visit:
 * @visit: the final visit (id set) with the corrected content
 * @summary: (nullable): the key measures of the corrected content
 * @reason: why, required (INVALID when empty)
 *
 * Stores an amendment beside the final visit: the time, @reason, the values
 * that changed (old and new) and the corrected content as a new revision.
 * The visit as finalised stays as it was (stride_store_load_visit_revision()
 * with revision 0). NOT_FINAL for a draft; INVALID when nothing changed.
 *
 * Returns: the new revision number (≥ 1), or 0 with @error set
 */
guint          stride_store_amend_visit    (StrideStore                  *self,
                                            const StrideVisit            *visit,
                                            const StrideFindingsSummary  *summary,
                                            const char                   *reason,
                                            GError                      **error);

gboolean       stride_store_visit_has_changes (StrideStore                  *self,
                                               const StrideVisit            *visit,
                                               const StrideFindingsSummary  *summary,
                                               gboolean                     *has_changes,
                                               GError                      **error);

/* Returns: (transfer full) (element-type StrideAmendment): oldest first */
GPtrArray     *stride_store_list_amendments (StrideStore   *self,
                                             gint64         visit_id,
                                             GError       **error);

/**
 * stride_store_delete_draft:
 *
 * Discards a draft visit (FINAL for a final one: those are never deleted
 * except with their patient).
 */
gboolean       stride_store_delete_draft   (StrideStore    *self,
                                            gint64          visit_id,
                                            GError        **error);

/**
 * stride_store_load_visit:
 * @out_patient_id: (out) (optional): whose visit it is
 *
 * Returns: (transfer full) (nullable): the visit as it stands now (with its
 *   latest amendment applied)
 */
StrideVisit   *stride_store_load_visit     (StrideStore    *self,
                                            gint64          visit_id,
                                            gint64         *out_patient_id,
                                            GError        **error);

/* Returns: (transfer full) (nullable): the visit at @revision (0: as
 * finalised or as the draft stands); NOT_FOUND for an unknown revision */
StrideVisit   *stride_store_load_visit_revision (StrideStore  *self,
                                                 gint64        visit_id,
                                                 guint         revision,
                                                 GError      **error);

/* Returns: (transfer full) (nullable): the stored key measures of the
 * visit's latest revision; %NULL without error when none were saved */
StrideFindingsSummary *stride_store_load_summary (StrideStore  *self,
                                                  gint64        visit_id,
                                                  GError      **error);

/**
 * stride_store_load_assessment:
 *
 * The patient and their visits up to and including @visit_id (by date, then
 * id), oldest first: what the engine needs to judge that visit.
 *
 * Returns: (transfer full) (nullable): the assessment
 */
StrideAssessment *stride_store_load_assessment (StrideStore  *self,
                                                gint64        visit_id,
                                                GError      **error);

/* Returns: (transfer full) (nullable): the patient and all their visits,
 * oldest first (a whole-record export) */
StrideAssessment *stride_store_load_patient_record (StrideStore  *self,
                                                    gint64        patient_id,
                                                    GError      **error);

/* Returns: (transfer full) (element-type StrideHistoryEntry): the patient's
 * visits oldest first, with their key measures; NOT_FOUND for an unknown
 * patient */
GPtrArray     *stride_store_list_history   (StrideStore    *self,
                                            gint64          patient_id,
                                            GError        **error);

/**
 * stride_store_import_assessment:
 * @assessment: a patient and visits, e.g. read from an assessment document
 * @out_patient_id: (out) (optional): the new patient's id
 *
 * Adds the patient as a new patient and each visit as a new visit (final
 * ones final, drafts as drafts; no key measures: the caller may save them
 * later), all in one transaction: either everything is imported or nothing.
 * Existing records are never changed. Ids in @assessment are ignored.
 *
 * Returns: %TRUE when imported
 */
gboolean       stride_store_import_assessment (StrideStore              *self,
                                               const StrideAssessment   *assessment,
                                               gint64                   *out_patient_id,
                                               GError                  **error);
gboolean       stride_store_import_assessment_with_summaries
                                              (StrideStore              *self,
                                               const StrideAssessment   *assessment,
                                               GPtrArray                *summaries,
                                               gint64                   *out_patient_id,
                                               GError                  **error);

/* --- Backup and restore ------------------------------------------------- */

/**
 * stride_store_backup:
 * @dest_path: the backup file; written to a temporary file 0600 beside it
 *   and renamed over it when complete, so a failed backup leaves no half file
 *
 * Copies the whole database with SQLite's backup API while it stays usable.
 */
gboolean       stride_store_backup         (StrideStore    *self,
                                            const char     *dest_path,
                                            GError        **error);

/**
 * stride_store_restore:
 * @backup_path: a backup made by stride_store_backup()
 *
 * Replaces the open database's content with the backup's (checked first:
 * NOT_A_DATABASE, CORRUPT, TOO_NEW leave everything as it was). Before
 * that, the current content is saved beside the database as
 * "stride.db.before-restore-YYYYMMDD-HHMMSS". An older backup is migrated.
 */
gboolean       stride_store_restore        (StrideStore    *self,
                                            const char     *backup_path,
                                            GError        **error);

/**
 * stride_store_restore_file:
 * @db_path: a database that could not be opened (CORRUPT, NOT_A_DATABASE)
 * @backup_path: a backup made by stride_store_backup()
 *
 * For a database that stride_store_open() refused: checks the backup, moves
 * the damaged file (and its -wal/-shm) aside as
 * "stride.db.damaged-YYYYMMDD-HHMMSS" (never deleted), and puts a copy of the
 * backup in its place. No StrideStore may have @db_path open.
 *
 * Returns: %TRUE when @db_path now holds the backup's records
 */
gboolean       stride_store_restore_file   (const char     *db_path,
                                            const char     *backup_path,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideFindingsSummary, stride_findings_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StridePatientSummary, stride_patient_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideHistoryEntry, stride_history_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideAmendment, stride_amendment_free)

G_END_DECLS
