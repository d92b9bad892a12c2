/* test-cli-store.c: stride-cli's database commands, run as a user would
 * (patients, history, import, export, backup, restore, and --db)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "store-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* The name in the test document: it must never appear on stderr. */
#define PATIENT_NAME "Test Patient"

static void
run_cli (Run        *run,
         const char *db,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("STRIDE_CLI");
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, (char *) db);
    }
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;

  /* Names stay out of messages, whatever the command. */
  g_assert_null (strstr (run->err, PATIENT_NAME));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

static char *
document (void)
{
  return g_test_build_filename (G_TEST_DIST, "documents", "good-minimal.xml", NULL);
}

static void
test_cli_records (void)
{
  g_autofree char *dir = store_test_make_tmp_dir ("cli");
  g_autofree char *db = g_build_filename (dir, "new", "stride.db", NULL);
  g_autofree char *new_dir = g_path_get_dirname (db);
  g_autofree char *doc = document ();
  g_autofree char *exported = g_build_filename (dir, "visit.xml", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.xml", NULL);
  g_auto(Run) run = { 0 };
  g_auto(GStrv) fields = NULL;
  GStatBuf st;

  /* An empty new database: its folder 0700, the file 0600. */
  run_cli (&run, db, "patients", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (g_stat (new_dir, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  run_cli (&run, db, "import", doc, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "patient 1, 1 visit"));

  run_cli (&run, db, "patients", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1\t" PATIENT_NAME "\t-\t2026-11-24\t1\n");
  run_cli (&run, db, "patients", "--search", "TÉST pat", NULL);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  run_cli (&run, db, "patients", "--search", "ent", NULL);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  run_cli (&run, db, "patients", "--search", "xyz", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  run_cli (&run, db, "history", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  fields = g_strsplit (run.out, "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 11);
  g_assert_cmpstr (fields[1], ==, "2026-11-24");
  g_assert_cmpstr (fields[2], ==, "initial");
  g_assert_cmpstr (fields[3], ==, "draft");

  run_cli (&run, db, "history", "abc", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, db, "history", "99", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "99"));

  /* Export: a document that validates, to a file or stdout. */
  run_cli (&run, db, "export", "--visit", "1", "-o", exported, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, NULL, "validate", exported, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, db, "export", "--patient", "1", "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "<name>" PATIENT_NAME "</name>"));
  g_assert_nonnull (strstr (run.out, "worst-pain"));
  run_cli (&run, db, "export", "--patient", "1", "--visit", "1", "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, db, "export", "--visit", "1", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, db, "export", "--visit", "7", "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 1);

  /* Round trip: the exported document imports as a second patient. */
  run_cli (&run, db, "import", exported, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "patient 2, 1 visit"));

  /* A bad file imports nothing, and says where it is wrong. */
  g_assert_true (g_file_set_contents (bad, "<assessment version=\"1\"><patient>", -1, NULL));
  run_cli (&run, db, "import", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, bad));
  run_cli (&run, db, "patients", NULL);
  g_assert_cmpuint (count_lines (run.out), ==, 2);

  run_cli (&run, db, "import", NULL);
  g_assert_cmpint (run.status, ==, 2);

  store_test_remove_tree (dir);
}

static void
test_cli_backup_restore (void)
{
  g_autofree char *dir = store_test_make_tmp_dir ("cli-backup");
  g_autofree char *db = g_build_filename (dir, "stride.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *doc = document ();
  g_auto(Run) run = { 0 };
  GStatBuf st;

  g_assert_cmpint (g_chmod (dir, 0750), ==, 0);

  run_cli (&run, db, "import", doc, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, db, "backup", "-o", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  /* --db never changes the mode of a folder that exists. */
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0750);

  run_cli (&run, db, "backup", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* A second patient after the backup; restoring brings back one. */
  run_cli (&run, db, "import", doc, NULL);
  run_cli (&run, db, "patients", NULL);
  g_assert_cmpuint (count_lines (run.out), ==, 2);
  run_cli (&run, db, "restore", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, db, "patients", NULL);
  g_assert_cmpuint (count_lines (run.out), ==, 1);

  /* A database that will not open: restore puts the backup in its place. */
  g_assert_true (g_file_set_contents (db, "this file was overwritten by accident", -1, NULL));
  run_cli (&run, db, "patients", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "not a Stride database"));
  run_cli (&run, db, "restore", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, db, "patients", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1);

  /* Not a backup: nothing changes. */
  run_cli (&run, db, "restore", doc, NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_cli (&run, db, "patients", NULL);
  g_assert_cmpuint (count_lines (run.out), ==, 1);

  store_test_remove_tree (dir);
}

/* evaluate reads a stored visit (with the visits before it) the same way it
 * reads the document that was imported. */
static void
test_cli_evaluate_stored_visit (void)
{
  g_autofree char *dir = store_test_make_tmp_dir ("cli-evaluate");
  g_autofree char *db = g_build_filename (dir, "stride.db", NULL);
  g_autofree char *doc = g_build_filename (g_getenv ("STRIDE_SOURCE_DIR"), "tests", "cases",
                                           "followup-progress.xml", NULL);
  g_autofree char *from_file = NULL;
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, "evaluate", doc, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "followup: "));
  from_file = g_strdup (run.out);

  run_cli (&run, db, "import", doc, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The follow-up is the last of the imported visits. */
  run_cli (&run, db, "history", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (g_strstrip (run.out), "\n", -1);
    g_auto(GStrv) fields = g_strsplit (lines[g_strv_length (lines) - 1], "\t", -1);

    /* Imported visits carry their key measures: worst pain, and LSI with one
     * decimal as evaluate prints it. */
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    g_assert_cmpuint (g_strv_length (fields), >=, 11);
    g_assert_cmpstr (fields[5], !=, "-");
    g_assert_true (g_regex_match_simple ("MT-SLS:left=[0-9.]+,right=[0-9.]+,lsi=[0-9]+\\.[0-9] ",
                                         fields[10], 0, 0));

    run_cli (&run, db, "evaluate", "--visit", fields[0], NULL);
  }
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, from_file);

  run_cli (&run, db, "evaluate", "--visit", "999", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");

  run_cli (&run, db, "evaluate", "--visit", "1", doc, NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, db, "evaluate", "--visit", "x", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/store/records", test_cli_records);
  g_test_add_func ("/cli/store/backup-restore", test_cli_backup_restore);
  g_test_add_func ("/cli/store/evaluate-stored-visit", test_cli_evaluate_stored_visit);

  return g_test_run ();
}
