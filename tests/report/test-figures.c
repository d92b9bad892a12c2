/* test-figures.c: every exercise's illustration draws inside its box and is
 * not empty, at sheet size and at print size, in the light and a dark style
 *
 * Writes figures-contact-sheet.png (every figure in library order; the log
 * names them) to the build directory, to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <cairo-pdf.h>

#include "stride-figure-renderer.h"
#include "stride-library.h"

static StrideLibrary *library;

typedef struct
{
  const char *name;
  int         box_width;
  int         box_height;
  gboolean    dark;
} Size;

/* 45 mm wide at 150 dpi (the sheet), a small on-screen thumbnail, and a wide
 * but short box that makes tall figures fit by height. */
static const Size sizes[] = {
  { "sheet-45mm", 266, 200, FALSE },
  { "thumbnail", 96, 72, FALSE },
  { "wide-short", 300, 90, FALSE },
  { "dark-high-contrast", 200, 160, TRUE },
};

#define MARGIN 24

static void
dark_style (StrideFigureStyle *style)
{
  stride_figure_style_init_default (style);
  style->ink[0] = style->ink[1] = style->ink[2] = 0.95;
  style->fill[0] = style->fill[1] = style->fill[2] = 0.3;
  style->paper[0] = style->paper[1] = style->paper[2] = 0.1;
  style->accent[0] = 0.5;
  style->accent[1] = 0.75;
  style->accent[2] = 1.0;
  style->line_width_scale = 1.5;
}

/* Draws on a transparent surface with a margin around the box; returns the
 * ink inside the box as a fraction of its area, and the pixels outside. */
static void
measure (const StrideFigure *figure,
         const Size         *size,
         double             *out_inside,
         guint              *out_outside)
{
  int w = size->box_width + 2 * MARGIN, h = size->box_height + 2 * MARGIN;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  StrideFigureStyle style;
  const guint8 *data;
  int stride;
  guint inside = 0, outside = 0;

  if (size->dark)
    dark_style (&style);
  else
    stride_figure_style_init_default (&style);

  stride_figure_draw (cr, figure, MARGIN, MARGIN, size->box_width, size->box_height, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + y * stride);

      for (int x = 0; x < w; x++)
        {
          guint alpha = row[x] >> 24;
          gboolean in_box = x >= MARGIN && x < MARGIN + size->box_width
                            && y >= MARGIN && y < MARGIN + size->box_height;

          /* Antialiasing may touch the box edge's pixel; a faint trace
           * outside (alpha < 8) is not ink. */
          if (in_box)
            inside += alpha > 32;
          else
            outside += alpha >= 8;
        }
    }

  cairo_surface_destroy (surface);
  *out_inside = (double) inside / (size->box_width * size->box_height);
  *out_outside = outside;
}

static void
test_inside_and_not_empty (gconstpointer data)
{
  const Size *size = data;
  GPtrArray *exercises = stride_library_get_exercises (library);

  for (guint i = 0; i < exercises->len; i++)
    {
      const StrideExercise *e = g_ptr_array_index (exercises, i);
      double inside;
      guint outside;

      measure (e->figure, size, &inside, &outside);
      g_test_message ("%s: %.1f%% ink, %u pixels outside", e->id, inside * 100, outside);
      g_assert_cmpuint (outside, ==, 0);
      /* A figure that fills a fair part of its box: a stick figure of a
       * few limbs covers 1.5 % or more of it even when tall in a wide box. */
      g_assert_cmpfloat (inside, >, 0.015);
      g_assert_cmpfloat (inside, <, 0.75);
    }
}

/* The figure is scaled to fit: it uses most of the box in one direction. */
static void
test_fills_the_box (void)
{
  GPtrArray *exercises = stride_library_get_exercises (library);

  for (guint i = 0; i < exercises->len; i++)
    {
      const StrideExercise *e = g_ptr_array_index (exercises, i);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 240);
      cairo_t *cr = cairo_create (surface);
      const guint8 *data;
      int stride, x0 = 300, x1 = -1, y0 = 240, y1 = -1;

      stride_figure_draw (cr, e->figure, 20, 20, 260, 200, NULL);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < 240; y++)
        for (int x = 0; x < 300; x++)
          {
            if ((((const guint32 *) (gconstpointer) (data + y * stride))[x] >> 24) > 32)
              {
                x0 = MIN (x0, x);
                x1 = MAX (x1, x);
                y0 = MIN (y0, y);
                y1 = MAX (y1, y);
              }
          }
      cairo_surface_destroy (surface);

      g_test_message ("%s: ink %d×%d", e->id, x1 - x0 + 1, y1 - y0 + 1);
      g_assert_true (x1 - x0 + 1 >= 0.85 * 260 || y1 - y0 + 1 >= 0.85 * 200);
    }
}

/* Vector output: the same figure on a PDF surface draws without error. */
static void
test_pdf (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "figures.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  GPtrArray *exercises = stride_library_get_exercises (library);

  for (guint i = 0; i < exercises->len; i++)
    {
      const StrideExercise *e = g_ptr_array_index (exercises, i);

      /* 45 mm is 127.6 pt. */
      stride_figure_draw (cr, e->figure, 40 + (i % 4) * 135, 40 + (i / 4 % 7) * 110, 127.6, 96,
                          NULL);
      if (i % 28 == 27)
        cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* Odd boxes: nothing drawn for an empty box, and a huge one still fits. */
static void
test_odd_boxes (void)
{
  const StrideExercise *e = stride_library_lookup (library, "bridge");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 40);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  int stride;
  guint ink = 0;

  stride_figure_draw (cr, e->figure, 10, 10, 0, 20, NULL);
  stride_figure_draw (cr, e->figure, 10, 10, 20, -5, NULL);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 40; y++)
    for (int x = 0; x < 40; x++)
      ink += (((const guint32 *) (gconstpointer) (data + y * stride))[x] >> 24) != 0;
  g_assert_cmpuint (ink, ==, 0);

  /* Scaled up to a poster, all in a 20 000-unit box of a 40-pixel surface:
   * cairo clips, nothing fails. */
  stride_figure_draw (cr, e->figure, 0, 0, 20000, 15000, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A contact sheet of every figure, to look at (not compared). */
static void
test_contact_sheet (void)
{
  GPtrArray *exercises = stride_library_get_exercises (library);
  const int cols = 6, cw = 266, ch = 230;
  int rows = (exercises->len + cols - 1) / cols;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cols * cw, rows * ch);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = NULL;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (guint i = 0; i < exercises->len; i++)
    {
      const StrideExercise *e = g_ptr_array_index (exercises, i);
      double x = (i % cols) * cw, y = (i / cols) * ch;

      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, x + 8.5, y + 24.5, cw - 16, ch - 32);
      cairo_stroke (cr);
      /* No text: cairo's toy fonts pull in fontconfig, whose own leaks
       * would hide ours under valgrind. The order is in the log. */
      g_test_message ("row %u, column %u: %s", i / cols + 1, i % cols + 1, e->id);
      stride_figure_draw (cr, e->figure, x + 9, y + 25, cw - 18, ch - 34, NULL);
    }
  cairo_destroy (cr);

  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                           "figures-contact-sheet.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  library = stride_library_load_default (&error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("/figures/inside-and-not-empty/%s", sizes[i].name);

      g_test_add_data_func (name, &sizes[i], test_inside_and_not_empty);
    }
  g_test_add_func ("/figures/fills-the-box", test_fills_the_box);
  g_test_add_func ("/figures/pdf", test_pdf);
  g_test_add_func ("/figures/odd-boxes", test_odd_boxes);
  g_test_add_func ("/figures/contact-sheet", test_contact_sheet);

  status = g_test_run ();
  g_object_unref (library);
  /* Lets valgrind tell cairo's caches from real leaks. */
  cairo_debug_reset_static_data ();
  return status;
}
