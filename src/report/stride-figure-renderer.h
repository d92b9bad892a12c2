/* stride-figure-renderer.h: draws an exercise's illustration (stride-figure.h)
 *
 * One renderer for every figure, on any cairo_t (PDF, print, on screen), in
 * one clean pictogram style, scaled to fit its box.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "stride-figure.h"

G_BEGIN_DECLS

typedef struct
{
  double ink[4];      /* the body and outlines, RGBA */
  double fill[4];     /* props: wall, step, box… */
  double accent[4];   /* motion arrows and bands */
  double paper[4];    /* the background, used to separate overlapping limbs */
  double line_width_scale;   /* 1.0 normal; more for high contrast */
} StrideFigureStyle;

void stride_figure_style_init_default (StrideFigureStyle  *style);
void stride_figure_draw               (cairo_t            *cr,
                                       const StrideFigure *figure,
                                       double              x,
                                       double              y,
                                       double              width,
                                       double              height,
                                       const StrideFigureStyle *style);

G_END_DECLS
