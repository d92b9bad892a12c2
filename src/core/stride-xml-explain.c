/* stride-xml-explain.c: say what is wrong when a RelaxNG schema refuses a node
 *
 * libxml2's RelaxNG validator often says no more than "Element visit failed
 * to validate attributes". Given the node it blamed, this looks the element
 * up in the schema (the trusted copy, already parsed) and checks the node
 * against that definition itself: an unknown or missing attribute, a value
 * outside its list or pattern, a missing required child. It returns NULL
 * when it cannot say more, and the caller keeps libxml2's words.
 *
 * Only the RelaxNG subset our schemas use is understood: element, attribute,
 * optional, zeroOrMore, oneOrMore, group, choice, interleave, ref/define,
 * value, data with a pattern, text, empty. A `data` may carry an example of
 * a good value in the attribute s:example (namespace STRIDE_HINTS_NS).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libxml/xmlregexp.h>

#include "stride-i18n.h"
#include "stride-xml.h"
#include "stride-xml-explain.h"

#define STRIDE_HINTS_NS "https://stride.github.io/ns/schema-hints"
#define MAX_REF_DEPTH 16

typedef struct
{
  char     *name;
  gboolean  optional;
  xmlNode  *value;     /* (nullable) the pattern of its value: value, choice, data, text, ref */
} Spec;

static void
spec_free (Spec *spec)
{
  g_free (spec->name);
  g_free (spec);
}

static gboolean
is_rng (xmlNode    *node,
        const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && xmlStrEqual (node->name, (const xmlChar *) name);
}

static xmlNode *
find_define (xmlDoc     *rng,
             const char *name)
{
  xmlNode *root = xmlDocGetRootElement (rng);

  for (xmlNode *d = stride_xml_first_child (root, "define"); d != NULL;
       d = stride_xml_next_element (d->next, "define"))
    {
      g_autofree char *n = stride_xml_get_prop (d, "name");

      if (g_strcmp0 (n, name) == 0)
        return d;
    }

  return NULL;
}

/* Collects the attributes and child elements a definition allows. */
static void
collect (xmlDoc    *rng,
         xmlNode   *pattern,
         gboolean   optional,
         GPtrArray *attributes,
         GPtrArray *elements,
         int        depth)
{
  if (depth > MAX_REF_DEPTH)
    return;

  for (xmlNode *child = stride_xml_first_child (pattern, NULL); child != NULL;
       child = stride_xml_next_element (child->next, NULL))
    {
      if (is_rng (child, "attribute") || is_rng (child, "element"))
        {
          Spec *spec = g_new0 (Spec, 1);

          spec->name = stride_xml_get_prop (child, "name");
          spec->optional = optional;
          spec->value = stride_xml_first_child (child, NULL);
          if (spec->name == NULL)
            spec_free (spec);   /* a name class: not handled */
          else
            g_ptr_array_add (is_rng (child, "attribute") ? attributes : elements, spec);
        }
      else if (is_rng (child, "optional") || is_rng (child, "zeroOrMore")
               || is_rng (child, "choice"))
        collect (rng, child, TRUE, attributes, elements, depth + 1);
      else if (is_rng (child, "oneOrMore") || is_rng (child, "group")
               || is_rng (child, "interleave"))
        collect (rng, child, optional, attributes, elements, depth + 1);
      else if (is_rng (child, "ref"))
        {
          g_autofree char *name = stride_xml_get_prop (child, "name");
          xmlNode *define = find_define (rng, name);

          if (define != NULL)
            collect (rng, define, optional, attributes, elements, depth + 1);
        }
    }
}

/* The name of the element whose content holds @def, through one level of define/ref. */
static char *
context_of (xmlNode *def)
{
  for (xmlNode *p = def->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    {
      if (is_rng (p, "element"))
        return stride_xml_get_prop (p, "name");
      if (is_rng (p, "define"))
        return NULL;
    }

  return NULL;
}

static void
find_elements (xmlNode    *node,
               const char *name,
               GPtrArray  *found)
{
  for (xmlNode *child = stride_xml_first_child (node, NULL); child != NULL;
       child = stride_xml_next_element (child->next, NULL))
    {
      if (is_rng (child, "element"))
        {
          g_autofree char *n = stride_xml_get_prop (child, "name");

          if (g_strcmp0 (n, name) == 0)
            g_ptr_array_add (found, child);
        }
      find_elements (child, name, found);
    }
}

/* The schema's definition of @node: the element of that name whose parent
 * element matches, else one inside a define, else the first. */
static xmlNode *
find_definition (xmlDoc  *rng,
                 xmlNode *node)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  const char *parent = node->parent != NULL && node->parent->type == XML_ELEMENT_NODE
                       ? (const char *) node->parent->name : NULL;
  xmlNode *fallback = NULL;

  find_elements (xmlDocGetRootElement (rng), (const char *) node->name, found);
  if (is_rng (xmlDocGetRootElement (rng), "element"))
    {
      g_autofree char *n = stride_xml_get_prop (xmlDocGetRootElement (rng), "name");

      if (g_strcmp0 (n, (const char *) node->name) == 0)
        g_ptr_array_add (found, xmlDocGetRootElement (rng));
    }

  for (guint i = 0; i < found->len; i++)
    {
      xmlNode *def = g_ptr_array_index (found, i);
      g_autofree char *context = context_of (def);

      if (context != NULL && g_strcmp0 (context, parent) == 0)
        return def;
      if (context == NULL && fallback == NULL)
        fallback = def;
    }

  if (fallback == NULL && found->len > 0)
    fallback = g_ptr_array_index (found, 0);
  return fallback;
}

static void
append_values (xmlNode *pattern,
               GString *list)
{
  for (xmlNode *v = stride_xml_first_child (pattern, "value"); v != NULL;
       v = stride_xml_next_element (v->next, "value"))
    {
      g_autofree char *text = stride_xml_get_text (v);

      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, text);
    }
}

typedef enum
{
  CHECK_OK,         /* matches, or beyond what we can check */
  CHECK_NOT_ONE_OF, /* *expected lists the allowed values */
  CHECK_FORM,       /* *expected is an example, or NULL */
} CheckResult;

static CheckResult
check_value (xmlDoc      *rng,
             xmlNode     *pattern,
             const char  *value,
             char       **expected,
             char       **bad_part,
             int          depth)
{
  *expected = NULL;
  if (pattern == NULL || depth > MAX_REF_DEPTH)
    return CHECK_OK;

  if (is_rng (pattern, "ref"))
    {
      g_autofree char *name = stride_xml_get_prop (pattern, "name");
      xmlNode *define = find_define (rng, name);

      return define != NULL
             ? check_value (rng, stride_xml_first_child (define, NULL), value, expected, bad_part,
                            depth + 1)
             : CHECK_OK;
    }

  if (is_rng (pattern, "value") || is_rng (pattern, "choice"))
    {
      GString *list = g_string_new (NULL);
      xmlNode *holder = pattern;
      gboolean only_values = TRUE;

      if (is_rng (pattern, "value"))
        {
          g_autofree char *text = stride_xml_get_text (pattern);

          g_string_append (list, text);
          if (g_strcmp0 (text, value) == 0)
            {
              g_string_free (list, TRUE);
              return CHECK_OK;
            }
          *expected = g_string_free (list, FALSE);
          return CHECK_NOT_ONE_OF;
        }

      for (xmlNode *c = stride_xml_first_child (holder, NULL); c != NULL;
           c = stride_xml_next_element (c->next, NULL))
        {
          if (!is_rng (c, "value"))
            only_values = FALSE;
          else
            {
              g_autofree char *text = stride_xml_get_text (c);

              if (g_strcmp0 (text, value) == 0)
                {
                  g_string_free (list, TRUE);
                  return CHECK_OK;
                }
            }
        }

      if (!only_values)
        {
          g_string_free (list, TRUE);
          return CHECK_OK;
        }
      append_values (holder, list);
      *expected = g_string_free (list, FALSE);
      return CHECK_NOT_ONE_OF;
    }

  if (is_rng (pattern, "list"))
    {
      /* Whitespace-separated tokens, each matching the repeated pattern. */
      xmlNode *repeat = stride_xml_first_child (pattern, NULL);
      xmlNode *item = is_rng (repeat, "oneOrMore") || is_rng (repeat, "zeroOrMore")
                      ? stride_xml_first_child (repeat, NULL) : NULL;
      g_auto(GStrv) tokens = NULL;
      guint count = 0;

      if (item == NULL || stride_xml_next_element (item->next, NULL) != NULL)
        return CHECK_OK;

      tokens = g_strsplit_set (value, " \t\r\n", -1);
      for (guint i = 0; tokens[i] != NULL; i++)
        {
          CheckResult result;

          if (*tokens[i] == '\0')
            continue;
          count++;
          result = check_value (rng, item, tokens[i], expected, bad_part, depth + 1);
          if (result != CHECK_OK)
            {
              *bad_part = g_strdup (tokens[i]);
              return result;
            }
        }

      if (count == 0 && is_rng (repeat, "oneOrMore"))
        return CHECK_FORM;
      return CHECK_OK;
    }

  if (is_rng (pattern, "data"))
    {
      xmlNode *param = stride_xml_first_child (pattern, "param");
      g_autofree char *param_name = stride_xml_get_prop (param, "name");
      g_autofree char *regex_text = NULL;
      xmlRegexpPtr regex;
      int matched;

      if (param == NULL || g_strcmp0 (param_name, "pattern") != 0)
        return CHECK_OK;

      regex_text = stride_xml_get_text (param);
      regex = xmlRegexpCompile ((const xmlChar *) regex_text);
      if (regex == NULL)
        return CHECK_OK;
      matched = xmlRegexpExec (regex, (const xmlChar *) value);
      xmlRegFreeRegexp (regex);
      if (matched == 1)
        return CHECK_OK;

      {
        xmlChar *example = xmlGetNsProp (pattern, (const xmlChar *) "example",
                                         (const xmlChar *) STRIDE_HINTS_NS);

        if (example != NULL)
          {
            *expected = g_strdup ((const char *) example);
            xmlFree (example);
          }
      }
      return CHECK_FORM;
    }

  return CHECK_OK;
}

/* prefix:name when the element has a prefix, so <xi:include> shows as such. */
static char *
display_name (xmlNode *node)
{
  if (node->ns != NULL && node->ns->prefix != NULL)
    return g_strdup_printf ("%s:%s", (const char *) node->ns->prefix, (const char *) node->name);

  return g_strdup ((const char *) node->name);
}

static char *
describe_bad_value (const char  *what,
                    const char  *value,
                    CheckResult  result,
                    const char  *expected)
{
  if (result == CHECK_NOT_ONE_OF)
    /* TRANSLATORS: what (e.g. “attribute “kind” of <visit>”), the value, the allowed values */
    return g_strdup_printf (_("%s: “%s” is not one of %s"), what, value, expected);

  if (expected != NULL)
    /* TRANSLATORS: what, the value, and an example of a good value */
    return g_strdup_printf (_("%s: “%s” is not in the expected form (for example “%s”)"),
                            what, value, expected);

  return g_strdup_printf (_("%s: “%s” is not in the expected form"), what, value);
}

static char *
explain_attributes (xmlDoc    *rng,
                    xmlNode   *node,
                    GPtrArray *attributes)
{
  /* An attribute the schema does not know. */
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < attributes->len && !known; i++)
        known = g_strcmp0 (((Spec *) g_ptr_array_index (attributes, i))->name,
                           (const char *) attr->name) == 0 && attr->ns == NULL;
      if (!known)
        /* TRANSLATORS: an XML attribute and its element */
        return g_strdup_printf (_("<%s> takes no attribute “%s”"),
                                (const char *) node->name, (const char *) attr->name);
    }

  for (guint i = 0; i < attributes->len; i++)
    {
      const Spec *spec = g_ptr_array_index (attributes, i);
      g_autofree char *value = stride_xml_get_prop (node, spec->name);
      g_autofree char *expected = NULL;
      g_autofree char *bad_part = NULL;
      g_autofree char *what = NULL;
      CheckResult result;

      if (value == NULL)
        {
          if (spec->optional)
            continue;
          /* TRANSLATORS: an XML element and the attribute it lacks */
          return g_strdup_printf (_("<%s> lacks the required attribute “%s”"),
                                  (const char *) node->name, spec->name);
        }

      result = check_value (rng, spec->value, value, &expected, &bad_part, 0);
      if (result == CHECK_OK)
        continue;

      /* TRANSLATORS: an XML attribute and its element */
      what = g_strdup_printf (_("attribute “%s” of <%s>"), spec->name, (const char *) node->name);
      return describe_bad_value (what, bad_part != NULL ? bad_part : value, result, expected);
    }

  return NULL;
}

static char *
explain_missing_child (xmlNode   *node,
                       GPtrArray *elements)
{
  for (guint i = 0; i < elements->len; i++)
    {
      const Spec *spec = g_ptr_array_index (elements, i);

      if (!spec->optional && stride_xml_first_child (node, spec->name) == NULL)
        /* TRANSLATORS: two XML element names */
        return g_strdup_printf (_("<%s> lacks the required element <%s>"),
                                (const char *) node->name, spec->name);
    }

  return NULL;
}

static char *
explain_text (xmlDoc  *rng,
              xmlNode *node,
              xmlNode *def)
{
  g_autofree char *text = stride_xml_get_text (node);
  g_autofree char *expected = NULL;
  g_autofree char *bad_part = NULL;
  xmlNode *pattern = stride_xml_first_child (def, NULL);
  CheckResult result;

  /* Only elements whose whole content is one value pattern. */
  if (pattern == NULL || stride_xml_next_element (pattern->next, NULL) != NULL
      || is_rng (pattern, "attribute") || is_rng (pattern, "element"))
    return NULL;

  result = check_value (rng, pattern, text, &expected, &bad_part, 0);
  if (result == CHECK_OK)
    return NULL;

  /* Element text may be a patient's (a birth date): it is not repeated. */
  if (result == CHECK_NOT_ONE_OF)
    /* TRANSLATORS: an XML element and the values it may hold */
    return g_strdup_printf (_("<%s> must be one of %s"), (const char *) node->name, expected);
  if (expected != NULL)
    /* TRANSLATORS: an XML element and an example of a good value */
    return g_strdup_printf (_("<%s> is not in the expected form (for example “%s”)"),
                            (const char *) node->name, expected);
  return g_strdup_printf (_("<%s> is not in the expected form"), (const char *) node->name);
}

/**
 * stride_xml_explain:
 * @rng: the schema, parsed
 * @node: the node libxml2 blamed
 * @libxml_message: what libxml2 said
 *
 * Returns: (transfer full) (nullable): a clearer message, or %NULL
 */
char *
stride_xml_explain (xmlDoc     *rng,
                    xmlNode    *node,
                    const char *libxml_message)
{
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) spec_free);
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) spec_free);
  char *message = NULL;
  xmlNode *def;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;

  if (g_str_has_prefix (libxml_message, "Did not expect element ")
      && g_str_has_suffix (libxml_message, " there"))
    {
      xmlNode *parent = node->parent != NULL && node->parent->type == XML_ELEMENT_NODE
                        ? node->parent : NULL;
      g_autofree char *name = display_name (node);

      /* Often a required element is missing before it. */
      def = parent != NULL ? find_definition (rng, parent) : NULL;
      if (def != NULL)
        {
          collect (rng, def, FALSE, attributes, elements, 0);
          message = explain_missing_child (parent, elements);
          if (message != NULL)
            return message;
        }

      /* TRANSLATORS: two XML element names */
      return g_strdup_printf (_("<%s> is not allowed here in <%s> (unknown, repeated or "
                                "out of order)"), name,
                              parent != NULL ? (const char *) parent->name : "");
    }

  def = find_definition (rng, node);
  if (def == NULL)
    return NULL;

  collect (rng, def, FALSE, attributes, elements, 0);

  /* libxml2's words do not always say which part is wrong ("failed to compare
   * type string"): the attributes are checked first, then the content. */
  message = explain_attributes (rng, node, attributes);
  if (message == NULL && strstr (libxml_message, "got nothing") != NULL)
    message = explain_missing_child (node, elements);
  if (message == NULL)
    message = explain_text (rng, node, def);
  if (message == NULL && g_str_has_prefix (libxml_message, "Element ")
      && strstr (libxml_message, "has extra content: text") != NULL)
    /* TRANSLATORS: an XML element name */
    message = g_strdup_printf (_("<%s> must not contain text"), (const char *) node->name);

  return message;
}

static char *
explain_tree (xmlDoc   *rng,
              xmlNode  *node,
              xmlNode **out_node)
{
  for (; node != NULL; node = stride_xml_next_element (node->next, NULL))
    {
      g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) spec_free);
      g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) spec_free);
      xmlNode *def = find_definition (rng, node);
      char *message = NULL;

      if (def != NULL)
        {
          collect (rng, def, FALSE, attributes, elements, 0);
          message = explain_attributes (rng, node, attributes);
          if (message == NULL)
            message = explain_missing_child (node, elements);
          if (message == NULL)
            message = explain_text (rng, node, def);
        }

      if (message == NULL)
        message = explain_tree (rng, stride_xml_first_child (node, NULL), out_node);
      else
        *out_node = node;

      if (message != NULL)
        return message;
    }

  return NULL;
}

/**
 * stride_xml_explain_document:
 * @rng: the schema, parsed
 * @doc: a document the schema refused without saying where
 * @out_node: (out): the element at fault
 *
 * Looks for the first element, in document order, that breaks its
 * definition in a way stride_xml_explain() can say.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL
 */
char *
stride_xml_explain_document (xmlDoc   *rng,
                             xmlDoc   *doc,
                             xmlNode **out_node)
{
  *out_node = NULL;
  return explain_tree (rng, xmlDocGetRootElement (doc), out_node);
}
