/* stride-library.c: the exercise library (data/exercises/, one file per group)
 *
 * Each file is read through the hardened reader and validated against
 * data/schemas/library.rng; then the library as a whole is checked: no id
 * twice, every progression and regression names an exercise that exists, and
 * no chain of progressions (or of regressions) comes back on itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "stride-data.h"
#include "stride-figure.h"
#include "stride-i18n.h"
#include "stride-library.h"
#include "stride-xml.h"

#define EXERCISES_DIR "exercises/"

typedef struct
{
  StrideExercise  pub;           /* first, so a StrideExercise * is an Entry * */
  guint           progression_line;
  guint           regression_line;
} Entry;

struct _StrideLibrary
{
  GObject     parent_instance;

  GPtrArray  *exercises;   /* Entry, in file order */
  GHashTable *by_id;       /* id → Entry */
};

G_DEFINE_FINAL_TYPE (StrideLibrary, stride_library, G_TYPE_OBJECT)

static void
entry_free (Entry *entry)
{
  StrideExercise *e = &entry->pub;

  g_free (e->id);
  g_free (e->name);
  g_strfreev (e->patterns);
  g_strfreev (e->targets);
  g_strfreev (e->equipment);
  g_free (e->frequency);
  g_free (e->dose_text);
  g_free (e->progression);
  g_free (e->regression);
  g_strfreev (e->steps);
  g_free (e->caution);
  stride_figure_free (e->figure);
  g_free (e->load);
  g_free (e->file);
  g_free (entry);
}

static void
stride_library_finalize (GObject *object)
{
  StrideLibrary *self = STRIDE_LIBRARY (object);

  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->exercises);

  G_OBJECT_CLASS (stride_library_parent_class)->finalize (object);
}

static void
stride_library_class_init (StrideLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stride_library_finalize;
}

static void
stride_library_init (StrideLibrary *self)
{
  self->exercises = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

/* Data text: white space collapsed as xgettext does, then translated. */
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

static char **
split_list (const char *text)
{
  g_autofree char *collapsed = stride_i18n_collapse_space (text != NULL ? text : "");

  if (*collapsed == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (collapsed, " ", -1);
}

static gboolean
parse_int (xmlNode    *node,
           const char *display_name,
           const char *attr,
           int        *out,
           GError    **error)
{
  g_autofree char *text = stride_xml_get_prop (node, attr);
  guint64 value = 0;

  *out = 0;
  if (text == NULL)
    return TRUE;

  /* The schema has checked the form and the range already. */
  if (!g_ascii_string_to_unsigned (text, 10, 0, 100000, &value, NULL))
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("<dose> %s=“%s”: expected a whole number"), attr, text);
      return FALSE;
    }

  *out = (int) value;
  return TRUE;
}

static Entry *
parse_exercise (xmlNode    *node,
                const char *display_name,
                GError    **error)
{
  Entry *entry = g_new0 (Entry, 1);
  StrideExercise *e = &entry->pub;
  g_autofree char *phases = stride_xml_get_prop (node, "phases");
  g_autofree char *patterns = stride_xml_get_prop (node, "patterns");
  g_autofree char *targets = stride_xml_get_prop (node, "targets");
  g_autofree char *equipment = stride_xml_get_prop (node, "equipment");
  g_auto(GStrv) phase_list = split_list (phases);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);

  e->id = stride_xml_get_prop (node, "id");
  e->file = g_strdup (display_name);
  e->line = stride_xml_get_line (node);
  e->patterns = split_list (patterns);
  e->targets = split_list (targets);
  e->equipment = split_list (equipment);
  e->load = stride_xml_get_prop (node, "load");

  for (guint i = 0; phase_list[i] != NULL; i++)
    e->phases |= 1u << (phase_list[i][0] - '0');

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (child, "name"))
        e->name = translated_text (child);
      else if (is_element (child, "dose"))
        {
          g_autofree char *each = stride_xml_get_prop (child, "each-side");

          if (!parse_int (child, display_name, "sets", &e->sets, error)
              || !parse_int (child, display_name, "reps", &e->reps, error)
              || !parse_int (child, display_name, "seconds", &e->seconds, error))
            goto fail;
          e->each_side = g_strcmp0 (each, "yes") == 0;
          e->frequency = stride_xml_get_prop (child, "frequency");
          e->dose_text = translated_text (stride_xml_first_child (child, "dose-text"));
        }
      else if (is_element (child, "progression"))
        {
          e->progression = stride_xml_get_prop (child, "id");
          entry->progression_line = stride_xml_get_line (child);
        }
      else if (is_element (child, "regression"))
        {
          e->regression = stride_xml_get_prop (child, "id");
          entry->regression_line = stride_xml_get_line (child);
        }
      else if (is_element (child, "steps"))
        {
          for (xmlNode *step = child->children; step != NULL; step = step->next)
            {
              if (is_element (step, "step"))
                g_ptr_array_add (steps, translated_text (step));
            }
        }
      else if (is_element (child, "caution"))
        e->caution = translated_text (child);
      else if (is_element (child, "figure"))
        {
          e->figure = stride_figure_new_from_xml (child, display_name, error);
          if (e->figure == NULL)
            goto fail;
        }
    }

  g_ptr_array_add (steps, NULL);
  e->steps = (char **) g_ptr_array_free (g_steal_pointer (&steps), FALSE);
  return entry;

fail:
  entry_free (entry);
  return NULL;
}

/* @validate is FALSE only for the files compiled into our own resource: the
 * data suite validates them against the schema at build time, and validating
 * them again costs each process a few milliseconds. */
static gboolean
load_document (StrideLibrary *self,
               xmlDoc        *doc,
               const char    *display_name,
               gboolean       validate,
               GError       **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL || !is_element (root, "library") || root->ns == NULL
      || g_strcmp0 ((const char *) root->ns->href, STRIDE_LIBRARY_NS) != 0)
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_ROOT, display_name, root,
                            _("not a Stride exercise library (expected <library xmlns=\"%s\">)"),
                            STRIDE_LIBRARY_NS);
      return FALSE;
    }

  if (validate && !stride_xml_validate (doc, display_name, STRIDE_LIBRARY_SCHEMA_RESOURCE,
                                       error))
    return FALSE;

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      Entry *entry, *other;

      if (!is_element (node, "exercise"))
        continue;

      entry = parse_exercise (node, display_name, error);
      if (entry == NULL)
        return FALSE;

      other = g_hash_table_lookup (self->by_id, entry->pub.id);
      if (other != NULL)
        {
          stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                                _("exercise “%s” appears twice (first at %s:%u)"),
                                entry->pub.id, other->pub.file, other->pub.line);
          entry_free (entry);
          return FALSE;
        }

      g_ptr_array_add (self->exercises, entry);
      g_hash_table_insert (self->by_id, entry->pub.id, entry);
    }

  return TRUE;
}

static gboolean
add_file (StrideLibrary *self,
          const char    *path,
          GError       **error)
{
  xmlDoc *doc;
  gboolean ok;

  stride_data_ensure ();
  doc = stride_xml_read_file (path, STRIDE_XML_DEFAULT_MAX_SIZE, error);
  if (doc == NULL)
    return FALSE;

  ok = load_document (self, doc, path, TRUE, error);
  xmlFreeDoc (doc);
  return ok;
}

static gboolean
add_bytes (StrideLibrary *self,
           const char    *display_name,
           GBytes        *bytes,
           gboolean       validate,
           GError       **error)
{
  xmlDoc *doc;
  gboolean ok;

  stride_data_ensure ();
  doc = stride_xml_read_bytes (display_name, bytes, STRIDE_XML_DEFAULT_MAX_SIZE, error);
  if (doc == NULL)
    return FALSE;

  ok = load_document (self, doc, display_name, validate, error);
  xmlFreeDoc (doc);
  return ok;
}

static void
set_link_error (GError     **error,
                const Entry *entry,
                gboolean     progression,
                const char  *format,
                ...) G_GNUC_PRINTF (4, 5);

static void
set_link_error (GError     **error,
                const Entry *entry,
                gboolean     progression,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_INVALID, "%s:%u: %s",
               entry->pub.file,
               progression ? entry->progression_line : entry->regression_line,
               message);
}

/* Looks an id up here, then in @fallback (the shipped library when a single
 * file is checked on its own). */
static const Entry *
find (StrideLibrary *self,
      StrideLibrary *fallback,
      const char    *id)
{
  const Entry *entry = g_hash_table_lookup (self->by_id, id);

  if (entry == NULL && fallback != NULL)
    entry = g_hash_table_lookup (fallback->by_id, id);
  return entry;
}

static const char *
link_of (const Entry *entry,
         gboolean     progression)
{
  return progression ? entry->pub.progression : entry->pub.regression;
}

static gboolean
check_links (StrideLibrary *self,
             StrideLibrary *fallback,
             GError       **error)
{
  for (int pass = 0; pass < 2; pass++)
    {
      gboolean progression = pass == 0;
      const char *what = progression ? "progression" : "regression";

      for (guint i = 0; i < self->exercises->len; i++)
        {
          const Entry *start = g_ptr_array_index (self->exercises, i);
          const char *target = link_of (start, progression);
          const Entry *walk = start;
          g_autoptr(GString) chain = NULL;
          guint limit;

          if (target == NULL)
            continue;

          if (find (self, fallback, target) == NULL)
            {
              set_link_error (error, start, progression,
                              _("exercise “%s”: %s “%s” is not in the library"),
                              start->pub.id, what, target);
              return FALSE;
            }

          /* Follow the chain; coming back to the start is a circle. A chain
           * longer than the library without doing so loops elsewhere, and
           * that loop's own start reports it. */
          chain = g_string_new (start->pub.id);
          limit = self->exercises->len + (fallback ? fallback->exercises->len : 0) + 1;
          for (guint n = 0; n < limit && walk != NULL && link_of (walk, progression) != NULL; n++)
            {
              const char *next = link_of (walk, progression);

              g_string_append_printf (chain, " → %s", next);
              if (g_strcmp0 (next, start->pub.id) == 0)
                {
                  set_link_error (error, start, progression, _("circular %s chain: %s"),
                                  what, chain->str);
                  return FALSE;
                }
              walk = find (self, fallback, next);
            }
        }
    }

  return TRUE;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static StrideLibrary *
load_default_unchecked (GError **error)
{
  g_autoptr(StrideLibrary) self = g_object_new (STRIDE_TYPE_LIBRARY, NULL);
  g_auto(GStrv) names = NULL;
  g_autofree char *dir = NULL;

  stride_data_ensure ();
  dir = g_strconcat (STRIDE_DATA_RESOURCE_PREFIX, EXERCISES_DIR, NULL);
  names = g_resources_enumerate_children (dir, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;

  /* A stable order whatever the resource compiler did. */
  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (EXERCISES_DIR, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (names[i], ".xml"))
        continue;
      bytes = stride_data_lookup (path, error);
      /* Trusted: validated by the data suite when it was built in. */
      if (bytes == NULL || !add_bytes (self, names[i], bytes, FALSE, error))
        return NULL;
    }

  if (self->exercises->len == 0)
    {
      g_set_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_IO,
                   _("the exercise library has no exercises"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * stride_library_load_default:
 * @error: return location for an error ("FILE:LINE: message")
 *
 * Loads the library compiled into Stride (every file in data/exercises), with
 * its text in the current language, and checks its links.
 *
 * Returns: (transfer full) (nullable): the library
 */
StrideLibrary *
stride_library_load_default (GError **error)
{
  g_autoptr(StrideLibrary) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = load_default_unchecked (error);
  if (self == NULL || !check_links (self, NULL, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * stride_library_get_default:
 * @error: return location for an error
 *
 * Like stride_library_load_default(), but loads the shipped library once per
 * language and hands out references to it: loading parses and validates every
 * file (several milliseconds), which a document or a window should not repeat.
 * The library is never changed after loading, so sharing it is safe.
 *
 * Returns: (transfer full) (nullable): a reference to the shipped library in
 *   the current language
 */
StrideLibrary *
stride_library_get_default (GError **error)
{
  static GMutex lock;
  static GHashTable *by_language;   /* language → StrideLibrary */
  g_autofree char *language = NULL;
  const char *env = g_getenv ("LANGUAGE");
  const char *messages = setlocale (LC_MESSAGES, NULL);
  StrideLibrary *library;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* What gettext translates into: LANGUAGE, then the LC_MESSAGES locale. */
  language = g_strdup_printf ("%s|%s", env != NULL ? env : "", messages != NULL ? messages : "");

  g_mutex_lock (&lock);
  if (by_language == NULL)
    by_language = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  library = g_hash_table_lookup (by_language, language);
  if (library == NULL)
    {
      library = stride_library_load_default (error);
      if (library != NULL)
        g_hash_table_insert (by_language, g_strdup (language), library);
    }
  if (library != NULL)
    g_object_ref (library);
  g_mutex_unlock (&lock);

  return library;
}

static StrideLibrary *
check_single (StrideLibrary  *loaded,
              GError        **error)
{
  g_autoptr(StrideLibrary) self = loaded;
  g_autoptr(StrideLibrary) shipped = NULL;
  gboolean needs_shipped = FALSE;

  if (self == NULL)
    return NULL;

  /* One file of a library may link to exercises in the others. */
  for (guint i = 0; i < self->exercises->len && !needs_shipped; i++)
    {
      const Entry *e = g_ptr_array_index (self->exercises, i);

      needs_shipped = (e->pub.progression != NULL
                       && !g_hash_table_contains (self->by_id, e->pub.progression))
                      || (e->pub.regression != NULL
                          && !g_hash_table_contains (self->by_id, e->pub.regression));
    }
  if (needs_shipped)
    shipped = load_default_unchecked (NULL);

  if (!check_links (self, shipped, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * stride_library_new_from_bytes:
 * @display_name: the name errors give for the file
 * @bytes: one library file
 * @error: return location for an error ("FILE:LINE: message")
 *
 * Reads one library file. Its progressions and regressions must name
 * exercises in the file itself or in the shipped library.
 *
 * Returns: (transfer full) (nullable): the library
 */
StrideLibrary *
stride_library_new_from_bytes (const char  *display_name,
                               GBytes      *bytes,
                               GError     **error)
{
  g_autoptr(StrideLibrary) self = NULL;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (STRIDE_TYPE_LIBRARY, NULL);
  if (!add_bytes (self, display_name, bytes, TRUE, error))
    return NULL;
  return check_single (g_steal_pointer (&self), error);
}

/**
 * stride_library_new_from_file:
 * @path: one library file
 * @error: return location for an error ("FILE:LINE: message")
 *
 * Reads one library file, as stride_library_new_from_bytes().
 *
 * Returns: (transfer full) (nullable): the library
 */
StrideLibrary *
stride_library_new_from_file (const char  *path,
                              GError     **error)
{
  g_autoptr(StrideLibrary) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (STRIDE_TYPE_LIBRARY, NULL);
  if (!add_file (self, path, error))
    return NULL;
  return check_single (g_steal_pointer (&self), error);
}

/**
 * stride_library_new_from_files:
 * @paths: (array zero-terminated=1): the files that together make a library
 * @error: return location for an error ("FILE:LINE: message")
 *
 * Reads a whole library from several files; every link must resolve within
 * them.
 *
 * Returns: (transfer full) (nullable): the library
 */
StrideLibrary *
stride_library_new_from_files (const char * const  *paths,
                               GError             **error)
{
  g_autoptr(StrideLibrary) self = NULL;

  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (STRIDE_TYPE_LIBRARY, NULL);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (!add_file (self, paths[i], error))
        return NULL;
    }

  if (!check_links (self, NULL, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * stride_library_lookup:
 * @self: the library
 * @exercise_id: an id such as "wall-sit-60"
 *
 * Returns: (transfer none) (nullable): the exercise, or %NULL when unknown
 */
const StrideExercise *
stride_library_lookup (StrideLibrary *self,
                       const char    *exercise_id)
{
  g_return_val_if_fail (STRIDE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (exercise_id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, exercise_id);
}

/**
 * stride_library_get_exercises:
 * @self: the library
 *
 * Returns: (transfer none) (element-type StrideExercise): every exercise, in
 *   file order (files sorted by name)
 */
GPtrArray *
stride_library_get_exercises (StrideLibrary *self)
{
  g_return_val_if_fail (STRIDE_IS_LIBRARY (self), NULL);

  return self->exercises;
}

gboolean
stride_exercise_in_phase (const StrideExercise *exercise,
                          int                   phase)
{
  g_return_val_if_fail (exercise != NULL, FALSE);

  return phase >= 1 && phase <= 3 && (exercise->phases & (1u << phase)) != 0;
}

/**
 * stride_exercise_has_pattern:
 * @exercise: an exercise
 * @pattern: "PR-PFP", "PR-ITBS", "PR-PT" or "PR-APOPHYSITIS"
 *
 * Returns: %TRUE when the exercise suits @pattern (or suits all patterns)
 */
gboolean
stride_exercise_has_pattern (const StrideExercise *exercise,
                             const char           *pattern)
{
  g_return_val_if_fail (exercise != NULL && pattern != NULL, FALSE);

  return g_strv_contains ((const char * const *) exercise->patterns, pattern)
         || g_strv_contains ((const char * const *) exercise->patterns, "all");
}

gboolean
stride_exercise_has_target (const StrideExercise *exercise,
                            const char           *target)
{
  g_return_val_if_fail (exercise != NULL && target != NULL, FALSE);

  return g_strv_contains ((const char * const *) exercise->targets, target);
}
