/* test-store-crash.c: a writer killed at random moments loses nothing that
 * it was told was saved, and two programs writing at once lose nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stride-store-private.h"
#include "store-test-util.h"

#define N_KILLS 220

typedef struct
{
  gint64   visit_id;
  guint    seed;
  gboolean final;
} Saved;

static const char *
writer_path (void)
{
  const char *path = g_getenv ("STRIDE_STORE_TEST_WRITER");

  if (path == NULL)
    g_error ("STRIDE_STORE_TEST_WRITER is not set: run this test through meson");
  return path;
}

static GPid
spawn_writer (const char *db,
              guint       first_seed,
              guint       count,
              int        *out_stdout)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *seed = g_strdup_printf ("%u", first_seed);
  g_autofree char *n = g_strdup_printf ("%u", count);
  const char *argv[] = { writer_path (), db, seed, n, NULL };
  GPid pid = 0;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, out_stdout, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

/* Waits up to @timeout_ms for the writer to print a whole line (its first
 * save returned), keeping what it read in @out. */
static gboolean
wait_for_line (int      fd,
               GString *out,
               int      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (strchr (out->str, '\n') == NULL)
    {
      GPollFD poll_fd = { fd, G_IO_IN | G_IO_HUP, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      char buffer[4096];
      ssize_t n;

      if (left <= 0 || g_poll (&poll_fd, 1, (int) left) <= 0)
        return FALSE;
      n = read (fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      g_string_append_len (out, buffer, n);
    }

  return TRUE;
}

/* Reads the writer's output to the end; only whole lines count (a line cut
 * short means its printf did not finish, but the save before it did: such a
 * visit is simply not checked). */
static void
collect_saved (int      fd,
               GString *out,
               GArray  *saved)
{
  g_auto(GStrv) lines = NULL;
  char buffer[4096];
  ssize_t n;

  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (out, buffer, n);
    }
  close (fd);

  lines = g_strsplit (out->str, "\n", -1);
  /* The last piece has no newline: it is empty or cut short. */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", -1);
      Saved s;

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      s.visit_id = g_ascii_strtoll (fields[0], NULL, 10);
      s.seed = (guint) g_ascii_strtoull (fields[1], NULL, 10);
      s.final = g_str_equal (fields[2], "final");
      g_assert_cmpint (s.visit_id, >, 0);
      g_array_append_val (saved, s);
    }
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
  if (!ok)
    g_test_message ("integrity_check: %s", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return ok;
}

/* Every visit in @saved is in the database exactly as it was saved. */
static void
assert_all_present (StrideStore *store,
                    GArray      *saved)
{
  for (guint i = 0; i < saved->len; i++)
    {
      const Saved *s = &g_array_index (saved, Saved, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(StrideVisit) expected = store_test_make_visit (s->seed);
      g_autoptr(StrideFindingsSummary) expected_summary = store_test_make_summary (s->seed);
      g_autoptr(StrideVisit) visit = stride_store_load_visit (store, s->visit_id, NULL, &error);
      g_autoptr(StrideFindingsSummary) summary = NULL;
      g_autofree char *why = NULL;

      if (visit == NULL)
        g_error ("visit %" G_GINT64_FORMAT " (seed %u) was saved but is missing: %s",
                 s->visit_id, s->seed, error->message);
      if (!store_test_visits_equal (visit, expected, &why))
        g_error ("visit %" G_GINT64_FORMAT " (seed %u) differs in its %s",
                 s->visit_id, s->seed, why);
      g_assert_cmpint (visit->status, ==, s->final ? STRIDE_VISIT_FINAL : STRIDE_VISIT_DRAFT);

      summary = stride_store_load_summary (store, s->visit_id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (summary);
      g_assert_true (stride_findings_summary_equal (summary, expected_summary));
    }
}

static void
test_sigkill (void)
{
  g_autofree char *dir = store_test_make_tmp_dir ("crash");
  g_autofree char *db = g_build_filename (dir, "stride.db", NULL);
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (Saved));
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint runs_with_saves = 0;
  gint64 started = g_get_monotonic_time ();

  for (guint run = 0; run < N_KILLS; run++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      int out = -1;
      int status = 0;
      guint before = saved->len;
      GPid pid = spawn_writer (db, run * 1000, 0, &out);

      /* Even runs: a random moment from the start, so kills land in start-up
       * (opening, creating the schema, quick_check) as well as in saves.
       * Odd runs: a random moment after the first save returned, however
       * slow start-up is (a sanitizer build, a busy machine). */
      if (run % 2 == 1 && !wait_for_line (out, text, 20000))
        g_error ("run %u: the writer saved nothing in 20 s", run);
      g_usleep (g_rand_int_range (rand, 500, run % 2 == 1 ? 30000 : 70000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      collect_saved (out, text, saved);

      /* A writer that failed rather than being killed is a bug. */
      if (WIFEXITED (status))
        g_error ("run %u: the writer exited with %d instead of being killed", run,
                 WEXITSTATUS (status));
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      if (saved->len > before)
        runs_with_saves++;
    }

  g_test_message ("%d kills, %u saves reported, %u runs saved something, %.1f s",
                  N_KILLS, saved->len, runs_with_saves,
                  (g_get_monotonic_time () - started) / 1e6);
  /* Otherwise the test would prove nothing. */
  g_assert_cmpuint (runs_with_saves, >=, N_KILLS / 2);
  g_assert_cmpuint (saved->len, >=, 200);

  store = stride_store_open (db, STRIDE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (integrity_ok (store));
  assert_all_present (store, saved);

  g_clear_object (&store);
  store_test_remove_tree (dir);
}

static void
test_two_writers (void)
{
  g_autofree char *dir = store_test_make_tmp_dir ("two");
  g_autofree char *db = g_build_filename (dir, "stride.db", NULL);
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (Saved));
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(StridePatient) patient = stride_patient_new ();
  g_autoptr(GError) error = NULL;
  gint64 patient_id;
  int out = -1, status = 0;
  const guint count = 150;
  GPid pid;

  store = stride_store_open (db, STRIDE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  patient->name = g_strdup ("App Patient");
  patient_id = stride_store_create_patient (store, patient, &error);
  g_assert_no_error (error);

  /* The other program (as stride-cli would) writes while the app does. */
  pid = spawn_writer (db, 500000, count, &out);
  for (guint i = 0; i < count; i++)
    {
      guint seed = 600000 + i;
      g_autoptr(StrideVisit) visit = store_test_make_visit (seed);
      g_autoptr(StrideFindingsSummary) summary = store_test_make_summary (seed);
      Saved s;

      if (seed % 3 == 0)
        stride_store_finalise_visit (store, patient_id, visit, summary, &error);
      else
        stride_store_save_draft (store, patient_id, visit, summary, &error);
      g_assert_no_error (error);

      /* … and the app keeps editing a draft, as the clinician types. */
      if (i % 10 == 5)
        {
          s = g_array_index (saved, Saved, saved->len - 1);
          if (!s.final)
            {
              g_autoptr(StrideVisit) again = store_test_make_visit (s.seed);
              g_autoptr(StrideFindingsSummary) again_summary = store_test_make_summary (s.seed);

              g_free (again->id);
              again->id = g_strdup_printf ("%" G_GINT64_FORMAT, s.visit_id);
              stride_store_save_draft (store, patient_id, again, again_summary, &error);
              g_assert_no_error (error);
            }
        }

      s.visit_id = g_ascii_strtoll (visit->id, NULL, 10);
      s.seed = seed;
      s.final = seed % 3 == 0;
      g_array_append_val (saved, s);
    }

  {
    g_autoptr(GString) text = g_string_new (NULL);

    collect_saved (out, text, saved);
  }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_cmpuint (saved->len, ==, 2 * count);
  g_assert_true (integrity_ok (store));
  g_assert_cmpint (stride_store_count_patients (store, NULL), ==, 2);
  assert_all_present (store, saved);
  {
    g_autoptr(GPtrArray) history = stride_store_list_history (store, patient_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, count);
  }

  g_clear_object (&store);
  store_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/crash/sigkill", test_sigkill);
  g_test_add_func ("/store/concurrent/two-writers", test_two_writers);

  return g_test_run ();
}
