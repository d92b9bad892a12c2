/* stride-progress-chart.c: a patient's measures over visits
 *
 * Drawn with Cairo in the widget's own snapshot, so it follows the scale
 * factor; colours follow AdwStyleManager's dark and high-contrast styles.
 * Series differ by colour, dash and marker shape (never colour alone), and
 * changes of two points or more between visits are ringed (rules §9).
 * The values are also the chart's accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "stride-progress-chart.h"

typedef struct
{
  char   *label;
  GArray *values;     /* double; NAN: not recorded */
  gboolean mark_changes;
} Series;

struct _StrideProgressChart
{
  GtkWidget  parent_instance;

  double     max;
  char      *unit;
  GArray    *dates;   /* GDate */
  GPtrArray *series;  /* Series */
};

G_DEFINE_FINAL_TYPE (StrideProgressChart, stride_progress_chart, GTK_TYPE_WIDGET)

static void
series_free (Series *series)
{
  g_free (series->label);
  g_array_unref (series->values);
  g_free (series);
}

typedef struct
{
  double r, g, b;
} Rgb;

static void
series_style (guint     index,
              gboolean  dark,
              gboolean  high_contrast,
              Rgb      *rgb,
              double   *dash)
{
  /* Adwaita's blue and orange, lighter on dark; black/white in high contrast. */
  static const Rgb light[] = { { 0.11, 0.44, 0.85 }, { 0.78, 0.33, 0.0 }, { 0.38, 0.21, 0.51 } };
  static const Rgb darkc[] = { { 0.47, 0.68, 0.96 }, { 1.0, 0.64, 0.28 }, { 0.75, 0.6, 0.9 } };

  if (high_contrast)
    *rgb = dark ? (Rgb) { 1, 1, 1 } : (Rgb) { 0, 0, 0 };
  else
    *rgb = dark ? darkc[index % 3] : light[index % 3];
  *dash = index == 0 ? 0 : (index == 1 ? 6 : 2);
}

static void
draw_marker (cairo_t *cr,
             guint    index,
             double   x,
             double   y,
             double   size)
{
  switch (index % 3)
    {
    case 0:
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - size, y - size, 2 * size, 2 * size);
      break;
    default:
      cairo_move_to (cr, x, y - size * 1.3);
      cairo_line_to (cr, x + size * 1.2, y + size);
      cairo_line_to (cr, x - size * 1.2, y + size);
      cairo_close_path (cr);
      break;
    }
  cairo_fill (cr);
}

static void
show_text (cairo_t     *cr,
           GtkWidget   *widget,
           const char  *text,
           double       x,
           double       y,
           double       xalign,
           gboolean     small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.82));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * xalign, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
draw_chart (StrideProgressChart *self,
            cairo_t             *cr,
            int                  width,
            int                  height)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);
  gboolean hc = adw_style_manager_get_high_contrast (style);
  GdkRGBA fg;
  double left = 40, right = 16, top = 34, bottom = 30;
  double plot_w = width - left - right, plot_h = height - top - bottom;
  guint n = self->dates->len;
  double legend_x = left;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (plot_w < 40 || plot_h < 30)
    return;

  /* Grid and axis labels. */
  cairo_set_line_width (cr, hc ? 1.5 : 1.0);
  for (int i = 0; i <= 5; i++)
    {
      double value = self->max * i / 5.0;
      double y = top + plot_h - plot_h * i / 5.0;
      g_autofree char *label = g_strdup_printf ("%.0f", value);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, hc ? 0.5 : 0.12);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + plot_w, y);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, hc ? 1.0 : 0.6);
      show_text (cr, GTK_WIDGET (self), label, left - 6, y, 1.0, TRUE);
    }

  if (n == 0)
    {
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
      show_text (cr, GTK_WIDGET (self), _("No visits yet"), left + plot_w / 2,
                 top + plot_h / 2, 0.5, FALSE);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const GDate *date = &g_array_index (self->dates, GDate, i);
      double x = n == 1 ? left + plot_w / 2 : left + plot_w * i / (n - 1);
      char buf[32] = "";

      if (g_date_valid (date))
        /* TRANSLATORS: a date under a chart's axis (strftime), e.g. 24 Nov */
        g_date_strftime (buf, sizeof buf, _("%-d %b"), date);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, hc ? 1.0 : 0.6);
      show_text (cr, GTK_WIDGET (self), buf, x, top + plot_h + 14,
                 n == 1 ? 0.5 : (i == 0 ? 0.0 : (i == n - 1 ? 1.0 : 0.5)), TRUE);
    }

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      Rgb rgb;
      double dash;
      gboolean drawing = FALSE;
      double prev = NAN;

      series_style (s, dark, hc, &rgb, &dash);
      cairo_set_source_rgb (cr, rgb.r, rgb.g, rgb.b);
      cairo_set_line_width (cr, hc ? 3.0 : 2.0);
      if (dash > 0)
        cairo_set_dash (cr, &dash, 1, 0);
      else
        cairo_set_dash (cr, NULL, 0, 0);

      for (guint i = 0; i < series->values->len && i < n; i++)
        {
          double v = g_array_index (series->values, double, i);
          double x = n == 1 ? left + plot_w / 2 : left + plot_w * i / (n - 1);
          double y = top + plot_h - plot_h * CLAMP (v, 0, self->max) / self->max;

          if (isnan (v))
            continue;
          if (drawing)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          drawing = TRUE;
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      for (guint i = 0; i < series->values->len && i < n; i++)
        {
          double v = g_array_index (series->values, double, i);
          double x = n == 1 ? left + plot_w / 2 : left + plot_w * i / (n - 1);
          double y = top + plot_h - plot_h * CLAMP (v, 0, self->max) / self->max;

          if (isnan (v))
            continue;
          draw_marker (cr, s, x, y, hc ? 5 : 4);
          /* A change of two points or more matters clinically: ring it. */
          if (series->mark_changes && !isnan (prev) && fabs (v - prev) >= 2)
            {
              cairo_set_line_width (cr, 1.5);
              cairo_arc (cr, x, y, 9, 0, 2 * G_PI);
              cairo_stroke (cr);
            }
          prev = v;
        }

      /* Legend: a sample of the line and marker, then the label. */
      {
        PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), series->label);
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        cairo_set_line_width (cr, hc ? 3.0 : 2.0);
        if (dash > 0)
          cairo_set_dash (cr, &dash, 1, 0);
        cairo_move_to (cr, legend_x, 14);
        cairo_line_to (cr, legend_x + 24, 14);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        draw_marker (cr, s, legend_x + 12, 14, hc ? 5 : 4);
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha);
        cairo_move_to (cr, legend_x + 30, 14 - h / 2.0);
        pango_cairo_show_layout (cr, layout);
        legend_x += 30 + w + 20;
        g_object_unref (layout);
      }
    }
}

static void
stride_progress_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  StrideProgressChart *self = STRIDE_PROGRESS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  draw_chart (self, cr, width, height);
  cairo_destroy (cr);
}

/* The chart as words, each value with its visit's date: "Worst pain in the
 * last week: 6 on 6 Oct, 4 on 3 Nov, 2 on 1 Dec". */
static void
update_description (StrideProgressChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      g_string_append_printf (text, "%s%s:", text->len > 0 ? "; " : "", series->label);
      for (guint i = 0; i < series->values->len; i++)
        {
          double v = g_array_index (series->values, double, i);
          const GDate *date = i < self->dates->len ? &g_array_index (self->dates, GDate, i)
                                                   : NULL;
          g_autofree char *value = isnan (v) ? g_strdup (C_("chart", "none"))
                                             : g_strdup_printf ("%.0f", v);
          char day[32] = "";

          if (date != NULL && g_date_valid (date))
            g_date_strftime (day, sizeof day, _("%-d %b"), date);
          if (day[0] != '\0')
            {
              /* TRANSLATORS: a chart's value at a visit, read out: "6 on 24 Nov" */
              g_string_append (text, i > 0 ? ", " : " ");
              g_string_append_printf (text, C_("chart", "%s on %s"), value, day);
            }
          else
            g_string_append_printf (text, "%s%s", i > 0 ? ", " : " ", value);
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
}

static void
on_style_changed (StrideProgressChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
stride_progress_chart_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = 160;
      *natural = 200;
    }
}

static void
stride_progress_chart_dispose (GObject *object)
{
  StrideProgressChart *self = STRIDE_PROGRESS_CHART (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);

  G_OBJECT_CLASS (stride_progress_chart_parent_class)->dispose (object);
}

static void
stride_progress_chart_finalize (GObject *object)
{
  StrideProgressChart *self = STRIDE_PROGRESS_CHART (object);

  g_free (self->unit);
  g_array_unref (self->dates);
  g_ptr_array_unref (self->series);

  G_OBJECT_CLASS (stride_progress_chart_parent_class)->finalize (object);
}

static void
stride_progress_chart_class_init (StrideProgressChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_progress_chart_dispose;
  object_class->finalize = stride_progress_chart_finalize;
  widget_class->snapshot = stride_progress_chart_snapshot;
  widget_class->measure = stride_progress_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "progress-chart");
}

static void
stride_progress_chart_init (StrideProgressChart *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  self->max = 10;
  self->dates = g_array_new (FALSE, TRUE, sizeof (GDate));
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  g_signal_connect_swapped (style, "notify::dark", G_CALLBACK (on_style_changed), self);
  g_signal_connect_swapped (style, "notify::high-contrast", G_CALLBACK (on_style_changed), self);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (gtk_widget_queue_draw), NULL);
}

GtkWidget *
stride_progress_chart_new (void)
{
  return g_object_new (STRIDE_TYPE_PROGRESS_CHART, NULL);
}

void
stride_progress_chart_clear (StrideProgressChart *self)
{
  g_return_if_fail (STRIDE_IS_PROGRESS_CHART (self));

  g_array_set_size (self->dates, 0);
  g_ptr_array_set_size (self->series, 0);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * stride_progress_chart_set_axis:
 * @self: a chart
 * @max: the top of the value axis (the bottom is 0)
 * @unit: (nullable): what the values count
 */
void
stride_progress_chart_set_axis (StrideProgressChart *self,
                                double               max,
                                const char          *unit)
{
  g_return_if_fail (STRIDE_IS_PROGRESS_CHART (self));
  g_return_if_fail (max > 0);

  self->max = max;
  g_free (self->unit);
  self->unit = g_strdup (unit);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
stride_progress_chart_set_dates (StrideProgressChart *self,
                                 const GDate         *dates,
                                 guint                n_dates)
{
  g_return_if_fail (STRIDE_IS_PROGRESS_CHART (self));

  g_array_set_size (self->dates, 0);
  g_array_append_vals (self->dates, dates, n_dates);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * stride_progress_chart_add_series:
 * @self: a chart
 * @label: the legend
 * @values: (array length=n_values): one value per date, NAN where missing
 * @n_values: how many
 * @mark_changes: ring changes of two or more between visits
 */
void
stride_progress_chart_add_series (StrideProgressChart *self,
                                  const char          *label,
                                  const double        *values,
                                  guint                n_values,
                                  gboolean             mark_changes)
{
  Series *series;

  g_return_if_fail (STRIDE_IS_PROGRESS_CHART (self));

  series = g_new0 (Series, 1);
  series->label = g_strdup (label);
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_vals (series->values, values, n_values);
  series->mark_changes = mark_changes;
  g_ptr_array_add (self->series, series);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
stride_progress_chart_get_n_series (StrideProgressChart *self)
{
  g_return_val_if_fail (STRIDE_IS_PROGRESS_CHART (self), 0);

  return self->series->len;
}
