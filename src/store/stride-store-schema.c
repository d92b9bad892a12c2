/* stride-store-schema.c: the database schema and its migrations
 *
 * Version history (`PRAGMA user_version`):
 *   1  patients, visits and answers only
 *   2  folded names with a trigram index and first letters for search, the
 *      patient's sheet language, revisions (amendments), overrides, plans,
 *      the findings summary
 *
 * Stored values are the string forms of stride-types.h, never enum numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-i18n.h"
#include "stride-store-private.h"

/* The three tables version 1 had, as version 2 creates them. */
static const char schema_base_v2[] =
  "CREATE TABLE patients ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  birth_date TEXT,"                        /* YYYY-MM-DD */
  "  sex TEXT,"
  "  contact TEXT,"
  "  notes TEXT,"
  "  created TEXT NOT NULL,"                  /* UTC ISO 8601 */
  "  updated TEXT NOT NULL,"
  "  name_folded TEXT NOT NULL DEFAULT '',"   /* stride_store_fold_name() */
  "  language TEXT,"
  "  last_activity TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE visits ("
  "  id INTEGER PRIMARY KEY,"
  "  patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,"
  "  date TEXT,"
  "  kind TEXT NOT NULL,"                     /* initial | follow-up */
  "  status TEXT NOT NULL,"                   /* draft | final */
  "  clinician TEXT,"
  "  notes TEXT,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  finalised TEXT"
  ");"
  "CREATE TABLE answers ("
  "  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL,"
  "  item TEXT NOT NULL,"
  "  side TEXT NOT NULL,"                     /* '' | left | right */
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (visit_id, revision, item, side)"
  ") WITHOUT ROWID;";

/* Everything version 2 added beyond the three base tables. Content tables are
 * keyed by (visit_id, revision): revision 0 is the draft or the visit as
 * finalised, revision n the content after amendment n. */
static const char schema_additions_v2[] =
  "CREATE INDEX patients_activity ON patients (last_activity);"
  "CREATE INDEX visits_patient ON visits (patient_id, date);"
  "CREATE TRIGGER visits_final_unchanged BEFORE UPDATE ON visits"
  "  WHEN old.status = 'final'"
  "  BEGIN SELECT RAISE (ABORT, 'a final visit is never changed in place'); END;"

  /* Search: a trigram index of the folded name with a space in front, so
   * that " mu" is a trigram that finds a word starting with "mu": any part
   * for 3 letters and more, a word's start for 2. Contentless: the names are
   * in patients. Kept up to date by stride_store_index_name(), not by
   * triggers, so that the connection can refuse virtual tables in triggers
   * (trusted_schema off) for files that come from elsewhere. */
  "CREATE VIRTUAL TABLE patient_names USING fts5 ("
  "  name, content = '', tokenize = 'trigram');"
  /* … and the first letter of each word, for one letter. */
  "CREATE TABLE name_prefixes ("
  "  prefix TEXT NOT NULL,"
  "  patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (prefix, patient_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX name_prefixes_patient ON name_prefixes (patient_id);"

  "CREATE TABLE overrides ("
  "  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  what TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  PRIMARY KEY (visit_id, revision, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE plans ("
  "  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL,"
  "  running_rule TEXT NOT NULL,"
  "  walkrun_stage INTEGER NOT NULL,"
  "  spike_limit_km REAL,"                    /* NULL: no spike limit */
  "  shortened_minutes REAL,"                 /* NULL: not shortened */
  "  shortened_km REAL,"
  "  paused INTEGER NOT NULL,"
  "  detail TEXT,"
  "  next_review TEXT,"
  "  maintenance INTEGER NOT NULL,"
  "  edited INTEGER NOT NULL,"
  "  PRIMARY KEY (visit_id, revision)"
  ") WITHOUT ROWID;"
  "CREATE TABLE plan_items ("
  "  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  exercise_id TEXT NOT NULL,"
  "  sets INTEGER NOT NULL,"
  "  reps INTEGER NOT NULL,"
  "  seconds INTEGER NOT NULL,"
  "  each_side INTEGER NOT NULL,"
  "  frequency TEXT,"
  "  note TEXT,"
  "  PRIMARY KEY (visit_id, revision, position)"
  ") WITHOUT ROWID;"
  /* The plan's id lists: list is 'advice' (running) or 'education'. */
  "CREATE TABLE plan_lists ("
  "  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL,"
  "  list TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (visit_id, revision, list, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE findings_summary ("
  "  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL,"
  "  worst_pain REAL,"
  "  run_pain REAL,"
  "  irritability TEXT,"
  "  phase INTEGER NOT NULL,"
  "  triage TEXT NOT NULL,"
  "  rtr_met INTEGER NOT NULL,"
  "  rtr_total INTEGER NOT NULL,"
  "  PRIMARY KEY (visit_id, revision)"
  ") WITHOUT ROWID;"
  "CREATE TABLE summary_tests ("
  "  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  test_id TEXT NOT NULL,"
  "  value_none REAL,"                        /* NULL: not tested */
  "  value_left REAL,"
  "  value_right REAL,"
  "  lsi REAL,"
  "  PRIMARY KEY (visit_id, revision, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE amendments ("
  "  id INTEGER PRIMARY KEY,"
  "  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL,"
  "  time TEXT NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  date TEXT,"
  "  kind TEXT NOT NULL,"
  "  clinician TEXT,"
  "  notes TEXT,"
  "  UNIQUE (visit_id, revision)"
  ");"
  "CREATE TABLE amendment_changes ("
  "  amendment_id INTEGER NOT NULL REFERENCES amendments (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  PRIMARY KEY (amendment_id, position)"
  ") WITHOUT ROWID;";

/* Content of revision 0 of a final visit is never written again. */
static const char *const content_tables[] = {
  "answers", "overrides", "plans", "plan_items", "plan_lists",
  "findings_summary", "summary_tests",
};

static gboolean
create_final_guards (sqlite3  *db,
                     GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (content_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "CREATE TRIGGER %s_final_unchanged BEFORE INSERT ON %s"
        "  WHEN new.revision = 0"
        "   AND (SELECT status FROM visits WHERE id = new.visit_id) = 'final'"
        "  BEGIN SELECT RAISE (ABORT, 'a final visit is never changed in place'); END;",
        content_tables[i], content_tables[i]);

      if (!stride_store_exec (db, sql, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_version (sqlite3  *db,
             int       version,
             GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                          STRIDE_STORE_APPLICATION_ID, version);

  return stride_store_exec (db, sql, error);
}

/**
 * stride_store_schema_create:
 * @db: an empty database, inside a transaction
 *
 * Creates the current schema.
 */
gboolean
stride_store_schema_create (sqlite3  *db,
                            GError  **error)
{
  return stride_store_exec (db, schema_base_v2, error)
         && stride_store_exec (db, schema_additions_v2, error)
         && create_final_guards (db, error)
         && set_version (db, STRIDE_STORE_SCHEMA_VERSION, error);
}

/* The first letter of each word of a folded name, each once. */
static GPtrArray *
name_prefixes (const char *folded)
{
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      glong n_chars = g_utf8_strlen (word, -1);

      for (glong n = 1; n <= MIN (n_chars, 1); n++)
        {
          const char *end = g_utf8_offset_to_pointer (word, n);
          char *prefix = g_strndup (word, end - word);

          if (g_ptr_array_find_with_equal_func (prefixes, prefix, g_str_equal, NULL))
            g_free (prefix);
          else
            g_ptr_array_add (prefixes, prefix);
        }
    }

  return prefixes;
}

static int
step_once (sqlite3    *db,
           const char *sql,
           gint64      patient_id,
           const char *text)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, patient_id);
      if (text != NULL)
        sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/**
 * stride_store_index_name:
 * @old_folded: (nullable): the folded name the index holds for @patient_id
 * @new_folded: (nullable): the folded name it should hold from now on
 *
 * Keeps the search index of one patient: the trigrams of the name (a
 * contentless FTS5 table is told the old value to remove it) and the first
 * letter of each word. Call it in the transaction that changes the name.
 */
gboolean
stride_store_index_name (sqlite3     *db,
                         gint64       patient_id,
                         const char  *old_folded,
                         const char  *new_folded,
                         GError     **error)
{
  g_autoptr(GPtrArray) prefixes = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  if (old_folded != NULL)
    {
      g_autofree char *old_text = g_strconcat (" ", old_folded, NULL);

      rc = step_once (db, "INSERT INTO patient_names (patient_names, rowid, name)"
                          " VALUES ('delete', ?1, ?2)", patient_id, old_text);
    }
  if (rc == SQLITE_OK)
    rc = step_once (db, "DELETE FROM name_prefixes WHERE patient_id = ?1", patient_id, NULL);

  if (rc == SQLITE_OK && new_folded != NULL)
    {
      g_autofree char *new_text = g_strconcat (" ", new_folded, NULL);

      rc = step_once (db, "INSERT INTO patient_names (rowid, name) VALUES (?1, ?2)",
                      patient_id, new_text);
      prefixes = name_prefixes (new_folded);
      if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v3 (db, "INSERT INTO name_prefixes (prefix, patient_id) VALUES (?, ?)",
                                 -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      for (guint i = 0; rc == SQLITE_OK && i < prefixes->len; i++)
        {
          sqlite3_bind_text (stmt, 1, g_ptr_array_index (prefixes, i), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, patient_id);
          rc = sqlite3_step (stmt);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
    }

  if (rc != SQLITE_OK)
    {
      stride_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"),
                                     _("Could not index a patient’s name."));
      return FALSE;
    }

  return TRUE;
}

static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded = stride_store_fold_name (text);

  sqlite3_result_text (context, folded, -1, g_free);
}

/**
 * stride_store_register_functions:
 *
 * `stride_fold(text)`: stride_store_fold_name() in SQL, for migrations.
 */
void
stride_store_register_functions (sqlite3 *db)
{
  sqlite3_create_function_v2 (db, "stride_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                              NULL, fold_function, NULL, NULL, NULL);
}

static gboolean
migrate_1_to_2 (sqlite3  *db,
                GError  **error)
{
  static const char alter[] =
    "ALTER TABLE patients ADD COLUMN name_folded TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE patients ADD COLUMN language TEXT;"
    "ALTER TABLE patients ADD COLUMN last_activity TEXT NOT NULL DEFAULT '';"
    "UPDATE patients SET name_folded = stride_fold (name), last_activity = updated;"
    "ALTER TABLE visits ADD COLUMN finalised TEXT;"
    "UPDATE visits SET finalised = updated WHERE status = 'final';"
    /* Answers gain a revision: version 1 had no amendments, so all are 0. */
    "CREATE TABLE answers_v2 ("
    "  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,"
    "  revision INTEGER NOT NULL,"
    "  item TEXT NOT NULL,"
    "  side TEXT NOT NULL,"
    "  value TEXT NOT NULL,"
    "  PRIMARY KEY (visit_id, revision, item, side)"
    ") WITHOUT ROWID;"
    "INSERT INTO answers_v2 (visit_id, revision, item, side, value)"
    "  SELECT visit_id, 0, item, side, value FROM answers;"
    "DROP TABLE answers;"
    "ALTER TABLE answers_v2 RENAME TO answers;";
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!stride_store_exec (db, alter, error)
      || !stride_store_exec (db, schema_additions_v2, error)
      || !create_final_guards (db, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "SELECT id, name_folded FROM patients", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!stride_store_index_name (db, sqlite3_column_int64 (stmt, 0), NULL,
                                    (const char *) sqlite3_column_text (stmt, 1), error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      stride_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"),
                                     _("Could not upgrade the database."));
      return FALSE;
    }

  return set_version (db, 2, error);
}

/**
 * stride_store_schema_migrate:
 * @db: a database of an older version, inside a transaction
 * @from_version: its `user_version`, ≥ 1
 *
 * Upgrades it step by step to %STRIDE_STORE_SCHEMA_VERSION.
 */
gboolean
stride_store_schema_migrate (sqlite3  *db,
                             int       from_version,
                             GError  **error)
{
  g_return_val_if_fail (from_version >= 1, FALSE);

  for (int version = from_version; version < STRIDE_STORE_SCHEMA_VERSION; version++)
    {
      gboolean ok = FALSE;

      switch (version)
        {
        case 1:
          ok = migrate_1_to_2 (db, error);
          break;
        default:
          g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_FAILED,
                       _("No upgrade from database version %d is known."), version);
          break;
        }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}
