/* stride-document.c: reading and writing assessment documents
 *
 * Reading: the hardened reader, the root element, the format version, the
 * RelaxNG schema, then what a schema cannot say: every answer against the
 * protocol (item, side, value), duplicates, real dates, visits oldest first,
 * overrides and the plan's running stage. The first problem is reported as
 * "FILE:LINE: message" naming the item or element at fault.
 *
 * Writing: the same format, numbers through g_ascii_dtostr() whatever the
 * locale, text escaped by libxml2, the file replaced atomically with mode
 * 0600 (it holds a patient's data).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <libxml/tree.h>

#include "stride-data.h"
#include "stride-document.h"
#include "stride-engine.h"
#include "stride-i18n.h"
#include "stride-xml.h"

typedef struct
{
  const char     *name;       /* the display name, for messages */
  StrideProtocol *protocol;
} Reader;

static void
invalid (GError    **error,
         Reader     *reader,
         xmlNode    *node,
         const char *message)
{
  stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, reader->name, node, "%s", message);
}

/* ISO 8601 calendar dates only ("2026-11-24"); g_date_set_parse() would follow the locale. */
static gboolean
parse_date (const char *text,
            GDate      *out)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (int i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

static gboolean
read_date_prop (Reader      *reader,
                xmlNode     *node,
                const char  *prop,
                const char  *what,
                GDate       *out,
                GError     **error)
{
  g_autofree char *text = stride_xml_get_prop (node, prop);

  if (!parse_date (text, out))
    {
      g_autofree char *message = NULL;

      /* TRANSLATORS: the first %s says which date (e.g. “visit v1”), the second is the date */
      message = g_strdup_printf (_("%s: “%s” is not a real date (YYYY-MM-DD)"), what, text);
      invalid (error, reader, node, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_bool_prop (xmlNode    *node,
                const char *prop)
{
  g_autofree char *text = stride_xml_get_prop (node, prop);

  /* The schema allows only "true" and "false". */
  return g_strcmp0 (text, "true") == 0;
}

static int
read_int_prop (xmlNode    *node,
               const char *prop)
{
  g_autofree char *text = stride_xml_get_prop (node, prop);

  /* The schema allows 1 to 4 digits only. */
  return text != NULL ? (int) g_ascii_strtoll (text, NULL, 10) : 0;
}

static gboolean
read_number_prop (Reader      *reader,
                  xmlNode     *node,
                  const char  *prop,
                  double      *out,
                  GError     **error)
{
  g_autofree char *text = stride_xml_get_prop (node, prop);
  char *end = NULL;
  double value;

  value = text != NULL ? g_ascii_strtod (text, &end) : NAN;
  if (text == NULL || end == text || *end != '\0' || !isfinite (value) || value < 0)
    {
      g_autofree char *message = NULL;

      /* TRANSLATORS: an XML attribute and its value */
      message = g_strdup_printf (_("attribute “%s”: “%s” is not a number"), prop, text);
      invalid (error, reader, node, message);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/* Optional text elements: absent stays NULL, present (even empty) is kept exactly. */
static char *
read_text_child (xmlNode    *parent,
                 const char *name)
{
  return stride_xml_get_text (stride_xml_first_child (parent, name));
}

static gboolean
read_patient (Reader         *reader,
              xmlNode        *node,
              StridePatient  *patient,
              GError        **error)
{
  xmlNode *birth;

  patient->id = stride_xml_get_prop (node, "id");
  patient->name = read_text_child (node, "name");
  patient->sex = read_text_child (node, "sex");
  patient->language = read_text_child (node, "language");
  patient->contact = read_text_child (node, "contact");
  patient->notes = read_text_child (node, "notes");

  birth = stride_xml_first_child (node, "birth-date");
  if (birth != NULL)
    {
      g_autofree char *text = stride_xml_get_text (birth);

      if (!parse_date (text, &patient->birth_date))
        {
          /* The value is not repeated: a birth date never goes to a log. */
          invalid (error, reader, birth,
                   _("<birth-date> is not a real date in the form YYYY-MM-DD"));
          return FALSE;
        }
    }

  return TRUE;
}

static char *
describe_answer (const char *item,
                 StrideSide  side)
{
  if (side == STRIDE_SIDE_NONE)
    /* TRANSLATORS: %s is a protocol item id */
    return g_strdup_printf (_("item “%s”"), item);

  /* TRANSLATORS: a protocol item id and a side (left, right) */
  return g_strdup_printf (_("item “%s” (%s)"), item, stride_side_to_string (side));
}

static gboolean
is_text_item (const StrideItem *item)
{
  return item->type == STRIDE_ITEM_TEXT;
}

static gboolean
read_answer (Reader         *reader,
             xmlNode        *node,
             StrideAnswers  *answers,
             GHashTable     *seen,
             GError        **error)
{
  g_autofree char *item_id = stride_xml_get_prop (node, "item");
  g_autofree char *side_text = stride_xml_get_prop (node, "side");
  g_autofree char *value = stride_xml_get_text (node);
  g_autofree char *key = NULL;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) value_error = NULL;
  const StrideItem *item;
  StrideSide side = STRIDE_SIDE_NONE;
  gpointer first_line;

  /* The schema allows left and right only; this is the belt to its braces. */
  if (side_text != NULL && !stride_side_from_string (side_text, &side))
    {
      /* TRANSLATORS: the side attribute of an answer */
      message = g_strdup_printf (_("side “%s” is not left or right"), side_text);
      invalid (error, reader, node, message);
      return FALSE;
    }

  /* Free text is kept exactly; other values may be pretty-printed with spaces. */
  item = stride_protocol_lookup (reader->protocol, item_id);
  if (item != NULL && !is_text_item (item))
    g_strstrip (value);

  /* The protocol names the item in its messages (unknown, side, type, range). */
  if (!stride_protocol_check_value (reader->protocol, item_id, side, value, &value_error))
    {
      invalid (error, reader, node, value_error->message);
      return FALSE;
    }

  what = describe_answer (item_id, side);
  key = stride_answers_make_key (item_id, side);
  if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
    {
      /* TRANSLATORS: %s is “item “x”” or “item “x” (left)”, %u a line number */
      message = g_strdup_printf (_("%s is answered twice (first on line %u)"),
                                 what, GPOINTER_TO_UINT (first_line));
      invalid (error, reader, node, message);
      return FALSE;
    }
  g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (stride_xml_get_line (node)));

  stride_answers_set (answers, item_id, side, value);
  return TRUE;
}

static gboolean
read_overrides (Reader       *reader,
                xmlNode      *node,
                StrideVisit  *visit,
                GError      **error)
{
  for (xmlNode *o = stride_xml_first_child (node, "override"); o != NULL;
       o = stride_xml_next_element (o->next, "override"))
    {
      g_autofree char *what = stride_xml_get_prop (o, "what");
      g_autofree char *value = stride_xml_get_prop (o, "value");
      g_autofree char *reason = stride_xml_get_text (o);
      g_autofree char *message = NULL;
      g_autoptr(GError) override_error = NULL;
      StrideOverride *override;

      if (stride_visit_get_override (visit, what) != NULL)
        {
          /* TRANSLATORS: a visit id; phase, presentation or triage */
          message = g_strdup_printf (_("visit “%s”: the %s is overridden twice"), visit->id, what);
          invalid (error, reader, o, message);
          return FALSE;
        }

      /* The engine's rules for overrides (values, reasons), in its words;
       * lowering the triage is checked against the findings in check_overrides(). */
      override = stride_override_new (what, value, reason);
      if (!stride_override_check (override, NULL, &override_error))
        {
          /* TRANSLATORS: a visit id, then why the override is refused */
          message = g_strdup_printf (_("visit “%s”: %s"), visit->id, override_error->message);
          invalid (error, reader, o, message);
          stride_override_free (override);
          return FALSE;
        }

      g_ptr_array_add (visit->overrides, override);
    }

  return TRUE;
}

static void
read_reasons (xmlNode   *parent,
              GPtrArray *reasons)
{
  for (xmlNode *r = stride_xml_first_child (parent, "reason"); r != NULL;
       r = stride_xml_next_element (r->next, "reason"))
    {
      g_autofree char *rule = stride_xml_get_prop (r, "rule");
      g_autofree char *item = stride_xml_get_prop (r, "item");
      g_autofree char *text = stride_xml_get_text (r);

      g_ptr_array_add (reasons, stride_reason_new (rule, item, text));
    }
}

static gboolean
read_plan (Reader       *reader,
           xmlNode      *node,
           StridePlan  **out_plan,
           GError      **error)
{
  g_autoptr(StridePlan) plan = stride_plan_new ();
  StrideRunningPlan *running = &plan->running;
  xmlNode *run;
  xmlNode *review;
  g_autofree char *rule = NULL;

  plan->edited = read_bool_prop (node, "edited");
  plan->maintenance = read_bool_prop (node, "maintenance");

  for (xmlNode *e = stride_xml_first_child (node, "exercise"); e != NULL;
       e = stride_xml_next_element (e->next, "exercise"))
    {
      g_autofree char *id = stride_xml_get_prop (e, "id");
      StridePlanItem *item = stride_plan_item_new (id);

      item->sets = read_int_prop (e, "sets");
      item->reps = read_int_prop (e, "reps");
      item->seconds = read_int_prop (e, "seconds");
      item->each_side = read_bool_prop (e, "each-side");
      item->frequency = stride_xml_get_prop (e, "frequency");
      item->note = read_text_child (e, "note");
      read_reasons (e, item->reasons);
      g_ptr_array_add (plan->items, item);
    }

  run = stride_xml_first_child (node, "running");
  rule = stride_xml_get_prop (run, "rule");
  g_free (running->rule_id);
  running->rule_id = g_strdup (rule);
  running->walkrun_stage = read_int_prop (run, "stage");
  if (g_str_equal (rule, "RP-WALKRUN") != (running->walkrun_stage > 0))
    {
      g_autofree char *message = NULL;

      if (running->walkrun_stage == 0)
        message = g_strdup_printf (_("running rule RP-WALKRUN needs a stage from 1 to 5"));
      else
        /* TRANSLATORS: %s is a running rule id (RP-NONE, RP-MODIFY) */
        message = g_strdup_printf (_("running rule %s has no stages: give stage=\"0\""), rule);
      invalid (error, reader, run, message);
      return FALSE;
    }

  if (xmlHasProp (run, (const xmlChar *) "spike-limit-km"))
    {
      running->has_spike_limit = TRUE;
      if (!read_number_prop (reader, run, "spike-limit-km", &running->spike_limit_km, error))
        return FALSE;
    }

  if (xmlHasProp (run, (const xmlChar *) "shortened-minutes"))
    {
      running->has_shortened = TRUE;
      if (!read_number_prop (reader, run, "shortened-minutes", &running->shortened_minutes,
                             error)
          || !read_number_prop (reader, run, "shortened-km", &running->shortened_km, error))
        return FALSE;
    }

  running->paused = read_bool_prop (run, "paused");
  running->detail = read_text_child (run, "detail");
  for (xmlNode *a = stride_xml_first_child (run, "advice"); a != NULL;
       a = stride_xml_next_element (a->next, "advice"))
    g_ptr_array_add (running->advice, stride_xml_get_prop (a, "id"));
  read_reasons (run, running->reasons);

  for (xmlNode *e = stride_xml_first_child (node, "education"); e != NULL;
       e = stride_xml_next_element (e->next, "education"))
    g_ptr_array_add (plan->education, stride_xml_get_prop (e, "id"));

  review = stride_xml_first_child (node, "next-review");
  if (review != NULL
      && !read_date_prop (reader, review, "date", _("next review"), &plan->next_review, error))
    return FALSE;

  *out_plan = g_steal_pointer (&plan);
  return TRUE;
}

static gboolean
check_required (Reader       *reader,
                xmlNode      *node,
                StrideVisit  *visit,
                GError      **error)
{
  g_autoptr(GPtrArray) missing = stride_protocol_missing_required (reader->protocol,
                                                                    visit->answers);
  g_autofree char *message = NULL;

  if (missing->len == 0)
    return TRUE;

  /* TRANSLATORS: a visit id and a protocol item id */
  message = g_strdup_printf (_("visit “%s” is final but the required item “%s” is not "
                               "answered (a draft may leave it out)"),
                             visit->id, (const char *) g_ptr_array_index (missing, 0));
  invalid (error, reader, node, message);
  return FALSE;
}

static gboolean
read_visit (Reader        *reader,
            xmlNode       *node,
            StrideVisit  **out_visit,
            GError       **error)
{
  g_autoptr(StrideVisit) visit = stride_visit_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *kind = stride_xml_get_prop (node, "kind");
  g_autofree char *status = stride_xml_get_prop (node, "status");
  g_autofree char *what = NULL;
  xmlNode *answers;
  xmlNode *overrides;
  xmlNode *plan;

  visit->id = stride_xml_get_prop (node, "id");
  /* TRANSLATORS: %s is a visit id */
  what = g_strdup_printf (_("visit “%s”"), visit->id);
  if (!read_date_prop (reader, node, "date", what, &visit->date, error))
    return FALSE;

  /* The schema allows only the known kinds and statuses; checked again so
   * that a schema change can never let one through unread. */
  if (!stride_visit_kind_from_string (kind, &visit->kind)
      || !stride_visit_status_from_string (status, &visit->status))
    {
      /* TRANSLATORS: a visit id, its kind and its status */
      g_autofree char *message = g_strdup_printf (_("visit “%s”: kind “%s” or status “%s” "
                                                    "is not known"), visit->id, kind, status);

      invalid (error, reader, node, message);
      return FALSE;
    }

  visit->clinician = read_text_child (node, "clinician");
  visit->notes = read_text_child (node, "notes");

  answers = stride_xml_first_child (node, "answers");
  for (xmlNode *a = stride_xml_first_child (answers, "answer"); a != NULL;
       a = stride_xml_next_element (a->next, "answer"))
    {
      if (!read_answer (reader, a, visit->answers, seen, error))
        return FALSE;
    }

  overrides = stride_xml_first_child (node, "overrides");
  if (overrides != NULL && !read_overrides (reader, overrides, visit, error))
    return FALSE;

  plan = stride_xml_first_child (node, "plan");
  if (plan != NULL && !read_plan (reader, plan, &visit->plan, error))
    return FALSE;

  if (visit->status == STRIDE_VISIT_FINAL && !check_required (reader, node, visit, error))
    return FALSE;

  *out_visit = g_steal_pointer (&visit);
  return TRUE;
}

/* The element an engine error points at: an override or an answer of @visit. */
static xmlNode *
locate (xmlNode                    *visit,
        const StrideEngineLocation *location)
{
  const char *container = location->what != NULL ? "overrides" : "answers";
  const char *element = location->what != NULL ? "override" : "answer";
  const char *attribute = location->what != NULL ? "what" : "item";
  const char *wanted = location->what != NULL ? location->what : location->item;

  for (xmlNode *node = stride_xml_first_child (stride_xml_first_child (visit, container),
                                               element);
       node != NULL && wanted != NULL;
       node = stride_xml_next_element (node->next, element))
    {
      g_autofree char *value = stride_xml_get_prop (node, attribute);

      if (g_strcmp0 (value, wanted) == 0)
        return node;
    }

  return visit;
}

/* Whether an override lowers the triage depends on what the engine finds for
 * that visit with its history: each visit with overrides is judged as the
 * engine would judge it (the visits up to it), and a refusal is reported at
 * the override. */
static gboolean
check_overrides (Reader            *reader,
                 StrideAssessment  *assessment,
                 xmlNode          **visit_nodes,
                 GError           **error)
{
  for (guint i = 0; i < assessment->visits->len; i++)
    {
      StrideVisit *visit = g_ptr_array_index (assessment->visits, i);
      g_autoptr(GPtrArray) history = NULL;
      g_autoptr(StrideFindings) findings = NULL;
      g_autoptr(GError) engine_error = NULL;
      StrideEngineLocation location = { 0 };
      StrideAssessment view;

      if (visit->overrides->len == 0)
        continue;

      history = g_ptr_array_new ();
      for (guint j = 0; j <= i; j++)
        g_ptr_array_add (history, g_ptr_array_index (assessment->visits, j));
      view.patient = assessment->patient;
      view.visits = history;

      findings = stride_engine_evaluate_located (reader->protocol, &view, &location,
                                                 &engine_error);
      if (findings == NULL)
        {
          invalid (error, reader, locate (visit_nodes[location.visit_index], &location),
                   engine_error->message);
          stride_engine_location_clear (&location);
          return FALSE;
        }
    }

  return TRUE;
}

static StrideAssessment *
read_document (Reader  *reader,
               xmlDoc  *doc,
               GError **error)
{
  g_autoptr(StrideAssessment) assessment = stride_assessment_new ();
  g_autoptr(GHashTable) visit_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *version = NULL;
  xmlNode *root;
  const StrideVisit *previous = NULL;
  g_autoptr(GPtrArray) visit_nodes = g_ptr_array_new ();

  if (!stride_xml_check_root (doc, reader->name, STRIDE_DOCUMENT_NAMESPACE, "assessment", error))
    return NULL;

  root = xmlDocGetRootElement (doc);
  version = stride_xml_get_prop (root, "version");
  if (version == NULL)
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_VERSION, reader->name, root,
                            _("the format version is missing: give <assessment version=\"%s\">"),
                            STRIDE_DOCUMENT_VERSION);
      return NULL;
    }
  if (!g_str_equal (version, STRIDE_DOCUMENT_VERSION))
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_VERSION, reader->name, root,
                            /* TRANSLATORS: %s are format version numbers */
                            _("unknown format version “%s” (this Stride reads version %s)"),
                            version, STRIDE_DOCUMENT_VERSION);
      return NULL;
    }

  stride_data_ensure ();
  if (!stride_xml_validate (doc, reader->name, STRIDE_DOCUMENT_SCHEMA, error))
    return NULL;

  if (!read_patient (reader, stride_xml_first_child (root, "patient"), assessment->patient,
                     error))
    return NULL;

  for (xmlNode *v = stride_xml_first_child (root, "visit"); v != NULL;
       v = stride_xml_next_element (v->next, "visit"))
    {
      StrideVisit *visit = NULL;
      gpointer first_line;

      if (!read_visit (reader, v, &visit, error))
        return NULL;
      g_ptr_array_add (assessment->visits, visit);
      g_ptr_array_add (visit_nodes, v);

      if (g_hash_table_lookup_extended (visit_ids, visit->id, NULL, &first_line))
        {
          g_autofree char *message = NULL;

          /* TRANSLATORS: a visit id and a line number */
          message = g_strdup_printf (_("visit id “%s” is used twice (first on line %u)"),
                                     visit->id, GPOINTER_TO_UINT (first_line));
          invalid (error, reader, v, message);
          return NULL;
        }
      g_hash_table_insert (visit_ids, g_strdup (visit->id),
                           GUINT_TO_POINTER (stride_xml_get_line (v)));

      if (previous != NULL && g_date_compare (&visit->date, &previous->date) < 0)
        {
          g_autofree char *message = NULL;
          g_autofree char *date = format_date (&visit->date);
          g_autofree char *before = format_date (&previous->date);

          /* TRANSLATORS: a visit id, its date, the date of the visit before it */
          message = g_strdup_printf (_("visit “%s” (%s) is dated before the visit above it "
                                       "(%s): visits go oldest first"),
                                     visit->id, date, before);
          invalid (error, reader, v, message);
          return NULL;
        }
      previous = visit;
    }

  if (!check_overrides (reader, assessment, (xmlNode **) visit_nodes->pdata, error))
    return NULL;

  return g_steal_pointer (&assessment);
}

/**
 * stride_document_read_bytes:
 * @display_name: the name used in error messages
 * @bytes: the document
 * @protocol: (nullable): the protocol to check answers against; %NULL for
 *   the built-in one
 * @error: return location for a #StrideXmlError
 *
 * Reads an assessment document (docs/assessment-format.md).
 *
 * Returns: (transfer full): the patient and visits, oldest first, or %NULL
 */
StrideAssessment *
stride_document_read_bytes (const char      *display_name,
                            GBytes          *bytes,
                            StrideProtocol  *protocol,
                            GError         **error)
{
  g_autoptr(StrideProtocol) own_protocol = NULL;
  Reader reader = { display_name, protocol };
  StrideAssessment *assessment;
  xmlDoc *doc;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (protocol == NULL || STRIDE_IS_PROTOCOL (protocol), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (protocol == NULL)
    {
      own_protocol = stride_protocol_load_default (error);
      if (own_protocol == NULL)
        return NULL;
      reader.protocol = own_protocol;
    }

  doc = stride_xml_read_bytes (display_name, bytes, STRIDE_XML_DEFAULT_MAX_SIZE, error);
  if (doc == NULL)
    return NULL;

  assessment = read_document (&reader, doc, error);
  xmlFreeDoc (doc);
  return assessment;
}

/**
 * stride_document_read_file:
 * @path: the file
 * @protocol: (nullable): the protocol to check answers against; %NULL for
 *   the built-in one
 * @error: return location for a #StrideXmlError
 *
 * Reads an assessment document, naming @path in error messages.
 *
 * Returns: (transfer full): the patient and visits, oldest first, or %NULL
 */
StrideAssessment *
stride_document_read_file (const char      *path,
                           StrideProtocol  *protocol,
                           GError         **error)
{
  g_autoptr(StrideProtocol) own_protocol = NULL;
  Reader reader = { path, protocol };
  StrideAssessment *assessment;
  xmlDoc *doc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (protocol == NULL || STRIDE_IS_PROTOCOL (protocol), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (protocol == NULL)
    {
      own_protocol = stride_protocol_load_default (error);
      if (own_protocol == NULL)
        return NULL;
      reader.protocol = own_protocol;
    }

  doc = stride_xml_read_file (path, STRIDE_XML_DEFAULT_MAX_SIZE, error);
  if (doc == NULL)
    return NULL;

  assessment = read_document (&reader, doc, error);
  xmlFreeDoc (doc);
  return assessment;
}

/* Writing */

/* XML 1.0 cannot hold most control characters, nor invalid UTF-8: such bytes
 * in a note (pasted from elsewhere) become U+FFFD rather than an unreadable file. */
static char *
xml_safe (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
        g_string_append_unichar (out, c);
      else
        g_string_append_unichar (out, 0xFFFD);
    }

  return g_string_free (out, FALSE);
}

static void
set_prop (xmlNode    *node,
          const char *name,
          const char *value)
{
  g_autofree char *safe = xml_safe (value);

  xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) safe);
}

static void
set_int_prop (xmlNode    *node,
              const char *name,
              int         value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%d", value);
  set_prop (node, name, buffer);
}

static void
set_number_prop (xmlNode    *node,
                 const char *name,
                 double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_prop (node, name, g_ascii_dtostr (buffer, sizeof buffer, value));
}

static void
set_bool_prop (xmlNode    *node,
               const char *name,
               gboolean    value)
{
  set_prop (node, name, value ? "true" : "false");
}

static xmlNode *
add_element (xmlNode    *parent,
             const char *name)
{
  return xmlNewChild (parent, parent->ns, (const xmlChar *) name, NULL);
}

static xmlNode *
add_text (xmlNode    *parent,
          const char *name,
          const char *text)
{
  g_autofree char *safe = NULL;

  if (text == NULL)
    return NULL;

  /* xmlNewTextChild escapes & < > and \r, so the text reads back exactly. */
  safe = xml_safe (text);
  return xmlNewTextChild (parent, parent->ns, (const xmlChar *) name, (const xmlChar *) safe);
}

static void
write_reasons (xmlNode   *parent,
               GPtrArray *reasons)
{
  for (guint i = 0; reasons != NULL && i < reasons->len; i++)
    {
      const StrideReason *reason = g_ptr_array_index (reasons, i);
      xmlNode *node = add_text (parent, "reason", reason->text != NULL ? reason->text : "");

      set_prop (node, "rule", reason->rule_id);
      if (reason->item != NULL)
        set_prop (node, "item", reason->item);
    }
}

static void
write_patient (xmlNode       *root,
               StridePatient *patient)
{
  xmlNode *node = add_element (root, "patient");

  if (patient->id != NULL)
    set_prop (node, "id", patient->id);
  add_text (node, "name", patient->name);
  if (g_date_valid (&patient->birth_date))
    {
      g_autofree char *date = format_date (&patient->birth_date);

      add_text (node, "birth-date", date);
    }
  add_text (node, "sex", patient->sex);
  add_text (node, "language", patient->language);
  add_text (node, "contact", patient->contact);
  add_text (node, "notes", patient->notes);
}

static void
write_plan (xmlNode    *parent,
            StridePlan *plan)
{
  xmlNode *node = add_element (parent, "plan");
  const StrideRunningPlan *running = &plan->running;
  xmlNode *run;

  set_bool_prop (node, "edited", plan->edited);
  set_bool_prop (node, "maintenance", plan->maintenance);

  for (guint i = 0; i < plan->items->len; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);
      xmlNode *e = add_element (node, "exercise");

      set_prop (e, "id", item->exercise_id);
      set_int_prop (e, "sets", item->sets);
      set_int_prop (e, "reps", item->reps);
      set_int_prop (e, "seconds", item->seconds);
      set_bool_prop (e, "each-side", item->each_side);
      if (item->frequency != NULL)
        set_prop (e, "frequency", item->frequency);
      add_text (e, "note", item->note);
      write_reasons (e, item->reasons);
    }

  run = add_element (node, "running");
  set_prop (run, "rule", running->rule_id != NULL ? running->rule_id : "RP-NONE");
  set_int_prop (run, "stage", running->walkrun_stage);
  if (running->has_spike_limit)
    set_number_prop (run, "spike-limit-km", running->spike_limit_km);
  if (running->has_shortened)
    {
      set_number_prop (run, "shortened-minutes", running->shortened_minutes);
      set_number_prop (run, "shortened-km", running->shortened_km);
    }
  set_bool_prop (run, "paused", running->paused);
  add_text (run, "detail", running->detail);
  for (guint i = 0; running->advice != NULL && i < running->advice->len; i++)
    set_prop (add_element (run, "advice"), "id", g_ptr_array_index (running->advice, i));
  write_reasons (run, running->reasons);

  for (guint i = 0; i < plan->education->len; i++)
    set_prop (add_element (node, "education"), "id", g_ptr_array_index (plan->education, i));

  if (g_date_valid (&plan->next_review))
    {
      g_autofree char *date = format_date (&plan->next_review);

      set_prop (add_element (node, "next-review"), "date", date);
    }
}

static gboolean
write_visit (xmlNode      *root,
             StrideVisit  *visit,
             guint         index,
             GError      **error)
{
  xmlNode *node = add_element (root, "visit");
  xmlNode *answers;
  g_autoptr(GPtrArray) keys = NULL;
  g_autofree char *id = NULL;
  g_autofree char *date = NULL;

  id = visit->id != NULL ? g_strdup (visit->id) : g_strdup_printf ("v%u", index + 1);
  if (!g_date_valid (&visit->date))
    {
      /* TRANSLATORS: %s is a visit id */
      g_set_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_INVALID,
                   _("visit “%s” has no date and cannot be written"), id);
      return FALSE;
    }

  date = format_date (&visit->date);
  set_prop (node, "id", id);
  set_prop (node, "date", date);
  set_prop (node, "kind", stride_visit_kind_to_string (visit->kind));
  set_prop (node, "status", stride_visit_status_to_string (visit->status));
  add_text (node, "clinician", visit->clinician);

  answers = add_element (node, "answers");
  keys = stride_answers_list_keys (visit->answers);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_autofree char *item = NULL;
      StrideSide side;
      xmlNode *answer;

      if (!stride_answers_split_key (key, &item, &side))
        continue;
      answer = add_text (answers, "answer",
                         stride_answers_get (visit->answers, item, side));
      set_prop (answer, "item", item);
      if (side != STRIDE_SIDE_NONE)
        set_prop (answer, "side", stride_side_to_string (side));
    }

  if (visit->overrides->len > 0)
    {
      xmlNode *overrides = add_element (node, "overrides");

      for (guint i = 0; i < visit->overrides->len; i++)
        {
          const StrideOverride *o = g_ptr_array_index (visit->overrides, i);
          xmlNode *override = add_text (overrides, "override",
                                        o->reason != NULL ? o->reason : "");

          set_prop (override, "what", o->what);
          set_prop (override, "value", o->value);
        }
    }

  if (visit->plan != NULL)
    write_plan (node, visit->plan);
  add_text (node, "notes", visit->notes);
  return TRUE;
}

/**
 * stride_document_to_string:
 * @assessment: a patient and their visits, oldest first
 * @error: return location for an error (a visit without a date)
 *
 * Returns: (transfer full): the assessment document as UTF-8 XML, or %NULL
 */
char *
stride_document_to_string (StrideAssessment  *assessment,
                           GError           **error)
{
  xmlDoc *doc;
  xmlNode *root;
  xmlChar *buffer = NULL;
  int length = 0;
  char *text;

  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlNewDocNode (doc, NULL, (const xmlChar *) "assessment", NULL);
  xmlDocSetRootElement (doc, root);
  xmlSetNs (root, xmlNewNs (root, (const xmlChar *) STRIDE_DOCUMENT_NAMESPACE, NULL));
  set_prop (root, "version", STRIDE_DOCUMENT_VERSION);

  write_patient (root, assessment->patient);
  for (guint i = 0; i < assessment->visits->len; i++)
    {
      if (!write_visit (root, g_ptr_array_index (assessment->visits, i), i, error))
        {
          xmlFreeDoc (doc);
          return NULL;
        }
    }

  xmlDocDumpFormatMemoryEnc (doc, &buffer, &length, "UTF-8", 1);
  xmlFreeDoc (doc);
  text = g_strndup ((const char *) buffer, (gsize) length);
  xmlFree (buffer);
  return text;
}

/**
 * stride_document_write_file:
 * @assessment: a patient and their visits, oldest first
 * @path: where to write
 * @error: return location for an error
 *
 * Writes the document atomically (a complete old file or a complete new
 * one, never half of each) with mode 0600, after checking that it reads
 * back (with the built-in protocol): an assessment holding an id or a
 * value the format does not allow is refused and nothing is written.
 *
 * Returns: %TRUE on success
 */
gboolean
stride_document_write_file (StrideAssessment  *assessment,
                            const char        *path,
                            GError           **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StrideAssessment) check = NULL;
  g_autoptr(GError) check_error = NULL;

  g_return_val_if_fail (assessment != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = stride_document_to_string (assessment, error);
  if (text == NULL)
    return FALSE;

  /* Never write a file Stride would refuse to read back (an id or a value
   * the format does not allow): say so now, while the data is still here. */
  bytes = g_bytes_new_static (text, strlen (text));
  check = stride_document_read_bytes (path, bytes, NULL, &check_error);
  if (check == NULL)
    {
      g_set_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_INVALID,
                   /* TRANSLATORS: %s is the reason, "FILE:LINE: message" */
                   _("not written, it would not read back: %s"), check_error->message);
      return FALSE;
    }

  return g_file_set_contents_full (path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}
