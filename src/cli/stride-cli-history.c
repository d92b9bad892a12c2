/* stride-cli-history.c: stride-cli history PATIENT_ID
 *
 * A patient's visits, oldest first, one a line, tab-separated:
 *   VISIT-ID  DATE  KIND  STATUS  AMENDMENTS  WORST-PAIN  RUN-PAIN
 *   IRRITABILITY  PHASE  RTR  TESTS
 * RTR is "met/total"; TESTS is a space-separated list such as
 * "MT-SLS:left=12,right=20,lsi=60.0". "-" marks what was not recorded.
 * Numbers use a dot, whatever the locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-cli-store.h"
#include "stride-engine.h"
#include "stride-i18n.h"

/* Measures as people write them (2.1, not the 2.1000000000000001 of a full
 * round-trip), with a dot whatever the locale. */
static const char *
format_measure (char   *buffer,
                gsize   size,
                double  value)
{
  return g_ascii_formatd (buffer, size, "%.6g", value);
}

static void
append_number (GString *line,
               gboolean has,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (line, '\t');
  if (has)
    g_string_append (line, format_measure (buffer, sizeof buffer, value));
  else
    g_string_append_c (line, '-');
}

static void
append_tests (GString                     *line,
              const StrideFindingsSummary *summary)
{
  static const char *const side_names[] = { "value", "left", "right" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean first = TRUE;

  g_string_append_c (line, '\t');
  for (guint i = 0; i < summary->tests->len; i++)
    {
      const StrideSummaryTest *test = g_ptr_array_index (summary->tests, i);
      gboolean first_value = TRUE;

      g_string_append_printf (line, "%s%s:", first ? "" : " ", test->test_id);
      first = FALSE;
      for (guint side = 0; side < 3; side++)
        {
          if (!test->tested[side])
            continue;
          g_string_append_printf (line, "%s%s=%s", first_value ? "" : ",", side_names[side],
                                  format_measure (buffer, sizeof buffer, test->value[side]));
          first_value = FALSE;
        }
      if (test->has_lsi)
        {
          /* One decimal, rounded as `evaluate` prints it. */
          g_autofree char *lsi = stride_engine_format_lsi (test->lsi);

          g_string_append_printf (line, "%slsi=%s", first_value ? "" : ",", lsi);
        }
      else if (first_value)
        g_string_append (line, "not-tested");
    }
  if (first)
    g_string_append_c (line, '-');
}

int
stride_cli_history (const StrideCliGlobals  *globals,
                    int                      argc,
                    char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 patient_id;

  context = g_option_context_new (_("PATIENT_ID"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Show a patient’s visits, oldest first, with the key measures: "
                                  "visit id, date, kind, status, amendments, worst pain, pain "
                                  "during running, irritability, phase, return-to-run criteria "
                                  "met, and each test per side with its LSI (tab-separated, "
                                  "“-” when not recorded)."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      stride_cli_usage_error ("history", "%s", error->message);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (argc != 2)
    {
      stride_cli_usage_error ("history", _("give one patient id"));
      return STRIDE_CLI_EXIT_USAGE;
    }
  patient_id = stride_cli_parse_id ("history", _("patient"), argv[1]);
  if (patient_id == 0)
    return STRIDE_CLI_EXIT_USAGE;

  store = stride_cli_open_store (globals);
  if (store == NULL)
    return STRIDE_CLI_EXIT_BAD_INPUT;

  history = stride_store_list_history (store, patient_id, &error);
  if (history == NULL)
    return stride_cli_fail (error);

  for (guint i = 0; i < history->len; i++)
    {
      const StrideHistoryEntry *entry = g_ptr_array_index (history, i);
      const StrideFindingsSummary *summary = entry->summary;
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "%" G_GINT64_FORMAT "\t", entry->visit_id);
      if (g_date_valid (&entry->date))
        g_string_append_printf (line, "%04u-%02u-%02u", g_date_get_year (&entry->date),
                                g_date_get_month (&entry->date), g_date_get_day (&entry->date));
      else
        g_string_append_c (line, '-');
      g_string_append_printf (line, "\t%s\t%s\t%u", stride_visit_kind_to_string (entry->kind),
                              stride_visit_status_to_string (entry->status),
                              entry->n_amendments);

      if (summary == NULL)
        g_string_append (line, "\t-\t-\t-\t-\t-\t-");
      else
        {
          append_number (line, summary->has_worst_pain, summary->worst_pain);
          append_number (line, summary->has_run_pain, summary->run_pain);
          g_string_append_printf (line, "\t%s",
                                  summary->has_irritability
                                  ? stride_irritability_to_string (summary->irritability) : "-");
          g_string_append_printf (line, "\t%d", (int) summary->phase);
          if (summary->rtr_total > 0)
            g_string_append_printf (line, "\t%u/%u", summary->rtr_met, summary->rtr_total);
          else
            g_string_append (line, "\t-");
          append_tests (line, summary);
        }

      g_print ("%s\n", line->str);
    }

  return STRIDE_CLI_EXIT_OK;
}
