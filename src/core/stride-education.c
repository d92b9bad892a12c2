/* stride-education.c: what the home sheet teaches (data/education.xml)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-data.h"
#include "stride-education.h"
#include "stride-i18n.h"
#include "stride-xml.h"

struct _StrideEducation
{
  GObject     parent_instance;

  GPtrArray  *points;     /* StrideEducationPoint, in file order */
  GPtrArray  *warnings;   /* StrideWarningSign, in file order */
  GHashTable *ids;        /* every id → its line, to refuse duplicates */
  GHashTable *by_id;      /* point id → StrideEducationPoint */
};

G_DEFINE_FINAL_TYPE (StrideEducation, stride_education, G_TYPE_OBJECT)

static void
point_free (StrideEducationPoint *point)
{
  g_free (point->id);
  g_free (point->pattern);
  g_free (point->title);
  g_strfreev (point->texts);
  g_free (point);
}

static void
warning_free (StrideWarningSign *warning)
{
  g_free (warning->id);
  g_strfreev (warning->rules);
  g_free (warning->text);
  g_free (warning);
}

static void
stride_education_finalize (GObject *object)
{
  StrideEducation *self = STRIDE_EDUCATION (object);

  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->ids);
  g_ptr_array_unref (self->warnings);
  g_ptr_array_unref (self->points);

  G_OBJECT_CLASS (stride_education_parent_class)->finalize (object);
}

static void
stride_education_class_init (StrideEducationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stride_education_finalize;
}

static void
stride_education_init (StrideEducation *self)
{
  self->points = g_ptr_array_new_with_free_func ((GDestroyNotify) point_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) warning_free);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

static char *
translated_text (xmlNode *node)
{
  g_autofree char *raw = node != NULL ? stride_xml_get_text (node) : NULL;
  g_autofree char *collapsed = NULL;

  if (raw == NULL)
    return g_strdup ("");

  collapsed = stride_i18n_collapse_space (raw);
  return g_strdup (stride_i18n_data_text (collapsed));
}

static gboolean
claim_id (StrideEducation *self,
          xmlNode         *node,
          const char      *display_name,
          const char      *id,
          GError         **error)
{
  gpointer first = g_hash_table_lookup (self->ids, id);

  if (first != NULL)
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("“%s” appears twice (first on line %u)"), id,
                            GPOINTER_TO_UINT (first));
      return FALSE;
    }

  g_hash_table_insert (self->ids, g_strdup (id), GUINT_TO_POINTER (stride_xml_get_line (node)));
  return TRUE;
}

/* @validate is FALSE only for the texts compiled into our own resource: the
 * data suite validates them against the schema at build time, and validating
 * them again costs each process a millisecond. */
static gboolean
load_document (StrideEducation *self,
               xmlDoc          *doc,
               const char      *display_name,
               gboolean         validate,
               GError         **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL || !is_element (root, "education") || root->ns == NULL
      || g_strcmp0 ((const char *) root->ns->href, STRIDE_EDUCATION_NS) != 0)
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_ROOT, display_name, root,
                            _("not Stride education texts (expected <education xmlns=\"%s\">)"),
                            STRIDE_EDUCATION_NS);
      return FALSE;
    }

  if (validate && !stride_xml_validate (doc, display_name, STRIDE_EDUCATION_SCHEMA_RESOURCE,
                                       error))
    return FALSE;

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (is_element (node, "point"))
        {
          StrideEducationPoint *point = g_new0 (StrideEducationPoint, 1);
          g_autoptr(GPtrArray) texts = g_ptr_array_new ();

          point->id = stride_xml_get_prop (node, "id");
          point->pattern = stride_xml_get_prop (node, "pattern");
          point->title = translated_text (stride_xml_first_child (node, "title"));
          for (xmlNode *child = node->children; child != NULL; child = child->next)
            {
              if (is_element (child, "text"))
                g_ptr_array_add (texts, translated_text (child));
            }
          g_ptr_array_add (texts, NULL);
          point->texts = (char **) g_ptr_array_free (g_steal_pointer (&texts), FALSE);

          if (!claim_id (self, node, display_name, point->id, error))
            {
              point_free (point);
              return FALSE;
            }
          g_ptr_array_add (self->points, point);
          g_hash_table_insert (self->by_id, point->id, point);
        }
      else if (is_element (node, "warning"))
        {
          StrideWarningSign *warning = g_new0 (StrideWarningSign, 1);
          g_autofree char *rules = stride_xml_get_prop (node, "rules");
          g_autofree char *collapsed = stride_i18n_collapse_space (rules ? rules : "");

          warning->id = stride_xml_get_prop (node, "id");
          warning->rules = g_strsplit (collapsed, " ", -1);
          warning->text = translated_text (stride_xml_first_child (node, "text"));
          if (!claim_id (self, node, display_name, warning->id, error))
            {
              warning_free (warning);
              return FALSE;
            }
          g_ptr_array_add (self->warnings, warning);
        }
    }

  return TRUE;
}

static StrideEducation *
new_from_doc (xmlDoc      *doc,
              const char  *display_name,
              gboolean     validate,
              GError     **error)
{
  g_autoptr(StrideEducation) self = NULL;
  gboolean ok;

  if (doc == NULL)
    return NULL;

  self = g_object_new (STRIDE_TYPE_EDUCATION, NULL);
  ok = load_document (self, doc, display_name, validate, error);
  xmlFreeDoc (doc);
  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * stride_education_new_from_bytes:
 * @display_name: the name errors give for the file
 * @bytes: education XML
 * @error: return location for an error ("FILE:LINE: message")
 *
 * Returns: (transfer full) (nullable): the texts
 */
StrideEducation *
stride_education_new_from_bytes (const char  *display_name,
                                 GBytes      *bytes,
                                 GError     **error)
{
  g_return_val_if_fail (display_name != NULL && bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stride_data_ensure ();
  return new_from_doc (stride_xml_read_bytes (display_name, bytes, STRIDE_XML_DEFAULT_MAX_SIZE,
                                              error),
                       display_name, TRUE, error);
}

/**
 * stride_education_new_from_file:
 * @path: an education XML file
 * @error: return location for an error ("FILE:LINE: message")
 *
 * Returns: (transfer full) (nullable): the texts
 */
StrideEducation *
stride_education_new_from_file (const char  *path,
                                GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stride_data_ensure ();
  return new_from_doc (stride_xml_read_file (path, STRIDE_XML_DEFAULT_MAX_SIZE, error),
                       path, TRUE, error);
}

/**
 * stride_education_load_default:
 * @error: return location for an error
 *
 * Loads the texts compiled into Stride, in the current language.
 *
 * Returns: (transfer full) (nullable): the texts
 */
StrideEducation *
stride_education_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = stride_data_lookup ("education.xml", error);
  if (bytes == NULL)
    return NULL;

  /* Trusted: validated by the data suite when it was built in. */
  stride_data_ensure ();
  return new_from_doc (stride_xml_read_bytes ("education.xml", bytes, STRIDE_XML_DEFAULT_MAX_SIZE,
                                              error),
                       "education.xml", FALSE, error);
}

/**
 * stride_education_lookup:
 * @self: the texts
 * @id: a point id such as "pain-rules"
 *
 * Returns: (transfer none) (nullable): the point, or %NULL when unknown
 */
const StrideEducationPoint *
stride_education_lookup (StrideEducation *self,
                         const char      *id)
{
  g_return_val_if_fail (STRIDE_IS_EDUCATION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * stride_education_get_points:
 *
 * Returns: (transfer none) (element-type StrideEducationPoint): every point, in file order
 */
GPtrArray *
stride_education_get_points (StrideEducation *self)
{
  g_return_val_if_fail (STRIDE_IS_EDUCATION (self), NULL);
  return self->points;
}

/**
 * stride_education_get_warnings:
 *
 * Returns: (transfer none) (element-type StrideWarningSign): the "See a doctor
 *   if…" signs, in print order
 */
GPtrArray *
stride_education_get_warnings (StrideEducation *self)
{
  g_return_val_if_fail (STRIDE_IS_EDUCATION (self), NULL);
  return self->warnings;
}
