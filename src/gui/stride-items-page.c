/* stride-items-page.c: a step of the assessment made of protocol items
 *
 * Each step's template (ui/stride-*-page.ui) lays out which items appear in
 * which groups and order. An item of the step's protocol section that the
 * template does not place is still asked, in a group of its own at the end,
 * so a question added to the protocol is never silently left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stride-gui-data.h"
#include "stride-items-page.h"

typedef struct
{
  char      *section;
  GPtrArray *rows;      /* StrideItemRow, in page order */
} StrideItemsPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (StrideItemsPage, stride_items_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (STRIDE_IS_ITEM_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

static void
on_row_changed (StrideItemRow   *row,
                StrideItemsPage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static AdwPreferencesGroup *
row_group (StrideItemRow *row)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP);

  return group != NULL ? ADW_PREFERENCES_GROUP (group) : NULL;
}

/* A group whose every question is hidden is hidden too. */
static void
update_group_visibility (StrideItemsPage *self)
{
  StrideItemsPagePrivate *priv = stride_items_page_get_instance_private (self);
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) groups = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer group;

  for (guint i = 0; i < priv->rows->len; i++)
    {
      StrideItemRow *row = g_ptr_array_index (priv->rows, i);
      AdwPreferencesGroup *g = row_group (row);

      if (g == NULL)
        continue;
      g_hash_table_add (groups, g);
      if (gtk_widget_get_visible (GTK_WIDGET (row)))
        g_hash_table_add (shown, g);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &group, NULL))
    gtk_widget_set_visible (group, g_hash_table_contains (shown, group));
}

/* Group headings are the protocol's, so they read the same in the report. */
static void
title_groups (StrideItemsPage *self)
{
  StrideItemsPagePrivate *priv = stride_items_page_get_instance_private (self);

  for (guint i = 0; i < priv->rows->len; i++)
    {
      StrideItemRow *row = g_ptr_array_index (priv->rows, i);
      const StrideItem *item = stride_item_row_get_item (row);
      AdwPreferencesGroup *group = row_group (row);
      const char *title;

      if (group == NULL || item == NULL)
        continue;
      title = adw_preferences_group_get_title (group);
      if (title != NULL && title[0] != '\0')
        continue;
      title = stride_gui_item_group_title (item);
      if (title != NULL)
        adw_preferences_group_set_title (group, title);
    }
}

static void
add_unplaced_items (StrideItemsPage *self)
{
  StrideItemsPagePrivate *priv = stride_items_page_get_instance_private (self);
  StrideProtocol *protocol = stride_gui_get_protocol ();
  g_autoptr(GPtrArray) items = NULL;
  AdwPreferencesGroup *group = NULL;
  const char *group_name = NULL;

  if (protocol == NULL || priv->section == NULL)
    return;

  items = stride_protocol_get_section (protocol, priv->section);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const StrideItem *item = g_ptr_array_index (items, i);
      gboolean placed = FALSE;
      GtkWidget *row;

      for (guint r = 0; r < priv->rows->len && !placed; r++)
        placed = g_strcmp0 (stride_item_row_get_item_id (g_ptr_array_index (priv->rows, r)),
                            item->id) == 0;
      if (placed)
        continue;

      /* Unplaced items keep the protocol's own groups. */
      if (group == NULL || g_strcmp0 (group_name, item->group) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, stride_gui_item_group_title (item) != NULL
                                                  ? stride_gui_item_group_title (item)
                                                  : _("More Questions"));
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);
          group_name = item->group;
        }
      row = stride_item_row_new (item->id);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (priv->rows, row);
    }
}

/* AdwPreferencesPage clamps to 600 px, too narrow for a question with an
 * input per knee beside it: give the steps more room on wide windows. */
/**
 * stride_gui_widen_preferences_page:
 * @widget: an #AdwPreferencesPage
 *
 * Lets the page's content grow to 860 px on wide windows.
 */
void
stride_gui_widen_preferences_page (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_CLAMP (child))
        {
          adw_clamp_set_maximum_size (ADW_CLAMP (child), 860);
          adw_clamp_set_tightening_threshold (ADW_CLAMP (child), 700);
          return;
        }
      stride_gui_widen_preferences_page (child);
    }
}

static void
stride_items_page_constructed (GObject *object)
{
  StrideItemsPage *self = STRIDE_ITEMS_PAGE (object);
  StrideItemsPagePrivate *priv = stride_items_page_get_instance_private (self);

  G_OBJECT_CLASS (stride_items_page_parent_class)->constructed (object);

  stride_gui_widen_preferences_page (GTK_WIDGET (self));
  collect_rows (GTK_WIDGET (self), priv->rows);
  add_unplaced_items (self);
  title_groups (self);
  for (guint i = 0; i < priv->rows->len; i++)
    g_signal_connect_object (g_ptr_array_index (priv->rows, i), "changed",
                             G_CALLBACK (on_row_changed), self, 0);
}

static void
stride_items_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StrideItemsPage *self = STRIDE_ITEMS_PAGE (object);
  StrideItemsPagePrivate *priv = stride_items_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, priv->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stride_items_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StrideItemsPage *self = STRIDE_ITEMS_PAGE (object);
  StrideItemsPagePrivate *priv = stride_items_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_free (priv->section);
      priv->section = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stride_items_page_finalize (GObject *object)
{
  StrideItemsPage *self = STRIDE_ITEMS_PAGE (object);
  StrideItemsPagePrivate *priv = stride_items_page_get_instance_private (self);

  g_free (priv->section);
  g_ptr_array_unref (priv->rows);

  G_OBJECT_CLASS (stride_items_page_parent_class)->finalize (object);
}

/**
 * stride_items_page_answer_rest_no:
 * @self: a step
 *
 * Answers "no" to every yes/no question of the step that has no answer yet,
 * through its editor: the quick way through a screen of red flags once the
 * positive ones are marked.
 *
 * Returns: how many questions were answered
 */
guint
stride_items_page_answer_rest_no (StrideItemsPage *self)
{
  StrideItemsPagePrivate *priv;
  guint answered = 0;

  g_return_val_if_fail (STRIDE_IS_ITEMS_PAGE (self), 0);
  priv = stride_items_page_get_instance_private (self);

  for (guint i = 0; i < priv->rows->len; i++)
    {
      StrideItemRow *row = g_ptr_array_index (priv->rows, i);
      const StrideItem *item = stride_item_row_get_item (row);

      if (item == NULL || item->type != STRIDE_ITEM_YES_NO || item->per_side
          || !gtk_widget_get_visible (GTK_WIDGET (row)) || stride_item_row_is_answered (row))
        continue;
      if (stride_item_row_enter_text (row, STRIDE_SIDE_NONE, "no"))
        answered++;
    }

  return answered;
}

static void
rest_no_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  stride_items_page_answer_rest_no (STRIDE_ITEMS_PAGE (widget));
}

static void
stride_items_page_class_init (StrideItemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = stride_items_page_constructed;
  object_class->get_property = stride_items_page_get_property;
  object_class->set_property = stride_items_page_set_property;
  object_class->finalize = stride_items_page_finalize;

  /**
   * StrideItemsPage:section:
   *
   * The protocol section the step asks ("history", "red-flags", …).
   */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "items.rest-no", NULL, rest_no_action);
}

static void
stride_items_page_init (StrideItemsPage *self)
{
  StrideItemsPagePrivate *priv = stride_items_page_get_instance_private (self);

  priv->rows = g_ptr_array_new ();
}

const char *
stride_items_page_get_section (StrideItemsPage *self)
{
  StrideItemsPagePrivate *priv;

  g_return_val_if_fail (STRIDE_IS_ITEMS_PAGE (self), NULL);
  priv = stride_items_page_get_instance_private (self);

  return priv->section;
}

/**
 * stride_items_page_set_answers:
 * @self: a step
 * @answers: (nullable): the visit's answers, read and written by the rows
 * @previous: (nullable): the previous visit's answers, shown beside inputs
 */
void
stride_items_page_set_answers (StrideItemsPage *self,
                               StrideAnswers   *answers,
                               StrideAnswers   *previous)
{
  StrideItemsPagePrivate *priv;

  g_return_if_fail (STRIDE_IS_ITEMS_PAGE (self));
  priv = stride_items_page_get_instance_private (self);

  for (guint i = 0; i < priv->rows->len; i++)
    {
      StrideItemRow *row = g_ptr_array_index (priv->rows, i);
      const StrideItem *item = stride_item_row_get_item (row);

      stride_item_row_set_previous (row, previous);
      stride_item_row_set_answers (row, answers);
      /* "Since the last visit" only makes sense at a follow-up. */
      if (item != NULL && g_strcmp0 (item->section, "follow-up") == 0)
        gtk_widget_set_visible (GTK_WIDGET (row), previous != NULL);
    }
  update_group_visibility (self);
}

/**
 * stride_items_page_get_rows:
 * @self: a step
 *
 * Returns: (transfer none) (element-type StrideItemRow): the rows, in order
 */
GPtrArray *
stride_items_page_get_rows (StrideItemsPage *self)
{
  StrideItemsPagePrivate *priv;

  g_return_val_if_fail (STRIDE_IS_ITEMS_PAGE (self), NULL);
  priv = stride_items_page_get_instance_private (self);

  return priv->rows;
}

/**
 * stride_items_page_get_row:
 * @self: a step
 * @item_id: a protocol item id
 *
 * Returns: (transfer none) (nullable): the row asking @item_id
 */
StrideItemRow *
stride_items_page_get_row (StrideItemsPage *self,
                           const char      *item_id)
{
  StrideItemsPagePrivate *priv;

  g_return_val_if_fail (STRIDE_IS_ITEMS_PAGE (self), NULL);
  priv = stride_items_page_get_instance_private (self);

  for (guint i = 0; i < priv->rows->len; i++)
    {
      StrideItemRow *row = g_ptr_array_index (priv->rows, i);

      if (g_strcmp0 (stride_item_row_get_item_id (row), item_id) == 0)
        return row;
    }

  return NULL;
}

/**
 * stride_items_page_count_missing:
 * @self: a step
 *
 * Returns: how many required questions are not answered yet
 */
guint
stride_items_page_count_missing (StrideItemsPage *self)
{
  StrideItemsPagePrivate *priv;
  guint missing = 0;

  g_return_val_if_fail (STRIDE_IS_ITEMS_PAGE (self), 0);
  priv = stride_items_page_get_instance_private (self);

  for (guint i = 0; i < priv->rows->len; i++)
    {
      StrideItemRow *row = g_ptr_array_index (priv->rows, i);

      if (gtk_widget_get_visible (GTK_WIDGET (row))
          && stride_item_row_is_required (row) && !stride_item_row_is_answered (row))
        missing++;
    }

  return missing;
}

/**
 * stride_items_page_count_unasked:
 * @self: a step
 *
 * Returns: how many yes/no questions shown have no answer yet (on the red
 *   flags step: the screening questions not asked)
 */
guint
stride_items_page_count_unasked (StrideItemsPage *self)
{
  StrideItemsPagePrivate *priv;
  guint unasked = 0;

  g_return_val_if_fail (STRIDE_IS_ITEMS_PAGE (self), 0);
  priv = stride_items_page_get_instance_private (self);

  for (guint i = 0; i < priv->rows->len; i++)
    {
      StrideItemRow *row = g_ptr_array_index (priv->rows, i);
      const StrideItem *item = stride_item_row_get_item (row);

      if (item != NULL && item->type == STRIDE_ITEM_YES_NO
          && gtk_widget_get_visible (GTK_WIDGET (row)) && !stride_item_row_is_answered (row))
        unasked++;
    }

  return unasked;
}

/**
 * stride_items_page_count_invalid:
 * @self: a step
 *
 * Returns: how many questions show a refused value
 */
guint
stride_items_page_count_invalid (StrideItemsPage *self)
{
  StrideItemsPagePrivate *priv;
  guint invalid = 0;

  g_return_val_if_fail (STRIDE_IS_ITEMS_PAGE (self), 0);
  priv = stride_items_page_get_instance_private (self);

  for (guint i = 0; i < priv->rows->len; i++)
    {
      StrideItemRow *row = g_ptr_array_index (priv->rows, i);

      for (StrideSide side = STRIDE_SIDE_NONE; side <= STRIDE_SIDE_RIGHT; side++)
        if (stride_item_row_get_error (row, side) != NULL)
          {
            invalid++;
            break;
          }
    }

  return invalid;
}

/**
 * stride_items_page_focus_first_missing:
 * @self: a step
 *
 * Moves the focus to the first required question without an answer.
 *
 * Returns: whether there was one
 */
gboolean
stride_items_page_focus_first_missing (StrideItemsPage *self)
{
  StrideItemsPagePrivate *priv;

  g_return_val_if_fail (STRIDE_IS_ITEMS_PAGE (self), FALSE);
  priv = stride_items_page_get_instance_private (self);

  for (guint i = 0; i < priv->rows->len; i++)
    {
      StrideItemRow *row = g_ptr_array_index (priv->rows, i);

      if (gtk_widget_get_visible (GTK_WIDGET (row))
          && stride_item_row_is_required (row) && !stride_item_row_is_answered (row))
        {
          GtkWidget *editor = stride_item_row_get_editor (row, STRIDE_SIDE_NONE);

          if (editor == NULL)
            editor = stride_item_row_get_editor (row, STRIDE_SIDE_LEFT);
          if (editor != NULL)
            gtk_widget_grab_focus (editor);
          return TRUE;
        }
    }

  return FALSE;
}
