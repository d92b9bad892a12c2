/* stride-cli-import.c: stride-cli import FILE…
 *
 * Adds each assessment document as a new patient with its visits. A file is
 * imported whole or not at all; existing records are never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-cli-store.h"
#include "stride-document.h"
#include "stride-engine-history.h"
#include "stride-i18n.h"

/* The key measures of each visit, as the app saves them, so the imported
 * history shows in charts and `history` at once. NULL when a visit cannot be
 * judged: the visits are still imported, without measures. */
static GPtrArray *
key_measures (StrideProtocol   *protocol,
              StrideAssessment *assessment)
{
  g_autoptr(GPtrArray) all_findings = stride_engine_evaluate_each (protocol, assessment, NULL);
  GPtrArray *summaries;

  if (all_findings == NULL)
    return NULL;

  summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_findings_summary_free);
  for (guint i = 0; i < all_findings->len; i++)
    g_ptr_array_add (summaries,
                     stride_findings_summary_new_from_findings (g_ptr_array_index (all_findings,
                                                                                   i)));
  return summaries;
}

int
stride_cli_import (const StrideCliGlobals  *globals,
                   int                      argc,
                   char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(StrideProtocol) protocol = NULL;
  int status = STRIDE_CLI_EXIT_OK;

  context = g_option_context_new (_("FILE…"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Add the patient and visits of each assessment document to the "
                                  "database, as a new patient. Prints “FILE: patient ID, N "
                                  "visits” for each file imported; a file with an error is not "
                                  "imported at all."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      stride_cli_usage_error ("import", "%s", error->message);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (argc < 2)
    {
      stride_cli_usage_error ("import", _("no file given"));
      return STRIDE_CLI_EXIT_USAGE;
    }

  protocol = stride_protocol_load_default (&error);
  if (protocol == NULL)
    return stride_cli_fail (error);

  store = stride_cli_open_store (globals);
  if (store == NULL)
    return STRIDE_CLI_EXIT_BAD_INPUT;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(StrideAssessment) assessment = NULL;
      g_autoptr(GPtrArray) summaries = NULL;
      g_autoptr(GError) file_error = NULL;
      gint64 patient_id = 0;

      assessment = stride_document_read_file (argv[i], protocol, &file_error);
      if (assessment == NULL)
        {
          g_printerr ("%s\n", file_error->message);
          status = STRIDE_CLI_EXIT_BAD_INPUT;
          continue;
        }

      summaries = key_measures (protocol, assessment);
      if (!stride_store_import_assessment_with_summaries (store, assessment, summaries,
                                                          &patient_id, &file_error))
        {
          g_printerr ("%s: %s\n", argv[i], file_error->message);
          status = STRIDE_CLI_EXIT_BAD_INPUT;
          continue;
        }

      {
        g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, patient_id);

        /* TRANSLATORS: a file name, a patient id, a number of visits */
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s: patient %s, %u visit\n",
                              "%s: patient %s, %u visits\n", assessment->visits->len),
                 argv[i], id_text, assessment->visits->len);
      }
    }

  return status;
}
