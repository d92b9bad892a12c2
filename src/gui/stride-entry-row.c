/* stride-entry-row.c: a titled row with a text field
 *
 * What AdwEntryRow shows, built from an AdwActionRow and a GtkEntry,
 * because libadwaita 1.2's entry row does not tell assistive technologies
 * when it has the focus: tabbing into it, a screen reader said nothing, and
 * AT-SPI reported no focused object. A GtkEntry does. The row edits like
 * the entry (GtkEditable, delegated), takes the focus into it, is named by
 * its title, and says when its text is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-entry-row.h"
#include "stride-gui-accessible.h"

struct _StrideEntryRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *entry;
};

static void stride_entry_row_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StrideEntryRow, stride_entry_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE,
                                                      stride_entry_row_editable_init))

enum
{
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkEditable *
stride_entry_row_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (STRIDE_ENTRY_ROW (editable)->entry);
}

static void
stride_entry_row_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = stride_entry_row_get_delegate;
}

static void
stride_entry_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  if (!gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
stride_entry_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  if (!gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/* The field is read out by the row's title, as shown. */
static void
name_entry_by_title (StrideEntryRow *self)
{
  g_autofree char *name = stride_gui_accessible_strip_mnemonic (
    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));

  stride_gui_accessible_set_name (self->entry, name);
}

/* A row given a width (the editable's "width-chars") keeps its field at
 * that width, at the end of the row, so that a form's fields line up;
 * otherwise the field takes the room the title leaves. */
static void
on_width_chars_changed (StrideEntryRow *self)
{
  gtk_widget_set_hexpand (self->entry, gtk_editable_get_width_chars (GTK_EDITABLE (self)) < 0);
}

static void
on_entry_activate (StrideEntryRow *self)
{
  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0);
}

static gboolean
stride_entry_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (STRIDE_ENTRY_ROW (widget)->entry);
}

/* One Tab stop, in the field: not first on the row and then in it. */
static gboolean
stride_entry_row_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  StrideEntryRow *self = STRIDE_ENTRY_ROW (widget);

  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;
  return gtk_widget_child_focus (self->entry, direction);
}

static void
stride_entry_row_dispose (GObject *object)
{
  StrideEntryRow *self = STRIDE_ENTRY_ROW (object);

  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  self->entry = NULL;

  G_OBJECT_CLASS (stride_entry_row_parent_class)->dispose (object);
}

static void
stride_entry_row_class_init (StrideEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = stride_entry_row_set_property;
  object_class->get_property = stride_entry_row_get_property;
  object_class->dispose = stride_entry_row_dispose;
  widget_class->grab_focus = stride_entry_row_grab_focus;
  widget_class->focus = stride_entry_row_focus;

  gtk_editable_install_properties (object_class, 1);

  /**
   * StrideEntryRow::entry-activated:
   *
   * Enter was pressed in the field.
   */
  signals[ENTRY_ACTIVATED] = g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
stride_entry_row_init (StrideEntryRow *self)
{
  self->entry = gtk_entry_new ();
  gtk_widget_set_valign (self->entry, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (self->entry, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->entry);
  /* A click on the row or its title's mnemonic puts the cursor in the field. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->entry);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_editable_init_delegate (GTK_EDITABLE (self));
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate), self);
  g_signal_connect_swapped (self->entry, "notify::width-chars", G_CALLBACK (on_width_chars_changed),
                            self);
  g_signal_connect (self, "notify::title", G_CALLBACK (name_entry_by_title), NULL);
}

/**
 * stride_entry_row_new:
 *
 * Returns: (transfer floating): a new row with an empty field
 */
GtkWidget *
stride_entry_row_new (void)
{
  return g_object_new (STRIDE_TYPE_ENTRY_ROW, NULL);
}

/**
 * stride_entry_row_get_entry:
 * @self: the row
 *
 * Returns: (transfer none): the text field, to name it otherwise than by the
 *   title
 */
GtkWidget *
stride_entry_row_get_entry (StrideEntryRow *self)
{
  g_return_val_if_fail (STRIDE_IS_ENTRY_ROW (self), NULL);

  return self->entry;
}

/**
 * stride_entry_row_set_error:
 * @self: the row
 * @message: (nullable): what is wrong with the text, or %NULL when nothing is
 *
 * Paints the field as wrong and gives a screen reader the same message, or
 * clears both.
 */
void
stride_entry_row_set_error (StrideEntryRow *self,
                            const char     *message)
{
  GtkAccessible *field;

  g_return_if_fail (STRIDE_IS_ENTRY_ROW (self));

  field = GTK_ACCESSIBLE (self->entry);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_update_state (field, GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (field, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_reset_state (field, GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (field, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}
