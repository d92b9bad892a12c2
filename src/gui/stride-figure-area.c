/* stride-figure-area.c: an exercise's illustration on screen
 *
 * The same figure renderer as the printed sheet, in the colours of the
 * current style: light ink on a dark window, heavier lines in high
 * contrast. Cairo in the snapshot follows the scale factor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "stride-figure-area.h"
#include "stride-figure-renderer.h"

struct _StrideFigureArea
{
  GtkWidget             parent_instance;

  const StrideExercise *exercise;   /* the library's, which lives as long as the app */
  int                   size;
};

G_DEFINE_FINAL_TYPE (StrideFigureArea, stride_figure_area, GTK_TYPE_WIDGET)

static void
stride_figure_area_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  StrideFigureArea *self = STRIDE_FIGURE_AREA (widget);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style_manager);
  gboolean hc = adw_style_manager_get_high_contrast (style_manager);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  StrideFigureStyle style;
  GdkRGBA fg;
  cairo_t *cr;

  if (self->exercise == NULL || self->exercise->figure == NULL || width <= 0 || height <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  stride_figure_style_init_default (&style);
  style.ink[0] = fg.red;
  style.ink[1] = fg.green;
  style.ink[2] = fg.blue;
  style.ink[3] = 1.0;
  if (dark)
    {
      /* Props stay visible but quiet on a dark background. */
      style.fill[0] = style.fill[1] = style.fill[2] = 0.35;
      style.paper[0] = style.paper[1] = style.paper[2] = 0.2;
      style.accent[0] = 0.47;
      style.accent[1] = 0.68;
      style.accent[2] = 0.96;
    }
  if (hc)
    style.line_width_scale = 1.6;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  stride_figure_draw (cr, self->exercise->figure, 0, 0, width, height, &style);
  cairo_destroy (cr);
}

static void
stride_figure_area_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  StrideFigureArea *self = STRIDE_FIGURE_AREA (widget);

  *minimum = *natural = self->size;
}

static void
on_style_changed (StrideFigureArea *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
stride_figure_area_dispose (GObject *object)
{
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), object);

  G_OBJECT_CLASS (stride_figure_area_parent_class)->dispose (object);
}

static void
stride_figure_area_class_init (StrideFigureAreaClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = stride_figure_area_dispose;
  widget_class->snapshot = stride_figure_area_snapshot;
  widget_class->measure = stride_figure_area_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
stride_figure_area_init (StrideFigureArea *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  self->size = 64;
  g_signal_connect_swapped (style_manager, "notify::dark", G_CALLBACK (on_style_changed), self);
  g_signal_connect_swapped (style_manager, "notify::high-contrast",
                            G_CALLBACK (on_style_changed), self);
}

/**
 * stride_figure_area_new:
 * @exercise: (nullable): the exercise whose illustration is shown
 * @size: the width and height in pixels
 *
 * Returns: (transfer floating): the area
 */
GtkWidget *
stride_figure_area_new (const StrideExercise *exercise,
                        int                   size)
{
  StrideFigureArea *self = g_object_new (STRIDE_TYPE_FIGURE_AREA, NULL);

  self->size = size;
  stride_figure_area_set_exercise (self, exercise);
  return GTK_WIDGET (self);
}

void
stride_figure_area_set_exercise (StrideFigureArea     *self,
                                 const StrideExercise *exercise)
{
  g_return_if_fail (STRIDE_IS_FIGURE_AREA (self));

  self->exercise = exercise;
  if (exercise != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    exercise->name, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
