/* stride-protocol.c: what the assessment asks (data/protocol/protocol.xml)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stride-data.h"
#include "stride-i18n.h"
#include "stride-protocol.h"
#include "stride-xml.h"

#define PROTOCOL_NS "https://stride.github.io/ns/protocol/1"

/* A free-text answer longer than this is a pasted document, not a note. */
#define MAX_TEXT_LENGTH 4000

typedef struct
{
  char *id;
  char *title;   /* translated */
} SectionInfo;

struct _StrideProtocol
{
  GObject     parent_instance;

  GPtrArray  *items;        /* StrideItem, in protocol order */
  GHashTable *by_id;        /* id → StrideItem (borrowed) */
  GPtrArray  *sections;     /* SectionInfo */
  GPtrArray  *section_ids;  /* char* (borrowed), NULL-terminated */
};

G_DEFINE_FINAL_TYPE (StrideProtocol, stride_protocol, G_TYPE_OBJECT)

G_DEFINE_QUARK (stride-protocol-error-quark, stride_protocol_error)

static void
choice_free (StrideChoice *choice)
{
  g_free (choice->id);
  g_free (choice->label);
  g_free (choice);
}

static void
item_free (StrideItem *item)
{
  g_free (item->id);
  g_free (item->section);
  g_free (item->group);
  g_free (item->label);
  g_free (item->help);
  g_free (item->unit);
  g_clear_pointer (&item->choices, g_ptr_array_unref);
  g_strfreev (item->rules);
  g_free (item->group_title);
  g_free (item->section_title);
  g_free (item);
}

static void
section_info_free (SectionInfo *info)
{
  g_free (info->id);
  g_free (info->title);
  g_free (info);
}

static void
stride_protocol_finalize (GObject *object)
{
  StrideProtocol *self = STRIDE_PROTOCOL (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->section_ids, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (stride_protocol_parent_class)->finalize (object);
}

static void
stride_protocol_class_init (StrideProtocolClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stride_protocol_finalize;
}

static void
stride_protocol_init (StrideProtocol *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_info_free);
  self->section_ids = g_ptr_array_new ();
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE
         && g_str_equal ((const char *) node->name, name);
}

/* Data text: white space collapsed as xgettext does, then translated. */
static char *
translated_text (xmlNode *node)
{
  g_autofree char *raw = stride_xml_get_text (node);
  g_autofree char *collapsed = NULL;

  if (raw == NULL)
    return g_strdup ("");

  collapsed = stride_i18n_collapse_space (raw);
  return g_strdup (stride_i18n_data_text (collapsed));
}

static gboolean
parse_type (const char     *text,
            StrideItemType *out)
{
  static const char * const names[] = {
    "yes-no", "scale", "number", "choice", "multi", "date", "text",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (text, names[i]) == 0)
        {
          *out = (StrideItemType) i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_double_prop (xmlNode    *node,
                   const char *name,
                   const char *display_name,
                   gboolean   *has_value,
                   double     *out,
                   GError    **error)
{
  g_autofree char *text = stride_xml_get_prop (node, name);
  char *end = NULL;
  double value;

  *has_value = FALSE;
  if (text == NULL)
    return TRUE;

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("attribute “%s”: “%s” is not a number"), name, text);
      return FALSE;
    }

  *has_value = TRUE;
  *out = value;
  return TRUE;
}

static StrideItem *
parse_item (StrideProtocol *self,
            xmlNode        *node,
            const char     *display_name,
            const char     *section,
            const char     *section_title,
            const char     *group,
            const char     *group_title,
            GError        **error)
{
  g_autoptr(GHashTable) choice_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *type_text = stride_xml_get_prop (node, "type");
  g_autofree char *per_side = stride_xml_get_prop (node, "per-side");
  g_autofree char *required = stride_xml_get_prop (node, "required");
  g_autofree char *carried = stride_xml_get_prop (node, "carried");
  g_autofree char *digits = stride_xml_get_prop (node, "digits");
  g_autofree char *rules = stride_xml_get_prop (node, "rules");
  gboolean has_min, has_max;
  double min = 0, max = 0;
  StrideItem *item;

  item = g_new0 (StrideItem, 1);
  item->id = stride_xml_get_prop (node, "id");
  item->section = g_strdup (section);
  item->section_title = g_strdup (section_title);
  item->group = g_strdup (group);
  item->group_title = g_strdup (group_title);
  item->unit = stride_xml_get_prop (node, "unit");
  if (item->unit != NULL && item->unit[0] != '\0')
    {
      /* Only ever shown: data/its/stride.its extracts it for translation. */
      g_autofree char *unit = g_steal_pointer (&item->unit);

      item->unit = g_strdup (stride_i18n_data_text (unit));
    }
  item->per_side = g_strcmp0 (per_side, "yes") == 0;
  item->required = g_strcmp0 (required, "yes") == 0;
  item->carried = g_strcmp0 (carried, "yes") == 0;
  item->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  item->rules = rules != NULL ? g_strsplit_set (g_strstrip (rules), " \t\n", -1)
                              : g_new0 (char *, 1);

  if (item->id == NULL || !parse_type (type_text, &item->type))
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("an item needs an id and a known type"));
      goto fail;
    }

  if (g_hash_table_contains (self->by_id, item->id))
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("item “%s”: the id is used twice"), item->id);
      goto fail;
    }

  if (!parse_double_prop (node, "min", display_name, &has_min, &min, error)
      || !parse_double_prop (node, "max", display_name, &has_max, &max, error))
    goto fail;

  if (item->type == STRIDE_ITEM_SCALE)
    {
      if (has_min || has_max)
        {
          stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                                _("item “%s”: a scale is always 0–10, give no min or max"),
                                item->id);
          goto fail;
        }
      item->has_range = TRUE;
      item->min = 0;
      item->max = 10;
    }
  else if (item->type == STRIDE_ITEM_NUMBER)
    {
      if (!has_min || !has_max || min > max)
        {
          stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                                _("item “%s”: a number needs min ≤ max"), item->id);
          goto fail;
        }
      item->has_range = TRUE;
      item->min = min;
      item->max = max;
      item->digits = digits != NULL ? atoi (digits) : 0;
    }
  else if (has_min || has_max || digits != NULL || item->unit != NULL)
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("item “%s”: only numbers have a range, digits or a unit"),
                            item->id);
      goto fail;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "label"))
        item->label = translated_text (child);
      else if (is_element (child, "help"))
        item->help = translated_text (child);
      else if (is_element (child, "choice"))
        {
          StrideChoice *choice = g_new0 (StrideChoice, 1);
          xmlNode *label = stride_xml_first_child (child, "label");

          choice->id = stride_xml_get_prop (child, "id");
          choice->label = label != NULL ? translated_text (label) : g_strdup ("");
          g_ptr_array_add (item->choices, choice);
          if (choice->id == NULL || !g_hash_table_add (choice_ids, choice->id))
            {
              stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, child,
                                    _("item “%s”: a choice id is missing or used twice"),
                                    item->id);
              goto fail;
            }
        }
    }

  if ((item->type == STRIDE_ITEM_CHOICE || item->type == STRIDE_ITEM_MULTI)
      != (item->choices->len > 0))
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("item “%s”: choice and multi items, and only they, have choices"),
                            item->id);
      goto fail;
    }

  if (item->label == NULL)
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("item “%s”: no label"), item->id);
      goto fail;
    }

  return item;

fail:
  item_free (item);
  return NULL;
}

/* @validate is FALSE only for the protocol compiled into our own resource:
 * the data suite validates that file against its schema at build time, and
 * validating it again costs each process a few milliseconds. */
static gboolean
load_document (StrideProtocol *self,
               xmlDoc         *doc,
               const char     *display_name,
               gboolean        validate,
               GError        **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL || !is_element (root, "protocol") || root->ns == NULL
      || g_strcmp0 ((const char *) root->ns->href, PROTOCOL_NS) != 0)
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_ROOT, display_name, root,
                            _("not a Stride protocol (expected <protocol xmlns=\"%s\">)"),
                            PROTOCOL_NS);
      return FALSE;
    }

  if (validate && !stride_xml_validate (doc, display_name, STRIDE_PROTOCOL_SCHEMA_RESOURCE,
                                       error))
    return FALSE;

  for (xmlNode *section = root->children; section != NULL; section = section->next)
    {
      g_autofree char *section_id = NULL;
      g_autofree char *section_title = NULL;
      SectionInfo *info;

      if (!is_element (section, "section"))
        continue;

      section_id = stride_xml_get_prop (section, "id");
      section_title = translated_text (stride_xml_first_child (section, "title"));
      for (guint i = 0; i < self->sections->len; i++)
        {
          SectionInfo *other = g_ptr_array_index (self->sections, i);

          if (g_strcmp0 (other->id, section_id) == 0)
            {
              stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, section,
                                    _("section “%s” appears twice"), section_id);
              return FALSE;
            }
        }
      info = g_new0 (SectionInfo, 1);
      info->id = g_strdup (section_id);
      info->title = g_strdup (section_title);
      g_ptr_array_add (self->sections, info);
      g_ptr_array_add (self->section_ids, info->id);

      for (xmlNode *group = section->children; group != NULL; group = group->next)
        {
          g_autofree char *group_id = NULL;
          g_autofree char *group_title = NULL;

          if (!is_element (group, "group"))
            continue;

          group_id = stride_xml_get_prop (group, "id");
          group_title = translated_text (stride_xml_first_child (group, "title"));
          for (xmlNode *node = group->children; node != NULL; node = node->next)
            {
              StrideItem *item;

              if (!is_element (node, "item"))
                continue;

              item = parse_item (self, node, display_name, section_id, section_title,
                                 group_id, group_title, error);
              if (item == NULL)
                return FALSE;
              g_ptr_array_add (self->items, item);
              g_hash_table_insert (self->by_id, item->id, item);
            }
        }
    }

  g_ptr_array_add (self->section_ids, NULL);
  return TRUE;
}

static StrideProtocol *
new_from_bytes (const char  *display_name,
                GBytes      *bytes,
                gboolean     validate,
                GError     **error)
{
  g_autoptr(StrideProtocol) self = NULL;
  xmlDoc *doc;
  gboolean ok;

  stride_data_ensure ();
  doc = stride_xml_read_bytes (display_name, bytes, STRIDE_XML_DEFAULT_MAX_SIZE, error);
  if (doc == NULL)
    return NULL;

  self = g_object_new (STRIDE_TYPE_PROTOCOL, NULL);
  ok = load_document (self, doc, display_name, validate, error);
  xmlFreeDoc (doc);

  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * stride_protocol_new_from_bytes:
 * @display_name: the name errors give for the file
 * @bytes: the protocol XML
 * @error: return location for an error ("FILE:LINE: message")
 *
 * Returns: (transfer full) (nullable): the protocol
 */
StrideProtocol *
stride_protocol_new_from_bytes (const char  *display_name,
                                GBytes      *bytes,
                                GError     **error)
{
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_from_bytes (display_name, bytes, TRUE, error);
}

/**
 * stride_protocol_new_from_file:
 * @path: a protocol XML file
 * @error: return location for an error ("FILE:LINE: message")
 *
 * Returns: (transfer full) (nullable): the protocol
 */
StrideProtocol *
stride_protocol_new_from_file (const char  *path,
                               GError     **error)
{
  g_autoptr(StrideProtocol) self = NULL;
  xmlDoc *doc;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stride_data_ensure ();
  doc = stride_xml_read_file (path, STRIDE_XML_DEFAULT_MAX_SIZE, error);
  if (doc == NULL)
    return NULL;

  self = g_object_new (STRIDE_TYPE_PROTOCOL, NULL);
  ok = load_document (self, doc, path, TRUE, error);
  xmlFreeDoc (doc);

  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * stride_protocol_load_default:
 * @error: return location for an error
 *
 * Loads the protocol compiled into Stride (data/protocol/protocol.xml), with
 * its text in the current language.
 *
 * Returns: (transfer full) (nullable): the protocol
 */
StrideProtocol *
stride_protocol_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = stride_data_lookup ("protocol/protocol.xml", error);
  if (bytes == NULL)
    return NULL;

  /* Trusted: validated by the data suite when it was built in. */
  return new_from_bytes ("protocol.xml", bytes, FALSE, error);
}

/**
 * stride_protocol_lookup:
 * @self: the protocol
 * @item_id: an item id
 *
 * Returns: (transfer none) (nullable): the item, or %NULL when unknown
 */
const StrideItem *
stride_protocol_lookup (StrideProtocol *self,
                        const char     *item_id)
{
  g_return_val_if_fail (STRIDE_IS_PROTOCOL (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, item_id);
}

/**
 * stride_protocol_get_items:
 *
 * Returns: (transfer none) (element-type StrideItem): every item, in protocol order
 */
GPtrArray *
stride_protocol_get_items (StrideProtocol *self)
{
  g_return_val_if_fail (STRIDE_IS_PROTOCOL (self), NULL);

  return self->items;
}

/**
 * stride_protocol_get_section:
 * @self: the protocol
 * @section: "history", "red-flags", "load-sensitivity", "movement-tolerance" or "follow-up"
 *
 * Returns: (transfer container) (element-type StrideItem): the section's items, in order
 */
GPtrArray *
stride_protocol_get_section (StrideProtocol *self,
                             const char     *section)
{
  GPtrArray *items;

  g_return_val_if_fail (STRIDE_IS_PROTOCOL (self), NULL);
  g_return_val_if_fail (section != NULL, NULL);

  items = g_ptr_array_new ();
  for (guint i = 0; i < self->items->len; i++)
    {
      StrideItem *item = g_ptr_array_index (self->items, i);

      if (g_str_equal (item->section, section))
        g_ptr_array_add (items, item);
    }

  return items;
}

/**
 * stride_protocol_get_section_ids:
 *
 * Returns: (transfer none): the section ids in protocol order, NULL-terminated
 */
const char * const *
stride_protocol_get_section_ids (StrideProtocol *self)
{
  g_return_val_if_fail (STRIDE_IS_PROTOCOL (self), NULL);

  return (const char * const *) self->section_ids->pdata;
}

/**
 * stride_protocol_get_section_title:
 *
 * Returns: (transfer none) (nullable): the translated heading of @section
 */
const char *
stride_protocol_get_section_title (StrideProtocol *self,
                                   const char     *section)
{
  g_return_val_if_fail (STRIDE_IS_PROTOCOL (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      SectionInfo *info = g_ptr_array_index (self->sections, i);

      if (g_strcmp0 (info->id, section) == 0)
        return info->title;
    }

  return NULL;
}

/**
 * stride_protocol_get_choice_label:
 *
 * Returns: (transfer none) (nullable): the translated label of a choice
 */
const char *
stride_protocol_get_choice_label (StrideProtocol *self,
                                  const char     *item_id,
                                  const char     *choice_id)
{
  const StrideItem *item = stride_protocol_lookup (self, item_id);

  if (item == NULL || choice_id == NULL)
    return NULL;

  for (guint i = 0; i < item->choices->len; i++)
    {
      const StrideChoice *choice = g_ptr_array_index (item->choices, i);

      if (g_str_equal (choice->id, choice_id))
        return choice->label;
    }

  return NULL;
}

/**
 * stride_item_reads_rule:
 *
 * Returns: %TRUE when @rule_id is among the rules that read @item
 */
gboolean
stride_item_reads_rule (const StrideItem *item,
                        const char       *rule_id)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return item->rules != NULL && g_strv_contains ((const char * const *) item->rules, rule_id);
}

static gboolean
has_choice (const StrideItem *item,
            const char       *id)
{
  for (guint i = 0; i < item->choices->len; i++)
    {
      const StrideChoice *choice = g_ptr_array_index (item->choices, i);

      if (g_str_equal (choice->id, id))
        return TRUE;
    }

  return FALSE;
}

static char *
format_limit (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

static gboolean
check_number (const StrideItem *item,
              const char       *value,
              GError          **error)
{
  const char *dot = strchr (value, '.');
  int decimals = dot != NULL ? (int) strlen (dot + 1) : 0;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  char *end = NULL;
  double number;

  /* Plain decimal notation only: no sign, exponent, hex, inf or locale comma. */
  for (const char *p = value; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && !(*p == '.' && p == dot)
          && !(*p == '-' && p == value))
        goto not_a_number;
    }

  number = g_ascii_strtod (value, &end);
  if (*value == '\0' || end == value || *end != '\0' || !isfinite (number)
      || (dot != NULL && (dot == value || decimals == 0)))
    goto not_a_number;

  if (decimals > item->digits)
    {
      g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_VALUE,
                   item->digits == 0 ? _("item “%s”: “%s” must be a whole number")
                                     : _("item “%s”: “%s” has more decimals than allowed"),
                   item->id, value);
      return FALSE;
    }

  if (item->has_range && (number < item->min || number > item->max))
    {
      min = format_limit (item->min);
      max = format_limit (item->max);
      g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_VALUE,
                   _("item “%s”: %s is out of range (%s to %s)"), item->id, value, min, max);
      return FALSE;
    }

  return TRUE;

not_a_number:
  g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_VALUE,
               _("item “%s”: “%s” is not a number (write it with a dot, e.g. 12.5)"),
               item->id, value);
  return FALSE;
}

/**
 * stride_protocol_check_value:
 * @self: the protocol
 * @item_id: an item id
 * @side: the side, which per-side items need and others must not have
 * @value: the canonical text of the answer (stride-answers.h)
 * @error: return location for a #STRIDE_PROTOCOL_ERROR naming the item
 *
 * Returns: %TRUE when @value is a valid answer to @item_id on @side
 */
gboolean
stride_protocol_check_value (StrideProtocol  *self,
                             const char      *item_id,
                             StrideSide       side,
                             const char      *value,
                             GError         **error)
{
  const StrideItem *item;

  g_return_val_if_fail (STRIDE_IS_PROTOCOL (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  item = stride_protocol_lookup (self, item_id);
  if (item == NULL)
    {
      g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_UNKNOWN_ITEM,
                   _("unknown item “%s”"), item_id);
      return FALSE;
    }

  if (item->per_side && side == STRIDE_SIDE_NONE)
    {
      g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_SIDE,
                   _("item “%s” is recorded per side: give side=\"left\" or side=\"right\""),
                   item_id);
      return FALSE;
    }
  if (!item->per_side && side != STRIDE_SIDE_NONE)
    {
      g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_SIDE,
                   _("item “%s” is not recorded per side: give no side"), item_id);
      return FALSE;
    }

  switch (item->type)
    {
    case STRIDE_ITEM_YES_NO:
      if (g_str_equal (value, "yes") || g_str_equal (value, "no"))
        return TRUE;
      g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_VALUE,
                   _("item “%s”: “%s” must be yes or no"), item_id, value);
      return FALSE;

    case STRIDE_ITEM_SCALE:
      if ((strlen (value) == 1 && g_ascii_isdigit (value[0])) || g_str_equal (value, "10"))
        return TRUE;
      g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_VALUE,
                   _("item “%s”: “%s” must be a whole number from 0 to 10"), item_id, value);
      return FALSE;

    case STRIDE_ITEM_NUMBER:
      return check_number (item, value, error);

    case STRIDE_ITEM_CHOICE:
      if (has_choice (item, value))
        return TRUE;
      g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_VALUE,
                   _("item “%s”: “%s” is not one of its choices"), item_id, value);
      return FALSE;

    case STRIDE_ITEM_MULTI:
      {
        g_auto(GStrv) parts = g_strsplit (value, " ", -1);

        if (*value == '\0')
          {
            g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_VALUE,
                         _("item “%s”: no choice given (leave the answer out instead)"),
                         item_id);
            return FALSE;
          }
        for (guint i = 0; parts[i] != NULL; i++)
          {
            if (!has_choice (item, parts[i]))
              {
                g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_VALUE,
                             _("item “%s”: “%s” is not one of its choices"), item_id, parts[i]);
                return FALSE;
              }
            for (guint j = 0; j < i; j++)
              {
                if (g_str_equal (parts[i], parts[j]))
                  {
                    g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_VALUE,
                                 _("item “%s”: “%s” is given twice"), item_id, parts[i]);
                    return FALSE;
                  }
              }
          }
        return TRUE;
      }

    case STRIDE_ITEM_DATE:
      {
        g_autoptr(StrideAnswers) probe = stride_answers_new ();

        stride_answers_set (probe, item_id, STRIDE_SIDE_NONE, value);
        if (strlen (value) == 10 && value[4] == '-' && value[7] == '-'
            && stride_answers_get_date (probe, item_id, STRIDE_SIDE_NONE, NULL))
          return TRUE;
        g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_VALUE,
                     _("item “%s”: “%s” is not a date (YYYY-MM-DD)"), item_id, value);
        return FALSE;
      }

    case STRIDE_ITEM_TEXT:
      if (g_utf8_validate (value, -1, NULL) && g_utf8_strlen (value, -1) <= MAX_TEXT_LENGTH)
        return TRUE;
      g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_VALUE,
                   _("item “%s”: the text is not valid UTF-8 or longer than %d characters"),
                   item_id, MAX_TEXT_LENGTH);
      return FALSE;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/**
 * stride_protocol_missing_required:
 * @self: the protocol
 * @answers: a visit's answers
 *
 * Returns: (transfer full) (element-type utf8): the ids of required items
 *   @answers lacks (both sides for a per-side item), in protocol order
 */
GPtrArray *
stride_protocol_missing_required (StrideProtocol *self,
                                  StrideAnswers  *answers)
{
  GPtrArray *missing;

  g_return_val_if_fail (STRIDE_IS_PROTOCOL (self), NULL);
  g_return_val_if_fail (STRIDE_IS_ANSWERS (answers), NULL);

  missing = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->items->len; i++)
    {
      const StrideItem *item = g_ptr_array_index (self->items, i);
      gboolean present;

      if (!item->required)
        continue;

      if (item->per_side)
        present = stride_answers_has (answers, item->id, STRIDE_SIDE_LEFT)
                  && stride_answers_has (answers, item->id, STRIDE_SIDE_RIGHT);
      else
        present = stride_answers_has (answers, item->id, STRIDE_SIDE_NONE);

      if (!present)
        g_ptr_array_add (missing, g_strdup (item->id));
    }

  return missing;
}

/**
 * stride_protocol_count_unasked:
 * @self: the protocol
 * @section: a section id
 * @answers: a visit's answers
 *
 * No red flag question is required, so a triage of "none" may rest on
 * questions nobody asked: the documents and the app say how many.
 *
 * Returns: how many yes/no questions of @section @answers leave without an
 *   answer (a per-side question: on both sides)
 */
guint
stride_protocol_count_unasked (StrideProtocol *self,
                               const char     *section,
                               StrideAnswers  *answers)
{
  guint unasked = 0;

  g_return_val_if_fail (STRIDE_IS_PROTOCOL (self), 0);
  g_return_val_if_fail (section != NULL, 0);
  g_return_val_if_fail (STRIDE_IS_ANSWERS (answers), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      const StrideItem *item = g_ptr_array_index (self->items, i);
      gboolean asked;

      if (item->type != STRIDE_ITEM_YES_NO || g_strcmp0 (item->section, section) != 0)
        continue;
      if (item->per_side)
        asked = stride_answers_has (answers, item->id, STRIDE_SIDE_LEFT)
                || stride_answers_has (answers, item->id, STRIDE_SIDE_RIGHT);
      else
        asked = stride_answers_has (answers, item->id, STRIDE_SIDE_NONE);
      if (!asked)
        unasked++;
    }

  return unasked;
}

/**
 * stride_protocol_check_answers:
 * @self: the protocol
 * @answers: a visit's answers
 * @error: return location for the first problem, naming the item
 *
 * Checks every answer with stride_protocol_check_value() and that every
 * required item is answered.
 *
 * Returns: %TRUE when @answers is complete and valid
 */
gboolean
stride_protocol_check_answers (StrideProtocol  *self,
                               StrideAnswers   *answers,
                               GError         **error)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  g_return_val_if_fail (STRIDE_IS_PROTOCOL (self), FALSE);
  g_return_val_if_fail (STRIDE_IS_ANSWERS (answers), FALSE);

  keys = stride_answers_list_keys (answers);
  for (guint i = 0; i < keys->len; i++)
    {
      g_autofree char *item = NULL;
      StrideSide side;

      if (!stride_answers_split_key (g_ptr_array_index (keys, i), &item, &side))
        {
          g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_SIDE,
                       _("“%s”: unknown side"), (const char *) g_ptr_array_index (keys, i));
          return FALSE;
        }
      if (!stride_protocol_check_value (self, item, side,
                                        stride_answers_get (answers, item, side), error))
        return FALSE;
    }

  missing = stride_protocol_missing_required (self, answers);
  if (missing->len > 0)
    {
      g_set_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_REQUIRED,
                   _("item “%s”: a required answer is missing"),
                   (const char *) g_ptr_array_index (missing, 0));
      return FALSE;
    }

  return TRUE;
}
