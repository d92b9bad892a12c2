/* test-store.c: the patient store: records, search, drafts, amendments,
 * deletion, file modes, migration and every way opening or saving can fail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "stride-store-private.h"
#include "store-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  StrideStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = store_test_make_tmp_dir ("store");
  f->path = g_build_filename (f->dir, "records", "stride.db", NULL);
  f->store = stride_store_open (f->path, STRIDE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  store_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
add_patient (StrideStore *store,
             const char  *name)
{
  g_autoptr(StridePatient) patient = stride_patient_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  patient->name = g_strdup (name);
  id = stride_store_create_patient (store, patient, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
save_visit (StrideStore *store,
            gint64       patient_id,
            guint        seed,
            gboolean     final)
{
  g_autoptr(StrideVisit) visit = store_test_make_visit (seed);
  g_autoptr(StrideFindingsSummary) summary = store_test_make_summary (seed);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (final)
    ok = stride_store_finalise_visit (store, patient_id, visit, summary, &error);
  else
    ok = stride_store_save_draft (store, patient_id, visit, summary, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return g_ascii_strtoll (visit->id, NULL, 10);
}

static gint64
query_int (StrideStore *store,
           const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (stride_store_get_handle (store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
integrity_ok (StrideStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_assert_cmpint (sqlite3_prepare_v2 (stride_store_get_handle (store), "PRAGMA integrity_check",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

static GArray *
search (StrideStore *store,
        const char  *text)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = stride_store_search_ids (store, text, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;
  gsize needle_length = strlen (needle);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  bytes = read_file (path);
  data = g_bytes_get_data (bytes, &length);
  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (memcmp (data + i, needle, needle_length) == 0)
        return TRUE;
    }

  return FALSE;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* ------------------------------------------------------------------------ */

static void
test_patient_crud (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(StridePatient) patient = stride_patient_new ();
  g_autoptr(StridePatient) read = NULL;
  g_autoptr(StridePatient) edited = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  patient->name = g_strdup ("Zoë O’Brien & <Sons>");
  g_date_set_dmy (&patient->birth_date, 24, 11, 1971);
  patient->sex = g_strdup ("female");
  patient->language = g_strdup ("de");
  patient->contact = g_strdup ("zoe@example.org");
  patient->notes = g_strdup ("Marathon in April");
  id = stride_store_create_patient (f->store, patient, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (g_ascii_strtoll (patient->id, NULL, 10), ==, id);

  read = stride_store_get_patient (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->id, ==, patient->id);
  g_assert_cmpstr (read->name, ==, patient->name);
  g_assert_true (g_date_valid (&read->birth_date));
  g_assert_cmpint (g_date_compare (&read->birth_date, &patient->birth_date), ==, 0);
  g_assert_cmpstr (read->sex, ==, "female");
  g_assert_cmpstr (read->language, ==, "de");
  g_assert_cmpstr (read->contact, ==, "zoe@example.org");
  g_assert_cmpstr (read->notes, ==, "Marathon in April");

  g_free (read->name);
  read->name = g_strdup ("Zoë Walsh");
  g_date_clear (&read->birth_date, 1);
  g_clear_pointer (&read->contact, g_free);
  stride_store_update_patient (f->store, read, &error);
  g_assert_no_error (error);

  edited = stride_store_get_patient (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (edited->name, ==, "Zoë Walsh");
  g_assert_false (g_date_valid (&edited->birth_date));
  g_assert_null (edited->contact);
  g_assert_cmpint (stride_store_count_patients (f->store, &error), ==, 1);
  g_assert_no_error (error);

  /* The search follows the new name. */
  {
    g_autoptr(GArray) old_name = search (f->store, "brien");
    g_autoptr(GArray) new_name = search (f->store, "walsh");

    g_assert_cmpuint (old_name->len, ==, 0);
    g_assert_cmpuint (new_name->len, ==, 1);
  }

  /* Bad input: an empty name, an unknown id. */
  {
    g_autoptr(StridePatient) empty = stride_patient_new ();

    empty->name = g_strdup ("  – ");
    g_assert_cmpint (stride_store_create_patient (f->store, empty, &error), ==, 0);
    g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (empty->id);
  }
  g_assert_null (stride_store_get_patient (f->store, id + 100, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_free (edited->id);
  edited->id = g_strdup_printf ("%" G_GINT64_FORMAT, id + 100);
  g_assert_false (stride_store_update_patient (f->store, edited, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
}

/* A patient born on 2 April of @year (0: date unknown). */
static StridePatient *
patient_born (const char *name,
              int         year)
{
  StridePatient *patient = stride_patient_new ();

  patient->name = g_strdup (name);
  if (year > 0)
    g_date_set_dmy (&patient->birth_date, 2, 4, year);
  return patient;
}

static gint64
add_born (StrideStore *store,
          const char  *name,
          int          year)
{
  g_autoptr(StridePatient) patient = patient_born (name, year);
  g_autoptr(GError) error = NULL;
  gint64 id = stride_store_create_patient (store, patient, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
find_same (StrideStore *store,
           const char  *name,
           int          year)
{
  g_autoptr(StridePatient) patient = patient_born (name, year);
  g_autoptr(GError) error = NULL;
  gint64 id = stride_store_find_same_patient (store, patient, &error);

  g_assert_no_error (error);
  return id;
}

/* A record imported twice is found by its patient's name and birth date. */
static void
test_find_same_patient (Fixture       *f,
                        gconstpointer  data)
{
  gint64 anna = add_born (f->store, "Anna Müller", 1990);
  gint64 undated = add_born (f->store, "Ann Smith", 0);

  add_born (f->store, "Anna Müller-Lang", 1990);
  add_born (f->store, "Anna Müller", 1991);

  /* The name as the search folds it: case, accents, punctuation, spaces. */
  g_assert_cmpint (find_same (f->store, "anna  MULLER", 1990), ==, anna);
  g_assert_cmpint (find_same (f->store, "Ann Smith", 0), ==, undated);
  /* A part of a name, another date, a date against none: someone else. */
  g_assert_cmpint (find_same (f->store, "Anna", 1990), ==, 0);
  g_assert_cmpint (find_same (f->store, "Anna Müller", 1989), ==, 0);
  g_assert_cmpint (find_same (f->store, "Ann Smith", 1990), ==, 0);
  g_assert_cmpint (find_same (f->store, "Anna Müller", 0), ==, 0);
  g_assert_cmpint (find_same (f->store, "Zoë Walsh", 1990), ==, 0);
  /* A record with no name (refused on import) is no one's. */
  {
    g_autoptr(StridePatient) nameless = stride_patient_new ();

    g_assert_cmpint (stride_store_find_same_patient (f->store, nameless, NULL), ==, 0);
    nameless->name = g_strdup (" – ");
    g_assert_cmpint (stride_store_find_same_patient (f->store, nameless, NULL), ==, 0);
  }
}

static void
test_fold (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Müller", "muller" },
    { "MÜLLER", "muller" },
    { "Müller-Lüdenscheidt", "muller ludenscheidt" },
    { "  José   María  ", "jose maria" },
    { "Straße", "strasse" },
    { "Søren Kierkegaard", "soren kierkegaard" },
    { "O’Brien", "o brien" },
    { "Łukasz Żółć", "lukasz zolc" },
    { "Ǆemal", "dzemal" },
    { "ﬁnn", "finn" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = stride_store_fold_name (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }

  {
    g_autofree char *invalid = stride_store_fold_name ("M\xfcller");

    g_assert_cmpstr (invalid, ==, "");
  }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  gint64 mueller = add_patient (f->store, "Anna Müller");
  gint64 muller = add_patient (f->store, "Bernd Muller");
  gint64 jose = add_patient (f->store, "José Álvarez");
  gint64 zoe = add_patient (f->store, "Zoë Mustermann");
  gint64 other = add_patient (f->store, "Carl Schmidt");
  static const char *const finds_mueller[] = {
    "müller", "MULLER", "ull", "Muller", "müll", "ANNA MÜLLER", "anna", "ler", "nna mül",
    "mü", "M", "m", "a", "an", "müller anna", "a m", "MU",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (finds_mueller); i++)
    {
      g_autoptr(GArray) ids = search (f->store, finds_mueller[i]);

      if (!ids_contain (ids, mueller))
        g_error ("“%s” did not find Müller", finds_mueller[i]);
      g_assert_false (ids_contain (ids, other));
    }

  /* Both spellings find both patients. */
  {
    g_autoptr(GArray) ids = search (f->store, "müller");

    g_assert_cmpuint (ids->len, ==, 2);
    /* Newest first. */
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, muller);
    g_assert_cmpint (g_array_index (ids, gint64, 1), ==, mueller);
  }

  /* Accents either way, a middle part, case. */
  {
    g_autoptr(GArray) a = search (f->store, "jose");
    g_autoptr(GArray) b = search (f->store, "ÁLV");
    g_autoptr(GArray) c = search (f->store, "lvar");
    g_autoptr(GArray) d = search (f->store, "zoe");

    g_assert_cmpuint (a->len, ==, 1);
    g_assert_cmpint (g_array_index (a, gint64, 0), ==, jose);
    g_assert_cmpuint (b->len, ==, 1);
    g_assert_cmpuint (c->len, ==, 1);
    g_assert_cmpuint (d->len, ==, 1);
    g_assert_cmpint (g_array_index (d, gint64, 0), ==, zoe);
  }

  /* 1–2 letters match the start of a word, not the middle. */
  {
    g_autoptr(GArray) mu = search (f->store, "mu");
    g_autoptr(GArray) ll = search (f->store, "ll");
    g_autoptr(GArray) s = search (f->store, "s");
    g_autoptr(GArray) none = search (f->store, "xyz");
    g_autoptr(GArray) two_words = search (f->store, "anna mu");
    g_autoptr(GArray) quote = search (f->store, "\"mül\"ler");
    g_autoptr(GArray) fts_syntax = search (f->store, "mül* OR NEAR(");

    g_assert_cmpuint (mu->len, ==, 3);
    g_assert_true (ids_contain (mu, zoe));
    g_assert_cmpuint (ll->len, ==, 0);
    g_assert_cmpuint (s->len, ==, 1);
    g_assert_true (ids_contain (s, other));
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (two_words->len, ==, 1);
    g_assert_cmpint (g_array_index (two_words, gint64, 0), ==, mueller);
    /* Punctuation is folded away: no FTS5 syntax reaches SQLite, the
     * quotes only split the word. */
    g_assert_cmpuint (quote->len, ==, 2);
    g_assert_cmpuint (fts_syntax->len, ==, 0);
  }

  /* Everyone for empty text, and the limit. */
  {
    g_autoptr(GArray) all = search (f->store, "");
    g_autoptr(GArray) limited = stride_store_search_ids (f->store, "m", 2, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 5);
    g_assert_cmpint (g_array_index (all, gint64, 0), ==, other);
    g_assert_cmpuint (limited->len, ==, 2);
    g_assert_cmpint (g_array_index (limited, gint64, 0), ==, zoe);
  }
}

static void
test_summary_and_recent (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(StridePatient) patient = stride_patient_new ();
  g_autoptr(StridePatientSummary) summary = NULL;
  g_autoptr(GArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second, third;

  patient->name = g_strdup ("Ada Lovelace");
  g_date_set_dmy (&patient->birth_date, 10, 12, 1985);
  first = stride_store_create_patient (f->store, patient, &error);
  g_assert_no_error (error);
  second = add_patient (f->store, "Grace Hopper");
  third = add_patient (f->store, "Edsger Dijkstra");

  summary = stride_store_get_patient_summary (f->store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->name, ==, "Ada Lovelace");
  g_assert_cmpuint (g_date_get_year (&summary->birth_date), ==, 1985);
  g_assert_false (g_date_valid (&summary->last_visit));
  g_assert_cmpuint (summary->n_visits, ==, 0);
  g_assert_false (summary->has_draft);
  g_clear_pointer (&summary, stride_patient_summary_free);

  /* seeds 5 and 30: 2025-06-06 and 2020-07-03 */
  save_visit (f->store, first, 5, TRUE);
  save_visit (f->store, first, 30, FALSE);
  summary = stride_store_get_patient_summary (f->store, first, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&summary->last_visit));
  g_assert_cmpuint (g_date_get_year (&summary->last_visit), ==, 2025);
  g_assert_cmpuint (g_date_get_month (&summary->last_visit), ==, 6);
  g_assert_cmpuint (summary->n_visits, ==, 2);
  g_assert_true (summary->has_draft);

  /* Activity: the visit just saved puts the first patient on top. */
  recent = stride_store_recent_patient_ids (f->store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 2);
  g_assert_cmpint (g_array_index (recent, gint64, 0), ==, first);
  g_assert_cmpint (g_array_index (recent, gint64, 1), ==, third);
  (void) second;

  g_assert_null (stride_store_get_patient_summary (f->store, 9999, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
}

static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  gint64 patient_id = add_patient (f->store, "Draft Runner");
  gint64 other_patient = add_patient (f->store, "Someone Else");
  g_autoptr(StrideVisit) visit = store_test_make_visit (1);
  g_autoptr(StrideVisit) read = NULL;
  g_autoptr(StrideFindingsSummary) summary = store_test_make_summary (1);
  g_autoptr(StrideFindingsSummary) read_summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 visit_id, owner = 0;

  g_assert_null (visit->id);
  g_assert_true (stride_store_save_draft (f->store, patient_id, visit, summary, &error));
  g_assert_no_error (error);
  g_assert_nonnull (visit->id);
  visit_id = g_ascii_strtoll (visit->id, NULL, 10);

  read = stride_store_load_visit (f->store, visit_id, &owner, &error);
  g_assert_no_error (error);
  g_assert_cmpint (owner, ==, patient_id);
  g_assert_cmpint (read->status, ==, STRIDE_VISIT_DRAFT);
  store_test_assert_visit_equal (read, visit);
  read_summary = stride_store_load_summary (f->store, visit_id, &error);
  g_assert_no_error (error);
  g_assert_true (stride_findings_summary_equal (read_summary, summary));
  g_clear_pointer (&read, stride_visit_free);
  g_clear_pointer (&read_summary, stride_findings_summary_free);

  /* As the clinician types: each save replaces the draft, same id. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", i % 11);

      stride_answers_set (visit->answers, "pain.worst", STRIDE_SIDE_NONE, value);
      if (i == 10)
        {
          stride_answers_unset (visit->answers, "history.text", STRIDE_SIDE_NONE);
          g_clear_pointer (&visit->plan, stride_plan_free);
          g_ptr_array_set_size (visit->overrides, 0);
        }
      g_assert_true (stride_store_save_draft (f->store, patient_id, visit,
                                              i < 10 ? summary : NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_ascii_strtoll (visit->id, NULL, 10), ==, visit_id);
    }

  read = stride_store_load_visit (f->store, visit_id, NULL, &error);
  g_assert_no_error (error);
  store_test_assert_visit_equal (read, visit);
  g_assert_null (read->plan);
  g_assert_cmpstr (stride_answers_get (read->answers, "pain.worst", STRIDE_SIDE_NONE), ==, "8");
  read_summary = stride_store_load_summary (f->store, visit_id, &error);
  g_assert_no_error (error);
  g_assert_null (read_summary);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM visits"), ==, 1);

  /* Another patient's draft cannot be saved under this one. */
  g_assert_false (stride_store_save_draft (f->store, other_patient, visit, NULL, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A visit for a patient who does not exist. */
  {
    g_autoptr(StrideVisit) orphan = store_test_make_visit (2);

    g_assert_false (stride_store_save_draft (f->store, 4242, orphan, NULL, &error));
    g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_null (orphan->id);
  }

  /* Discarding a draft. */
  g_assert_true (stride_store_delete_draft (f->store, visit_id, &error));
  g_assert_no_error (error);
  g_assert_null (stride_store_load_visit (f->store, visit_id, NULL, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM answers"), ==, 0);
}

static void
test_finalise_amend (Fixture       *f,
                     gconstpointer  data)
{
  gint64 patient_id = add_patient (f->store, "Final Runner");
  g_autoptr(StrideVisit) visit = store_test_make_visit (4);
  g_autoptr(StrideVisit) original = NULL;
  g_autoptr(StrideVisit) amended = NULL;
  g_autoptr(StrideVisit) current = NULL;
  g_autoptr(StrideVisit) revision0 = NULL;
  g_autoptr(StrideFindingsSummary) summary = store_test_make_summary (4);
  g_autoptr(StrideFindingsSummary) new_summary = NULL;
  g_autoptr(StrideFindingsSummary) read_summary = NULL;
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) visits_before = NULL;
  gint64 visit_id;
  guint revision;
  const StrideAmendment *amendment;
  gboolean saw_answer = FALSE, saw_notes = FALSE;

  g_assert_true (stride_store_finalise_visit (f->store, patient_id, visit, summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (visit->status, ==, STRIDE_VISIT_FINAL);
  visit_id = g_ascii_strtoll (visit->id, NULL, 10);
  original = stride_store_load_visit (f->store, visit_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (original->status, ==, STRIDE_VISIT_FINAL);

  /* The rows of the final visit, as SQL text, to compare afterwards. */
  {
    sqlite3 *db = stride_store_get_handle (f->store);
    sqlite3_stmt *stmt = NULL;
    GString *rows = g_string_new (NULL);

    sqlite3_prepare_v2 (db, "SELECT quote (id) || quote (date) || quote (kind) || quote (status)"
                            " || quote (clinician) || quote (notes) || quote (updated)"
                            " || quote (finalised) FROM visits UNION ALL"
                            " SELECT group_concat (item || side || value) FROM answers"
                            " WHERE revision = 0", -1, &stmt, NULL);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append (rows, (const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    visits_before = g_string_free_to_bytes (rows);
  }

  /* A final visit is not saved as a draft. */
  stride_answers_set (visit->answers, "pain.worst", STRIDE_SIDE_NONE, "9");
  g_assert_false (stride_store_save_draft (f->store, patient_id, visit, NULL, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_FINAL);
  g_clear_error (&error);
  g_assert_false (stride_store_finalise_visit (f->store, patient_id, visit, NULL, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_FINAL);
  g_clear_error (&error);
  g_assert_false (stride_store_delete_draft (f->store, visit_id, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_FINAL);
  g_clear_error (&error);

  /* Not even by SQL: the triggers refuse. */
  g_assert_cmpint (sqlite3_exec (stride_store_get_handle (f->store),
                                 "UPDATE visits SET notes = 'x'", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (stride_store_get_handle (f->store),
                                 "INSERT INTO answers VALUES (1, 0, 'x', '', '1')",
                                 NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);

  /* An amendment needs a reason and a change. */
  g_assert_cmpuint (stride_store_amend_visit (f->store, visit, NULL, "  ", &error), ==, 0);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (stride_store_amend_visit (f->store, original, NULL, "no change", &error),
                    ==, 0);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* What an amendment would store, asked before it is stored. */
  {
    gboolean has_changes = TRUE;

    g_assert_true (stride_store_visit_has_changes (f->store, original, NULL, &has_changes,
                                                   &error));
    g_assert_no_error (error);
    g_assert_false (has_changes);
  }

  g_free (visit->notes);
  visit->notes = g_strdup ("Corrected: pain was 9, not as recorded");
  new_summary = stride_findings_summary_copy (summary);
  new_summary->worst_pain = 9;
  {
    gboolean has_changes = FALSE;

    g_assert_true (stride_store_visit_has_changes (f->store, visit, new_summary, &has_changes,
                                                   &error));
    g_assert_no_error (error);
    g_assert_true (has_changes);
  }
  revision = stride_store_amend_visit (f->store, visit, new_summary, "Typo in worst pain", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revision, ==, 1);
  {
    gboolean has_changes = TRUE;

    g_assert_true (stride_store_visit_has_changes (f->store, visit, new_summary, &has_changes,
                                                   &error));
    g_assert_no_error (error);
    g_assert_false (has_changes);
  }

  /* The visit as it stands is the amended one … */
  current = stride_store_load_visit (f->store, visit_id, NULL, &error);
  g_assert_no_error (error);
  store_test_assert_visit_equal (current, visit);
  g_assert_cmpint (current->status, ==, STRIDE_VISIT_FINAL);
  read_summary = stride_store_load_summary (f->store, visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (read_summary->worst_pain, ==, 9);

  /* … while revision 0 and its rows are exactly as finalised. */
  revision0 = stride_store_load_visit_revision (f->store, visit_id, 0, &error);
  g_assert_no_error (error);
  store_test_assert_visit_equal (revision0, original);
  {
    sqlite3 *db = stride_store_get_handle (f->store);
    sqlite3_stmt *stmt = NULL;
    GString *rows = g_string_new (NULL);
    g_autoptr(GBytes) after = NULL;

    sqlite3_prepare_v2 (db, "SELECT quote (id) || quote (date) || quote (kind) || quote (status)"
                            " || quote (clinician) || quote (notes) || quote (updated)"
                            " || quote (finalised) FROM visits UNION ALL"
                            " SELECT group_concat (item || side || value) FROM answers"
                            " WHERE revision = 0", -1, &stmt, NULL);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append (rows, (const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    after = g_string_free_to_bytes (rows);
    g_assert_true (g_bytes_equal (after, visits_before));
  }

  amendments = stride_store_list_amendments (f->store, visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amendments->len, ==, 1);
  amendment = g_ptr_array_index (amendments, 0);
  g_assert_cmpuint (amendment->revision, ==, 1);
  g_assert_cmpstr (amendment->reason, ==, "Typo in worst pain");
  g_assert_nonnull (amendment->time);
  for (guint i = 0; i < amendment->changes->len; i++)
    {
      const StrideAmendmentChange *change = g_ptr_array_index (amendment->changes, i);

      if (g_str_equal (change->field, "answer:pain.worst"))
        {
          saw_answer = TRUE;
          g_assert_null (change->old_value);
          g_assert_cmpstr (change->new_value, ==, "9");
        }
      if (g_str_equal (change->field, "notes"))
        {
          saw_notes = TRUE;
          g_assert_cmpstr (change->old_value, ==, original->notes);
        }
    }
  g_assert_true (saw_answer);
  g_assert_true (saw_notes);

  /* A second amendment: revision 2, revision 1 kept. */
  g_date_add_days (&visit->date, 1);
  g_assert_cmpuint (stride_store_amend_visit (f->store, visit, NULL, "Wrong date", &error), ==, 2);
  g_assert_no_error (error);
  amended = stride_store_load_visit_revision (f->store, visit_id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&amended->date, &original->date), ==, 0);
  g_clear_pointer (&read_summary, stride_findings_summary_free);
  read_summary = stride_store_load_summary (f->store, visit_id, &error);
  g_assert_cmpfloat (read_summary->worst_pain, ==, 9);   /* NULL summary kept the last */
  g_assert_null (stride_store_load_visit_revision (f->store, visit_id, 3, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  history = stride_store_list_history (f->store, patient_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpuint (((StrideHistoryEntry *) g_ptr_array_index (history, 0))->n_amendments, ==, 2);
  g_assert_cmpint (g_date_compare (&((StrideHistoryEntry *) g_ptr_array_index (history, 0))->date,
                                   &visit->date), ==, 0);

  /* A draft is not amended. */
  {
    g_autoptr(StrideVisit) draft = store_test_make_visit (7);

    stride_store_save_draft (f->store, patient_id, draft, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stride_store_amend_visit (f->store, draft, NULL, "why", &error), ==, 0);
    g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FINAL);
  }
}

static void
test_history_and_assessment (Fixture       *f,
                             gconstpointer  data)
{
  gint64 patient_id = add_patient (f->store, "History Runner");
  gint64 other = add_patient (f->store, "Other Runner");
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(StrideAssessment) assessment = NULL;
  g_autoptr(StrideAssessment) record = NULL;
  g_autoptr(GError) error = NULL;
  /* seeds → dates: 13 → 2021-02-14, 50 → 2022-03-23, 87 → 2023-04-04, 12 → 2020-01-13 */
  gint64 v13 = save_visit (f->store, patient_id, 13, TRUE);
  gint64 v50 = save_visit (f->store, patient_id, 50, TRUE);
  gint64 v87 = save_visit (f->store, patient_id, 87, FALSE);
  gint64 v12 = save_visit (f->store, patient_id, 12, FALSE);
  const StrideHistoryEntry *entry;
  const StrideSummaryTest *sls;

  save_visit (f->store, other, 99, TRUE);

  history = stride_store_list_history (f->store, patient_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpint (((StrideHistoryEntry *) g_ptr_array_index (history, 0))->visit_id, ==, v12);
  g_assert_cmpint (((StrideHistoryEntry *) g_ptr_array_index (history, 1))->visit_id, ==, v13);
  g_assert_cmpint (((StrideHistoryEntry *) g_ptr_array_index (history, 2))->visit_id, ==, v50);
  g_assert_cmpint (((StrideHistoryEntry *) g_ptr_array_index (history, 3))->visit_id, ==, v87);

  entry = g_ptr_array_index (history, 2);
  g_assert_cmpint (entry->status, ==, STRIDE_VISIT_FINAL);
  g_assert_cmpint (entry->kind, ==, STRIDE_VISIT_FOLLOW_UP);
  g_assert_nonnull (entry->summary);
  g_assert_cmpfloat (entry->summary->worst_pain, ==, 50 % 11);
  g_assert_true (entry->summary->has_run_pain);
  g_assert_cmpfloat (entry->summary->run_pain, ==, 25 % 11);
  g_assert_cmpint (entry->summary->phase, ==, STRIDE_PHASE_2);
  g_assert_cmpint (entry->summary->irritability, ==, STRIDE_IRRITABILITY_HIGH);
  g_assert_cmpuint (entry->summary->rtr_met, ==, 2);
  g_assert_cmpuint (entry->summary->rtr_total, ==, 7);
  sls = stride_findings_summary_get_test (entry->summary, "MT-SLS");
  g_assert_nonnull (sls);
  g_assert_true (sls->tested[STRIDE_SIDE_LEFT] && sls->tested[STRIDE_SIDE_RIGHT]);
  g_assert_false (sls->tested[STRIDE_SIDE_NONE]);
  g_assert_cmpfloat (sls->value[STRIDE_SIDE_LEFT], ==, 10 + 50 % 15);
  g_assert_true (sls->has_lsi);
  g_assert_cmpfloat_with_epsilon (sls->lsi, (10 + 50 % 15) / 20.0 * 100.0, 1e-9);
  {
    g_autoptr(StrideFindingsSummary) expected = store_test_make_summary (50);

    g_assert_true (stride_findings_summary_equal (entry->summary, expected));
  }

  /* Judging v87: the final visits before it, then v87; not the draft v12. */
  assessment = stride_store_load_assessment (f->store, v87, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assessment->patient->name, ==, "History Runner");
  g_assert_cmpuint (assessment->visits->len, ==, 3);
  g_assert_cmpint (g_ascii_strtoll (((StrideVisit *) g_ptr_array_index (assessment->visits, 0))->id,
                                    NULL, 10), ==, v13);
  g_assert_cmpint (g_ascii_strtoll (stride_assessment_get_previous (assessment)->id, NULL, 10),
                   ==, v50);
  g_assert_cmpint (g_ascii_strtoll (stride_assessment_get_current (assessment)->id, NULL, 10),
                   ==, v87);
  {
    g_autoptr(StrideVisit) expected = store_test_make_visit (87);

    store_test_assert_visit_equal (stride_assessment_get_current (assessment), expected);
  }
  g_clear_pointer (&assessment, stride_assessment_free);

  assessment = stride_store_load_assessment (f->store, v13, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessment->visits->len, ==, 1);

  record = stride_store_load_patient_record (f->store, patient_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record->visits->len, ==, 4);

  g_assert_null (stride_store_list_history (f->store, 31337, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (stride_store_load_assessment (f->store, 31337, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_for_good (Fixture       *f,
                      gconstpointer  data)
{
  static const char *const tables[] = {
    "visits", "answers", "overrides", "plans", "plan_items", "plan_lists",
    "findings_summary", "summary_tests", "amendments", "amendment_changes", "name_prefixes",
  };
  gint64 keep = add_patient (f->store, "Kept Person");
  gint64 gone = add_patient (f->store, "Quintessa Zebedäus-Vorhalt");
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  gint64 visit_id;
  GStatBuf st;

  save_visit (f->store, keep, 3, TRUE);
  visit_id = save_visit (f->store, gone, 6, TRUE);
  save_visit (f->store, gone, 8, FALSE);
  {
    g_autoptr(StrideVisit) visit = stride_store_load_visit (f->store, visit_id, NULL, &error);

    g_free (visit->notes);
    visit->notes = g_strdup ("Amended note of Quintessa");
    stride_store_amend_visit (f->store, visit, NULL, "reason", &error);
    g_assert_no_error (error);
  }

  g_assert_true (stride_store_delete_patient (f->store, gone, &error));
  g_assert_no_error (error);

  g_assert_null (stride_store_get_patient (f->store, gone, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  found = search (f->store, "zebed");
  g_assert_cmpuint (found->len, ==, 0);

  /* Rows: only the kept patient's remain in every table. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM patients"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = NULL;

      if (g_str_equal (tables[i], "visits"))
        sql = g_strdup_printf ("SELECT count(*) FROM visits WHERE patient_id = %" G_GINT64_FORMAT,
                               gone);
      else if (g_str_equal (tables[i], "name_prefixes"))
        sql = g_strdup_printf ("SELECT count(*) FROM name_prefixes WHERE patient_id = %"
                               G_GINT64_FORMAT, gone);
      else if (g_str_equal (tables[i], "amendment_changes"))
        sql = g_strdup ("SELECT count(*) FROM amendment_changes");
      else
        sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE visit_id NOT IN"
                               " (SELECT id FROM visits)", tables[i]);
      g_assert_cmpint (query_int (f->store, sql), ==, 0);
    }
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM visits"), ==, 1);

  /* The WAL is truncated, and no byte of the name is left in the file. */
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_false (file_contains (f->path, "Quintessa"));
  g_assert_false (file_contains (f->path, "Zebed"));
  g_assert_false (file_contains (f->path, "vorhalt"));
  g_assert_true (file_contains (f->path, "Kept Person"));

  g_assert_false (stride_store_delete_patient (f->store, gone, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
}

static void
test_file_modes (void)
{
  g_autofree char *dir = store_test_make_tmp_dir ("modes");
  g_autofree char *parent = g_build_filename (dir, "new", "deeper", NULL);
  g_autofree char *path = g_build_filename (parent, "stride.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *shared = g_build_filename (dir, "shared", NULL);
  g_autofree char *shared_db = g_build_filename (shared, "stride.db", NULL);
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(StrideStore) store2 = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);   /* the worst umask: files would be 0666 */

  store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  add_patient (store, "Mode Person");

  g_assert_cmpuint (file_mode (parent), ==, 0700);
  g_assert_cmpuint (file_mode (dir), ==, 0700);   /* made by g_dir_make_tmp */
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);

  stride_store_backup (store, backup, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (backup), ==, 0600);

  /* An existing folder keeps its mode; a readable database is made private. */
  g_assert_cmpint (g_mkdir (shared, 0750), ==, 0);
  g_assert_cmpint (g_chmod (shared, 0750), ==, 0);
  g_assert_true (g_file_set_contents (shared_db, "", 0, NULL));
  g_assert_cmpint (g_chmod (shared_db, 0644), ==, 0);
  store2 = stride_store_open (shared_db, STRIDE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (shared), ==, 0750);
  g_assert_cmpuint (file_mode (shared_db), ==, 0600);

  umask (old_umask);
  g_clear_object (&store);
  g_clear_object (&store2);

  /* A symbolic link is refused. */
  {
    g_autofree char *link = g_build_filename (dir, "link.db", NULL);
    g_autoptr(StrideStore) linked = NULL;

    g_assert_cmpint (symlink (path, link), ==, 0);
    linked = stride_store_open (link, STRIDE_STORE_OPEN_NONE, &error);
    g_assert_null (linked);
    g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  store_test_remove_tree (dir);
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.stride", NULL);
  g_autofree char *backup_wal = g_strconcat (backup, "-wal", NULL);
  gint64 first = add_patient (f->store, "Before Backup");
  gint64 visit_id = save_visit (f->store, first, 21, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideVisit) restored = NULL;
  g_autoptr(StrideVisit) expected = store_test_make_visit (21);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean saw_safety = FALSE;

  g_assert_true (stride_store_backup (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup_wal, G_FILE_TEST_EXISTS));

  /* After the backup: a new patient and the first one deleted. */
  add_patient (f->store, "After Backup");
  g_assert_true (stride_store_delete_patient (f->store, first, &error));
  g_assert_no_error (error);

  g_assert_true (stride_store_restore (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stride_store_count_patients (f->store, &error), ==, 1);
  restored = stride_store_load_visit (f->store, visit_id, NULL, &error);
  g_assert_no_error (error);
  store_test_assert_visit_equal (restored, expected);
  {
    g_autoptr(GArray) ids = search (f->store, "before");

    g_assert_cmpuint (ids->len, ==, 1);
  }

  /* The records replaced were kept beside the database, privately. */
  {
    g_autofree char *records = g_path_get_dirname (f->path);

    dir = g_dir_open (records, 0, &error);
    g_assert_no_error (error);
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        if (g_str_has_prefix (name, "stride.db.before-restore-"))
          {
            g_autofree char *safety = g_build_filename (records, name, NULL);

            saw_safety = TRUE;
            g_assert_cmpuint (file_mode (safety), ==, 0600);
            g_assert_true (file_contains (safety, "After Backup"));
          }
      }
  }
  g_assert_true (saw_safety);

  /* Two restores in the same second keep two safety copies, not one. */
  g_assert_true (stride_store_restore (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (stride_store_restore (f->store, backup, &error));
  g_assert_no_error (error);
  {
    g_autofree char *records = g_path_get_dirname (f->path);
    g_autoptr(GDir) d = g_dir_open (records, 0, NULL);
    guint n_safety = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      n_safety += g_str_has_prefix (name, "stride.db.before-restore-");
    g_assert_cmpuint (n_safety, ==, 3);
  }

  /* A file that is not a backup restores nothing. */
  {
    g_autofree char *junk = g_build_filename (f->dir, "junk.txt", NULL);

    g_assert_true (g_file_set_contents (junk, "not a database at all, just text\n", -1, NULL));
    g_assert_false (stride_store_restore (f->store, junk, &error));
    g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_A_DATABASE);
    g_clear_error (&error);
    g_assert_cmpint (stride_store_count_patients (f->store, NULL), ==, 1);
  }

  /* A database that will not open: restore the file itself. */
  g_clear_object (&f->store);
  g_assert_true (g_file_set_contents (f->path, "garbage garbage garbage garbage", -1, NULL));
  f->store = stride_store_open (f->path, STRIDE_STORE_OPEN_NONE, &error);
  g_assert_null (f->store);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  g_assert_true (stride_store_restore_file (f->path, backup, &error));
  g_assert_no_error (error);
  f->store = stride_store_open (f->path, STRIDE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stride_store_count_patients (f->store, NULL), ==, 1);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
  {
    g_autofree char *records = g_path_get_dirname (f->path);
    g_autoptr(GDir) d = g_dir_open (records, 0, NULL);
    gboolean saw_damaged = FALSE;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        if (g_str_has_prefix (name, "stride.db.damaged-") && !g_str_has_suffix (name, "-wal")
            && !g_str_has_suffix (name, "-shm"))
          {
            g_autofree char *damaged = g_build_filename (records, name, NULL);

            saw_damaged = TRUE;
            g_assert_true (file_contains (damaged, "garbage garbage"));
          }
      }
    g_assert_true (saw_damaged);
  }
}

/* ------------------------------------------------------------------------ */
/* Opening files that are not healthy                                       */
/* ------------------------------------------------------------------------ */

static void
assert_open_fails_untouched (const char *path,
                             int         code)
{
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, STRIDE_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("message: %s", error->message);

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_open_not_a_database (void)
{
  g_autofree char *dir = store_test_make_tmp_dir ("notdb");
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "Dear diary,\nthis is not a database.\n"
                                      "It is long enough to have a header of sorts... "
                                      "0123456789012345678901234567890123456789", -1, NULL));
  assert_open_fails_untouched (text, STRIDE_STORE_ERROR_NOT_A_DATABASE);

  /* Another program's SQLite database is not Stride's either. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT); "
                                     "INSERT INTO songs VALUES ('x');", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  assert_open_fails_untouched (other, STRIDE_STORE_ERROR_NOT_A_DATABASE);

  store_test_remove_tree (dir);
}

static void
test_open_too_new (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          STRIDE_STORE_SCHEMA_VERSION + 1);
  g_autoptr(GError) error = NULL;

  add_patient (f->store, "Future Person");
  g_assert_cmpint (sqlite3_exec (stride_store_get_handle (f->store), sql, NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_clear_object (&f->store);

  assert_open_fails_untouched (f->path, STRIDE_STORE_ERROR_TOO_NEW);

  /* Not migrated, not backed up, no tables dropped: the same version. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL);
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, STRIDE_STORE_SCHEMA_VERSION + 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  (void) error;
}

/* A file that claims to be Stride's but carries its own triggers: they may
 * not call the store's functions or use virtual tables. */
static void
test_open_hostile_schema (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(StridePatient) patient = stride_patient_new ();
  g_autoptr(GError) error = NULL;

  add_patient (f->store, "Before The Trigger");
  g_clear_object (&f->store);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
                                   "CREATE TRIGGER planted AFTER INSERT ON patients BEGIN"
                                   "  SELECT stride_fold (new.name);"
                                   "  INSERT INTO patient_names (rowid, name) VALUES (0, 'x');"
                                   "END;", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  f->store = stride_store_open (f->path, STRIDE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  patient->name = g_strdup ("After The Trigger");
  g_assert_cmpint (stride_store_create_patient (f->store, patient, &error), ==, 0);
  g_assert_nonnull (error);
  g_test_message ("message: %s", error->message);
  g_assert_cmpint (stride_store_count_patients (f->store, NULL), ==, 1);
}

static void
test_open_corrupt (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 page_size, n_pages;
  int fd;
  char garbage[512];

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Patient Number %u", i);
      gint64 id = add_patient (f->store, name);

      if (i % 10 == 0)
        save_visit (f->store, id, i, TRUE);
    }
  page_size = query_int (f->store, "PRAGMA page_size");
  n_pages = query_int (f->store, "PRAGMA page_count");
  g_assert_cmpint (n_pages, >, 10);
  g_clear_object (&f->store);

  /* Scribble over the middle of a page deep inside the file. */
  memset (garbage, 0xA5, sizeof garbage);
  fd = g_open (f->path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, page_size * (n_pages / 2)), ==,
                   (ssize_t) sizeof garbage);
  g_assert_cmpint (pwrite (fd, garbage, 16, page_size * 2), ==, 16);   /* a page header */
  close (fd);

  assert_open_fails_untouched (f->path, STRIDE_STORE_ERROR_CORRUPT);

  /* Opened without the check, the explicit check finds the damage too. */
  {
    g_autoptr(StrideStore) unchecked = stride_store_open (f->path,
                                                          STRIDE_STORE_OPEN_SKIP_QUICK_CHECK,
                                                          &error);

    if (unchecked != NULL)
      {
        g_assert_false (stride_store_check (unchecked, TRUE, &error));
        g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_CORRUPT);
      }
    else
      g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_CORRUPT);
  }
}

/* Runs the read-only checks; returns a failure message or NULL. */
static char *
read_only_checks (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "stride.db", NULL);
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(StridePatient) patient = stride_patient_new ();

  store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return g_strdup_printf ("could not create: %s", error->message);
  patient->name = g_strdup ("Read Only");
  if (stride_store_create_patient (store, patient, &error) == 0)
    return g_strdup_printf ("could not save: %s", error->message);
  g_clear_object (&store);

  before = read_file (path);

  /* The folder read-only: WAL cannot work, so say so clearly. */
  if (g_chmod (dir, 0500) != 0)
    return g_strdup ("chmod");
  store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &error);
  if (store != NULL || !g_error_matches (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY))
    return g_strdup_printf ("read-only folder: %s", error != NULL ? error->message : "opened");
  g_test_message ("message: %s", error->message);
  g_clear_error (&error);
  g_chmod (dir, 0700);

  /* The file read-only. */
  g_chmod (path, 0400);
  store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &error);
  if (store != NULL || !g_error_matches (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY))
    return g_strdup_printf ("read-only file: %s", error != NULL ? error->message : "opened");
  g_clear_error (&error);
  g_chmod (path, 0600);

  after = read_file (path);
  if (!g_bytes_equal (before, after))
    return g_strdup ("the file changed");

  /* And the patient saved before is still there. */
  store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &error);
  if (store == NULL || stride_store_count_patients (store, NULL) != 1)
    return g_strdup ("the patient saved before is lost");

  return NULL;
}

static void
test_open_read_only (void)
{
  g_autofree char *dir = store_test_make_tmp_dir ("readonly");
  g_autofree char *failure = NULL;

  if (geteuid () == 0)
    {
      /* Root writes anywhere: check as an ordinary user in a child, which
       * reports through a pipe. The child frees what it owns before _exit(),
       * so that under valgrind its exit status also says "no leak". */
      int status = 0;
      int fds[2];
      char report[512] = { 0 };
      ssize_t n, total = 0;
      pid_t pid;

      g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          char *message = NULL;

          close (fds[0]);
          if (setgid (65534) != 0 || setuid (65534) != 0)
            message = g_strdup ("could not become an ordinary user");
          else
            message = read_only_checks (dir);
          if (message == NULL)
            message = g_strdup ("ok");
          if (write (fds[1], message, strlen (message)) < 0)
            _exit (4);
          g_free (message);
          g_free (g_steal_pointer (&dir));
          _exit (0);
        }
      close (fds[1]);
      while ((n = read (fds[0], report + total, sizeof report - 1 - total)) > 0)
        total += n;
      close (fds[0]);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_cmpstr (report, ==, "ok");
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  else
    {
      failure = read_only_checks (dir);
      if (failure != NULL)
        g_error ("%s", failure);
    }

  g_chmod (dir, 0700);
  store_test_remove_tree (dir);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  gint64 patient_id = add_patient (f->store, "Full Disk");
  g_autoptr(StrideVisit) visit = store_test_make_visit (10);
  g_autoptr(StrideVisit) read = NULL;
  g_autoptr(StrideVisit) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *big = NULL;
  gint64 visit_id;

  g_assert_true (stride_store_save_draft (f->store, patient_id, visit, NULL, &error));
  g_assert_no_error (error);
  visit_id = g_ascii_strtoll (visit->id, NULL, 10);
  saved = stride_visit_copy (visit);

  /* The disk is now full: no page beyond those in use. */
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                         query_int (f->store, "PRAGMA page_count"));
  g_assert_cmpint (sqlite3_exec (stride_store_get_handle (f->store), sql, NULL, NULL, NULL),
                   ==, SQLITE_OK);

  big = g_strnfill (200000, 'x');
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *item = g_strdup_printf ("big.%u", i);

      stride_answers_set (visit->answers, item, STRIDE_SIDE_NONE, big);
    }
  g_assert_false (stride_store_save_draft (f->store, patient_id, visit, NULL, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_FULL);
  g_test_message ("message: %s", error->message);
  g_clear_error (&error);

  /* A new patient fails too, and the draft saved before is intact. */
  {
    g_autoptr(StridePatient) patient = stride_patient_new ();

    patient->name = g_strdup (big);
    g_assert_cmpint (stride_store_create_patient (f->store, patient, &error), ==, 0);
    g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_FULL);
    g_clear_error (&error);
  }
  read = stride_store_load_visit (f->store, visit_id, NULL, &error);
  g_assert_no_error (error);
  store_test_assert_visit_equal (read, saved);

  /* Space again: the same save now works. */
  g_assert_cmpint (sqlite3_exec (stride_store_get_handle (f->store),
                                 "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (stride_store_save_draft (f->store, patient_id, visit, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_ok (f->store));
  g_assert_true (stride_store_check (f->store, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  gint64 patient_id = add_patient (f->store, "Locked Out");
  g_autoptr(StrideVisit) visit = store_test_make_visit (11);
  g_autoptr(StrideVisit) saved = NULL;
  g_autoptr(StrideVisit) read = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  gint64 visit_id;

  g_assert_true (stride_store_save_draft (f->store, patient_id, visit, NULL, &error));
  g_assert_no_error (error);
  visit_id = g_ascii_strtoll (visit->id, NULL, 10);
  saved = stride_visit_copy (visit);

  /* Another program holds the write lock for longer than we wait. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (stride_store_get_handle (f->store), 200);

  stride_answers_set (visit->answers, "pain.worst", STRIDE_SIDE_NONE, "3");
  g_assert_false (stride_store_save_draft (f->store, patient_id, visit, NULL, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_LOCKED);
  g_test_message ("message: %s", error->message);
  g_clear_error (&error);

  /* Reading still works (WAL), and shows the last saved draft. */
  read = stride_store_load_visit (f->store, visit_id, NULL, &error);
  g_assert_no_error (error);
  store_test_assert_visit_equal (read, saved);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_assert_true (stride_store_save_draft (f->store, patient_id, visit, NULL, &error));
  g_assert_no_error (error);
}

static void
test_migration_v1 (void)
{
  g_autofree char *dir = store_test_make_tmp_dir ("migrate");
  g_autofree char *path = g_build_filename (dir, "stride.db", NULL);
  g_autofree char *script_path = g_test_build_filename (G_TEST_DIST, "store", "schema-v1.sql", NULL);
  g_autofree char *script = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(StrideVisit) visit = NULL;
  g_autoptr(StridePatient) patient = NULL;
  g_autoptr(GDir) d = NULL;
  g_autofree char *backup = NULL;
  const char *name;
  sqlite3 *db = NULL;
  int fd;

  g_file_get_contents (script_path, &script, NULL, &error);
  g_assert_no_error (error);
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  close (fd);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, script, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, STRIDE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "PRAGMA application_id"), ==, STRIDE_STORE_APPLICATION_ID);

  /* The old records, now searchable. */
  g_assert_cmpint (stride_store_count_patients (store, NULL), ==, 3);
  ids = search (store, "MULLER");
  g_assert_cmpuint (ids->len, ==, 1);
  patient = stride_store_get_patient (store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (patient->name, ==, "Jürgen Müller");
  g_assert_cmpuint (g_date_get_year (&patient->birth_date), ==, 1980);
  g_assert_null (patient->language);
  g_clear_pointer (&ids, g_array_unref);
  ids = search (store, "je");
  g_assert_cmpuint (ids->len, ==, 1);

  visit = stride_store_load_visit (store, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (visit->status, ==, STRIDE_VISIT_FINAL);
  g_assert_cmpint (visit->kind, ==, STRIDE_VISIT_INITIAL);
  g_assert_cmpstr (visit->clinician, ==, "K. Berg");
  g_assert_cmpstr (stride_answers_get (visit->answers, "pain.worst", STRIDE_SIDE_NONE), ==, "6");
  g_assert_cmpstr (stride_answers_get (visit->answers, "test.sls", STRIDE_SIDE_LEFT), ==, "12");
  g_assert_cmpuint (stride_answers_get_size (visit->answers), ==, 3);

  /* The final visit stays final; new features work on old records. */
  {
    g_free (visit->notes);
    visit->notes = g_strdup ("after the upgrade");
    g_assert_cmpuint (stride_store_amend_visit (store, visit, NULL, "added a note", &error),
                      ==, 1);
    g_assert_no_error (error);
    save_visit (store, 2, 33, FALSE);
  }
  g_assert_true (integrity_ok (store));

  /* The automatic backup, taken first, holds version 1. */
  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_prefix (name, "stride.db.v1-backup-"))
        backup = g_build_filename (dir, name, NULL);
    }
  g_assert_nonnull (backup);
  g_assert_cmpuint (file_mode (backup), ==, 0600);
  g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);

  g_clear_object (&store);
  store_test_remove_tree (dir);
}

static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(StrideAssessment) assessment = stride_assessment_new ();
  g_autoptr(StrideAssessment) record = NULL;
  g_autoptr(GError) error = NULL;
  StrideVisit *broken;
  gint64 patient_id = 0;

  assessment->patient->name = g_strdup ("Imported Person");
  assessment->patient->id = g_strdup ("doc-7");
  g_ptr_array_add (assessment->visits, store_test_make_visit (40));
  g_ptr_array_add (assessment->visits, store_test_make_visit (41));
  ((StrideVisit *) g_ptr_array_index (assessment->visits, 0))->status = STRIDE_VISIT_FINAL;

  g_assert_true (stride_store_import_assessment (f->store, assessment, &patient_id, &error));
  g_assert_no_error (error);
  record = stride_store_load_patient_record (f->store, patient_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->patient->name, ==, "Imported Person");
  g_assert_cmpuint (record->visits->len, ==, 2);
  g_assert_cmpint (((StrideVisit *) g_ptr_array_index (record->visits, 0))->status, ==,
                   STRIDE_VISIT_FINAL);

  /* A broken last visit: nothing of the second import stays. */
  broken = store_test_make_visit (42);
  g_ptr_array_add (broken->overrides, g_new0 (StrideOverride, 1));
  g_ptr_array_add (assessment->visits, broken);
  g_assert_false (stride_store_import_assessment (f->store, assessment, NULL, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_assert_cmpint (stride_store_count_patients (f->store, NULL), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM visits"), ==, 2);

  /* And the store still saves normally afterwards. */
  save_visit (f->store, patient_id, 43, FALSE);
  g_assert_true (integrity_ok (f->store));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("patient/crud", test_patient_crud);
  ADD ("patient/find-same", test_find_same_patient);
  g_test_add_func ("/store/search/fold", test_fold);
  ADD ("search/accents-case-parts", test_search);
  ADD ("patient/summary-recent", test_summary_and_recent);
  ADD ("visit/drafts", test_drafts);
  ADD ("visit/finalise-amend", test_finalise_amend);
  ADD ("visit/history-assessment", test_history_and_assessment);
  ADD ("patient/delete-for-good", test_delete_for_good);
  ADD ("patient/import-all-or-nothing", test_import_all_or_nothing);
  g_test_add_func ("/store/file/modes", test_file_modes);
  ADD ("file/backup-restore", test_backup_restore);
  g_test_add_func ("/store/open/not-a-database", test_open_not_a_database);
  ADD ("open/too-new", test_open_too_new);
  ADD ("open/corrupt", test_open_corrupt);
  ADD ("open/hostile-schema", test_open_hostile_schema);
  g_test_add_func ("/store/open/read-only", test_open_read_only);
  ADD ("save/disk-full", test_disk_full);
  ADD ("save/locked", test_locked);
  g_test_add_func ("/store/migration/v1", test_migration_v1);

  return g_test_run ();
}
