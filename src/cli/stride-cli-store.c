/* stride-cli-store.c: opening the database for stride-cli's subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-cli-store.h"
#include "stride-data-dir.h"
#include "stride-i18n.h"

/**
 * stride_cli_fail:
 * @error: what went wrong
 *
 * Store messages name the file and the problem, never a patient.
 *
 * Returns: %STRIDE_CLI_EXIT_BAD_INPUT
 */
int
stride_cli_fail (const GError *error)
{
  g_printerr ("stride-cli: %s\n", error->message);
  return STRIDE_CLI_EXIT_BAD_INPUT;
}

/**
 * stride_cli_open_store:
 * @globals: the global options
 *
 * Returns: (transfer full) (nullable): the store, or %NULL after printing why
 */
StrideStore *
stride_cli_open_store (const StrideCliGlobals *globals)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  const char *path = globals->db_path;
  StrideStore *store;

  if (path == NULL)
    path = default_path = stride_data_dir_default_database ();

  store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &error);
  if (store == NULL)
    {
      stride_cli_fail (error);
      if (g_error_matches (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_CORRUPT))
        g_printerr (_("To put a backup in its place: stride-cli --db %s restore BACKUP\n"), path);
    }

  return store;
}

/**
 * stride_cli_parse_id:
 * @command: the subcommand, for the usage hint
 * @what: what the id is of, e.g. "patient"
 * @text: the argument
 *
 * Returns: the id, or 0 after printing a usage error
 */
gint64
stride_cli_parse_id (const char *command,
                     const char *what,
                     const char *text)
{
  guint64 id = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      /* TRANSLATORS: the first %s is "patient" or "visit", the second what was given */
      stride_cli_usage_error (command, _("“%s” is not a %s id (a whole number from 1)"),
                              text != NULL ? text : "", what);
      return 0;
    }

  return (gint64) id;
}
