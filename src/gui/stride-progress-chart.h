/* stride-progress-chart.h: a patient's measures over visits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STRIDE_TYPE_PROGRESS_CHART (stride_progress_chart_get_type ())

G_DECLARE_FINAL_TYPE (StrideProgressChart, stride_progress_chart, STRIDE, PROGRESS_CHART,
                      GtkWidget)

GtkWidget *stride_progress_chart_new        (void);
void       stride_progress_chart_clear      (StrideProgressChart *self);
void       stride_progress_chart_set_axis   (StrideProgressChart *self,
                                             double               max,
                                             const char          *unit);
void       stride_progress_chart_set_dates  (StrideProgressChart *self,
                                             const GDate         *dates,
                                             guint                n_dates);
void       stride_progress_chart_add_series (StrideProgressChart *self,
                                             const char          *label,
                                             const double        *values,
                                             guint                n_values,
                                             gboolean             mark_changes);
guint      stride_progress_chart_get_n_series (StrideProgressChart *self);

G_END_DECLS
