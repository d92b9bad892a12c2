/* stride-layout.h: printed documents as blocks, laid out once into pages
 *
 * A builder (stride-report.c, stride-sheet.c) appends blocks; the document
 * measures them with Pango and paginates on first use. Each page is then drawn
 * by one function, stride_document_draw_page(), onto any cairo_t: a PDF
 * surface, a GtkPrintOperation's context or a preview widget. Units are
 * PostScript points with the origin at the page's top left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "stride-paper.h"

G_BEGIN_DECLS

/* One sans family, Open Sans from fonts-open-sans. The documents' font map
 * knows only it and the symbol fonts of fonts-noto-core (Noto Sans Math,
 * Symbols and Symbols2), which supply what it lacks, so no other installed
 * font can change the output. Only the family is named: Pango measures a font's metrics with the font's
 * own family, and a description naming more families would make it match
 * every font twice. */
#define STRIDE_DOCUMENT_FONT_FAMILY "Open Sans"

/* The documents' type scale, in multiples of the body size. A few sizes read
 * as a clear hierarchy; and each size and weight costs Pango a font lookup
 * (two threads and a fontconfig sort), so text takes one of these rather
 * than a size of its own. SMALL is Pango's "smaller" (and TINY twice that),
 * so that inline <span size="smaller"> lands on the same size. */
#define STRIDE_TYPE_TITLE   1.8
#define STRIDE_TYPE_HEADING 1.4
#define STRIDE_TYPE_SUBHEAD 1.2
#define STRIDE_TYPE_SMALL   (1.0 / 1.2)
#define STRIDE_TYPE_TINY    (1.0 / 1.44)

/* A style of document text: a step of the type scale and a weight. */
typedef struct
{
  double   step;
  gboolean bold;
  gboolean italic;
} StrideFontStyle;

typedef enum
{
  STRIDE_ALIGN_LEFT,
  STRIDE_ALIGN_RIGHT,
  STRIDE_ALIGN_CENTER,
} StrideAlign;

typedef struct
{
  double r, g, b;
} StrideColor;

/* Light fills and their darker borders; every use also carries words. */
typedef enum
{
  STRIDE_TONE_NEUTRAL,   /* grey */
  STRIDE_TONE_GOOD,      /* green */
  STRIDE_TONE_NOTICE,    /* yellow: routine */
  STRIDE_TONE_WARNING,   /* orange: urgent */
  STRIDE_TONE_DANGER,    /* red: emergency */
  STRIDE_TONE_INFO,      /* blue */
} StrideTone;

StrideColor stride_tone_fill   (StrideTone tone);
StrideColor stride_tone_border (StrideTone tone);

typedef struct
{
  double      size;          /* points; 0 for the document's body size */
  gboolean    bold;
  gboolean    italic;
  StrideAlign align;
  double      indent;        /* points from the left edge of the text column */
  double      space_before;  /* points; dropped at the top of a page */
  gboolean    keep_together; /* never split this paragraph across pages */
} StrideTextStyle;

/* A function that draws into the box (x, y, width, height), in points. */
typedef void (*StrideDrawFunc) (cairo_t  *cr,
                                double    x,
                                double    y,
                                double    width,
                                double    height,
                                gpointer  user_data);

typedef struct
{
  StrideDrawFunc  draw_figure;      /* (nullable) the illustration */
  gpointer        figure_data;
  double          figure_width;     /* points, at least 45 mm */
  double          figure_height;    /* points */
  const char     *title;            /* plain text */
  const char     *const *steps;     /* plain text, NULL-terminated */
  const char     *dose_markup;      /* Pango markup */
  const char     *caution;          /* (nullable) plain text */
  const char     *caution_label;    /* (nullable) e.g. "Take care:" */
  const char     *ticks_label;      /* (nullable) e.g. "Tick each day you do it:" */
  const char     *const *tick_days; /* (nullable) day labels under the tick boxes */
  int             number;           /* shown before the title when > 0 */
} StrideCard;

typedef enum
{
  STRIDE_MARKER_CIRCLE,
  STRIDE_MARKER_SQUARE,
  STRIDE_MARKER_TRIANGLE,
  STRIDE_MARKER_DIAMOND,
  STRIDE_MARKER_CROSS,
  STRIDE_MARKER_CIRCLE_OPEN,
} StrideMarker;

typedef struct
{
  char         *name;       /* legend text */
  StrideMarker  marker;
  gboolean      dashed;
  double       *values;     /* n_x values */
  gboolean     *present;    /* n_x flags: FALSE where not tested */
} StrideChartSeries;

typedef struct
{
  char       *title;
  char       *y_label;        /* with the unit, e.g. "Pain (NRS 0–10)" */
  char       *x_label;        /* e.g. "Visit date" */
  double      y_min, y_max, y_step;
  int         value_digits;   /* decimals in point labels */
  gboolean    has_threshold;
  double      threshold;
  char       *threshold_label;
  guint       n_x;
  char      **x_labels;       /* n_x, NULL-terminated */
  GPtrArray  *series;         /* StrideChartSeries */
} StrideChart;

StrideChart       *stride_chart_new        (const char   *title,
                                            const char   *y_label,
                                            double        y_min,
                                            double        y_max,
                                            double        y_step,
                                            const char   *const *x_labels);
StrideChartSeries *stride_chart_add_series (StrideChart  *chart,
                                            const char   *name,
                                            StrideMarker  marker);
void               stride_chart_set_value  (StrideChartSeries *series,
                                            guint         index,
                                            double        value);
void               stride_chart_set_threshold (StrideChart *chart,
                                            double        value,
                                            const char   *label);
void               stride_chart_free       (StrideChart  *chart);

typedef struct _StrideTable StrideTable;

#define STRIDE_TYPE_DOCUMENT (stride_document_get_type ())

G_DECLARE_FINAL_TYPE (StrideDocument, stride_document, STRIDE, DOCUMENT, GObject)

StrideDocument *stride_document_new           (StridePaper      paper,
                                               double           body_size);
void            stride_document_set_metadata  (StrideDocument  *self,
                                               const char      *title,
                                               const char      *author,
                                               const char      *subject);
const char     *stride_document_get_title     (StrideDocument  *self);
void            stride_document_set_header    (StrideDocument  *self,
                                               const char      *left,
                                               const char      *right);
void            stride_document_set_footer    (StrideDocument  *self,
                                               const char      *left);
double          stride_document_get_body_size (StrideDocument  *self);
double          stride_document_get_text_width (StrideDocument *self);

/* Blocks, in reading order. Text is plain unless the name says markup. */
void            stride_document_add_heading   (StrideDocument  *self,
                                               int              level,
                                               const char      *text);
void            stride_document_add_markup    (StrideDocument  *self,
                                               const char      *markup,
                                               const StrideTextStyle *style);
void            stride_document_add_text      (StrideDocument  *self,
                                               const char      *text,
                                               const StrideTextStyle *style);
void            stride_document_add_bullets   (StrideDocument  *self,
                                               const char      *const *markup_items,
                                               const StrideTextStyle *style);
void            stride_document_add_key_values (StrideDocument *self,
                                               const char      *const *pairs,
                                               double           key_width);
StrideTable    *stride_document_add_table     (StrideDocument  *self,
                                               guint            n_columns);
void            stride_table_set_column       (StrideTable     *table,
                                               guint            column,
                                               const char      *title,
                                               double           weight,
                                               StrideAlign      align);
void            stride_table_add_row          (StrideTable     *table,
                                               const char      *const *markup_cells);
void            stride_document_set_box_line_spacing (StrideDocument *self,
                                               double           factor);
void            stride_document_add_box       (StrideDocument  *self,
                                               StrideTone       tone,
                                               double           border_width,
                                               const char      *title_markup,
                                               double           title_size,
                                               const char      *const *body_markup,
                                               double           body_size);
void            stride_document_add_box_columns (StrideDocument *self,
                                               StrideTone       tone,
                                               double           border_width,
                                               const char      *title_markup,
                                               double           title_size,
                                               const char      *const *column_markup,
                                               guint            split,
                                               const char      *const *after_markup,
                                               double           body_size);
void            stride_document_add_card      (StrideDocument  *self,
                                               const StrideCard *card);
void            stride_document_add_charts    (StrideDocument  *self,
                                               GPtrArray       *charts,
                                               guint            per_row,
                                               double           height);
void            stride_document_add_tick_row  (StrideDocument  *self,
                                               const char      *label,
                                               const char      *const *day_labels);
void            stride_document_add_signature (StrideDocument  *self,
                                               const char      *const *labels);
void            stride_document_add_drawing   (StrideDocument  *self,
                                               double           height,
                                               StrideDrawFunc   draw,
                                               gpointer         user_data,
                                               GDestroyNotify   destroy);
void            stride_document_add_space     (StrideDocument  *self,
                                               double           points);
void            stride_document_add_page_break (StrideDocument *self);
void            stride_document_begin_group   (StrideDocument  *self);
void            stride_document_end_group     (StrideDocument  *self);

/* Pages: laid out once, on first use. */
guint           stride_document_get_n_pages   (StrideDocument  *self);
char           *stride_document_get_page_text (StrideDocument  *self,
                                               guint            page);
void            stride_document_get_page_size (StrideDocument  *self,
                                               double          *width_pt,
                                               double          *height_pt);
void            stride_document_get_margins   (StrideDocument  *self,
                                               double          *margin_pt);
void            stride_document_draw_page     (StrideDocument  *self,
                                               cairo_t         *cr,
                                               guint            page_index);
gboolean        stride_document_write_pdf     (StrideDocument  *self,
                                               const char      *path,
                                               GDateTime       *created,
                                               GError         **error);

PangoContext   *stride_document_create_context (void);
PangoFontDescription *stride_document_font_description (double   size,
                                                        gboolean bold,
                                                        gboolean italic);
void            stride_document_fonts_only_for_documents (void);
void            stride_document_record_fonts  (GHashTable            *names);
void            stride_document_preload_fonts (double                 body_size,
                                               const StrideFontStyle *styles,
                                               gsize                  n_styles);

/* Helpers for builders. */
char           *stride_markup_printf_escaped_bold (const char  *text);

G_END_DECLS
