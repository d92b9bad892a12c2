/* stride-answers.c: one visit's answers, keyed by protocol item and side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "stride-answers.h"

struct _StrideAnswers
{
  GObject     parent_instance;

  GHashTable *values;   /* "item" or "item:side" → canonical text */
};

G_DEFINE_FINAL_TYPE (StrideAnswers, stride_answers, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stride_answers_finalize (GObject *object)
{
  StrideAnswers *self = STRIDE_ANSWERS (object);

  g_clear_pointer (&self->values, g_hash_table_unref);

  G_OBJECT_CLASS (stride_answers_parent_class)->finalize (object);
}

static void
stride_answers_class_init (StrideAnswersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stride_answers_finalize;

  /**
   * StrideAnswers::changed:
   * @self: the answers
   * @key: the key that changed ("item" or "item:side")
   *
   * Emitted when an answer is set, changed or removed, so that a view can
   * re-evaluate and a draft can be saved.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
stride_answers_init (StrideAnswers *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

StrideAnswers *
stride_answers_new (void)
{
  return g_object_new (STRIDE_TYPE_ANSWERS, NULL);
}

/**
 * stride_answers_copy:
 * @self: answers
 *
 * Returns: (transfer full): an independent copy of @self
 */
StrideAnswers *
stride_answers_copy (StrideAnswers *self)
{
  StrideAnswers *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (STRIDE_IS_ANSWERS (self), NULL);

  copy = stride_answers_new ();
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->values, g_strdup (key), g_strdup (value));

  return copy;
}

/**
 * stride_answers_make_key:
 * @item: a protocol item id
 * @side: the side, or %STRIDE_SIDE_NONE
 *
 * Returns: (transfer full): "item" or "item:left" / "item:right"
 */
char *
stride_answers_make_key (const char *item,
                         StrideSide  side)
{
  g_return_val_if_fail (item != NULL, NULL);

  if (side == STRIDE_SIDE_NONE)
    return g_strdup (item);

  return g_strconcat (item, ":", stride_side_to_string (side), NULL);
}

/**
 * stride_answers_split_key:
 * @key: a key from stride_answers_list_keys()
 * @out_item: (out) (transfer full): the item id
 * @out_side: (out): the side
 *
 * Returns: %FALSE when @key names an unknown side
 */
gboolean
stride_answers_split_key (const char  *key,
                          char       **out_item,
                          StrideSide  *out_side)
{
  const char *colon;

  g_return_val_if_fail (key != NULL, FALSE);

  colon = strchr (key, ':');
  if (colon == NULL)
    {
      *out_item = g_strdup (key);
      *out_side = STRIDE_SIDE_NONE;
      return TRUE;
    }

  if (!stride_side_from_string (colon + 1, out_side))
    return FALSE;

  *out_item = g_strndup (key, colon - key);
  return TRUE;
}

/**
 * stride_answers_set:
 * @self: answers
 * @item: a protocol item id
 * @side: the side, or %STRIDE_SIDE_NONE
 * @value: (nullable): the canonical text, or %NULL to remove the answer
 *
 * Sets an answer. Checking it against the protocol is the caller's job
 * (stride_protocol_check_value()).
 */
void
stride_answers_set (StrideAnswers *self,
                    const char    *item,
                    StrideSide     side,
                    const char    *value)
{
  g_autofree char *key = NULL;
  const char *old;

  g_return_if_fail (STRIDE_IS_ANSWERS (self));
  g_return_if_fail (item != NULL);

  key = stride_answers_make_key (item, side);
  old = g_hash_table_lookup (self->values, key);
  if (g_strcmp0 (old, value) == 0)
    return;

  if (value == NULL)
    g_hash_table_remove (self->values, key);
  else
    g_hash_table_insert (self->values, g_strdup (key), g_strdup (value));

  g_signal_emit (self, signals[CHANGED], 0, key);
}

void
stride_answers_unset (StrideAnswers *self,
                      const char    *item,
                      StrideSide     side)
{
  stride_answers_set (self, item, side, NULL);
}

/**
 * stride_answers_get:
 * @self: answers
 * @item: a protocol item id
 * @side: the side, or %STRIDE_SIDE_NONE
 *
 * Returns: (transfer none) (nullable): the canonical text, or %NULL when not
 *   answered
 */
const char *
stride_answers_get (StrideAnswers *self,
                    const char    *item,
                    StrideSide     side)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (STRIDE_IS_ANSWERS (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  key = stride_answers_make_key (item, side);
  return g_hash_table_lookup (self->values, key);
}

gboolean
stride_answers_has (StrideAnswers *self,
                    const char    *item,
                    StrideSide     side)
{
  return stride_answers_get (self, item, side) != NULL;
}

/**
 * stride_answers_get_bool:
 * @self: answers
 * @item: a yes/no item
 * @side: the side, or %STRIDE_SIDE_NONE
 * @out_value: (out) (optional): the answer
 *
 * Returns: %TRUE when the item was answered "yes" or "no"
 */
gboolean
stride_answers_get_bool (StrideAnswers *self,
                         const char    *item,
                         StrideSide     side,
                         gboolean      *out_value)
{
  const char *text = stride_answers_get (self, item, side);
  gboolean value;

  if (g_strcmp0 (text, "yes") == 0)
    value = TRUE;
  else if (g_strcmp0 (text, "no") == 0)
    value = FALSE;
  else
    return FALSE;

  if (out_value != NULL)
    *out_value = value;
  return TRUE;
}

/**
 * stride_answers_is_yes:
 *
 * Returns: %TRUE only when the item was answered "yes"; not answered is no
 */
gboolean
stride_answers_is_yes (StrideAnswers *self,
                       const char    *item,
                       StrideSide     side)
{
  return g_strcmp0 (stride_answers_get (self, item, side), "yes") == 0;
}

/**
 * stride_answers_get_number:
 * @self: answers
 * @item: a scale or number item
 * @side: the side, or %STRIDE_SIDE_NONE
 * @out_value: (out) (optional): the number
 *
 * Parses with g_ascii_strtod(), whatever the locale.
 *
 * Returns: %TRUE when the item holds a whole, finite number
 */
gboolean
stride_answers_get_number (StrideAnswers *self,
                           const char    *item,
                           StrideSide     side,
                           double        *out_value)
{
  const char *text = stride_answers_get (self, item, side);
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0')
    return FALSE;

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return FALSE;

  if (out_value != NULL)
    *out_value = value;
  return TRUE;
}

/**
 * stride_answers_get_date:
 * @self: answers
 * @item: a date item
 * @side: the side, or %STRIDE_SIDE_NONE
 * @out_date: (out) (optional): the date
 *
 * Returns: %TRUE when the item holds a valid ISO 8601 date
 */
gboolean
stride_answers_get_date (StrideAnswers *self,
                         const char    *item,
                         StrideSide     side,
                         GDate         *out_date)
{
  const char *text = stride_answers_get (self, item, side);
  unsigned int year, month, day;
  char tail;

  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (out_date != NULL)
    g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/**
 * stride_answers_has_choice:
 * @self: answers
 * @item: a choice or multiple-choice item
 * @side: the side, or %STRIDE_SIDE_NONE
 * @choice: a choice id
 *
 * Returns: %TRUE when @choice is the answer, or one of the answers
 */
gboolean
stride_answers_has_choice (StrideAnswers *self,
                           const char    *item,
                           StrideSide     side,
                           const char    *choice)
{
  const char *text = stride_answers_get (self, item, side);
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (choice != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  parts = g_strsplit (text, " ", -1);
  return g_strv_contains ((const char * const *) parts, choice);
}

guint
stride_answers_get_size (StrideAnswers *self)
{
  g_return_val_if_fail (STRIDE_IS_ANSWERS (self), 0);

  return g_hash_table_size (self->values);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * stride_answers_list_keys:
 * @self: answers
 *
 * Returns: (transfer full) (element-type utf8): the keys, sorted, so that
 *   files written from them are stable
 */
GPtrArray *
stride_answers_list_keys (StrideAnswers *self)
{
  GPtrArray *keys;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (STRIDE_IS_ANSWERS (self), NULL);

  keys = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  g_ptr_array_sort (keys, compare_keys);

  return keys;
}

/**
 * stride_answers_equal:
 *
 * Returns: %TRUE when @a and @b hold the same answers
 */
gboolean
stride_answers_equal (StrideAnswers *a,
                      StrideAnswers *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (STRIDE_IS_ANSWERS (a), FALSE);
  g_return_val_if_fail (STRIDE_IS_ANSWERS (b), FALSE);

  if (g_hash_table_size (a->values) != g_hash_table_size (b->values))
    return FALSE;

  g_hash_table_iter_init (&iter, a->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_strcmp0 (value, g_hash_table_lookup (b->values, key)) != 0)
        return FALSE;
    }

  return TRUE;
}
