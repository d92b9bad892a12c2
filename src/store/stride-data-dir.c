/* stride-data-dir.c: where Stride keeps its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "stride-i18n.h"
#include "stride-data-dir.h"

/**
 * stride_data_dir_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/io.github.stride.Stride`
 */
char *
stride_data_dir_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID, NULL);
}

/**
 * stride_data_dir_default_database:
 *
 * Returns: (transfer full): the path of the embedded default database
 */
char *
stride_data_dir_default_database (void)
{
  g_autofree char *dir = stride_data_dir_default_path ();

  return g_build_filename (dir, "stride.db", NULL);
}

/**
 * stride_data_dir_ensure_parent:
 * @file_path: a file that is about to be created
 * @error: return location for a #GError
 *
 * Creates the missing directories above @file_path with mode 0700, because
 * they will hold patient records. A directory that already exists keeps its
 * mode: the clinic may have set it on purpose.
 *
 * Returns: %TRUE when the parent directory exists
 */
gboolean
stride_data_dir_ensure_parent (const char  *file_path,
                               GError     **error)
{
  g_autofree char *parent = NULL;

  g_return_val_if_fail (file_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parent = g_path_get_dirname (file_path);
  if (g_file_test (parent, G_FILE_TEST_IS_DIR))
    return TRUE;

  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"),
                   parent, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
