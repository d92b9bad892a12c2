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

#include <string.h>

#include "stride-cli-evaluate.h"
#include "stride-cli-store.h"
#include "stride-document.h"
#include "stride-engine.h"
#include "stride-i18n.h"
#include "stride-library.h"
#include "stride-planner.h"
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

/* @value rounded half up to @digits decimals (as a person would: 15.95 → 16.0,
 * which binary 15.95 would not give), with a dot whatever the locale; trailing
 * zeros are dropped when @trim. */
static char *
format_decimal (double   value,
                int      digits,
                gboolean trim)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  char *text;

  value = stride_engine_round_half_up (value, digits);
  g_snprintf (format, sizeof format, "%%.%df", digits);
  text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
  if (trim && strchr (text, '.') != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return text;
}

/* `running.detail`: a stable form of the running plan, not the sentence for people. */
static char *
running_detail (const StrideRunningPlan *running,
                const StrideFindings    *findings)
{
  if (g_strcmp0 (running->rule_id, "RP-WALKRUN") == 0)
    return g_strdup_printf ("stage %d", running->walkrun_stage);

  if (g_strcmp0 (running->rule_id, "RP-MODIFY") == 0)
    {
      GString *detail;

      if (running->paused)
        return g_strdup ("paused");
      if (!running->has_shortened)
        return g_strdup (!findings->monitor_known || findings->monitor_holds ? "keep"
                                                                             : "shortened 75%");
      detail = g_string_new ("shortened");
      if (running->shortened_minutes > 0)
        {
          g_autofree char *m = format_decimal (running->shortened_minutes, 2, TRUE);

          g_string_append_printf (detail, " %s min", m);
        }
      if (running->shortened_km > 0)
        {
          g_autofree char *km = format_decimal (running->shortened_km, 2, TRUE);

          g_string_append_printf (detail, " %s km", km);
        }
      return g_string_free (detail, FALSE);
    }

  return g_strdup ("none");
}

/* The plan's keys: `plan.exercises`, `running`, `running.detail`, `spike.limit`. */
static void
print_plan (const StridePlan     *plan,
            const StrideFindings *findings,
            GString              *out)
{
  g_autofree char *ids = NULL;
  g_autofree char *detail = NULL;

  if (plan == NULL)
    {
      /* No plan is made (a red flag with `no plan`): no exercises, no running. */
      g_string_append (out, "plan.exercises: \nrunning: RP-NONE\nrunning.detail: none\n");
      return;
    }

  ids = stride_plan_exercise_ids (plan);
  g_string_append_printf (out, "plan.exercises: %s\n", ids);
  g_string_append_printf (out, "running: %s\n",
                          plan->running.rule_id != NULL ? plan->running.rule_id : "RP-NONE");
  detail = running_detail (&plan->running, findings);
  g_string_append_printf (out, "running.detail: %s\n", detail);
  if (plan->running.has_spike_limit)
    {
      g_autofree char *limit = format_decimal (plan->running.spike_limit_km, 1, FALSE);

      g_string_append_printf (out, "spike.limit: %s km\n", limit);
    }
}

static void
print_reason_list (GString    *out,
                   const char *what,
                   GPtrArray  *reasons)
{
  for (guint i = 0; reasons != NULL && i < reasons->len; i++)
    {
      const StrideReason *r = g_ptr_array_index (reasons, i);

      g_string_append_printf (out, "reason.%s: %s %s %s\n", what,
                              r->rule_id != NULL ? r->rule_id : "-",
                              r->item != NULL ? r->item : "-", r->text);
    }
}

/* --reasons: every reason, `reason.WHAT: RULE ITEM sentence`, in the current language. */
static void
print_reasons (const StrideFindings *findings,
               GString              *out)
{
  StrideFindings *f = (StrideFindings *) findings;

  for (guint i = 0; i < f->red_flags->len; i++)
    {
      const StrideRedFlag *flag = g_ptr_array_index (f->red_flags, i);

      print_reason_list (out, "triage", flag->reasons);
    }
  print_reason_list (out, "irritability", f->irritability_reasons);
  print_reason_list (out, "monitor", f->monitor_reasons);
  print_reason_list (out, "presentation", f->presentation.features);
  print_reason_list (out, "phase", f->phase_reasons);
  print_reason_list (out, "followup", f->followup_reasons);
  print_reason_list (out, "done", f->done_reasons);
  for (guint i = 0; i < f->tests->len; i++)
    {
      const StrideTestResult *t = g_ptr_array_index (f->tests, i);

      print_reason_list (out, t->test_id, t->reasons);
    }
  for (guint i = 0; i < f->rtr->len; i++)
    {
      const StrideCriterion *criterion = g_ptr_array_index (f->rtr, i);
      g_autofree char *what = g_strconcat ("rtr.", criterion->id, NULL);

      print_reason_list (out, what, criterion->reasons);
    }
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
  g_autoptr(StrideLibrary) library = NULL;
  g_autoptr(StridePlan) plan = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *visit_text = NULL;
  g_autofree char *source = NULL;
  StrideEngineLocation location = { 0 };
  gboolean show_reasons = FALSE;
  const char *path = NULL;
  GOptionEntry entries[] = {
    { "reasons", 0, 0, G_OPTION_ARG_NONE, &show_reasons,
      N_("Also print every reason, in the current language, after the keys"), NULL },
    { "visit", 0, 0, G_OPTION_ARG_STRING, &visit_text,
      N_("Evaluate visit ID of the database (--db) instead of a document"), N_("ID") },
    { NULL }
  };

  context = g_option_context_new (_("FILE | --visit ID"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Evaluate the last visit of an assessment document and print "
                                  "the findings and the suggested plan as “key: value” lines "
                                  "(docs/evaluate.md)."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 success, 1 bad input, 2 usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      stride_cli_usage_error ("evaluate", "%s", error->message);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (visit_text != NULL && argc != 1)
    {
      stride_cli_usage_error ("evaluate", _("give either a document or --visit, not both"));
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (visit_text == NULL && argc != 2)
    {
      stride_cli_usage_error ("evaluate", argc < 2 ? _("no file given")
                                                   : _("give exactly one file"));
      return STRIDE_CLI_EXIT_USAGE;
    }

  protocol = stride_protocol_load_default (&error);
  if (protocol == NULL)
    {
      g_printerr ("stride-cli: %s\n", error->message);
      return STRIDE_CLI_EXIT_BAD_INPUT;
    }

  if (visit_text != NULL)
    {
      gint64 visit_id = stride_cli_parse_id ("evaluate", "visit", visit_text);
      g_autoptr(StrideStore) store = NULL;

      if (visit_id == 0)
        return STRIDE_CLI_EXIT_USAGE;
      store = stride_cli_open_store (globals);
      if (store == NULL)
        return STRIDE_CLI_EXIT_BAD_INPUT;
      assessment = stride_store_load_assessment (store, visit_id, &error);
      if (assessment == NULL)
        return stride_cli_fail (error);
      /* TRANSLATORS: names the input in error messages; %s is a visit id */
      source = g_strdup_printf (_("visit %s"), visit_text);
    }
  else
    {
      path = argv[1];
      assessment = stride_document_read_file (path, protocol, &error);
      if (assessment == NULL)
        {
          g_printerr ("%s\n", error->message);
          return STRIDE_CLI_EXIT_BAD_INPUT;
        }
      source = g_strdup (path);
    }

  findings = stride_engine_evaluate_located (protocol, assessment, &location, &error);
  if (findings == NULL)
    {
      /* TRANSLATORS: file name, line number, message */
      if (path != NULL)
        g_printerr (_("%s:%u: %s\n"), path, find_line (path, &location), error->message);
      else
        g_printerr ("%s: %s\n", source, error->message);
      stride_engine_location_clear (&location);
      return STRIDE_CLI_EXIT_BAD_INPUT;
    }

  library = stride_library_load_default (&error);
  if (library == NULL)
    {
      g_printerr ("stride-cli: %s\n", error->message);
      return STRIDE_CLI_EXIT_BAD_INPUT;
    }
  plan = stride_planner_suggest (library, assessment, findings, &error);
  if (plan == NULL && !g_error_matches (error, STRIDE_PLANNER_ERROR, STRIDE_PLANNER_ERROR_NO_PLAN))
    {
      g_printerr ("%s: %s\n", source, error->message);
      return STRIDE_CLI_EXIT_BAD_INPUT;
    }
  g_clear_error (&error);

  out = g_string_new (NULL);
  print_findings (assessment, findings, out);
  print_plan (plan, findings, out);
  stride_engine_format_extra_keys (findings, out);
  if (plan != NULL)
    g_string_append_printf (out, "plan.maintenance: %s\n", plan->maintenance ? "yes" : "no");
  if (show_reasons)
    print_reasons (findings, out);
  g_print ("%s", out->str);

  return STRIDE_CLI_EXIT_OK;
}
