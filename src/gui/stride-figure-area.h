/* stride-figure-area.h: an exercise's illustration on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "stride-library.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_FIGURE_AREA (stride_figure_area_get_type ())

G_DECLARE_FINAL_TYPE (StrideFigureArea, stride_figure_area, STRIDE, FIGURE_AREA, GtkWidget)

GtkWidget *stride_figure_area_new          (const StrideExercise *exercise,
                                            int                   size);
void       stride_figure_area_set_exercise (StrideFigureArea     *self,
                                            const StrideExercise *exercise);

G_END_DECLS
