/* test-cli-validate.c: `stride-cli validate` as scripts see it: "FILE: ok" and
 * exit 0, "FILE:LINE: message" on stderr and exit 1 for every file of the
 * bad catalogue (the same message as tests/bad/NAME.expected), exit 2 for
 * usage errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs stride-cli with @argv (NULL-terminated, without the program) in @cwd. */
static void
run_cli (const char         *cwd,
         const char * const *args,
         Run                *run)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("STRIDE_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static char *
source_path (const char *first,
             ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, (gpointer) g_getenv ("STRIDE_SOURCE_DIR"));
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static void
test_validate_good (void)
{
  g_autofree char *top = source_path (NULL);
  g_auto(Run) run = { 0 };
  const char *args[] = { "validate", "tests/documents/good-minimal.xml",
                         "data/protocol/protocol.xml", "data/exercises/phase-2.xml", NULL };

  run_cli (top, args, &run);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "tests/documents/good-minimal.xml: ok (assessment document)\n"
                   "data/protocol/protocol.xml: ok (protocol)\n"
                   "data/exercises/phase-2.xml: ok (exercise library)\n");
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_validate_catalogue (void)
{
  g_autofree char *bad = source_path ("tests", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (bad, 0, NULL);
  const char *name;
  guint checked = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *base = NULL;
      g_autofree char *expected_path = NULL;
      g_autofree char *expected = NULL;
      g_auto(Run) run = { 0 };
      const char *args[] = { "validate", name, NULL };

      if (!g_str_has_suffix (name, ".xml"))
        continue;

      base = g_strndup (name, strlen (name) - 4);
      expected_path = g_strconcat (bad, G_DIR_SEPARATOR_S, base, ".expected", NULL);
      g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));

      g_test_message ("%s", name);
      run_cli (bad, args, &run);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, expected);
      g_assert_cmpint (run.status, ==, 1);
      checked++;
    }

  g_assert_cmpuint (checked, >=, 40);
}

/* One bad file among good ones: each is reported, and the status says bad. */
static void
test_validate_mixed (void)
{
  g_autofree char *top = source_path (NULL);
  g_auto(Run) run = { 0 };
  const char *args[] = { "validate", "--quiet", "tests/documents/good-minimal.xml",
                         "tests/bad/unknown-item.xml", "data/protocol/protocol.xml", NULL };

  run_cli (top, args, &run);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "tests/bad/unknown-item.xml:8: unknown item “knee-colour”\n");
  g_assert_cmpint (run.status, ==, 1);
}

static void
test_validate_usage (void)
{
  g_autofree char *top = source_path (NULL);
  const char *no_file[] = { "validate", NULL };
  const char *bad_option[] = { "validate", "--no-such-option", "x.xml", NULL };
  const char *missing[] = { "validate", "no-such-file.xml", NULL };
  g_auto(Run) run1 = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) run3 = { 0 };

  run_cli (top, no_file, &run1);
  g_assert_cmpint (run1.status, ==, 2);
  g_assert_nonnull (strstr (run1.err, "no file given"));

  run_cli (top, bad_option, &run2);
  g_assert_cmpint (run2.status, ==, 2);

  /* A file that is not there is bad input, not a usage error. */
  run_cli (top, missing, &run3);
  g_assert_cmpint (run3.status, ==, 1);
  g_assert_cmpstr (run3.err, ==,
                   "no-such-file.xml: cannot open the file: No such file or directory\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/validate/good", test_validate_good);
  g_test_add_func ("/cli/validate/catalogue", test_validate_catalogue);
  g_test_add_func ("/cli/validate/mixed", test_validate_mixed);
  g_test_add_func ("/cli/validate/usage", test_validate_usage);

  return g_test_run ();
}
