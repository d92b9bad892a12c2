/* stride-window.c: the main window: patient list, patient, visit steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stride-sample.h"
#include "stride-visit-view.h"
#include "stride-window.h"

struct _StrideWindow
{
  AdwApplicationWindow  parent_instance;

  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkStack             *content_stack;
  GtkStack             *main_stack;
  StrideVisitView      *visit_view;
};

G_DEFINE_FINAL_TYPE (StrideWindow, stride_window, ADW_TYPE_APPLICATION_WINDOW)

StrideWindow *
stride_window_new (StrideApplication *application)
{
  g_return_val_if_fail (STRIDE_IS_APPLICATION (application), NULL);

  return g_object_new (STRIDE_TYPE_WINDOW, "application", application, NULL);
}

static void
stride_window_search_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "patients");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
stride_window_show_patients_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "patients");
}

static void
stride_window_class_init (StrideWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/stride-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, visit_view);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, stride_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-patients", NULL,
                                   stride_window_show_patients_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
}

static void
on_visit_close (StrideVisitView *view,
                StrideWindow    *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "browse");
}

/* STRIDE_SCREENSHOT_SCREEN opens a screen directly, for screenshots and
 * for looking at a screen while working on it: "visit/STEP". */
static void
open_screenshot_screen (StrideWindow *self)
{
  const char *screen = g_getenv ("STRIDE_SCREENSHOT_SCREEN");

  if (screen == NULL)
    return;

  if (g_str_has_prefix (screen, "visit"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      stride_visit_view_load (self->visit_view, stride_sample_assessment (&today),
                              screen[5] == '/' ? screen + 6 : NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "visit");
    }
}

static void
stride_window_init (StrideWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->visit_view, "close", G_CALLBACK (on_visit_close), self);
  open_screenshot_screen (self);
}
