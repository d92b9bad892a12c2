/* stride-cli-evaluate.c: stride-cli evaluate FILE
 *
 * Reads an assessment document, judges its last visit and prints the findings
 * and the suggested plan as `key: value` lines, documented in docs/evaluate.md.
 * Values are stable, untranslated ids; numbers use a dot whatever the locale.
 * Exit 0 ok, 1 bad input ("FILE:LINE: message" on stderr), 2 usage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-cli-evaluate.h"
#include "stride-document.h"
#include "stride-engine.h"
#include "stride-i18n.h"
#include "stride-xml.h"

/* The line of the element at fault, found again in the file the reader accepted. */
static guint
find_line (const char                 *path,
           const StrideEngineLocation *location)
{
  xmlDoc *doc = stride_xml_read_file (path, STRIDE_XML_DEFAULT_MAX_SIZE, NULL);
  xmlNode *visit;
  guint line = 0;

  if (doc == NULL)
    return 0;

  visit = stride_xml_first_child (xmlDocGetRootElement (doc), "visit");
  for (guint i = 0; visit != NULL && i < location->visit_index; i++)
    visit = stride_xml_next_element (visit->next, "visit");

  if (visit != NULL)
    {
      const char *container = location->what != NULL ? "overrides" : "answers";
      const char *element = location->what != NULL ? "override" : "answer";
      const char *attribute = location->what != NULL ? "what" : "item";
      const char *wanted = location->what != NULL ? location->what : location->item;
      xmlNode *parent = stride_xml_first_child (visit, container);

      line = stride_xml_get_line (visit);
      for (xmlNode *node = parent != NULL ? stride_xml_first_child (parent, element) : NULL;
           node != NULL && wanted != NULL;
           node = stride_xml_next_element (node->next, element))
        {
          g_autofree char *value = stride_xml_get_prop (node, attribute);

          if (g_strcmp0 (value, wanted) == 0)
            {
              line = stride_xml_get_line (node);
              break;
            }
        }
    }

  xmlFreeDoc (doc);
  return line;
}

/* The findings part of the output; the plan's keys come from the planner. */
static void
print_findings (StrideAssessment     *assessment,
                const StrideFindings *findings,
                GString              *out)
{
  StrideVisit *visit = stride_assessment_get_current (assessment);

  stride_engine_format_keys (findings, visit->kind == STRIDE_VISIT_FOLLOW_UP, out);
}

int
stride_cli_evaluate (const StrideCliGlobals  *globals,
                     int                      argc,
                     char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideProtocol) protocol = NULL;
  g_autoptr(StrideAssessment) assessment = NULL;
  g_autoptr(StrideFindings) findings = NULL;
  g_autoptr(GString) out = NULL;
  StrideEngineLocation location = { 0 };
  const char *path;

  context = g_option_context_new (_("FILE"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Evaluate the last visit of an assessment document and print "
                                  "the findings and the suggested plan as “key: value” lines "
                                  "(docs/evaluate.md)."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 success, 1 bad input, 2 usage error."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      stride_cli_usage_error ("evaluate", "%s", error->message);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (argc != 2)
    {
      stride_cli_usage_error ("evaluate", argc < 2 ? _("no file given")
                                                   : _("give exactly one file"));
      return STRIDE_CLI_EXIT_USAGE;
    }
  path = argv[1];

  protocol = stride_protocol_load_default (&error);
  if (protocol == NULL)
    {
      g_printerr ("stride-cli: %s\n", error->message);
      return STRIDE_CLI_EXIT_BAD_INPUT;
    }

  assessment = stride_document_read_file (path, protocol, &error);
  if (assessment == NULL)
    {
      g_printerr ("%s\n", error->message);
      return STRIDE_CLI_EXIT_BAD_INPUT;
    }

  findings = stride_engine_evaluate_located (protocol, assessment, &location, &error);
  if (findings == NULL)
    {
      /* TRANSLATORS: file name, line number, message */
      g_printerr (_("%s:%u: %s\n"), path, find_line (path, &location), error->message);
      stride_engine_location_clear (&location);
      return STRIDE_CLI_EXIT_BAD_INPUT;
    }

  out = g_string_new (NULL);
  print_findings (assessment, findings, out);
  stride_engine_format_extra_keys (findings, out);
  g_print ("%s", out->str);

  return STRIDE_CLI_EXIT_OK;
}
