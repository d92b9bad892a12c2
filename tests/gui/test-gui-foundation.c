/* test-gui-foundation.c: every template and .ui file loads; the main,
 * preferences and about windows open with every input labelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "stride-application.h"
#include "stride-gui-accessible.h"
#include "stride-gui-types.h"
#include "stride-test-a11y.h"

#define RESOURCE_ROOT "/io/github/stride/Stride"

static void
collect_ui_resources (const char  *path,
                      GPtrArray   *out)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_ui_resources (child, out);
      else if (g_str_has_suffix (children[i], ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

static char *
template_class_name (GBytes *ui)
{
  g_autoptr(GRegex) regex = g_regex_new ("<template\\s+class=\"([A-Za-z0-9_]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = g_strndup (g_bytes_get_data (ui, NULL), g_bytes_get_size (ui));

  if (!g_regex_match (regex, text, 0, &match))
    return NULL;

  return g_match_info_fetch (match, 1);
}

static void
destroy_widget (GtkWidget *widget)
{
  if (GTK_IS_WINDOW (widget))
    gtk_window_destroy (GTK_WINDOW (widget));
  else
    g_object_unref (g_object_ref_sink (widget));
}

static void
test_every_ui_file_loads (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint templates = 0;
  guint plain = 0;

  collect_ui_resources (RESOURCE_ROOT "/", files);
  g_assert_cmpuint (files->len, >, 0);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GBytes) ui = g_resources_lookup_data (path, 0, NULL);
      g_autofree char *class_name = NULL;

      g_assert_nonnull (ui);
      class_name = template_class_name (ui);
      g_test_message ("loading %s", path);

      if (class_name != NULL)
        {
          /* GtkBuilder refuses <template> files: instantiate the widget itself. */
          GType type = g_type_from_name (class_name);
          GtkWidget *widget;

          if (type == G_TYPE_INVALID)
            g_error ("%s: template class %s is not registered in stride_gui_ensure_types()",
                     path, class_name);
          widget = g_object_new (type, NULL);
          stride_test_assert_inputs_labelled (widget);
          destroy_widget (widget);
          templates++;
        }
      else
        {
          g_autoptr(GtkBuilder) builder = gtk_builder_new ();
          g_autoptr(GError) error = NULL;

          gtk_builder_add_from_resource (builder, path, &error);
          g_assert_no_error (error);
          plain++;
        }
    }

  g_test_message ("%u templates, %u plain .ui files", templates, plain);
  g_assert_cmpuint (templates, >, 0);
  g_assert_cmpuint (plain, >, 0);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static void
on_activate_open_windows (GApplication *app,
                          gpointer      user_data)
{
  gboolean *ran = user_data;
  GtkWindow *main_window;
  GtkWindow *window;

  main_window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (main_window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (main_window)));
  stride_test_assert_inputs_labelled (GTK_WIDGET (main_window));
  stride_test_assert_tab_stops_named (main_window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  stride_test_iterate_main_loop ();
  window = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpuint (stride_test_assert_inputs_labelled (GTK_WIDGET (window)), >=, 6);
  g_assert_cmpuint (stride_test_assert_tab_stops_named (window), >=, 6);
  gtk_window_destroy (window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  stride_test_iterate_main_loop ();
  window = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  stride_test_assert_inputs_labelled (GTK_WIDGET (window));
  stride_test_assert_tab_stops_named (window);
  gtk_window_destroy (window);

  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.show-help-overlay", NULL);
  stride_test_iterate_main_loop ();
  window = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (window);
  gtk_window_destroy (window);

  *ran = TRUE;
  g_application_quit (app);
}

static void
test_application_windows (void)
{
  g_autoptr(StrideApplication) app = stride_application_new ();
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "test.db", NULL);
  char *argv[] = { (char *) "stride", (char *) "--db", db, NULL };
  gboolean ran = FALSE;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_open_windows), &ran);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (ran);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;

  g_test_init (&argc, &argv, NULL);
  tmp = stride_test_isolate_user_dirs ();
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    g_error ("no display: run the GUI tests under Xvfb (build-aux/test does)");
  stride_test_require_display ();
  adw_init ();
  stride_gui_ensure_types ();
  stride_gui_accessible_init ();

  g_test_add_func ("/gui/foundation/ui-files", test_every_ui_file_loads);
  g_test_add_func ("/gui/foundation/windows", test_application_windows);

  return g_test_run ();
}
