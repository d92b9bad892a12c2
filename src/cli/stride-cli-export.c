/* stride-cli-export.c: stride-cli export (--visit ID | --patient ID) -o FILE
 *
 * Writes an assessment document: with --visit, the patient and the visits
 * the engine judges that visit with (the final ones before it, then it);
 * with --patient, the patient's whole record. "-o -" writes to stdout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "stride-cli-store.h"
#include "stride-document.h"
#include "stride-i18n.h"

int
stride_cli_export (const StrideCliGlobals  *globals,
                   int                      argc,
                   char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(StrideAssessment) assessment = NULL;
  g_autofree char *output = NULL;
  g_autofree char *visit_text = NULL;
  g_autofree char *patient_text = NULL;
  gint64 id;
  GOptionEntry entries[] = {
    { "visit", 0, 0, G_OPTION_ARG_STRING, &visit_text,
      N_("Export this visit with the visits before it"), N_("ID") },
    { "patient", 0, 0, G_OPTION_ARG_STRING, &patient_text,
      N_("Export the patient’s whole record"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the document to FILE (“-” for standard output)"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Write an assessment document: one visit with its history "
                                  "(--visit), or a patient’s whole record (--patient)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      stride_cli_usage_error ("export", "%s", error->message);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (argc > 1)
    {
      stride_cli_usage_error ("export", _("unexpected argument “%s”"), argv[1]);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if ((visit_text == NULL) == (patient_text == NULL))
    {
      stride_cli_usage_error ("export", _("give either --visit ID or --patient ID"));
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (output == NULL || *output == '\0')
    {
      stride_cli_usage_error ("export", _("give the output file with -o FILE"));
      return STRIDE_CLI_EXIT_USAGE;
    }

  id = visit_text != NULL ? stride_cli_parse_id ("export", _("visit"), visit_text)
                          : stride_cli_parse_id ("export", _("patient"), patient_text);
  if (id == 0)
    return STRIDE_CLI_EXIT_USAGE;

  store = stride_cli_open_store (globals);
  if (store == NULL)
    return STRIDE_CLI_EXIT_BAD_INPUT;

  assessment = visit_text != NULL ? stride_store_load_assessment (store, id, &error)
                                  : stride_store_load_patient_record (store, id, &error);
  if (assessment == NULL)
    return stride_cli_fail (error);
  if (assessment->visits->len == 0)
    {
      g_printerr ("stride-cli: %s\n",
                  _("The patient has no visits yet, and an assessment document needs at least "
                    "one."));
      return STRIDE_CLI_EXIT_BAD_INPUT;
    }

  if (g_str_equal (output, "-"))
    {
      g_autofree char *text = stride_document_to_string (assessment, &error);

      if (text == NULL)
        return stride_cli_fail (error);
      fputs (text, stdout);
      if (fflush (stdout) != 0)
        return STRIDE_CLI_EXIT_BAD_INPUT;
    }
  else if (!stride_document_write_file (assessment, output, &error))
    return stride_cli_fail (error);

  return STRIDE_CLI_EXIT_OK;
}
