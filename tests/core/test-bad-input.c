/* test-bad-input.c: the catalogue of bad files (tests/bad/NAME.xml, each with
 * NAME.expected holding the exact message) is refused with that message, and
 * reading a bad file writes nothing
 *
 * Each file is copied into an empty directory and read from there by its
 * bare name, as `stride-cli validate NAME.xml` would be; afterwards the
 * directory must hold exactly that file, unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "stride-validate.h"
#include "stride-xml.h"

static char *
bad_dir (void)
{
  return g_build_filename (g_getenv ("STRIDE_SOURCE_DIR"), "tests", "bad", NULL);
}

static GPtrArray *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

/* Reads @name inside @workdir and checks the message and that nothing was written. */
static void
assert_refused_in (const char *workdir,
                   const char *name,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *path = g_build_filename (workdir, name, NULL);
  g_autofree char *before_bytes = NULL;
  g_autofree char *after_bytes = NULL;
  gsize before_len = 0, after_len = 0;
  GStatBuf before_st, after_st;
  StrideFileKind kind;
  gboolean ok;

  g_assert_cmpint (g_stat (path, &before_st), ==, 0);
  if (before_st.st_size < 1024 * 1024)
    g_assert_true (g_file_get_contents (path, &before_bytes, &before_len, NULL));

  g_assert_cmpint (g_chdir (workdir), ==, 0);
  ok = stride_validate_file (name, &kind, &error);
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, expected);

  /* Nothing written: the directory holds the one file, unchanged. */
  after = list_dir (workdir);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (after, 0), ==, name);
  g_assert_cmpint (g_stat (path, &after_st), ==, 0);
  g_assert_cmpint (after_st.st_size, ==, before_st.st_size);
  g_assert_cmpint (after_st.st_mtime, ==, before_st.st_mtime);
  g_assert_cmpint (after_st.st_mode, ==, before_st.st_mode);
  if (before_bytes != NULL)
    {
      g_assert_true (g_file_get_contents (path, &after_bytes, &after_len, NULL));
      g_assert_cmpmem (before_bytes, before_len, after_bytes, after_len);
    }
}

static void
test_bad_file (gconstpointer data)
{
  const char *base = data;
  g_autofree char *source_dir = bad_dir ();
  g_autofree char *name = g_strconcat (base, ".xml", NULL);
  g_autofree char *source = g_build_filename (source_dir, name, NULL);
  g_autofree char *expected_path = g_strconcat (source_dir, G_DIR_SEPARATOR_S, base,
                                                ".expected", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *workdir = g_dir_make_tmp ("stride-bad-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (workdir, name, NULL);
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, &error));
  g_assert_no_error (error);
  g_strchomp (expected);
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, &error));
  g_assert_no_error (error);

  assert_refused_in (workdir, name, expected);

  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_assert_cmpint (g_rmdir (workdir), ==, 0);
}

/* A file one byte over the cap is refused before it is read; it is made
 * here (sparse) rather than kept in the repository. */
static void
test_bad_over_size_cap (void)
{
  g_autofree char *workdir = g_dir_make_tmp ("stride-bad-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (workdir, "over-size-cap.xml", NULL);
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "<assessment>", 12), ==, 12);
  g_assert_cmpint (ftruncate (fd, STRIDE_XML_DEFAULT_MAX_SIZE + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  assert_refused_in (workdir, "over-size-cap.xml",
                     "over-size-cap.xml: the file is too large (8388609 bytes, at most 8388608)");

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (workdir), ==, 0);
}

/* Every input has its expected message, and the catalogue is as big as promised. */
static void
test_bad_catalogue_complete (gconstpointer data)
{
  GPtrArray *names = (GPtrArray *) data;
  g_autofree char *dir = bad_dir ();
  g_autoptr(GPtrArray) all = list_dir (dir);

  g_assert_cmpuint (names->len, >=, 40);
  for (guint i = 0; i < all->len; i++)
    {
      const char *file = g_ptr_array_index (all, i);

      if (g_str_has_suffix (file, ".expected"))
        {
          g_autofree char *base = g_strndup (file, strlen (file) - strlen (".expected"));
          g_autofree char *input = g_strconcat (dir, G_DIR_SEPARATOR_S, base, ".xml", NULL);

          g_test_message ("%s", file);
          g_assert_true (g_file_test (input, G_FILE_TEST_EXISTS));
        }
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  dir = bad_dir ();
  all = list_dir (dir);
  for (guint i = 0; i < all->len; i++)
    {
      const char *file = g_ptr_array_index (all, i);

      if (g_str_has_suffix (file, ".xml"))
        g_ptr_array_add (names, g_strndup (file, strlen (file) - strlen (".xml")));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strconcat ("/bad-input/", (const char *) g_ptr_array_index (names, i),
                                           NULL);

      g_test_add_data_func (path, g_ptr_array_index (names, i), test_bad_file);
    }
  g_test_add_func ("/bad-input/over-size-cap", test_bad_over_size_cap);
  g_test_add_data_func ("/bad-input/catalogue-complete", names, test_bad_catalogue_complete);

  return g_test_run ();
}
