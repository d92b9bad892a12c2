/* stride-test-a11y.c: accessibility assertions shared by the GUI tests
 *
 * GTK 4.8 has no public call for a widget's accessible name, so "labelled"
 * means what a screen reader would find: a LABEL property, a LABELLED_BY
 * relation, or (for buttons) a visible text label of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "stride-test-a11y.h"

static gboolean
role_takes_input (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_label_child (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_label_get_text (GTK_LABEL (child))[0] != '\0')
        return TRUE;
      if (has_label_child (child))
        return TRUE;
    }

  return FALSE;
}

/* Text fields inside composite inputs (spin buttons, search entries, entry
 * rows) are announced through their owner, which is checked in their place. */
static gboolean
is_part_of_labelled_owner (GtkWidget *widget)
{
  GtkWidget *owner;

  if (!GTK_IS_TEXT (widget))
    return FALSE;

  owner = gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON);
  if (owner == NULL)
    owner = gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_ENTRY);
  if (owner == NULL)
    owner = gtk_widget_get_ancestor (widget, GTK_TYPE_ENTRY);
  if (owner == NULL)
    owner = gtk_widget_get_ancestor (widget, GTK_TYPE_PASSWORD_ENTRY);
  if (owner != NULL)
    return TRUE;

  /* AdwEntryRow labels the row with its title, not the inner GtkText. */
  owner = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);
  return owner != NULL
         && adw_preferences_row_get_title (ADW_PREFERENCES_ROW (owner))[0] != '\0';
}

static gboolean
widget_is_labelled (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (is_part_of_labelled_owner (widget))
    return TRUE;
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    return has_label_child (widget);

  return FALSE;
}

static void
describe_widget (GtkWidget *widget,
                 GString   *out)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *name = gtk_widget_get_name (w);

      g_string_prepend (out, G_OBJECT_TYPE_NAME (w));
      if (name != NULL && !g_str_equal (name, G_OBJECT_TYPE_NAME (w)))
        {
          g_string_prepend (out, "#");
          g_string_prepend (out, name);
        }
      if (gtk_widget_get_parent (w) != NULL)
        g_string_prepend (out, " > ");
    }
}

static gboolean
is_input (GtkWidget *widget)
{
  /* Read-only text views (the about window's credits) are text, not inputs. */
  if (GTK_IS_TEXT_VIEW (widget) && !gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)))
    return FALSE;

  return role_takes_input (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)));
}

static guint
check_tree (GtkWidget *widget,
            gboolean   only_shown,
            GPtrArray *failures)
{
  guint checked = 0;

  /* Hidden widgets cannot be reached. In a window on screen, the pages a
   * stack does not show are skipped too (the tests visit each of Stride's
   * pages), because libadwaita keeps unlabelled inputs on pages it never
   * shows, such as AdwPreferencesWindow's disabled search. */
  if (!gtk_widget_get_visible (widget))
    return 0;
  if (only_shown && !gtk_widget_get_child_visible (widget))
    return 0;

  if (is_input (widget))
    {
      checked++;
      if (!widget_is_labelled (widget))
        {
          GString *path = g_string_new (NULL);

          describe_widget (widget, path);
          g_ptr_array_add (failures, g_string_free (path, FALSE));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += check_tree (child, only_shown, failures);

  return checked;
}

/**
 * stride_test_assert_inputs_labelled:
 * @root: a widget tree
 *
 * Marks the test failed, naming each one, when an input in @root has no
 * accessible label.
 *
 * Returns: how many inputs were checked
 */
guint
stride_test_assert_inputs_labelled (GtkWidget *root)
{
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  guint checked = check_tree (root, gtk_widget_get_mapped (root), failures);

  for (guint i = 0; i < failures->len; i++)
    g_test_message ("unlabelled input: %s", (char *) g_ptr_array_index (failures, i));
  if (failures->len > 0)
    g_test_fail_printf ("%s: %u of %u inputs have no accessible label",
                        G_OBJECT_TYPE_NAME (root), failures->len, checked);

  return checked;
}

/* What a screen reader has to say when the focus lands on @widget: a name
 * of its own, or text it shows. A focusable container with neither (a
 * scrolled window around a picture) is read as nothing at all. */
static gboolean
tab_stop_is_named (GtkWidget *widget)
{
  return widget_is_labelled (widget) || has_label_child (widget)
         || (GTK_IS_EDITABLE (widget) && is_part_of_labelled_owner (widget));
}

/**
 * stride_test_assert_tab_stops_named:
 * @window: a window on screen
 *
 * Presses Tab through @window, once round, from its first stop, and marks
 * the test failed, naming each one, when a stop the focus lands on has
 * nothing a screen reader could read.
 *
 * Returns: how many stops were visited
 */
guint
stride_test_assert_tab_stops_named (GtkWindow *window)
{
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) visited = g_ptr_array_new ();
  GtkWidget *focus;

  gtk_root_set_focus (GTK_ROOT (window), NULL);
  while (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD)
         && (focus = gtk_root_get_focus (GTK_ROOT (window))) != NULL
         && !g_ptr_array_find (visited, focus, NULL) && visited->len < 500)
    {
      g_ptr_array_add (visited, focus);
      if (!tab_stop_is_named (focus))
        {
          GString *path = g_string_new (NULL);

          describe_widget (focus, path);
          g_ptr_array_add (failures, g_string_free (path, FALSE));
        }
    }

  for (guint i = 0; i < failures->len; i++)
    g_test_message ("tab stop without a name: %s", (char *) g_ptr_array_index (failures, i));
  if (failures->len > 0)
    g_test_fail_printf ("%s: %u of %u tab stops have no name", G_OBJECT_TYPE_NAME (window),
                        failures->len, visited->len);
  return visited->len;
}

/**
 * stride_test_require_display:
 *
 * A GUI test without a display fails here: meson would count a skip as a pass.
 */
void
stride_test_require_display (void)
{
  if (gdk_display_get_default () == NULL)
    g_error ("no display: run the GUI tests under Xvfb (build-aux/test does)");
}

/**
 * stride_test_iterate_main_loop:
 *
 * Runs pending main-loop work, such as idle handlers and queued signals.
 */
void
stride_test_iterate_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
point_user_dirs_at (const char *root)
{
  static const char *vars[][2] = {
    { "HOME", "home" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (root, vars[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (vars[i][0], dir, TRUE);
    }
}

/**
 * stride_test_isolate_user_dirs:
 *
 * Points HOME and the XDG user directories at a new temporary directory so a
 * GUI test never touches real records. Unlike G_TEST_OPTION_ISOLATE_DIRS it
 * keeps XDG_DATA_DIRS, where GTK finds icon themes and MIME data.
 *
 * Returns: (transfer full): the temporary directory
 */
char *
stride_test_isolate_user_dirs (void)
{
  g_autoptr(GError) error = NULL;
  char *root = g_dir_make_tmp ("stride-gui-test-XXXXXX", &error);

  g_assert_no_error (error);
  point_user_dirs_at (root);
  return root;
}

/**
 * stride_test_reuse_user_dirs:
 * @root: a directory made by stride_test_isolate_user_dirs()
 *
 * Points HOME and the XDG user directories at @root again, e.g. in a test
 * subprocess that must find what its parent saved.
 */
void
stride_test_reuse_user_dirs (const char *root)
{
  point_user_dirs_at (root);
}
