/* stride-cli-backup.c: stride-cli backup -o FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-cli-store.h"
#include "stride-i18n.h"

int
stride_cli_backup (const StrideCliGlobals  *globals,
                   int                      argc,
                   char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the backup to FILE"),
      N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Copy the whole database to FILE (readable only by you), while "
                                  "the app may keep using it. FILE is replaced only once the copy "
                                  "is complete."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      stride_cli_usage_error ("backup", "%s", error->message);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (output == NULL || *output == '\0')
    {
      stride_cli_usage_error ("backup", _("give the backup file with -o FILE"));
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (argc > 1)
    {
      stride_cli_usage_error ("backup", _("unexpected argument “%s”"), argv[1]);
      return STRIDE_CLI_EXIT_USAGE;
    }

  store = stride_cli_open_store (globals);
  if (store == NULL)
    return STRIDE_CLI_EXIT_BAD_INPUT;

  if (!stride_store_backup (store, output, &error))
    return stride_cli_fail (error);

  /* TRANSLATORS: %s is the backup file */
  g_print (_("%s: backup written\n"), output);
  return STRIDE_CLI_EXIT_OK;
}
