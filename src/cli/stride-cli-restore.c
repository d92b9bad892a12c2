/* stride-cli-restore.c: stride-cli restore FILE
 *
 * Replaces the database's records with a backup's. The records replaced are
 * kept beside the database (before-restore-… or, for a database that would
 * not open, damaged-…), never deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-cli-store.h"
#include "stride-data-dir.h"
#include "stride-i18n.h"

int
stride_cli_restore (const StrideCliGlobals  *globals,
                    int                      argc,
                    char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autofree char *default_path = NULL;
  const char *path = globals->db_path;

  context = g_option_context_new (_("FILE"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Replace the records in the database with those of the backup "
                                  "FILE. The records replaced are kept in a file beside the "
                                  "database; a damaged database is moved aside, not deleted."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      stride_cli_usage_error ("restore", "%s", error->message);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (argc != 2)
    {
      stride_cli_usage_error ("restore", _("give one backup file"));
      return STRIDE_CLI_EXIT_USAGE;
    }

  if (path == NULL)
    path = default_path = stride_data_dir_default_database ();

  store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &open_error);
  if (store != NULL)
    {
      if (!stride_store_restore (store, argv[1], &error))
        return stride_cli_fail (error);
    }
  else if (g_error_matches (open_error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_CORRUPT)
           || g_error_matches (open_error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_A_DATABASE))
    {
      /* The database itself is what the backup is for. */
      if (!stride_store_restore_file (path, argv[1], &error))
        return stride_cli_fail (error);
    }
  else
    return stride_cli_fail (open_error);

  /* TRANSLATORS: the first %s is the database, the second the backup */
  g_print (_("%s: restored from %s\n"), path, argv[1]);
  return STRIDE_CLI_EXIT_OK;
}
