/* stride-cli.c: global options and subcommand dispatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "stride-cli.h"
#include "stride-cli-report.h"
#include "stride-cli-evaluate.h"
#include "stride-cli-store.h"
#include "stride-cli-validate.h"
#include "stride-data-dir.h"
#include "stride-i18n.h"

/* Subcommands register here, each implemented in its own stride-cli-<name>.c. */
static const StrideCliCommand commands[] = {
  { "validate", N_("Check a protocol, exercise library or assessment document"), stride_cli_validate },
  { "evaluate", N_("Print the findings and plan of an assessment document"), stride_cli_evaluate },
  { "patients", N_("List or search the patients in the database"), stride_cli_patients },
  { "history", N_("Show a patient’s visits with the key measures"), stride_cli_history },
  { "import", N_("Add assessment documents to the database as new patients"), stride_cli_import },
  { "export", N_("Write a visit or a patient’s record as an assessment document"), stride_cli_export },
  { "backup", N_("Copy the database to a backup file"), stride_cli_backup },
  { "restore", N_("Replace the database’s records with a backup’s"), stride_cli_restore },
  { "report", N_("Write the clinician report of a visit as PDF"), stride_cli_report },
  { "sheet", N_("Write the patient’s home exercise sheet of a visit as PDF"), stride_cli_sheet },
  { NULL, NULL, NULL }
};

static const StrideCliCommand *
find_command (const char *name)
{
  for (const StrideCliCommand *c = commands; c->name != NULL; c++)
    {
      if (g_str_equal (c->name, name))
        return c;
    }

  return NULL;
}

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (const StrideCliCommand *c = commands; c->name != NULL; c++)
    g_string_append_printf (text, "  %-10s %s\n", c->name, _(c->summary));

  g_string_append_c (text, '\n');
  g_string_append (text, _("Run “stride-cli COMMAND --help” for a command’s options."));
  g_string_append_c (text, '\n');
  g_string_append (text, _("Exit status: 0 success, 1 bad input, 2 usage error."));
  return g_string_free (text, FALSE);
}

/**
 * stride_cli_usage_error:
 * @command: (nullable): the subcommand, for the hint
 * @format: printf format of the message
 *
 * Prints a usage error on stderr with a hint at --help.
 */
void
stride_cli_usage_error (const char *command,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("stride-cli: %s\n", message);
  if (command != NULL)
    g_printerr (_("Try “stride-cli %s --help”.\n"), command);
  else
    g_printerr (_("Try “stride-cli --help”.\n"));
}

/**
 * stride_cli_main:
 * @argc: argument count
 * @argv: (array length=argc): arguments
 *
 * Parses the global options, which come before the subcommand, and runs the
 * subcommand with the rest of the arguments.
 *
 * Returns: the process exit status
 */
int
stride_cli_main (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *db_help = NULL;
  g_autofree char *default_db = stride_data_dir_default_database ();
  StrideCliGlobals globals = { NULL };
  gboolean show_version = FALSE;
  const StrideCliCommand *command;
  int status;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &globals.db_path, NULL, N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Show the version and exit"), NULL },
    { NULL }
  };

  /* TRANSLATORS: %s is the path of the default database */
  db_help = g_strdup_printf (_("Patient database to use (default: %s)"), default_db);
  entries[0].description = db_help;

  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Stride on the command line: check, evaluate and "
                                           "print assessments of runners with knee pain."));
  description = commands_description ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the subcommand belong to it. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      stride_cli_usage_error (NULL, "%s", error->message);
      return STRIDE_CLI_EXIT_USAGE;
    }

  if (show_version)
    {
      g_print ("stride-cli %s\n", PACKAGE_VERSION);
      g_free (globals.db_path);
      return STRIDE_CLI_EXIT_OK;
    }

  if (argc < 2)
    {
      stride_cli_usage_error (NULL, _("no command given"));
      g_free (globals.db_path);
      return STRIDE_CLI_EXIT_USAGE;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      stride_cli_usage_error (NULL, _("unknown command “%s”"), argv[1]);
      g_free (globals.db_path);
      return STRIDE_CLI_EXIT_USAGE;
    }

  status = command->run (&globals, argc - 1, argv + 1);
  g_free (globals.db_path);
  return status;
}
