/* stride-cli-patients.c: stride-cli patients [--search TEXT] [--limit N]
 *
 * Lists patients, newest first, one a line, tab-separated:
 *   ID  NAME  BIRTH-DATE  LAST-VISIT  VISITS
 * with "-" for what is unknown. Names go to stdout only because the user
 * asked for them; nothing is logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-cli-store.h"
#include "stride-i18n.h"

static void
print_date (const GDate *date)
{
  if (g_date_valid (date))
    g_print ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
             g_date_get_day (date));
  else
    g_print ("-");
}

/* A name on one line of a tab-separated list: no tab or newline inside. */
static char *
one_field (const char *text)
{
  char *field = g_strdup (text != NULL ? text : "");

  g_strdelimit (field, "\t\r\n", ' ');
  return field;
}

int
stride_cli_patients (const StrideCliGlobals  *globals,
                     int                      argc,
                     char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *search = NULL;
  int limit = 0;
  GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Only patients whose name contains TEXT (any part, any case, with or without "
         "accents)"), N_("TEXT") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("List at most N patients"), N_("N") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("List the patients in the database, newest first, one a line:\n"
                                  "ID, name, birth date, last visit, number of visits, separated "
                                  "by tabs (“-” when unknown)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      stride_cli_usage_error ("patients", "%s", error->message);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (argc > 1)
    {
      stride_cli_usage_error ("patients", _("unexpected argument “%s”"), argv[1]);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (limit < 0)
    {
      stride_cli_usage_error ("patients", _("--limit must be 0 (no limit) or more"));
      return STRIDE_CLI_EXIT_USAGE;
    }

  store = stride_cli_open_store (globals);
  if (store == NULL)
    return STRIDE_CLI_EXIT_BAD_INPUT;

  ids = stride_store_search_ids (store, search != NULL ? search : "", (guint) limit, &error);
  if (ids == NULL)
    return stride_cli_fail (error);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StridePatientSummary) summary = NULL;
      g_autofree char *name = NULL;

      summary = stride_store_get_patient_summary (store, g_array_index (ids, gint64, i), &error);
      if (summary == NULL)
        return stride_cli_fail (error);

      name = one_field (summary->name);
      g_print ("%" G_GINT64_FORMAT "\t%s\t", summary->id, name);
      print_date (&summary->birth_date);
      g_print ("\t");
      print_date (&summary->last_visit);
      g_print ("\t%u\n", summary->n_visits);
    }

  return STRIDE_CLI_EXIT_OK;
}
