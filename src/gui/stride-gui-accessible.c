/* stride-gui-accessible.c: accessible names as a screen reader should hear them
 *
 * GTK 4.8 builds an accessible name from a widget's LABEL property followed by
 * the names of its LABELLED_BY widgets. Two common widgets get both, and are
 * heard twice:
 *
 * - a button with a mnemonic: gtk_button_set_label() stores the raw
 *   "_Follow-up" as LABEL and its mnemonic label adds LABELLED_BY
 *   "Follow-up", so its name is "_Follow-up Follow-up". Stack switcher tabs
 *   get only the raw title, "_Report";
 * - an AdwActionRow's activatable widget: libadwaita labels it by the row's
 *   title, after we named it more precisely ("Pain, Left (NRS)").
 *
 * A screen reader user, and a walk-through that finds controls by name, would
 * meet names that no label on screen shows. Here each gets one name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stride-gui-accessible.h"

/**
 * stride_gui_accessible_strip_mnemonic:
 * @text: a label with mnemonic underscores, "Home _Sheet"
 *
 * Returns: (transfer full): the text as shown, "Home Sheet"
 */
char *
stride_gui_accessible_strip_mnemonic (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  char *shown = NULL;

  /* Pango's markup parser knows mnemonics ("__" is a plain underscore). */
  if (!pango_parse_markup (escaped, -1, '_', NULL, &shown, NULL, NULL))
    return g_strdup (text != NULL ? text : "");
  return shown;
}

/**
 * stride_gui_accessible_set_name:
 * @widget: a widget
 * @name: its whole accessible name
 *
 * Names @widget @name and nothing else: any label it was linked to
 * (LABELLED_BY) no longer adds to the name.
 */
void
stride_gui_accessible_set_name (GtkWidget  *widget,
                                const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* The relation first: setting the label announces the name as it then is. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/* The label a button shows as its whole content. A button built around a
 * box of its own (an icon beside the text) is named by hand. */
static GtkWidget *
find_label (GtkWidget *button)
{
  for (GtkWidget *child = gtk_widget_get_first_child (button); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      return child;
  return NULL;
}

static void name_from_mnemonic_label (GtkWidget *button);

static void
on_label_changed (GtkWidget  *button,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  /* gtk_button_set_label() has stored the raw label again. */
  name_from_mnemonic_label (button);
}

/* A button whose label has a mnemonic is named by the text it shows, now and
 * whenever its label changes. */
static void
name_from_mnemonic_label (GtkWidget *button)
{
  GtkWidget *label = find_label (button);

  if (label == NULL || !gtk_label_get_use_underline (GTK_LABEL (label)))
    return;
  stride_gui_accessible_set_name (button, gtk_label_get_text (GTK_LABEL (label)));
  if (g_object_get_data (G_OBJECT (button), "stride-accessible-named") == NULL)
    {
      g_object_set_data (G_OBJECT (button), "stride-accessible-named", GINT_TO_POINTER (TRUE));
      g_signal_connect (button, "notify::label", G_CALLBACK (on_label_changed), NULL);
    }
}

static gboolean
is_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget);
}

static void
name_buttons_below (GtkWidget *widget)
{
  if (is_button (widget))
    name_from_mnemonic_label (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_buttons_below (child);
}

static GtkWidget *
first_label_below (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = first_label_below (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

static void
on_option_label_changed (GtkWidget  *label,
                         GParamSpec *pspec,
                         GtkWidget  *row)
{
  stride_gui_accessible_set_name (row, gtk_label_get_text (GTK_LABEL (label)));
}

/* GTK 4.8 gives the rows of a drop-down's list no name: a screen reader
 * moving through the options said nothing. Each is named by the text it
 * shows, again when the row is given another option. */
static void
name_option_row (GtkWidget *row)
{
  GtkWidget *label;

  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) != GTK_ACCESSIBLE_ROLE_LIST_ITEM
      || gtk_widget_get_ancestor (row, GTK_TYPE_POPOVER) == NULL
      || g_object_get_data (G_OBJECT (row), "stride-accessible-named") != NULL)
    return;
  label = first_label_below (row);
  if (label == NULL)
    return;
  g_object_set_data (G_OBJECT (row), "stride-accessible-named", GINT_TO_POINTER (TRUE));
  on_option_label_changed (label, NULL, row);
  g_signal_connect_object (label, "notify::label", G_CALLBACK (on_option_label_changed), row, 0);
}

static gboolean
shows_icon (GtkWidget  *button,
            const char *icon_name)
{
  GtkWidget *child = gtk_widget_get_first_child (button);

  return GTK_IS_IMAGE (child)
         && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), icon_name) == 0;
}

/* GTK 4.8's keyboard shortcuts window leaves its search field, its search
 * button and its (hidden) section menu without names. */
static void
name_shortcuts_controls (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    stride_gui_accessible_set_name (widget, _("Search shortcuts"));
  else if (GTK_IS_MENU_BUTTON (widget))
    stride_gui_accessible_set_name (widget, _("Sections"));
  else if (GTK_IS_BUTTON (widget) && shows_icon (widget, "edit-find-symbolic"))
    stride_gui_accessible_set_name (widget, _("Search"));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_shortcuts_controls (child);
}

/* A window, a dialog, a popover, a stack or one of our composite widgets
 * names every button it holds, shown or not yet: the accessibility tree lists
 * the pages a stack hides and the banners not shown yet, and a walk-through
 * may look for a button before it is shown. A button added later is named as
 * it shows. */
static gboolean
on_widget_map (GSignalInvocationHint *hint,
               guint                  n_values,
               const GValue          *values,
               gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_SHORTCUTS_WINDOW (widget))
    name_shortcuts_controls (widget);
  if (GTK_IS_NATIVE (widget) || GTK_IS_STACK (widget)
      || g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Stride"))
    name_buttons_below (widget);
  else if (is_button (widget))
    name_from_mnemonic_label (widget);
  else
    name_option_row (widget);
  return TRUE;
}

/**
 * stride_gui_accessible_init:
 *
 * Names every button with a mnemonic, in every window and dialog (libadwaita's
 * included), by the text it shows, from when its window or stack is shown.
 * Call once, after gtk_init().
 */
void
stride_gui_accessible_init (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* The signal exists once the class does. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_widget_map,
                                  NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
