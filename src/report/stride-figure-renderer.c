/* stride-figure-renderer.c: draws an exercise's illustration
 *
 * The figure is drawn twice in figure units (y up, the floor at 0): once on
 * a throw-away surface to measure its exact ink, which gives the scale that
 * fits the box, then on the caller's cairo_t, so nothing ever leaves the box
 * and the output is plain vector paths (PDF, print) at any size. (Replaying a
 * recording surface instead leaks its snapshot on cairo 1.16's PDF surface.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "stride-figure-renderer.h"

#define PROP_LINE   0.14
#define ARROW_LINE  0.34
#define FLOOR_LINE  0.3
#define FAR_ALPHA   0.45
#define ALT_ALPHA   0.28

/**
 * stride_figure_style_init_default:
 * @style: (out caller-allocates): the style to fill
 *
 * Black ink on white paper, light grey props, a blue accent: reads in colour
 * and in grey print.
 */
void
stride_figure_style_init_default (StrideFigureStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (StrideFigureStyle) {
    .ink = { 0.13, 0.13, 0.15, 1.0 },
    .fill = { 0.86, 0.87, 0.89, 1.0 },
    .accent = { 0.10, 0.37, 0.70, 1.0 },
    .paper = { 1.0, 1.0, 1.0, 1.0 },
    .line_width_scale = 1.0,
  };
}

/* The exact ink of a figure: each stroke and fill of the measuring pass adds
 * its own extents (a recording surface's ink extents are several line widths
 * too wide for thick round strokes, which would shrink every figure). */
typedef struct
{
  gboolean any;
  double   x0, y0, x1, y1;
} Bounds;

static cairo_user_data_key_t bounds_key;

static void
bounds_add (cairo_t *cr,
            double   ux0,
            double   uy0,
            double   ux1,
            double   uy1)
{
  Bounds *b = cairo_get_user_data (cr, &bounds_key);
  double xs[4] = { ux0, ux1, ux0, ux1 };
  double ys[4] = { uy0, uy0, uy1, uy1 };

  if (b == NULL || ux1 < ux0 || uy1 < uy0)
    return;
  for (int i = 0; i < 4; i++)
    {
      cairo_user_to_device (cr, &xs[i], &ys[i]);
      if (!b->any)
        {
          b->x0 = b->x1 = xs[i];
          b->y0 = b->y1 = ys[i];
          b->any = TRUE;
        }
      b->x0 = MIN (b->x0, xs[i]);
      b->y0 = MIN (b->y0, ys[i]);
      b->x1 = MAX (b->x1, xs[i]);
      b->y1 = MAX (b->y1, ys[i]);
    }
}

/* The measuring pass only adds up extents and draws nothing; the drawing
 * pass only draws. Exact stroke extents of thick round strokes cost more
 * than the stroke itself, so they are computed once, when measuring. */
static gboolean
measuring (cairo_t *cr)
{
  return cairo_get_user_data (cr, &bounds_key) != NULL;
}

/* Strokes the current path (already in device space) with the device's own
 * matrix and the line width converted to it: a PDF stroke under the
 * figure's scaled matrix needs a "cm" of six numbers each time, and the
 * figures are most of a sheet's strokes. A matrix that is not uniform keeps
 * its elliptic pen. */
static void
stroke_in_device_space (cairo_t *cr)
{
  double wx = cairo_get_line_width (cr), wy = 0, hx = 0, hy = wx;

  cairo_user_to_device_distance (cr, &wx, &wy);
  cairo_user_to_device_distance (cr, &hx, &hy);
  if (fabs (hypot (wx, wy) - hypot (hx, hy)) > 1e-9 * hypot (wx, wy))
    {
      cairo_stroke (cr);
      return;
    }
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_line_width (cr, hypot (wx, wy));
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
ink_stroke (cairo_t *cr)
{
  double x0, y0, x1, y1;

  if (!measuring (cr))
    {
      stroke_in_device_space (cr);
      return;
    }
  cairo_stroke_extents (cr, &x0, &y0, &x1, &y1);
  bounds_add (cr, x0, y0, x1, y1);
  cairo_new_path (cr);
}

static void
ink_fill_preserve (cairo_t *cr)
{
  double x0, y0, x1, y1;

  if (!measuring (cr))
    {
      cairo_fill_preserve (cr);
      return;
    }
  cairo_fill_extents (cr, &x0, &y0, &x1, &y1);
  bounds_add (cr, x0, y0, x1, y1);
}

static void
ink_fill (cairo_t *cr)
{
  ink_fill_preserve (cr);
  cairo_new_path (cr);
}

static void
set_rgba (cairo_t      *cr,
          const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

static void
segment (cairo_t *cr,
         double   x1,
         double   y1,
         double   x2,
         double   y2,
         double   width)
{
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  ink_stroke (cr);
}

/* A limb as a polyline through the given points, with a paper-coloured rim
 * so that it stands out where it crosses the trunk or the other limb. */
static void
limb (cairo_t                 *cr,
      const StrideFigureStyle *style,
      const double            *xs,
      const double            *ys,
      int                      n,
      double                   width,
      gboolean                 rim)
{
  for (int pass = rim ? 0 : 1; pass < 2; pass++)
    {
      cairo_set_line_width (cr, pass == 0 ? width + 0.35 : width);
      set_rgba (cr, pass == 0 ? style->paper : style->ink);
      cairo_move_to (cr, xs[0], ys[0]);
      for (int i = 1; i < n; i++)
        cairo_line_to (cr, xs[i], ys[i]);
      ink_stroke (cr);
    }
}

static void
draw_leg (cairo_t                    *cr,
          const StrideFigureStyle    *style,
          const StrideFigureSkeleton *s,
          int                         base,
          double                      w,
          gboolean                    rim)
{
  double xs[3] = { s->x[base], s->x[base + 1], s->x[base + 2] };
  double ys[3] = { s->y[base], s->y[base + 1], s->y[base + 2] };
  double fx[3] = { s->x[base + 2], s->x[base + 3], s->x[base + 4] };
  double fy[3] = { s->y[base + 2], s->y[base + 3], s->y[base + 4] };

  limb (cr, style, xs, ys, 3, w, rim);
  limb (cr, style, fx, fy, 3, w * 0.62, FALSE);
}

static void
draw_arm (cairo_t                    *cr,
          const StrideFigureStyle    *style,
          const StrideFigureSkeleton *s,
          int                         base,
          double                      w,
          gboolean                    rim)
{
  double xs[3] = { s->x[base + 5], s->x[base + 6], s->x[base + 7] };
  double ys[3] = { s->y[base + 5], s->y[base + 6], s->y[base + 7] };

  limb (cr, style, xs, ys, 3, w * 0.8, rim);
}

/* A lighter version of @style: the ink mixed towards the paper, so that the
 * far limbs and the other end of the movement read as behind, without
 * transparency (which would blur the ink extents and print as soft masks). */
static void
fade (const StrideFigureStyle *style,
      double                   strength,
      StrideFigureStyle       *out)
{
  *out = *style;
  for (int i = 0; i < 3; i++)
    {
      out->ink[i] = style->paper[i] + (style->ink[i] - style->paper[i]) * strength;
      out->fill[i] = style->paper[i] + (style->fill[i] - style->paper[i]) * strength;
    }
}

static void
draw_pose (cairo_t                 *cr,
           const StrideFigure      *figure,
           const StrideFigurePose  *pose,
           const StrideFigureStyle *style)
{
  StrideFigureSkeleton s;
  double w = STRIDE_FIGURE_LIMB_WIDTH * style->line_width_scale;
  gboolean front = figure->view == STRIDE_FIGURE_VIEW_FRONT;
  double hx, hy, face;

  stride_figure_pose_compute (figure, pose, &s);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* The far limbs, lighter, behind everything (in the front view they are
   * the figure's other side and drawn as strongly as the near ones). */
  if (front)
    {
      draw_leg (cr, style, &s, STRIDE_POINT_FAR_HIP, w, FALSE);
      draw_arm (cr, style, &s, STRIDE_POINT_FAR_HIP, w, FALSE);
    }
  else
    {
      StrideFigureStyle far;

      fade (style, FAR_ALPHA, &far);
      draw_arm (cr, &far, &s, STRIDE_POINT_FAR_HIP, w, FALSE);
      draw_leg (cr, &far, &s, STRIDE_POINT_FAR_HIP, w, FALSE);
    }

  /* Trunk, neck and head. */
  set_rgba (cr, style->ink);
  if (front)
    {
      double xs[2] = { s.x[STRIDE_POINT_FAR_HIP], s.x[STRIDE_POINT_NEAR_HIP] };
      double ys[2] = { s.y[STRIDE_POINT_FAR_HIP], s.y[STRIDE_POINT_NEAR_HIP] };
      double sx[2] = { s.x[STRIDE_POINT_FAR_SHOULDER], s.x[STRIDE_POINT_NEAR_SHOULDER] };
      double sy[2] = { s.y[STRIDE_POINT_FAR_SHOULDER], s.y[STRIDE_POINT_NEAR_SHOULDER] };

      cairo_move_to (cr, xs[0], ys[0]);
      cairo_line_to (cr, xs[1], ys[1]);
      cairo_line_to (cr, sx[1], sy[1]);
      cairo_line_to (cr, sx[0], sy[0]);
      cairo_close_path (cr);
      cairo_set_line_width (cr, w);
      ink_fill_preserve (cr);
      ink_stroke (cr);
    }
  else
    segment (cr, s.x[STRIDE_POINT_PELVIS], s.y[STRIDE_POINT_PELVIS],
             s.x[STRIDE_POINT_NECK], s.y[STRIDE_POINT_NECK], w * 1.45);

  segment (cr, s.x[STRIDE_POINT_NECK], s.y[STRIDE_POINT_NECK],
           s.x[STRIDE_POINT_HEAD], s.y[STRIDE_POINT_HEAD], w * 0.7);
  hx = s.x[STRIDE_POINT_HEAD];
  hy = s.y[STRIDE_POINT_HEAD];
  cairo_new_path (cr);
  cairo_arc (cr, hx, hy, STRIDE_FIGURE_HEAD_R, 0, 2 * G_PI);
  ink_fill (cr);

  /* A small nose shows which way the figure faces, even lying down. */
  if (!front)
    {
      face = (pose->trunk + pose->head + 90) * G_PI / 180.0;
      cairo_move_to (cr, hx + STRIDE_FIGURE_HEAD_R * 0.7 * sin (face - 0.5),
                     hy + STRIDE_FIGURE_HEAD_R * 0.7 * cos (face - 0.5));
      cairo_line_to (cr, hx + STRIDE_FIGURE_HEAD_R * 1.35 * sin (face),
                     hy + STRIDE_FIGURE_HEAD_R * 1.35 * cos (face));
      cairo_line_to (cr, hx + STRIDE_FIGURE_HEAD_R * 0.7 * sin (face + 0.5),
                     hy + STRIDE_FIGURE_HEAD_R * 0.7 * cos (face + 0.5));
      cairo_close_path (cr);
      ink_fill (cr);
    }

  draw_leg (cr, style, &s, STRIDE_POINT_NEAR_HIP, w, !front);
  draw_arm (cr, style, &s, STRIDE_POINT_NEAR_HIP, w, !front);
}

static void
outline_fill (cairo_t                 *cr,
              const StrideFigureStyle *style)
{
  set_rgba (cr, style->fill);
  ink_fill_preserve (cr);
  set_rgba (cr, style->ink);
  cairo_set_line_width (cr, PROP_LINE * style->line_width_scale);
  ink_stroke (cr);
}

static void
draw_prop (cairo_t                 *cr,
           const StrideFigure      *figure,
           const StrideFigureProp  *p,
           const StrideFigureStyle *style)
{
  double lw = style->line_width_scale;
  double ax = p->x, ay = p->y, bx = 0, by = 0;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (p->at.is_point || p->at.x != 0 || p->at.y != 0)
    stride_figure_resolve (figure, &p->at, &ax, &ay);

  switch (p->kind)
    {
    case STRIDE_PROP_WALL:
      {
        double thick = p->width < 0 ? 0.7 : -0.7;

        cairo_rectangle (cr, p->x, 0, thick, p->height);
        outline_fill (cr, style);
        /* Hatching on the wall's back so it reads as a wall, not a pole. */
        set_rgba (cr, style->ink);
        cairo_set_line_width (cr, PROP_LINE * lw);
        for (double yy = 0.8; yy < p->height; yy += 1.2)
          segment (cr, p->x, yy, p->x + thick, yy - 0.6, PROP_LINE * lw);
      }
      break;

    case STRIDE_PROP_STEP:
    case STRIDE_PROP_BOX:
      cairo_rectangle (cr, p->x, 0, p->width, p->height);
      outline_fill (cr, style);
      if (p->kind == STRIDE_PROP_BOX)
        {
          cairo_rectangle (cr, p->x + p->width * 0.3, p->height * 0.55, p->width * 0.4, 0.4);
          set_rgba (cr, style->ink);
          ink_fill (cr);
        }
      break;

    case STRIDE_PROP_BENCH:
      cairo_rectangle (cr, p->x, p->height - 0.7, p->width, 0.7);
      outline_fill (cr, style);
      set_rgba (cr, style->ink);
      segment (cr, p->x + 0.5, 0, p->x + 0.5, p->height - 0.7, 0.35 * lw);
      segment (cr, p->x + p->width - 0.5, 0, p->x + p->width - 0.5, p->height - 0.7,
               0.35 * lw);
      break;

    case STRIDE_PROP_CHAIR:
      {
        double back = p->x - p->width;

        cairo_rectangle (cr, back, p->height - 0.45, p->width, 0.45);
        outline_fill (cr, style);
        cairo_rectangle (cr, back - 0.45, p->height - 0.45, 0.45, 4.6);
        outline_fill (cr, style);
        set_rgba (cr, style->ink);
        segment (cr, back + 0.2, 0, back + 0.2, p->height - 0.45, 0.3 * lw);
        segment (cr, p->x - 0.3, 0, p->x - 0.3, p->height - 0.45, 0.3 * lw);
      }
      break;

    case STRIDE_PROP_BOARD:
      {
        double rise = p->width * tan (p->angle * G_PI / 180.0);

        cairo_move_to (cr, p->x, 0);
        cairo_line_to (cr, p->x + p->width, 0);
        cairo_line_to (cr, p->x, rise);
        cairo_close_path (cr);
        outline_fill (cr, style);
      }
      break;

    case STRIDE_PROP_BAND:
    case STRIDE_PROP_PLATE:
      stride_figure_resolve (figure, &p->from, &ax, &ay);
      stride_figure_resolve (figure, &p->to, &bx, &by);
      if (p->kind == STRIDE_PROP_BAND)
        {
          set_rgba (cr, style->accent);
          segment (cr, ax, ay, bx, by, 0.32 * lw);
        }
      else
        {
          set_rgba (cr, style->ink);
          segment (cr, ax, ay, bx, by, 0.45 * lw);
        }
      break;

    case STRIDE_PROP_POST:
      cairo_rectangle (cr, p->x - 0.3, 0, 0.6, p->height);
      outline_fill (cr, style);
      break;

    case STRIDE_PROP_BALL:
      cairo_new_path (cr);
      cairo_arc (cr, ax, ay, p->radius, 0, 2 * G_PI);
      outline_fill (cr, style);
      break;

    case STRIDE_PROP_DUMBBELL:
      set_rgba (cr, style->ink);
      segment (cr, ax - 0.7, ay, ax + 0.7, ay, 0.25 * lw);
      cairo_rectangle (cr, ax - 1.0, ay - 0.55, 0.45, 1.1);
      cairo_rectangle (cr, ax + 0.55, ay - 0.55, 0.45, 1.1);
      ink_fill (cr);
      break;

    case STRIDE_PROP_BIKE:
      {
        /* The saddle at (x, y); the crank below and ahead of it. */
        double cx = p->x + 1.6, cy = p->y - 5.6;

        set_rgba (cr, style->ink);
        segment (cr, p->x - 0.9, p->y, p->x + 0.7, p->y, 0.45 * lw);
        segment (cr, p->x, p->y, cx, cy, 0.35 * lw);            /* seat tube */
        segment (cr, cx, cy, p->x + 5.2, p->y + 1.2, 0.35 * lw); /* down tube */
        segment (cr, p->x + 5.2, p->y + 1.2, p->x + 4.4, p->y + 1.6, 0.35 * lw);
        segment (cr, cx - 3.5, 0.2, cx + 5.0, 0.2, 0.4 * lw);    /* base */
        segment (cr, cx, cy, cx, 0.2, 0.35 * lw);
        segment (cr, p->x + 5.0, 0.2, p->x + 5.2, p->y + 1.2, 0.35 * lw);
        cairo_new_path (cr);
        cairo_arc (cr, cx, cy, 1.1, 0, 2 * G_PI);
        cairo_set_line_width (cr, PROP_LINE * lw);
        ink_stroke (cr);
        /* The flywheel in front says "exercise bike" at a glance. */
        cairo_new_path (cr);
        cairo_arc (cr, p->x + 4.6, cy + 0.6, 1.7, 0, 2 * G_PI);
        outline_fill (cr, style);
      }
      break;

    case STRIDE_PROP_ELLIPTICAL:
      set_rgba (cr, style->ink);
      segment (cr, p->x - 9, 0.25, p->x + 1, 0.25, 0.4 * lw);          /* base rail */
      segment (cr, p->x, 0.25, p->x, 10.5, 0.4 * lw);                  /* upright */
      segment (cr, p->x - 7.5, p->y, p->x - 2, p->y + 0.4, 0.35 * lw); /* foot rail */
      segment (cr, p->x - 0.2, 3.0, p->x - 1.6, 13.0, 0.3 * lw);       /* handle */
      cairo_new_path (cr);
      cairo_arc (cr, p->x, 2.0, 1.2, 0, 2 * G_PI);
      cairo_set_line_width (cr, PROP_LINE * lw);
      ink_stroke (cr);
      break;

    case STRIDE_PROP_WATER:
      /* Drawn across the whole figure by draw_ground (). */
      break;

    case STRIDE_PROP_MAT:
      cairo_rectangle (cr, p->x, 0, p->width, 0.3);
      outline_fill (cr, style);
      break;

    case STRIDE_PROP_LINE:
      cairo_rectangle (cr, p->x - 0.9, 0, 1.8, 0.25);
      set_rgba (cr, style->accent);
      ink_fill (cr);
      break;

    case STRIDE_PROP_CONE:
      cairo_move_to (cr, p->x - 0.7, 0);
      cairo_line_to (cr, p->x + 0.7, 0);
      cairo_line_to (cr, p->x, 1.5);
      cairo_close_path (cr);
      outline_fill (cr, style);
      break;

    case STRIDE_PROP_SLIDER:
      cairo_rectangle (cr, ax - 0.8, ay - 0.3, 1.6, 0.3);
      outline_fill (cr, style);
      break;

    case STRIDE_PROP_METRONOME:
      cairo_move_to (cr, p->x - 1.0, p->y);
      cairo_line_to (cr, p->x + 1.0, p->y);
      cairo_line_to (cr, p->x + 0.5, p->y + 2.6);
      cairo_line_to (cr, p->x - 0.5, p->y + 2.6);
      cairo_close_path (cr);
      outline_fill (cr, style);
      set_rgba (cr, style->ink);
      segment (cr, p->x, p->y + 0.4, p->x + 0.7, p->y + 2.4, 0.18 * lw);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_arrow (cairo_t                 *cr,
            const StrideFigure      *figure,
            const StrideFigureArrow *a,
            const StrideFigureStyle *style)
{
  double x1, y1, x2, y2, mx, my, len, nx, ny, cx, cy;
  double lw = ARROW_LINE * style->line_width_scale;
  double head = 0.85 + 1.2 * lw;

  if (!stride_figure_resolve (figure, &a->from, &x1, &y1)
      || !stride_figure_resolve (figure, &a->to, &x2, &y2))
    return;

  len = hypot (x2 - x1, y2 - y1);
  if (len < 1e-6)
    return;

  /* The control point of a quadratic curve, to one side of the chord. */
  mx = (x1 + x2) / 2;
  my = (y1 + y2) / 2;
  nx = -(y2 - y1) / len;
  ny = (x2 - x1) / len;
  cx = mx + nx * a->bend * len;
  cy = my + ny * a->bend * len;

  set_rgba (cr, style->accent);
  cairo_set_line_width (cr, lw);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (int end = 0; end < (a->both_heads ? 2 : 1); end++)
    {
      /* Each head points along the curve's tangent at its end. */
      double tx = end == 0 ? x2 : x1, ty = end == 0 ? y2 : y1;
      double dx = tx - cx, dy = ty - cy;
      double d = hypot (dx, dy);

      if (d < 1e-6)
        continue;
      dx /= d;
      dy /= d;
      cairo_move_to (cr, tx + dx * head * 0.2, ty + dy * head * 0.2);
      cairo_line_to (cr, tx - dx * head - dy * head * 0.55, ty - dy * head + dx * head * 0.55);
      cairo_line_to (cr, tx - dx * head + dy * head * 0.55, ty - dy * head - dx * head * 0.55);
      cairo_close_path (cr);
      ink_fill (cr);
    }

  cairo_move_to (cr, x1, y1);
  cairo_curve_to (cr, x1 + 2.0 / 3.0 * (cx - x1), y1 + 2.0 / 3.0 * (cy - y1),
                  x2 + 2.0 / 3.0 * (cx - x2), y2 + 2.0 / 3.0 * (cy - y2), x2, y2);
  ink_stroke (cr);
}

/* Draws the figure in figure units with y up (the caller sets the transform
 * and, for the measuring pass, the bounds user data). */
static void
draw_items (cairo_t                 *cr,
            const StrideFigure      *figure,
            const StrideFigureStyle *style)
{
  const StrideFigurePose *alt = stride_figure_get_alternate_pose (figure);

  for (guint i = 0; i < figure->props->len; i++)
    draw_prop (cr, figure, g_ptr_array_index (figure->props, i), style);

  if (alt != NULL)
    {
      StrideFigureStyle ghost;

      fade (style, ALT_ALPHA, &ghost);
      draw_pose (cr, figure, alt, &ghost);
    }
  draw_pose (cr, figure, stride_figure_get_key_pose (figure), style);

  for (guint i = 0; i < figure->arrows->len; i++)
    draw_arrow (cr, figure, g_ptr_array_index (figure->arrows, i), style);
}

/* The measuring pass: the same drawing on a throw-away surface, adding up
 * the extents of every stroke and fill (in figure units, y down). */
static void
measure_figure (const StrideFigure      *figure,
                const StrideFigureStyle *style,
                Bounds                  *bounds)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);

  *bounds = (Bounds) { FALSE, 0, 0, 0, 0 };
  cairo_set_user_data (cr, &bounds_key, bounds, NULL);
  cairo_scale (cr, 1, -1);
  draw_items (cr, figure, style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static double
water_level (const StrideFigure *figure)
{
  for (guint i = 0; i < figure->props->len; i++)
    {
      const StrideFigureProp *p = g_ptr_array_index (figure->props, i);

      if (p->kind == STRIDE_PROP_WATER)
        return p->height;
    }
  return -1;
}

/* The floor line and the water, across the figure's width plus a margin:
 * drawn in figure units, y up. */
static void
draw_ground (cairo_t                 *cr,
             const StrideFigure      *figure,
             const StrideFigureStyle *style,
             double                   x0,
             double                   x1)
{
  double level = water_level (figure);

  if (level >= 0)
    {
      cairo_rectangle (cr, x0, figure->floor ? 0 : level - 7, x1 - x0,
                       figure->floor ? level : 7);
      cairo_set_source_rgba (cr, style->accent[0], style->accent[1], style->accent[2], 0.12);
      cairo_fill (cr);
      set_rgba (cr, style->accent);
      cairo_set_line_width (cr, PROP_LINE * 1.5 * style->line_width_scale);
      cairo_move_to (cr, x0, level);
      for (double xx = x0, up = 1; xx + 0.8 <= x1 + 1e-9; xx += 0.8, up = -up)
        cairo_curve_to (cr, xx + 0.25, level + 0.3 * up, xx + 0.55, level + 0.3 * up,
                        xx + 0.8, level);
      stroke_in_device_space (cr);
    }

  if (figure->floor)
    {
      set_rgba (cr, style->ink);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      segment (cr, x0, -FLOOR_LINE / 2, x1, -FLOOR_LINE / 2,
               FLOOR_LINE * style->line_width_scale);
    }
}

/**
 * stride_figure_draw:
 * @cr: where to draw
 * @figure: the illustration
 * @x: left of the box, in @cr's user units
 * @y: top of the box
 * @width: the box's width
 * @height: the box's height
 * @style: (nullable): colours and line weight; %NULL for the default
 *
 * Draws @figure scaled uniformly to fit inside the box and centred in it,
 * with the floor line across the figure. Nothing is drawn outside the box.
 */
void
stride_figure_draw (cairo_t                 *cr,
                    const StrideFigure      *figure,
                    double                   x,
                    double                   y,
                    double                   width,
                    double                   height,
                    const StrideFigureStyle *style)
{
  StrideFigureStyle default_style;
  Bounds bounds;
  double ex, ey, ew, eh, gx0, gx1, top, bottom, scale, margin;
  double gw, gh;

  g_return_if_fail (cr != NULL && figure != NULL);

  if (style == NULL)
    {
      stride_figure_style_init_default (&default_style);
      style = &default_style;
    }
  else if (!(style->line_width_scale > 0) || style->line_width_scale > 10)
    {
      /* A caller's zero or absurd weight would draw nothing or a blot. */
      default_style = *style;
      default_style.line_width_scale = CLAMP (isfinite (style->line_width_scale)
                                              ? style->line_width_scale : 1.0, 0.25, 10);
      style = &default_style;
    }
  if (!(width > 0) || !(height > 0))
    return;

  measure_figure (figure, style, &bounds);
  if (!bounds.any)
    return;
  ex = bounds.x0;
  ey = bounds.y0;
  ew = bounds.x1 - bounds.x0;
  eh = bounds.y1 - bounds.y0;

  /* The ground runs a little past the figure on both sides. Recorded y is
   * down, so the floor is at 0 and the figure mostly at negative y. */
  gx0 = ex - 1.5;
  gx1 = ex + ew + 1.5;
  top = ey;
  bottom = ey + eh;
  if (figure->floor)
    bottom = MAX (bottom, FLOOR_LINE * style->line_width_scale + 0.05);
  if (water_level (figure) >= 0)
    {
      top = MIN (top, -water_level (figure) - 0.6);
      if (!figure->floor)
        bottom = MAX (bottom, -water_level (figure) + 7);
    }

  gw = gx1 - gx0;
  gh = bottom - top;
  margin = MIN (width, height) * 0.03;
  scale = MIN ((width - 2 * margin) / gw, (height - 2 * margin) / gh);
  if (!(scale > 0))
    return;

  /* No clip: the tests check that the fit alone keeps the ink in the box. */
  cairo_save (cr);
  /* Centre horizontally; sit on the bottom of the box so that figures of a
   * sheet share a ground line. */
  cairo_translate (cr, x + (width - gw * scale) / 2 - gx0 * scale,
                   y + height - margin - bottom * scale);
  cairo_scale (cr, scale, scale);

  /* Figure units with y up, as measured. */
  cairo_scale (cr, 1, -1);
  draw_ground (cr, figure, style, gx0, gx1);
  draw_items (cr, figure, style);
  cairo_restore (cr);
}
