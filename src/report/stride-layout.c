/* stride-layout.c: printed documents as blocks, laid out once into pages
 *
 * Every block becomes one or more "pieces" of fixed height as it is added
 * (the text width is known from the paper). Pagination then places pieces on
 * pages: pieces sharing a group (a box, a card, a short paragraph) move to the
 * next page together, a heading moves with what follows it, and a table row on
 * a new page is preceded by its table's header row.
 *
 * Layouts are measured with a private Pango context at 72 dpi with hinting
 * and glyph-position rounding off, so the same pages come out on a PDF
 * surface, a print context or a scaled preview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <gio/gio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "stride-i18n.h"
#include "stride-layout.h"

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

#define MARGIN          MM_TO_PT (16.0)
/* Header and footer bands: one line of chrome text (the document's small
 * size) plus the space around their rules. */
#define HEADER_SPACE    13.0
#define FOOTER_SPACE    9.0
#define TABLE_PAD_X     4.0
#define TABLE_PAD_Y     2.5
#define BOX_PAD         8.0
#define CARD_PAD        6.0
#define TICK_SIZE       15.0

static const StrideColor ink = { 0.10, 0.10, 0.12 };
static const StrideColor grey_ink = { 0.35, 0.35, 0.38 };
static const StrideColor rule_colour = { 0.60, 0.60, 0.63 };
static const StrideColor header_fill = { 0.92, 0.92, 0.93 };

typedef enum
{
  PIECE_LINE,
  PIECE_HEADING,
  PIECE_KEY_VALUE,
  PIECE_TABLE_HEADER,
  PIECE_TABLE_ROW,
  PIECE_BOX,
  PIECE_CARD,
  PIECE_CHARTS,
  PIECE_TICKS,
  PIECE_SIGNATURE,
  PIECE_DRAWING,
  PIECE_SPACE,
  PIECE_BREAK,
} PieceKind;

typedef struct _Piece Piece;

typedef struct
{
  StrideCard   card;        /* strings below are owned copies */
  char        *title;
  char       **steps;
  char        *dose_markup;
  char        *caution;
  char        *caution_label;
  char        *ticks_label;
  char       **tick_days;
  PangoLayout *title_layout;
  GPtrArray   *step_layouts;
  GPtrArray   *number_layouts;
  PangoLayout *dose_layout;
  PangoLayout *caution_layout;
  PangoLayout *ticks_layout;
  GPtrArray   *day_layouts;
  double       text_height;
} CardData;

struct _StrideTable
{
  StrideDocument *doc;
  guint           n_columns;
  char          **titles;
  double         *weights;
  StrideAlign    *aligns;
  double         *widths;      /* computed at the first row */
  Piece          *header;
  guint           n_rows;
};

struct _Piece
{
  PieceKind    kind;
  double       height;
  double       space_before;
  guint        group;            /* 0: alone; else pieces that stay on one page */
  gboolean     keep_with_next;

  /* PIECE_LINE, PIECE_HEADING */
  PangoLayout *layout;
  int          line;             /* -1: the whole layout */
  double       indent;
  double       line_x;
  double       baseline;
  gboolean     bullet;
  int          outline_level;    /* headings: 1 or 2 */
  char        *outline_text;

  /* PIECE_KEY_VALUE */
  PangoLayout *value_layout;
  double       key_width;

  /* PIECE_TABLE_* */
  StrideTable *table;
  GPtrArray   *cells;            /* PangoLayout */
  gboolean     shaded;

  /* PIECE_BOX: one part of a box; first and last draw the top and bottom */
  StrideTone   tone;
  double       border_width;
  gboolean     box_first;
  gboolean     box_last;
  guint        column_split;     /* stride_document_add_box_columns(): cells [0, split) left */

  /* PIECE_CARD */
  CardData    *card;

  /* PIECE_CHARTS */
  GPtrArray   *charts;
  guint        per_row;

  /* PIECE_TICKS, PIECE_SIGNATURE */
  GPtrArray   *labels;           /* PangoLayout */

  /* PIECE_DRAWING */
  StrideDrawFunc draw;
  gpointer     draw_data;
  GDestroyNotify draw_destroy;
};

typedef struct
{
  Piece  *piece;
  double  y;
} Placed;

typedef struct
{
  int     level;
  char   *text;
  guint   page;
  double  y;
} OutlineEntry;

struct _StrideDocument
{
  GObject       parent_instance;

  StridePaper   paper;
  double        page_width;
  double        page_height;
  double        body_size;
  double        chrome_line;     /* height of a line of header or footer text */
  PangoContext *context;

  char         *title;
  char         *author;
  char         *subject;
  char         *header_left;
  char         *header_right;
  char         *footer_left;
  char         *page_format;     /* "Page %u of %u" in the document's language */
  PangoLayout  *header_left_layout;
  PangoLayout  *header_right_layout;
  PangoLayout  *footer_left_layout;

  GPtrArray    *pieces;          /* Piece */
  GHashTable   *draw_cache;      /* key → PangoLayout, see cached_layout() */
  GPtrArray    *tables;          /* StrideTable */
  guint         next_group;
  double        box_line_spacing; /* 0: the font's own; see stride_document_set_box_line_spacing() */

  int           group_start;     /* -1, or the first piece of an open group */

  gboolean      laid_out;
  GPtrArray    *pages;           /* GArray of Placed */
  GArray       *outline;         /* OutlineEntry */
};

G_DEFINE_FINAL_TYPE (StrideDocument, stride_document, G_TYPE_OBJECT)

/* ---------------------------------------------------------------- colours */

StrideColor
stride_tone_fill (StrideTone tone)
{
  switch (tone)
    {
    case STRIDE_TONE_GOOD:
      return (StrideColor) { 0.90, 0.96, 0.90 };
    case STRIDE_TONE_NOTICE:
      return (StrideColor) { 1.00, 0.97, 0.84 };
    case STRIDE_TONE_WARNING:
      return (StrideColor) { 1.00, 0.92, 0.83 };
    case STRIDE_TONE_DANGER:
      return (StrideColor) { 1.00, 0.89, 0.89 };
    case STRIDE_TONE_INFO:
      return (StrideColor) { 0.91, 0.94, 0.99 };
    case STRIDE_TONE_NEUTRAL:
    default:
      return (StrideColor) { 0.95, 0.95, 0.96 };
    }
}

StrideColor
stride_tone_border (StrideTone tone)
{
  switch (tone)
    {
    case STRIDE_TONE_GOOD:
      return (StrideColor) { 0.16, 0.48, 0.20 };
    case STRIDE_TONE_NOTICE:
      return (StrideColor) { 0.62, 0.50, 0.05 };
    case STRIDE_TONE_WARNING:
      return (StrideColor) { 0.78, 0.38, 0.02 };
    case STRIDE_TONE_DANGER:
      return (StrideColor) { 0.72, 0.08, 0.10 };
    case STRIDE_TONE_INFO:
      return (StrideColor) { 0.15, 0.33, 0.62 };
    case STRIDE_TONE_NEUTRAL:
    default:
      return (StrideColor) { 0.40, 0.40, 0.43 };
    }
}

static void
set_colour (cairo_t           *cr,
            const StrideColor *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

/* ------------------------------------------------------------------ charts */

/**
 * stride_chart_new:
 * @title: the chart's title
 * @y_label: the y axis with its unit
 * @y_min: bottom of the axis
 * @y_max: top of the axis
 * @y_step: distance between ticks
 * @x_labels: (array zero-terminated=1): one label per point on the x axis
 *
 * Returns: (transfer full): a line chart with no series
 */
StrideChart *
stride_chart_new (const char        *title,
                  const char        *y_label,
                  double             y_min,
                  double             y_max,
                  double             y_step,
                  const char *const *x_labels)
{
  StrideChart *chart = g_new0 (StrideChart, 1);

  chart->title = g_strdup (title);
  chart->y_label = g_strdup (y_label);
  chart->y_min = y_min;
  chart->y_max = y_max;
  chart->y_step = y_step;
  chart->x_labels = g_strdupv ((char **) x_labels);
  chart->n_x = g_strv_length (chart->x_labels);
  chart->series = g_ptr_array_new ();
  return chart;
}

StrideChartSeries *
stride_chart_add_series (StrideChart  *chart,
                         const char   *name,
                         StrideMarker  marker)
{
  StrideChartSeries *series = g_new0 (StrideChartSeries, 1);

  series->name = g_strdup (name);
  series->marker = marker;
  series->values = g_new0 (double, MAX (chart->n_x, 1));
  series->present = g_new0 (gboolean, MAX (chart->n_x, 1));
  g_ptr_array_add (chart->series, series);
  return series;
}

void
stride_chart_set_value (StrideChartSeries *series,
                        guint              index,
                        double             value)
{
  series->values[index] = value;
  series->present[index] = TRUE;
}

void
stride_chart_set_threshold (StrideChart *chart,
                            double       value,
                            const char  *label)
{
  chart->has_threshold = TRUE;
  chart->threshold = value;
  g_free (chart->threshold_label);
  chart->threshold_label = g_strdup (label);
}

void
stride_chart_free (StrideChart *chart)
{
  if (chart == NULL)
    return;

  for (guint i = 0; i < chart->series->len; i++)
    {
      StrideChartSeries *series = g_ptr_array_index (chart->series, i);

      g_free (series->name);
      g_free (series->values);
      g_free (series->present);
      g_free (series);
    }
  g_ptr_array_unref (chart->series);
  g_free (chart->title);
  g_free (chart->y_label);
  g_free (chart->x_label);
  g_free (chart->threshold_label);
  g_strfreev (chart->x_labels);
  g_free (chart);
}

/* ------------------------------------------------------------------ pieces */

static void
card_data_free (CardData *card)
{
  g_free (card->title);
  g_strfreev (card->steps);
  g_free (card->dose_markup);
  g_free (card->caution);
  g_free (card->caution_label);
  g_free (card->ticks_label);
  g_strfreev (card->tick_days);
  g_clear_object (&card->title_layout);
  g_clear_pointer (&card->step_layouts, g_ptr_array_unref);
  g_clear_pointer (&card->number_layouts, g_ptr_array_unref);
  g_clear_object (&card->dose_layout);
  g_clear_object (&card->caution_layout);
  g_clear_object (&card->ticks_layout);
  g_clear_pointer (&card->day_layouts, g_ptr_array_unref);
  g_free (card);
}

static void
piece_free (Piece *piece)
{
  g_clear_object (&piece->layout);
  g_clear_object (&piece->value_layout);
  g_free (piece->outline_text);
  g_clear_pointer (&piece->cells, g_ptr_array_unref);
  g_clear_pointer (&piece->card, card_data_free);
  g_clear_pointer (&piece->charts, g_ptr_array_unref);
  g_clear_pointer (&piece->labels, g_ptr_array_unref);
  if (piece->draw_destroy != NULL)
    piece->draw_destroy (piece->draw_data);
  g_free (piece);
}

static void
table_free (StrideTable *table)
{
  g_strfreev (table->titles);
  g_free (table->weights);
  g_free (table->aligns);
  g_free (table->widths);
  g_free (table);
}

static Piece *
add_piece (StrideDocument *self,
           PieceKind       kind,
           double          height)
{
  Piece *piece = g_new0 (Piece, 1);

  piece->kind = kind;
  piece->height = height;
  piece->line = -1;
  g_ptr_array_add (self->pieces, piece);
  self->laid_out = FALSE;
  return piece;
}

/* ------------------------------------------------------------------ fonts */

/* The faces the documents use. Open Sans (fonts-open-sans) sets the text:
 * it is the design Noto Sans grew from, with the same widths and line height
 * for Latin text, and its kerning is one table of pairs, which HarfBuzz
 * applies in half the time Noto Sans's class-based kerning takes (shaping
 * was the largest part of building a document). Noto Sans Math, Symbols and
 * Symbols2 (fonts-noto-core) supply the signs it lacks. */
typedef struct
{
  const char *file;
  const char *debian_dir;
} DocumentFace;

static const DocumentFace document_faces[] = {
  { "OpenSans-Regular.ttf", "/usr/share/fonts/truetype/open-sans" },
  { "OpenSans-Bold.ttf", "/usr/share/fonts/truetype/open-sans" },
  { "OpenSans-Italic.ttf", "/usr/share/fonts/truetype/open-sans" },
  { "OpenSans-BoldItalic.ttf", "/usr/share/fonts/truetype/open-sans" },
  { "NotoSansMath-Regular.ttf", "/usr/share/fonts/truetype/noto" },
  { "NotoSansSymbols-Regular.ttf", "/usr/share/fonts/truetype/noto" },
  { "NotoSansSymbols2-Regular.ttf", "/usr/share/fonts/truetype/noto" },
};

#define N_FACES G_N_ELEMENTS (document_faces)

/* Without the regular and bold text faces the documents use the default
 * fonts; the others only add styles and signs. */
#define N_REQUIRED_FACES 2

/* Fills the empty entries of @paths with the files of fontconfig's system
 * configuration that bear our faces' names: for a system that keeps them
 * elsewhere than Debian. Parses the whole configuration, so only then. */
static void
find_faces_with_fontconfig (char *paths[N_FACES])
{
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FILE, NULL);
  FcFontSet *set = FcFontList (NULL, pattern, objects);

  for (int i = 0; set != NULL && i < set->nfont; i++)
    {
      FcChar8 *file = NULL;
      g_autofree char *name = NULL;

      if (FcPatternGetString (set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
        continue;
      name = g_path_get_basename ((const char *) file);
      for (guint f = 0; f < N_FACES; f++)
        if (paths[f] == NULL && g_str_equal (name, document_faces[f].file))
          paths[f] = g_strdup ((const char *) file);
    }
  if (set != NULL)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
}

/* Where each face is: in $STRIDE_FONT_DIR when it is there, else where its
 * Debian package puts it, else wherever fontconfig knows it; %NULL for a
 * face found nowhere. Returns whether the required faces were found. */
static gboolean
find_faces (char *paths[N_FACES])
{
  const char *env = g_getenv ("STRIDE_FONT_DIR");
  gboolean all_found = TRUE;

  for (guint f = 0; f < N_FACES; f++)
    {
      const char *dirs[] = { env, document_faces[f].debian_dir };

      paths[f] = NULL;
      for (guint d = 0; d < G_N_ELEMENTS (dirs) && paths[f] == NULL; d++)
        {
          g_autofree char *path = NULL;

          if (dirs[d] == NULL)
            continue;
          path = g_build_filename (dirs[d], document_faces[f].file, NULL);
          if (g_file_test (path, G_FILE_TEST_EXISTS))
            paths[f] = g_steal_pointer (&path);
        }
      all_found = all_found && paths[f] != NULL;
    }
  if (!all_found)
    find_faces_with_fontconfig (paths);

  for (guint f = 0; f < N_REQUIRED_FACES; f++)
    if (paths[f] == NULL)
      return FALSE;
  return TRUE;
}

/* Shaping rules for every document font: no ligatures. A ligature glyph has
 * no character code of its own, so cairo puts it in a second, CID-keyed copy
 * of the font in the PDF (a few milliseconds to subset and compress), and
 * copying "ﬂoor" out of a PDF can give a ligature rather than "fl". */
#define FONT_RULES "<match target=\"font\"><edit name=\"fontfeatures\" mode=\"append\">" \
                   "<string>liga=0</string></edit></match>"

/* Our faces, at @paths, as fontconfig's caches of their directories describe
 * them, when the caches are valid: reading it takes a fraction of the time that opening each face to
 * learn what it covers takes (FcConfigAppFontAddFile), and opens no font file
 * that no text needs. The cache holds the same description of each face
 * that opening it would give. %NULL when a cache is missing or stale, or
 * lacks one of our faces. */
static FcConfig *
config_from_cache (char *const paths[N_FACES])
{
  g_autoptr(GString) xml = g_string_new ("<fontconfig>"
                                         "<cachedir>/var/cache/fontconfig</cachedir>"
                                         "<cachedir prefix=\"xdg\">fontconfig</cachedir>");
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  FcConfig *config = FcConfigCreate ();
  FcFontSet *fonts;
  guint found = 0;

  /* Each directory that holds one of our faces, and its cache; of its
   * fonts, only ours. */
  for (guint f = 0; f < N_FACES; f++)
    {
      g_autofree char *dir = paths[f] != NULL ? g_path_get_dirname (paths[f]) : NULL;
      g_autofree char *escaped_dir = NULL;

      if (dir == NULL || g_ptr_array_find_with_equal_func (dirs, dir, g_str_equal, NULL))
        continue;
      escaped_dir = g_markup_escape_text (dir, -1);
      g_string_append_printf (xml, "<dir>%s</dir><selectfont><rejectfont>"
                                   "<glob>%s/*</glob></rejectfont></selectfont>",
                              escaped_dir, escaped_dir);
      g_ptr_array_add (dirs, g_steal_pointer (&dir));
    }
  g_string_append (xml, "<selectfont><acceptfont>");
  for (guint f = 0; f < N_FACES; f++)
    if (paths[f] != NULL)
      {
        g_autofree char *escaped_path = g_markup_escape_text (paths[f], -1);

        g_string_append_printf (xml, "<glob>%s</glob>", escaped_path);
        found++;
      }
  g_string_append (xml, "</acceptfont></selectfont>" FONT_RULES "</fontconfig>");

  if (!FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) xml->str, FcFalse))
    goto failed;

  /* Without a valid cache, building would open every font in the directory. */
  for (guint d = 0; d < dirs->len; d++)
    {
      FcCache *cache = FcDirCacheLoad (g_ptr_array_index (dirs, d), config, NULL);

      if (cache == NULL)
        goto failed;
      FcDirCacheUnload (cache);
    }

  if (!FcConfigBuildFonts (config))
    goto failed;
  fonts = FcConfigGetFonts (config, FcSetSystem);
  if (fonts == NULL || fonts->nfont != (int) found)
    goto failed;
  return config;

failed:
  FcConfigDestroy (config);
  return NULL;
}

/* Our faces, each opened to learn what it covers. */
static FcConfig *
config_from_files (char *const paths[N_FACES])
{
  FcConfig *config = FcConfigCreate ();

  if (!FcConfigParseAndLoadFromMemory (config,
                                       (const FcChar8 *) "<fontconfig>" FONT_RULES "</fontconfig>",
                                       FcFalse))
    {
      FcConfigDestroy (config);
      return NULL;
    }
  for (guint f = 0; f < N_FACES; f++)
    if (paths[f] != NULL
        && !FcConfigAppFontAddFile (config, (const FcChar8 *) paths[f])
        && f < N_REQUIRED_FACES)
      {
        FcConfigDestroy (config);
        return NULL;
      }
  return config;
}

static gboolean fonts_only_for_documents;

/**
 * stride_document_fonts_only_for_documents:
 *
 * For a process that draws no text but printed documents (stride-cli): makes
 * the documents' own font set fontconfig's configuration for the whole
 * process when it is built, so that nothing parses the system's font
 * configuration and cache (Pango starts that in a thread, and it costs as
 * much CPU time as the rest of a one-page PDF). Documents come out the same:
 * they are matched against the same faces either way. Call it before the
 * first document; never in the app, whose widgets need the system's fonts.
 */
void
stride_document_fonts_only_for_documents (void)
{
  fonts_only_for_documents = TRUE;
}

/* A font map that holds only our faces: output that no other installed font
 * can change, and font matching over 7 faces instead of hundreds, which is
 * most of the time a document takes. Falls back to the default font map when
 * Open Sans is not installed. */
static PangoFontMap *
document_font_map (void)
{
  static PangoFontMap *font_map;

  if (g_once_init_enter (&font_map))
    {
      PangoFontMap *map = NULL;
      char *paths[N_FACES];

      if (find_faces (paths))
        {
          FcConfig *config = config_from_cache (paths);

          if (config == NULL)
            config = config_from_files (paths);
          /* Before the font map exists: creating it starts fontconfig's
           * initialisation, which does nothing once a configuration is current. */
          if (config != NULL && fonts_only_for_documents)
            FcConfigSetCurrent (config);
          if (config != NULL)
            {
              map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
              pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
              FcConfigDestroy (config);
              /* Points, as the documents' contexts have them: Pango measures
               * a font's metrics in a context of its own, made at the font
               * map's resolution, and a resolution other than the
               * document's made it match every font a second time. */
              pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (map), 72.0);
            }
        }
      for (guint f = 0; f < N_FACES; f++)
        g_free (paths[f]);
      if (map == NULL)
        {
          g_warning ("Open Sans (fonts-open-sans) not found: printing with the default fonts");
          map = g_object_ref (pango_cairo_font_map_get_default ());
        }
      g_once_init_leave (&font_map, map);
    }

  return font_map;
}

/**
 * stride_document_create_context:
 *
 * A Pango context for text on printed documents, with the documents' fonts
 * and device-independent metrics, for drawing functions that set their own
 * text (stride_document_add_drawing()).
 *
 * Returns: (transfer full): a new context
 */
PangoContext *
stride_document_create_context (void)
{
  PangoContext *context = pango_font_map_create_context (document_font_map ());
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

static PangoLayout *make_layout   (StrideDocument *self,
                                   const char     *markup,
                                   double          size,
                                   gboolean        bold,
                                   gboolean        italic,
                                   double          width,
                                   StrideAlign     align);
static PangoLayout *cached_layout (StrideDocument *self,
                                   const char     *markup,
                                   double          size,
                                   gboolean        bold,
                                   gboolean        italic,
                                   double          width,
                                   StrideAlign     align);
static double       layout_height (PangoLayout    *layout);

static GHashTable *recorded_fonts;

/**
 * stride_document_record_fonts:
 * @names: (nullable): a set of strings that owns its keys, or %NULL to stop
 *
 * For tests: adds the name of every font that document text asks for from
 * now on to @names.
 */
void
stride_document_record_fonts (GHashTable *names)
{
  recorded_fonts = names;
}

/**
 * stride_document_font_description:
 * @size: in points
 * @bold: bold weight
 * @italic: italic style
 *
 * The font of document text, for drawing functions that set their own text.
 *
 * Returns: (transfer full): a new font description
 */
PangoFontDescription *
stride_document_font_description (double   size,
                                  gboolean bold,
                                  gboolean italic)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, STRIDE_DOCUMENT_FONT_FAMILY);

  /* Truncated as Pango truncates a scaled size, so that this size and
   * <span size="smaller"> in body text make the same font. */
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE + 1e-6));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  if (recorded_fonts != NULL)
    g_hash_table_add (recorded_fonts, pango_font_description_to_string (font));
  return font;
}

/**
 * stride_document_preload_fonts:
 * @body_size: the body size of the document to come
 * @styles: (array length=n_styles): the styles it uses
 * @n_styles: their number
 *
 * Opens the documents' fonts in @styles, as a document would: Pango matches
 * each size and weight on two threads of its own, then shapes and measures
 * a sample text to learn the font's metrics, and cairo loads the glyphs'
 * outlines; about a millisecond each. stride-cli does it on a thread of its
 * own while it reads its data, so that the document does not wait for them.
 * A style left out only costs that time later.
 *
 * No document may be built or drawn while it runs: Pango's font maps are not
 * thread-safe.
 */
void
stride_document_preload_fonts (double                 body_size,
                               const StrideFontStyle *styles,
                               gsize                  n_styles)
{
  PangoContext *context = stride_document_create_context ();

  for (gsize i = 0; i < n_styles; i++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      PangoFontDescription *font = stride_document_font_description (body_size * styles[i].step,
                                                                     styles[i].bold,
                                                                     styles[i].italic);

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_text (layout, "Ag", -1);
      pango_layout_get_size (layout, NULL, NULL);
    }
  g_object_unref (context);
}

/* ------------------------------------------------------------------ object */

static void
stride_document_finalize (GObject *object)
{
  StrideDocument *self = STRIDE_DOCUMENT (object);

  g_clear_object (&self->context);
  g_free (self->page_format);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->footer_left);
  g_clear_object (&self->header_left_layout);
  g_clear_object (&self->header_right_layout);
  g_clear_object (&self->footer_left_layout);
  g_ptr_array_unref (self->pieces);
  g_hash_table_unref (self->draw_cache);
  g_ptr_array_unref (self->tables);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  if (self->outline != NULL)
    {
      for (guint i = 0; i < self->outline->len; i++)
        g_free (g_array_index (self->outline, OutlineEntry, i).text);
      g_array_unref (self->outline);
    }

  G_OBJECT_CLASS (stride_document_parent_class)->finalize (object);
}

static void
stride_document_class_init (StrideDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stride_document_finalize;
}

static void
stride_document_init (StrideDocument *self)
{
  self->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
  self->draw_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  self->next_group = 1;
  self->group_start = -1;
}

/**
 * stride_document_new:
 * @paper: the paper; %STRIDE_PAPER_AUTOMATIC follows LC_PAPER
 * @body_size: the body text size in points
 *
 * Returns: (transfer full): an empty document
 */
StrideDocument *
stride_document_new (StridePaper paper,
                     double      body_size)
{
  StrideDocument *self = g_object_new (STRIDE_TYPE_DOCUMENT, NULL);
  StridePaperSize size = stride_paper_get_size (paper);

  self->paper = stride_paper_resolve (paper);
  self->page_width = size.width_pt;
  self->page_height = size.height_pt;
  self->body_size = body_size > 0 ? body_size : 10.0;
  /* Translated now, not when a page is drawn: a sheet is laid out in the
   * patient's language but drawn later, in the interface's. */
  /* TRANSLATORS: the page number in a printed document's footer */
  self->page_format = g_strdup (_("Page %u of %u"));

  /* Metrics that do not depend on the device: the same line breaks on paper
   * and on screen. */
  self->context = stride_document_create_context ();

  /* The header and footer bands fit one line of their text. */
  {
    g_autoptr(PangoLayout) line = make_layout (self, "Ag", self->body_size * STRIDE_TYPE_SMALL,
                                               FALSE, FALSE, 0, STRIDE_ALIGN_LEFT);

    self->chrome_line = layout_height (line);
  }

  return self;
}

void
stride_document_set_metadata (StrideDocument *self,
                              const char     *title,
                              const char     *author,
                              const char     *subject)
{
  g_return_if_fail (STRIDE_IS_DOCUMENT (self));

  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->author);
  self->author = g_strdup (author);
  g_free (self->subject);
  self->subject = g_strdup (subject);
}

const char *
stride_document_get_title (StrideDocument *self)
{
  g_return_val_if_fail (STRIDE_IS_DOCUMENT (self), NULL);
  return self->title;
}

/**
 * stride_document_set_header:
 * @self: a document
 * @left: (nullable): text at the left of every page's header (the clinic)
 * @right: (nullable): text at the right (the document's title)
 */
void
stride_document_set_header (StrideDocument *self,
                            const char     *left,
                            const char     *right)
{
  g_return_if_fail (STRIDE_IS_DOCUMENT (self));

  g_clear_object (&self->header_left_layout);
  g_clear_object (&self->header_right_layout);
  g_free (self->header_left);
  self->header_left = g_strdup (left);
  g_free (self->header_right);
  self->header_right = g_strdup (right);
}

/**
 * stride_document_set_footer:
 * @self: a document
 * @left: (nullable): text at the left of every footer (the visit date);
 *   the right holds "Page N of M"
 */
void
stride_document_set_footer (StrideDocument *self,
                            const char     *left)
{
  g_return_if_fail (STRIDE_IS_DOCUMENT (self));

  g_clear_object (&self->footer_left_layout);
  g_free (self->footer_left);
  self->footer_left = g_strdup (left);
}

double
stride_document_get_body_size (StrideDocument *self)
{
  g_return_val_if_fail (STRIDE_IS_DOCUMENT (self), 10.0);
  return self->body_size;
}

double
stride_document_get_text_width (StrideDocument *self)
{
  g_return_val_if_fail (STRIDE_IS_DOCUMENT (self), 0.0);
  return self->page_width - 2 * MARGIN;
}

static double
content_top (StrideDocument *self)
{
  return MARGIN + self->chrome_line + HEADER_SPACE;
}

static double
content_bottom (StrideDocument *self)
{
  return self->page_height - MARGIN - self->chrome_line - FOOTER_SPACE;
}

/* ---------------------------------------------------------------- text */

/* Open Sans sets running text at about half an em per character. */
#define AVERAGE_CHAR_WIDTH_EM 0.5

/* Gives @layout a width to wrap at.
 *
 * Pango 1.50 shapes a text twice when it fits within the layout's width: once
 * to measure it, and once more to accept it as a line. Most texts in a
 * document are one short line (table cells, keys, labels, headings), so a
 * left-aligned text that looks short is laid out unwrapped, and given its
 * width only if it turns out to be too wide or to hold more than one line
 * (only a wrapped layout can be cut short with an ellipsis). The lines are the
 * same either way; a right or centred text needs its width to be placed. */
static void
wrap_layout (PangoLayout *layout,
             double       width,
             double       size,
             StrideAlign  align)
{
  int pango_width = (int) (width * PANGO_SCALE);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (align == STRIDE_ALIGN_LEFT
      && g_utf8_strlen (pango_layout_get_text (layout), -1) * size * AVERAGE_CHAR_WIDTH_EM < width)
    {
      int natural_width;

      pango_layout_get_size (layout, &natural_width, NULL);
      if (natural_width <= pango_width && pango_layout_get_line_count (layout) == 1)
        return;
    }
  pango_layout_set_width (layout, pango_width);
}

/* Builders escape what they did not write; a broken string still prints,
 * as text, rather than vanishing. Parsed only when it holds a tag or an
 * entity: most texts are plain, and the parser costs as much as shaping
 * them. */
static void
set_layout_markup (PangoLayout *layout,
                   const char  *markup)
{
  PangoAttrList *attrs = NULL;
  char *text = NULL;

  if (markup == NULL)
    markup = "";
  if (strpbrk (markup, "<&") != NULL
      && pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, NULL))
    {
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      g_free (text);
    }
  else
    pango_layout_set_text (layout, markup, -1);
}

static PangoLayout *
make_layout (StrideDocument *self,
             const char     *markup,
             double          size,
             gboolean        bold,
             gboolean        italic,
             double          width,
             StrideAlign     align)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = stride_document_font_description (size > 0 ? size
                                                                          : self->body_size,
                                                                 bold, italic);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  switch (align)
    {
    case STRIDE_ALIGN_RIGHT:
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      break;
    case STRIDE_ALIGN_CENTER:
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      break;
    case STRIDE_ALIGN_LEFT:
    default:
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      break;
    }

  set_layout_markup (layout, markup);

  if (width > 0)
    wrap_layout (layout, width, size > 0 ? size : self->body_size, align);

  return layout;
}

/* A box's paragraph at the document's box line spacing. */
static PangoLayout *
make_box_layout (StrideDocument *self,
                 const char     *markup,
                 double          size,
                 gboolean        bold,
                 double          width)
{
  PangoLayout *layout = make_layout (self, markup, size, bold, FALSE, width, STRIDE_ALIGN_LEFT);

  if (self->box_line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float) self->box_line_spacing);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) (logical.x + logical.width) / PANGO_SCALE;
}

/* A block that cannot break (a table cell, a box's paragraph, a card's step)
 * must fit on a page: cut text that would not, with an ellipsis, rather
 * than let it run past the margin. */
static void
limit_layout_height (PangoLayout *layout,
                     double       max_height)
{
  if (layout_height (layout) <= max_height)
    return;
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, (int) (max_height * PANGO_SCALE));
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Adds one piece per line, so that long text breaks across pages. */
static void
add_layout_lines (StrideDocument        *self,
                  PangoLayout           *layout,
                  const StrideTextStyle *style,
                  gboolean               bullet)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n_lines = pango_layout_get_line_count (layout);
  guint group = 0;
  int index = 0;

  /* No orphans or widows: short paragraphs stay whole. */
  if (n_lines <= 4 || (style != NULL && style->keep_together))
    group = self->next_group++;

  do
    {
      PangoRectangle logical;
      Piece *piece;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      piece = add_piece (self, PIECE_LINE, (double) logical.height / PANGO_SCALE);
      piece->layout = g_object_ref (layout);
      piece->line = index;
      piece->line_x = (double) logical.x / PANGO_SCALE;
      piece->baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      piece->indent = style != NULL ? style->indent : 0;
      piece->group = group;
      piece->bullet = bullet && index == 0;
      if (index == 0 && style != NULL)
        piece->space_before = style->space_before;
      index++;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/**
 * stride_document_add_heading:
 * @self: a document
 * @level: 1 for a section (also an outline entry), 2 for a subsection
 * @text: plain text
 */
void
stride_document_add_heading (StrideDocument *self,
                             int             level,
                             const char     *text)
{
  g_autofree char *markup = NULL;
  double size;
  Piece *piece;

  g_return_if_fail (STRIDE_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  markup = g_markup_escape_text (text, -1);
  size = self->body_size * (level <= 1 ? STRIDE_TYPE_HEADING : STRIDE_TYPE_SUBHEAD);
  piece = add_piece (self, PIECE_HEADING, 0);
  piece->layout = make_layout (self, markup, size, TRUE, FALSE,
                               stride_document_get_text_width (self), STRIDE_ALIGN_LEFT);
  piece->height = layout_height (piece->layout) + (level <= 1 ? 4.0 : 1.5);
  piece->space_before = level <= 1 ? self->body_size * 1.3 : self->body_size * 0.9;
  piece->keep_with_next = TRUE;
  piece->outline_level = CLAMP (level, 1, 2);
  piece->outline_text = g_strdup (text);
}

/**
 * stride_document_add_markup:
 * @self: a document
 * @markup: Pango markup; escape any text you did not write
 * @style: (nullable): how to set it; %NULL for body text
 */
void
stride_document_add_markup (StrideDocument        *self,
                            const char            *markup,
                            const StrideTextStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  double indent = style != NULL ? style->indent : 0;

  g_return_if_fail (STRIDE_IS_DOCUMENT (self));
  g_return_if_fail (markup != NULL);

  layout = make_layout (self, markup, style != NULL ? style->size : 0,
                        style != NULL && style->bold, style != NULL && style->italic,
                        stride_document_get_text_width (self) - indent,
                        style != NULL ? style->align : STRIDE_ALIGN_LEFT);
  add_layout_lines (self, layout, style, FALSE);
}

void
stride_document_add_text (StrideDocument        *self,
                          const char            *text,
                          const StrideTextStyle *style)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (text != NULL);

  markup = g_markup_escape_text (text, -1);
  stride_document_add_markup (self, markup, style);
}

/**
 * stride_document_add_bullets:
 * @self: a document
 * @markup_items: (array zero-terminated=1): one markup string per bullet
 * @style: (nullable): how to set them
 */
void
stride_document_add_bullets (StrideDocument        *self,
                             const char *const     *markup_items,
                             const StrideTextStyle *style)
{
  StrideTextStyle item_style = { 0 };
  double size;

  g_return_if_fail (STRIDE_IS_DOCUMENT (self));

  if (style != NULL)
    item_style = *style;
  size = item_style.size > 0 ? item_style.size : self->body_size;
  item_style.indent += size * 1.2;

  for (guint i = 0; markup_items != NULL && markup_items[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      layout = make_layout (self, markup_items[i], size, item_style.bold, item_style.italic,
                            stride_document_get_text_width (self) - item_style.indent,
                            STRIDE_ALIGN_LEFT);
      add_layout_lines (self, layout, &item_style, TRUE);
      item_style.space_before = size * 0.25;
    }
}

/**
 * stride_document_add_key_values:
 * @self: a document
 * @pairs: (array zero-terminated=1): key, value, key, value…, plain text
 * @key_width: the width of the key column in points
 */
void
stride_document_add_key_values (StrideDocument    *self,
                                const char *const *pairs,
                                double             key_width)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_object_unref);
  double width;

  g_return_if_fail (STRIDE_IS_DOCUMENT (self));

  width = stride_document_get_text_width (self);

  /* @key_width is the least: longer keys (German words) widen the column up
   * to 45 % of the text, rather than break. */
  for (guint i = 0; pairs != NULL && pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    {
      g_autofree char *key = g_markup_escape_text (pairs[i], -1);
      PangoLayout *natural = make_layout (self, key, 0, TRUE, FALSE, 0, STRIDE_ALIGN_LEFT);

      key_width = MAX (key_width, MIN (layout_width (natural) + 10, width * 0.45));
      g_ptr_array_add (keys, natural);
    }

  for (guint i = 0; pairs != NULL && pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    {
      g_autofree char *key = g_markup_escape_text (pairs[i], -1);
      g_autofree char *value = g_markup_escape_text (pairs[i + 1], -1);
      PangoLayout *natural = g_ptr_array_index (keys, i / 2);
      Piece *piece = add_piece (self, PIECE_KEY_VALUE, 0);

      piece->key_width = key_width;
      /* A key that fits on its line is the layout already measured; only a
       * longer one is laid out again, to wrap. */
      if (layout_width (natural) <= key_width - 6)
        piece->layout = g_object_ref (natural);
      else
        piece->layout = make_layout (self, key, 0, TRUE, FALSE, key_width - 6,
                                     STRIDE_ALIGN_LEFT);
      piece->value_layout = make_layout (self, value, 0, FALSE, FALSE, width - key_width,
                                         STRIDE_ALIGN_LEFT);
      limit_layout_height (piece->value_layout, (content_bottom (self) - content_top (self)) * 0.6);
      limit_layout_height (piece->layout, (content_bottom (self) - content_top (self)) * 0.6);
      piece->height = MAX (layout_height (piece->layout), layout_height (piece->value_layout))
                      + 2.0;
    }
}

/* ---------------------------------------------------------------- tables */

/**
 * stride_document_add_table:
 * @self: a document
 * @n_columns: the number of columns
 *
 * Set every column with stride_table_set_column() before adding rows. The
 * header row repeats at the top of each page the table continues on.
 *
 * Returns: (transfer none): the table, owned by @self
 */
StrideTable *
stride_document_add_table (StrideDocument *self,
                           guint           n_columns)
{
  StrideTable *table;

  g_return_val_if_fail (STRIDE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (StrideTable, 1);
  table->doc = self;
  table->n_columns = n_columns;
  table->titles = g_new0 (char *, n_columns + 1);
  table->weights = g_new0 (double, n_columns);
  table->aligns = g_new0 (StrideAlign, n_columns);
  for (guint i = 0; i < n_columns; i++)
    table->weights[i] = 1.0;
  g_ptr_array_add (self->tables, table);
  return table;
}

void
stride_table_set_column (StrideTable *table,
                         guint        column,
                         const char  *title,
                         double       weight,
                         StrideAlign  align)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);

  g_free (table->titles[column]);
  table->titles[column] = g_markup_escape_text (title != NULL ? title : "", -1);
  table->weights[column] = weight > 0 ? weight : 1.0;
  table->aligns[column] = align;
}

static Piece *
make_table_row (StrideTable       *table,
                PieceKind          kind,
                const char *const *cells)
{
  StrideDocument *self = table->doc;
  Piece *piece = add_piece (self, kind, 0);
  double height = 0;

  piece->table = table;
  piece->cells = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *cell = cells[i] != NULL ? cells[i] : "";
      PangoLayout *layout = make_layout (self, cell, 0,
                                         kind == PIECE_TABLE_HEADER, FALSE,
                                         table->widths[i] - 2 * TABLE_PAD_X,
                                         table->aligns[i]);

      limit_layout_height (layout, (content_bottom (self) - content_top (self)) * 0.6);
      g_ptr_array_add (piece->cells, layout);
      height = MAX (height, layout_height (layout));
    }
  piece->height = height + 2 * TABLE_PAD_Y + 0.5;
  return piece;
}

/**
 * stride_table_add_row:
 * @table: a table
 * @markup_cells: (array zero-terminated=1): one markup string per column
 */
void
stride_table_add_row (StrideTable       *table,
                      const char *const *markup_cells)
{
  Piece *piece;

  g_return_if_fail (table != NULL);
  g_return_if_fail (markup_cells != NULL);

  if (table->widths == NULL)
    {
      double total = 0;
      double width = stride_document_get_text_width (table->doc);

      table->widths = g_new0 (double, table->n_columns);
      for (guint i = 0; i < table->n_columns; i++)
        total += table->weights[i];
      for (guint i = 0; i < table->n_columns; i++)
        table->widths[i] = width * table->weights[i] / total;

      table->header = make_table_row (table, PIECE_TABLE_HEADER,
                                      (const char *const *) table->titles);
      table->header->space_before = table->doc->body_size * 0.4;
      /* A header never ends a page on its own. */
      table->header->keep_with_next = TRUE;
    }

  piece = make_table_row (table, PIECE_TABLE_ROW, markup_cells);
  piece->shaded = (table->n_rows % 2) == 1;
  table->n_rows++;
}

/* ---------------------------------------------------------------- boxes */

/**
 * stride_document_set_box_line_spacing:
 * @self: a document
 * @factor: the distance between baselines as a multiple of the font's own
 *   line height (pango_layout_set_line_spacing()), 0 for the font's own
 *
 * Sets how closely the lines of the boxes added from now on are set: a
 * one-page document (the referral notice) keeps its type size and sets its
 * boxes closer instead. Open Sans's own line height is about 1.36 times
 * the type size, so 0.84 sets the lines about 1.15 times the size apart.
 */
void
stride_document_set_box_line_spacing (StrideDocument *self,
                                      double          factor)
{
  g_return_if_fail (STRIDE_IS_DOCUMENT (self));
  g_return_if_fail (factor >= 0);

  self->box_line_spacing = factor;
}

/* The width a box's text is set in: the text column less the frame and
 * the padding on both sides. */
static double
box_inner_width (StrideDocument *self,
                 double          border_width)
{
  return stride_document_get_text_width (self) - 2 * BOX_PAD - 2 * border_width;
}

/* A box's title, across it. */
static void
add_box_title (StrideDocument *self,
               GPtrArray      *parts,
               const char     *title_markup,
               double          title_size,
               double          inner)
{
  Piece *piece;

  if (title_markup == NULL)
    return;
  piece = add_piece (self, PIECE_BOX, 0);
  piece->layout = make_box_layout (self, title_markup,
                                   title_size > 0 ? title_size
                                                  : self->body_size * STRIDE_TYPE_SUBHEAD,
                                   TRUE, inner);
  piece->height = layout_height (piece->layout);
  g_ptr_array_add (parts, piece);
}

/* Paragraphs across a box. */
static void
add_box_paragraphs (StrideDocument    *self,
                    GPtrArray         *parts,
                    const char *const *markup,
                    double             size,
                    double             inner)
{
  for (guint i = 0; markup != NULL && markup[i] != NULL; i++)
    {
      Piece *piece = add_piece (self, PIECE_BOX, 0);

      piece->layout = make_box_layout (self, markup[i], size, FALSE, inner);
      limit_layout_height (piece->layout, (content_bottom (self) - content_top (self)) * 0.6);
      piece->height = layout_height (piece->layout) + size * 0.2;
      g_ptr_array_add (parts, piece);
    }
}

/* Frames a box's pieces as one group, kept on one page. */
static void
finish_box (StrideDocument *self,
            GPtrArray      *parts,
            StrideTone      tone,
            double          border_width)
{
  guint group = self->next_group++;

  for (guint i = 0; i < parts->len; i++)
    {
      Piece *piece = g_ptr_array_index (parts, i);

      piece->tone = tone;
      piece->border_width = border_width;
      piece->group = group;
      piece->box_first = i == 0;
      piece->box_last = i == parts->len - 1;
      if (piece->box_first)
        {
          piece->height += BOX_PAD + border_width;
          piece->space_before = self->body_size * 0.6;
        }
      if (piece->box_last)
        piece->height += BOX_PAD + border_width;
    }
}

/**
 * stride_document_add_box:
 * @self: a document
 * @tone: its colours (always with words in the title)
 * @border_width: the frame's width in points
 * @title_markup: (nullable): the title
 * @title_size: the title size in points, 0 for body size × 1.2
 * @body_markup: (array zero-terminated=1) (nullable): paragraphs
 * @body_size: body size in points, 0 for the document's
 *
 * A framed box, kept on one page.
 */
void
stride_document_add_box (StrideDocument    *self,
                         StrideTone         tone,
                         double             border_width,
                         const char        *title_markup,
                         double             title_size,
                         const char *const *body_markup,
                         double             body_size)
{
  double inner = box_inner_width (self, border_width);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  g_return_if_fail (STRIDE_IS_DOCUMENT (self));

  add_box_title (self, parts, title_markup, title_size, inner);
  add_box_paragraphs (self, parts, body_markup, body_size > 0 ? body_size : self->body_size,
                      inner);
  finish_box (self, parts, tone, border_width);
}

/* A hanging indent for a paragraph that starts with a bullet, so that its
 * wrapped lines start under its text rather than under the bullet. */
static void
hang_bullet (StrideDocument *self,
             PangoLayout    *layout,
             const char     *markup,
             double          size)
{
  PangoLayout *bullet;

  if (!g_str_has_prefix (markup, "•  "))
    return;
  bullet = make_layout (self, "•  ", size, FALSE, FALSE, -1, STRIDE_ALIGN_LEFT);
  pango_layout_set_indent (layout, (int) (-layout_width (bullet) * PANGO_SCALE));
  g_object_unref (bullet);
}

/**
 * stride_document_add_box_columns:
 * @self: a document
 * @tone: its colours (always with words in the title)
 * @border_width: the frame's width in points
 * @title_markup: (nullable): the title, across the box
 * @title_size: the title size in points, 0 for body size × 1.2
 * @column_markup: (array zero-terminated=1): paragraphs set in two columns,
 *   down the left column then down the right one
 * @split: how many paragraphs the left column holds, 0 for the split whose
 *   taller column is shortest
 * @after_markup: (array zero-terminated=1) (nullable): paragraphs across the
 *   box, after the columns
 * @body_size: body size in points, 0 for the document's
 *
 * As stride_document_add_box(), for a list of short paragraphs that would
 * leave most of a full line empty: two columns take less height at the same
 * type size. Kept on one page.
 */
void
stride_document_add_box_columns (StrideDocument    *self,
                                 StrideTone         tone,
                                 double             border_width,
                                 const char        *title_markup,
                                 double             title_size,
                                 const char *const *column_markup,
                                 guint              split,
                                 const char *const *after_markup,
                                 double             body_size)
{
  double inner = box_inner_width (self, border_width);
  double size = body_size > 0 ? body_size : self->body_size;
  double gap = size;
  double column = (inner - gap) / 2;
  GPtrArray *parts = g_ptr_array_new ();
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = column_markup != NULL ? g_strv_length ((char **) column_markup) : 0;
  double best = G_MAXDOUBLE;
  guint chosen = n;

  g_return_if_fail (STRIDE_IS_DOCUMENT (self));

  add_box_title (self, parts, title_markup, title_size, inner);

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = make_box_layout (self, column_markup[i], size, FALSE, column);

      hang_bullet (self, layout, column_markup[i], size);
      limit_layout_height (layout, (content_bottom (self) - content_top (self)) * 0.3);
      g_ptr_array_add (layouts, layout);
    }
  /* The left column holds items [0, split), the right one the rest, each
   * column one flow; the split is the one whose taller column is shortest. */
  for (guint k = n; k >= 1; k--)
    {
      if (split > 0 && k != MIN (split, n))
        continue;
      double left = 0, right = 0;

      for (guint i = 0; i < n; i++)
        {
          double h = layout_height (g_ptr_array_index (layouts, i)) + size * 0.1;

          if (i < k)
            left += h;
          else
            right += h;
        }
      /* Ties keep the longer column on the left. */
      if (MAX (left, right) < best)
        {
          best = MAX (left, right);
          chosen = k;
        }
    }
  if (n > 0)
    {
      Piece *piece = add_piece (self, PIECE_BOX, 0);

      piece->cells = g_ptr_array_ref (layouts);
      piece->column_split = chosen;
      piece->key_width = column + gap;
      piece->indent = size * 0.1;   /* between paragraphs */
      piece->height = best;
      g_ptr_array_add (parts, piece);
    }

  add_box_paragraphs (self, parts, after_markup, size, inner);
  finish_box (self, parts, tone, border_width);
  g_ptr_array_unref (layouts);
  g_ptr_array_unref (parts);
}

/* ---------------------------------------------------------------- cards */

/**
 * stride_document_add_card:
 * @self: a document
 * @card: the exercise card; strings are copied
 *
 * An exercise card: the picture on the left, on the right the title, the
 * steps, the dose, the caution and a row of tick boxes. Never split.
 */
void
stride_document_add_card (StrideDocument   *self,
                          const StrideCard *card)
{
  CardData *data;
  Piece *piece;
  double text_width, height, size;

  g_return_if_fail (STRIDE_IS_DOCUMENT (self));
  g_return_if_fail (card != NULL);

  data = g_new0 (CardData, 1);
  data->card = *card;
  data->title = g_strdup (card->title);
  data->steps = g_strdupv ((char **) card->steps);
  data->dose_markup = g_strdup (card->dose_markup);
  data->caution = g_strdup (card->caution);
  data->caution_label = g_strdup (card->caution_label);
  data->ticks_label = g_strdup (card->ticks_label);
  data->tick_days = g_strdupv ((char **) card->tick_days);

  size = self->body_size;
  text_width = stride_document_get_text_width (self) - card->figure_width - 3 * CARD_PAD;

  {
    g_autofree char *title = g_markup_escape_text (card->title != NULL ? card->title : "", -1);
    g_autofree char *numbered = card->number > 0 ? g_strdup_printf ("%d. %s", card->number, title)
                                                 : g_strdup (title);

    data->title_layout = make_layout (self, numbered, size * STRIDE_TYPE_SUBHEAD, TRUE, FALSE,
                                      text_width, STRIDE_ALIGN_LEFT);
  }
  height = layout_height (data->title_layout) + size * 0.3;

  data->step_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  data->number_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; data->steps != NULL && data->steps[i] != NULL; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      /* Step numbers and the tick label repeat on every card: laid out once. */
      g_ptr_array_add (data->number_layouts,
                       g_object_ref (cached_layout (self, number, size * STRIDE_TYPE_SMALL, TRUE,
                                                    FALSE, 0, STRIDE_ALIGN_LEFT)));
      g_autofree char *step = g_markup_escape_text (data->steps[i], -1);
      PangoLayout *layout = make_layout (self, step, size, FALSE, FALSE, text_width - size * 1.4,
                                         STRIDE_ALIGN_LEFT);

      limit_layout_height (layout, size * 1.4 * 5);

      g_ptr_array_add (data->step_layouts, layout);
      height += layout_height (layout) + size * 0.15;
    }

  if (card->dose_markup != NULL)
    {
      data->dose_layout = make_layout (self, card->dose_markup, size, FALSE, FALSE, text_width,
                                       STRIDE_ALIGN_LEFT);
      limit_layout_height (data->dose_layout, size * 1.4 * 5);
      height += size * 0.3 + layout_height (data->dose_layout);
    }

  if (card->caution != NULL && *card->caution != '\0')
    {
      g_autofree char *caution = g_markup_escape_text (card->caution, -1);
      g_autofree char *label = g_markup_escape_text (card->caution_label != NULL
                                                     ? card->caution_label : "", -1);
      g_autofree char *markup = g_strdup_printf ("<b>%s</b> %s", label, caution);

      data->caution_layout = make_layout (self, markup, size, FALSE, FALSE, text_width,
                                          STRIDE_ALIGN_LEFT);
      limit_layout_height (data->caution_layout, size * 1.4 * 5);
      height += size * 0.3 + layout_height (data->caution_layout);
    }

  if (card->tick_days != NULL)
    {
      if (card->ticks_label != NULL)
        {
          g_autofree char *label = g_markup_escape_text (card->ticks_label, -1);

          data->ticks_layout = g_object_ref (cached_layout (self, label, size * STRIDE_TYPE_SMALL,
                                                            FALSE, FALSE, text_width,
                                                            STRIDE_ALIGN_LEFT));
          height += size * 0.4 + layout_height (data->ticks_layout);
        }
      data->day_layouts = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; card->tick_days[i] != NULL; i++)
        {
          g_autofree char *day = g_markup_escape_text (card->tick_days[i], -1);

          g_ptr_array_add (data->day_layouts,
                           g_object_ref (cached_layout (self, day, size * STRIDE_TYPE_SMALL, FALSE,
                                                        FALSE, TICK_SIZE * 2.2,
                                                        STRIDE_ALIGN_CENTER)));
        }
      height += 2 + TICK_SIZE + size * 0.95;
    }

  data->text_height = height;
  piece = add_piece (self, PIECE_CARD, MAX (height, card->figure_height) + 2 * CARD_PAD);
  piece->card = data;
  piece->space_before = size * 0.6;
}

/* ---------------------------------------------------------------- charts */

/**
 * stride_document_add_charts:
 * @self: a document
 * @charts: (element-type StrideChart) (transfer full): the charts
 * @per_row: charts side by side
 * @height: the height of one chart in points
 */
void
stride_document_add_charts (StrideDocument *self,
                            GPtrArray      *charts,
                            guint           per_row,
                            double          height)
{
  g_return_if_fail (STRIDE_IS_DOCUMENT (self));
  g_return_if_fail (charts != NULL);

  per_row = MAX (per_row, 1);
  for (guint i = 0; i < charts->len; i += per_row)
    {
      Piece *piece = add_piece (self, PIECE_CHARTS, height);

      piece->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_chart_free);
      for (guint j = i; j < MIN (i + per_row, charts->len); j++)
        g_ptr_array_add (piece->charts, g_steal_pointer (&charts->pdata[j]));
      piece->per_row = per_row;
      piece->space_before = self->body_size * 0.6;
    }
  g_ptr_array_unref (charts);
}

/* ---------------------------------------------------------------- misc */

/**
 * stride_document_add_tick_row:
 * @self: a document
 * @label: (nullable): text before the boxes
 * @day_labels: (array zero-terminated=1): one label under each box
 */
void
stride_document_add_tick_row (StrideDocument    *self,
                              const char        *label,
                              const char *const *day_labels)
{
  Piece *piece;
  double size = self->body_size;

  g_return_if_fail (STRIDE_IS_DOCUMENT (self));

  piece = add_piece (self, PIECE_TICKS, TICK_SIZE + size * 1.1 + 4);
  piece->labels = g_ptr_array_new_with_free_func (g_object_unref);
  if (label != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (label, -1);

      piece->layout = make_layout (self, markup, size, FALSE, FALSE, 170, STRIDE_ALIGN_LEFT);
      piece->height = MAX (piece->height, layout_height (piece->layout));
    }
  for (guint i = 0; day_labels != NULL && day_labels[i] != NULL; i++)
    {
      g_autofree char *markup = g_markup_escape_text (day_labels[i], -1);

      g_ptr_array_add (piece->labels,
                       g_object_ref (cached_layout (self, markup, size * STRIDE_TYPE_SMALL, FALSE,
                                                    FALSE, TICK_SIZE * 2.2, STRIDE_ALIGN_CENTER)));
    }
  piece->space_before = size * 0.3;
}

/**
 * stride_document_add_signature:
 * @self: a document
 * @labels: (array zero-terminated=1): the label under each line
 *   ("Signature", "Date")
 */
void
stride_document_add_signature (StrideDocument    *self,
                               const char *const *labels)
{
  Piece *piece;

  g_return_if_fail (STRIDE_IS_DOCUMENT (self));

  /* A signature never stands alone on a page: it signs what comes before. */
  if (self->pieces->len > 0)
    ((Piece *) g_ptr_array_index (self->pieces, self->pieces->len - 1))->keep_with_next = TRUE;
  piece = add_piece (self, PIECE_SIGNATURE, 0);
  piece->labels = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    {
      g_autofree char *markup = g_markup_escape_text (labels[i], -1);

      g_ptr_array_add (piece->labels, make_layout (self, markup,
                                                   self->body_size * STRIDE_TYPE_SMALL,
                                                   FALSE, FALSE, 0, STRIDE_ALIGN_LEFT));
    }
  piece->height = 34 + self->body_size * 1.4;
  piece->space_before = self->body_size * 1.5;
}

/**
 * stride_document_add_drawing:
 * @self: a document
 * @height: its height in points; the width is the text column's
 * @draw: draws it
 * @user_data: for @draw
 * @destroy: (nullable): frees @user_data with the document
 */
void
stride_document_add_drawing (StrideDocument *self,
                             double          height,
                             StrideDrawFunc  draw,
                             gpointer        user_data,
                             GDestroyNotify  destroy)
{
  Piece *piece;

  g_return_if_fail (STRIDE_IS_DOCUMENT (self));
  g_return_if_fail (draw != NULL);

  piece = add_piece (self, PIECE_DRAWING, height);
  piece->draw = draw;
  piece->draw_data = user_data;
  piece->draw_destroy = destroy;
  piece->space_before = self->body_size * 0.4;
}

void
stride_document_add_space (StrideDocument *self,
                           double          points)
{
  g_return_if_fail (STRIDE_IS_DOCUMENT (self));
  add_piece (self, PIECE_SPACE, points);
}

/**
 * stride_document_begin_group:
 * @self: a document
 *
 * The blocks added until stride_document_end_group() stay on one page
 * together (unless together they are taller than a page): a table with its
 * notes, a picture with its caption.
 */
void
stride_document_begin_group (StrideDocument *self)
{
  g_return_if_fail (STRIDE_IS_DOCUMENT (self));
  g_return_if_fail (self->group_start < 0);

  self->group_start = (int) self->pieces->len;
}

void
stride_document_end_group (StrideDocument *self)
{
  guint group;

  g_return_if_fail (STRIDE_IS_DOCUMENT (self));
  g_return_if_fail (self->group_start >= 0);

  group = self->next_group++;
  for (guint i = (guint) self->group_start; i < self->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (self->pieces, i);

      if (piece->kind != PIECE_BREAK)
        piece->group = group;
    }
  self->group_start = -1;
  self->laid_out = FALSE;
}

void
stride_document_add_page_break (StrideDocument *self)
{
  g_return_if_fail (STRIDE_IS_DOCUMENT (self));
  add_piece (self, PIECE_BREAK, 0);
}

/* ---------------------------------------------------------------- pagination */

/* The pieces [start, end) that must stay on one page, and their height from
 * the first piece's top (not counting its space before). */
static guint
unit_end (StrideDocument *self,
          guint           start,
          double         *height)
{
  Piece *first = g_ptr_array_index (self->pieces, start);
  guint end = start + 1;
  double h = first->height;

  if (first->group != 0)
    {
      while (end < self->pieces->len)
        {
          Piece *next = g_ptr_array_index (self->pieces, end);

          if (next->group != first->group)
            break;
          h += next->space_before + next->height;
          end++;
        }
    }

  *height = h;
  return end;
}

static GArray *
new_page (StrideDocument *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placed));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
layout_pages (StrideDocument *self)
{
  double top = content_top (self);
  double bottom = content_bottom (self);
  double avail = bottom - top;
  GArray *page;
  double y = top;
  guint i = 0;

  if (self->laid_out)
    return;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (self->outline != NULL)
    {
      for (guint k = 0; k < self->outline->len; k++)
        g_free (g_array_index (self->outline, OutlineEntry, k).text);
      g_array_unref (self->outline);
    }
  self->outline = g_array_new (FALSE, FALSE, sizeof (OutlineEntry));

  page = new_page (self);

  while (i < self->pieces->len)
    {
      Piece *piece = g_ptr_array_index (self->pieces, i);
      gboolean empty = page->len == 0;
      double unit_height, needed;
      guint end;
      gboolean breakable;

      if (piece->kind == PIECE_BREAK)
        {
          if (!empty)
            {
              page = new_page (self);
              y = top;
            }
          i++;
          continue;
        }

      end = unit_end (self, i, &unit_height);
      breakable = unit_height > avail;
      needed = (empty ? 0 : piece->space_before) + (breakable ? piece->height : unit_height);

      /* A heading (or a table header) goes with the start of what follows,
       * through a chain of them (a heading, then a table's header row). */
      {
        Piece *last = g_ptr_array_index (self->pieces, end - 1);
        guint next_start = end;

        while (last->keep_with_next && next_start < self->pieces->len)
          {
            Piece *next = g_ptr_array_index (self->pieces, next_start);
            double next_height;
            guint next_end = unit_end (self, next_start, &next_height);

            if (next->kind == PIECE_BREAK)
              break;
            if (next_height > avail)
              next_height = next->height;
            needed += next->space_before + next_height;
            last = g_ptr_array_index (self->pieces, next_end - 1);
            next_start = next_end;
          }
        if (needed > avail)
          needed = avail;
      }

      /* A table row on a fresh page gets its header first. */
      if (y + needed > bottom + 0.01 && !empty)
        {
          page = new_page (self);
          y = top;
          empty = TRUE;
          needed -= piece->space_before;
        }

      if (empty && piece->kind == PIECE_TABLE_ROW && piece->table->header != NULL)
        {
          Placed placed = { piece->table->header, y };

          g_array_append_val (page, placed);
          y += piece->table->header->height;
          empty = FALSE;
        }

      for (guint k = i; k < end; k++)
        {
          Piece *part = g_ptr_array_index (self->pieces, k);
          Placed placed;

          /* Only a unit taller than a page breaks inside; each part then
           * checks on its own. */
          if (k > i && breakable && y + part->space_before + part->height > bottom + 0.01)
            {
              page = new_page (self);
              y = top;
            }
          if (page->len > 0)
            y += part->space_before;
          else if (part->kind == PIECE_SPACE)
            continue;

          placed.piece = part;
          placed.y = y;
          g_array_append_val (page, placed);

          if (part->outline_level > 0)
            {
              OutlineEntry entry = { part->outline_level, g_strdup (part->outline_text),
                                     self->pages->len - 1, y };

              g_array_append_val (self->outline, entry);
            }
          y += part->height;
        }

      i = end;
    }

  self->laid_out = TRUE;
}

/**
 * stride_document_get_n_pages:
 * @self: a document
 *
 * Lays the document out if it has changed.
 *
 * Returns: the number of pages, at least 1
 */
guint
stride_document_get_n_pages (StrideDocument *self)
{
  g_return_val_if_fail (STRIDE_IS_DOCUMENT (self), 0);

  layout_pages (self);
  return self->pages->len;
}

static void
append_layout_text (GString     *text,
                    PangoLayout *layout,
                    int          line)
{
  const char *all;

  if (layout == NULL)
    return;
  all = pango_layout_get_text (layout);
  if (line >= 0)
    {
      PangoLayoutLine *one = pango_layout_get_line_readonly (layout, line);

      if (one == NULL)
        return;
      g_string_append_len (text, all + one->start_index, one->length);
    }
  else
    g_string_append (text, all);
}

/* Each cell, key or step of a piece, " · " between them. */
static void
append_layouts_text (GString   *text,
                     GPtrArray *layouts)
{
  for (guint i = 0; layouts != NULL && i < layouts->len; i++)
    {
      if (i > 0)
        g_string_append (text, " · ");
      append_layout_text (text, g_ptr_array_index (layouts, i), -1);
    }
}

static void
append_piece_text (GString     *text,
                   const Piece *piece)
{
  gsize before = text->len;

  switch (piece->kind)
    {
    case PIECE_LINE:
    case PIECE_HEADING:
    case PIECE_BOX:
      append_layout_text (text, piece->layout, piece->line);
      if (piece->cells != NULL && piece->layout != NULL)
        g_string_append (text, " · ");
      append_layouts_text (text, piece->cells);
      break;
    case PIECE_KEY_VALUE:
      append_layout_text (text, piece->layout, -1);
      g_string_append (text, ": ");
      append_layout_text (text, piece->value_layout, -1);
      break;
    case PIECE_TABLE_HEADER:
    case PIECE_TABLE_ROW:
      append_layouts_text (text, piece->cells);
      break;
    case PIECE_CARD:
      append_layout_text (text, piece->card->title_layout, -1);
      g_string_append (text, ". ");
      append_layouts_text (text, piece->card->step_layouts);
      g_string_append (text, ". ");
      append_layout_text (text, piece->card->dose_layout, -1);
      g_string_append (text, ". ");
      append_layout_text (text, piece->card->caution_layout, -1);
      break;
    case PIECE_TICKS:
    case PIECE_SIGNATURE:
      append_layouts_text (text, piece->labels);
      break;
    case PIECE_CHARTS:
    case PIECE_DRAWING:
    case PIECE_SPACE:
    case PIECE_BREAK:
    default:
      break;
    }
  if (text->len > before)
    g_string_append_c (text, '\n');
}

/**
 * stride_document_get_page_text:
 * @self: a document
 * @page: a page index, from 0
 *
 * The text of a page in reading order, one block (a paragraph's line, a
 * table row, a card, a box's paragraph) a line: what a screen reader reads
 * of a preview that is otherwise a picture. The header and footer, charts
 * and pictures are left out (charts have their own descriptions).
 *
 * Returns: (transfer full): the text, "" for a page out of range
 */
char *
stride_document_get_page_text (StrideDocument *self,
                               guint           page)
{
  GString *text;
  GArray *placed;

  g_return_val_if_fail (STRIDE_IS_DOCUMENT (self), NULL);

  text = g_string_new (NULL);
  layout_pages (self);
  if (page >= self->pages->len)
    return g_string_free (text, FALSE);
  placed = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < placed->len; i++)
    append_piece_text (text, g_array_index (placed, Placed, i).piece);
  return g_string_free (text, FALSE);
}

/**
 * stride_document_get_page_size:
 * @self: a document
 * @width_pt: (out) (optional): the width in points
 * @height_pt: (out) (optional): the height in points
 */
void
stride_document_get_page_size (StrideDocument *self,
                               double         *width_pt,
                               double         *height_pt)
{
  g_return_if_fail (STRIDE_IS_DOCUMENT (self));

  if (width_pt != NULL)
    *width_pt = self->page_width;
  if (height_pt != NULL)
    *height_pt = self->page_height;
}

void
stride_document_get_margins (StrideDocument *self,
                             double         *margin_pt)
{
  g_return_if_fail (STRIDE_IS_DOCUMENT (self));

  if (margin_pt != NULL)
    *margin_pt = MARGIN;
}

/* ---------------------------------------------------------------- drawing */

static void
draw_bullet (cairo_t *cr,
             double   x,
             double   y,
             double   size)
{
  cairo_new_path (cr);
  cairo_arc (cr, x + size * 0.35, y - size * 0.33, size * 0.16, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_line_piece (StrideDocument *self,
                 Piece          *piece,
                 cairo_t        *cr,
                 double          x,
                 double          y)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (piece->layout, piece->line);
  double baseline_y = y + piece->baseline;

  set_colour (cr, &ink);
  if (piece->bullet)
    {
      const PangoFontDescription *font = pango_layout_get_font_description (piece->layout);
      double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

      draw_bullet (cr, x + piece->indent - size * 1.2, baseline_y, size);
    }
  cairo_move_to (cr, x + piece->indent + piece->line_x, baseline_y);
  pango_cairo_show_layout_line (cr, line);
}

static void
draw_table_row (StrideDocument *self,
                Piece          *piece,
                cairo_t        *cr,
                double          x,
                double          y,
                double          width)
{
  StrideTable *table = piece->table;
  double cx = x;

  if (piece->kind == PIECE_TABLE_HEADER)
    {
      set_colour (cr, &header_fill);
      cairo_rectangle (cr, x, y, width, piece->height);
      cairo_fill (cr);
    }
  else if (piece->shaded)
    {
      cairo_set_source_rgb (cr, 0.975, 0.975, 0.98);
      cairo_rectangle (cr, x, y, width, piece->height);
      cairo_fill (cr);
    }

  set_colour (cr, &ink);
  for (guint i = 0; i < table->n_columns; i++)
    {
      show_layout (cr, g_ptr_array_index (piece->cells, i), cx + TABLE_PAD_X, y + TABLE_PAD_Y);
      cx += table->widths[i];
    }

  set_colour (cr, &rule_colour);
  cairo_set_line_width (cr, piece->kind == PIECE_TABLE_HEADER ? 0.8 : 0.4);
  cairo_move_to (cr, x, y + piece->height - 0.25);
  cairo_line_to (cr, x + width, y + piece->height - 0.25);
  cairo_stroke (cr);
}

static void
draw_box_piece (StrideDocument *self,
                Piece          *piece,
                cairo_t        *cr,
                double          x,
                double          y,
                double          width)
{
  StrideColor fill = stride_tone_fill (piece->tone);
  StrideColor border = stride_tone_border (piece->tone);
  double bw = piece->border_width;
  double top = y + (piece->box_first ? bw / 2 : 0);
  double bottom = y + piece->height - (piece->box_last ? bw / 2 : 0);
  double text_y = y + (piece->box_first ? BOX_PAD + bw : 0);

  set_colour (cr, &fill);
  cairo_rectangle (cr, x + bw / 2, top, width - bw, bottom - top);
  cairo_fill (cr);

  set_colour (cr, &border);
  cairo_set_line_width (cr, bw);
  cairo_move_to (cr, x + bw / 2, top);
  cairo_line_to (cr, x + bw / 2, bottom);
  cairo_move_to (cr, x + width - bw / 2, top);
  cairo_line_to (cr, x + width - bw / 2, bottom);
  if (piece->box_first)
    {
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x + width, top);
    }
  if (piece->box_last)
    {
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x + width, bottom);
    }
  cairo_stroke (cr);

  set_colour (cr, &ink);
  if (piece->layout != NULL)
    show_layout (cr, piece->layout, x + bw + BOX_PAD, text_y);
  /* The two columns of stride_document_add_box_columns(). */
  if (piece->cells != NULL)
    {
      double column_y[2] = { text_y, text_y };

      for (guint i = 0; i < piece->cells->len; i++)
        {
          PangoLayout *layout = g_ptr_array_index (piece->cells, i);
          guint c = i < piece->column_split ? 0 : 1;

          show_layout (cr, layout, x + bw + BOX_PAD + c * piece->key_width, column_y[c]);
          column_y[c] += layout_height (layout) + piece->indent;
        }
    }
}

static void
draw_tick_boxes (StrideDocument *self,
                 cairo_t        *cr,
                 GPtrArray      *day_layouts,
                 double          x,
                 double          y)
{
  /* The boxes as one path: one stroke in the PDF instead of seven. */
  set_colour (cr, &ink);
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < day_layouts->len; i++)
    cairo_rectangle (cr, x + i * TICK_SIZE * 2.2 + TICK_SIZE * 0.6, y, TICK_SIZE, TICK_SIZE);
  cairo_stroke (cr);
  for (guint i = 0; i < day_layouts->len; i++)
    show_layout (cr, g_ptr_array_index (day_layouts, i), x + i * TICK_SIZE * 2.2,
                 y + TICK_SIZE + 1.5);
}

static void
draw_card (StrideDocument *self,
           Piece          *piece,
           cairo_t        *cr,
           double          x,
           double          y,
           double          width)
{
  CardData *data = piece->card;
  double size = self->body_size;
  double tx = x + data->card.figure_width + 2 * CARD_PAD;
  double ty = y + CARD_PAD;
  double fh = piece->height - 2 * CARD_PAD;

  /* The frame: a light border, rounded, no fill (toner). */
  cairo_new_path (cr);
  cairo_arc (cr, x + width - 6, y + 6, 6, -G_PI / 2, 0);
  cairo_arc (cr, x + width - 6, y + piece->height - 6, 6, 0, G_PI / 2);
  cairo_arc (cr, x + 6, y + piece->height - 6, 6, G_PI / 2, G_PI);
  cairo_arc (cr, x + 6, y + 6, 6, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  set_colour (cr, &rule_colour);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);

  if (data->card.draw_figure != NULL)
    {
      cairo_save (cr);
      cairo_rectangle (cr, x + CARD_PAD, y + CARD_PAD, data->card.figure_width, fh);
      cairo_clip (cr);
      data->card.draw_figure (cr, x + CARD_PAD, y + CARD_PAD, data->card.figure_width, fh,
                              data->card.figure_data);
      cairo_restore (cr);
    }

  set_colour (cr, &ink);
  show_layout (cr, data->title_layout, tx, ty);
  ty += layout_height (data->title_layout) + size * 0.3;

  for (guint i = 0; i < data->step_layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (data->step_layouts, i);
      PangoLayout *number_layout = g_ptr_array_index (data->number_layouts, i);
      double r = size * 0.58;
      double cy = ty + size * 0.72;

      /* Step numbers in an outlined circle. */
      set_colour (cr, &grey_ink);
      cairo_set_line_width (cr, 0.7);
      cairo_new_path (cr);
      cairo_arc (cr, tx + r, cy, r, 0, 2 * G_PI);
      cairo_stroke (cr);
      show_layout (cr, number_layout, tx + r - layout_width (number_layout) / 2,
                   cy - layout_height (number_layout) / 2);
      set_colour (cr, &ink);
      show_layout (cr, layout, tx + size * 1.4, ty);
      ty += layout_height (layout) + size * 0.15;
    }

  if (data->dose_layout != NULL)
    {
      ty += size * 0.3;
      show_layout (cr, data->dose_layout, tx, ty);
      ty += layout_height (data->dose_layout);
    }

  if (data->caution_layout != NULL)
    {
      ty += size * 0.3;
      show_layout (cr, data->caution_layout, tx, ty);
      ty += layout_height (data->caution_layout);
    }

  if (data->day_layouts != NULL)
    {
      ty += size * 0.4;
      if (data->ticks_layout != NULL)
        {
          set_colour (cr, &grey_ink);
          show_layout (cr, data->ticks_layout, tx, ty);
          ty += layout_height (data->ticks_layout);
        }
      draw_tick_boxes (self, cr, data->day_layouts, tx - TICK_SIZE * 0.6, ty + 2);
    }
}

/* Layouts made while drawing (a chart's labels) are kept for the next draw:
 * a preview redraws often, and a chart repeats its tick labels. */
static PangoLayout *
cached_layout (StrideDocument *self,
               const char     *markup,
               double          size,
               gboolean        bold,
               gboolean        italic,
               double          width,
               StrideAlign     align)
{
  char key_size[G_ASCII_DTOSTR_BUF_SIZE], key_width[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *key = NULL;
  PangoLayout *layout;

  g_ascii_dtostr (key_size, sizeof key_size, size);
  g_ascii_dtostr (key_width, sizeof key_width, width);
  key = g_strdup_printf ("%s|%d|%d|%s|%d|%s", key_size, bold, italic, key_width, align, markup);
  layout = g_hash_table_lookup (self->draw_cache, key);
  if (layout == NULL)
    {
      layout = make_layout (self, markup, size, bold, italic, width, align);
      g_hash_table_insert (self->draw_cache, g_steal_pointer (&key), layout);
    }
  return layout;
}

static void
draw_marker (cairo_t      *cr,
             StrideMarker  marker,
             double        x,
             double        y,
             double        r)
{
  cairo_new_path (cr);
  switch (marker)
    {
    case STRIDE_MARKER_SQUARE:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      cairo_fill (cr);
      break;
    case STRIDE_MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case STRIDE_MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.3);
      cairo_line_to (cr, x + r * 1.3, y);
      cairo_line_to (cr, x, y + r * 1.3);
      cairo_line_to (cr, x - r * 1.3, y);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case STRIDE_MARKER_CROSS:
      cairo_set_line_width (cr, 1.4);
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y + r);
      cairo_move_to (cr, x + r, y - r);
      cairo_line_to (cr, x - r, y + r);
      cairo_stroke (cr);
      break;
    case STRIDE_MARKER_CIRCLE_OPEN:
      cairo_set_line_width (cr, 1.2);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case STRIDE_MARKER_CIRCLE:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    }
}

static const StrideColor series_colours[] = {
  { 0.12, 0.30, 0.60 },
  { 0.75, 0.33, 0.05 },
  { 0.15, 0.45, 0.20 },
  { 0.50, 0.20, 0.55 },
  { 0.25, 0.25, 0.25 },
  { 0.60, 0.10, 0.20 },
};

/* Whether a point's value label @height tall at @top would touch the line
 * at @line_y, or sit across it from its point at @point_y. */
static gboolean
label_misplaced (double top,
                 double height,
                 double point_y,
                 double line_y)
{
  if (top < line_y + 1.0 && top + height > line_y - 1.0)
    return TRUE;
  return (point_y > line_y) != (top > line_y);
}

static void
draw_chart (StrideDocument *self,
            StrideChart    *chart,
            cairo_t        *cr,
            double          x,
            double          y,
            double          width,
            double          height)
{
  double small = self->body_size * STRIDE_TYPE_SMALL;
  double tiny = self->body_size * STRIDE_TYPE_TINY;
  g_autofree char *title = g_markup_escape_text (chart->title != NULL ? chart->title : "", -1);
  g_autofree char *y_label = g_markup_escape_text (chart->y_label != NULL ? chart->y_label : "",
                                                   -1);
  PangoLayout *title_layout = cached_layout (self, title, small, TRUE,
                                                     FALSE, width, STRIDE_ALIGN_LEFT);
  PangoLayout *y_layout = cached_layout (self, y_label, small, FALSE, FALSE, width,
                                                 STRIDE_ALIGN_LEFT);
  double plot_left = x + small * 2.6;
  double plot_right = x + width - small * 2.8;
  double plot_top, plot_bottom, legend_h;
  double x_step;
  double threshold_y = 0;
  guint label_every = 1;
  guint value_every = 1;

  set_colour (cr, &ink);
  show_layout (cr, title_layout, x, y);
  y += layout_height (title_layout);
  set_colour (cr, &grey_ink);
  show_layout (cr, y_layout, x, y);
  y += layout_height (y_layout) + small * 0.8;

  /* Room for the legend (drawn last): each series' marker, which differs by
   * shape so that grey print keeps them apart, and its name. */
  legend_h = chart->series->len > 1 ? small * 1.8 : 0;

  plot_top = y;
  plot_bottom = y + height - (layout_height (title_layout) + layout_height (y_layout)
                              + small * 0.8) - small * 3.4 - legend_h;
  if (plot_bottom <= plot_top + 10)
    plot_bottom = plot_top + 10;

  /* Grid and y ticks. */
  cairo_set_line_width (cr, 0.35);
  for (double v = chart->y_min; v <= chart->y_max + 1e-9; v += chart->y_step)
    {
      double py = plot_bottom - (v - chart->y_min) / (chart->y_max - chart->y_min)
                                * (plot_bottom - plot_top);
      g_autofree char *tick = g_strdup_printf ("%.0f", v);
      PangoLayout *tick_layout = cached_layout (self, tick, tiny, FALSE, FALSE,
                                                        small * 2.2, STRIDE_ALIGN_RIGHT);

      cairo_set_source_rgb (cr, 0.85, 0.85, 0.87);
      cairo_move_to (cr, plot_left, py);
      cairo_line_to (cr, plot_right, py);
      cairo_stroke (cr);
      set_colour (cr, &grey_ink);
      show_layout (cr, tick_layout, plot_left - small * 2.5,
                   py - layout_height (tick_layout) / 2);
    }

  /* Axes. */
  set_colour (cr, &grey_ink);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, plot_left, plot_top);
  cairo_line_to (cr, plot_left, plot_bottom);
  cairo_line_to (cr, plot_right, plot_bottom);
  cairo_stroke (cr);

  x_step = chart->n_x > 1 ? (plot_right - plot_left - 16) / (chart->n_x - 1) : 0;
  if (x_step > 0 && x_step < small * 5.2)
    label_every = (guint) ceil (small * 5.2 / x_step);
  if (x_step > 0 && x_step < small * 2.2)
    value_every = (guint) ceil (small * 2.2 / x_step);

  /* The threshold, dashed, labelled at the right. */
  if (chart->has_threshold)
    {
      double py = plot_bottom - (chart->threshold - chart->y_min)
                                / (chart->y_max - chart->y_min) * (plot_bottom - plot_top);
      double dash[] = { 4.0, 2.5 };
      g_autofree char *label = g_markup_escape_text (chart->threshold_label != NULL
                                                     ? chart->threshold_label : "", -1);
      PangoLayout *label_layout = cached_layout (self, label, tiny, TRUE, FALSE,
                                                         0, STRIDE_ALIGN_LEFT);

      set_colour (cr, &ink);
      cairo_set_line_width (cr, 0.9);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, plot_left, py);
      cairo_line_to (cr, plot_right, py);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      show_layout (cr, label_layout, plot_right + 2, py - layout_height (label_layout) / 2);
      threshold_y = py;
    }

  /* X labels: the visit dates, thinned out when they would collide; the
   * last one is always there. */
  for (guint i = 0; i < chart->n_x; i++)
    {
      double px = chart->n_x > 1 ? plot_left + 8 + i * x_step : (plot_left + plot_right) / 2;
      g_autofree char *label = NULL;
      PangoLayout *label_layout = NULL;

      set_colour (cr, &grey_ink);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, px, plot_bottom);
      cairo_line_to (cr, px, plot_bottom + 2.5);
      cairo_stroke (cr);

      if (i % label_every != 0 && i != chart->n_x - 1)
        continue;
      if (i != chart->n_x - 1 && label_every > 1 && i + label_every > chart->n_x - 1
          && (chart->n_x - 1 - i) * x_step < small * 5.2)
        continue;
      label = g_markup_escape_text (chart->x_labels[i], -1);
      label_layout = cached_layout (self, label, tiny, FALSE, FALSE, small * 6,
                                  STRIDE_ALIGN_CENTER);
      show_layout (cr, label_layout, px - small * 3, plot_bottom + 3);
    }

  if (chart->x_label != NULL)
    {
      g_autofree char *label = g_markup_escape_text (chart->x_label, -1);
      PangoLayout *label_layout = cached_layout (self, label, tiny, FALSE, FALSE,
                                                         plot_right - plot_left,
                                                         STRIDE_ALIGN_CENTER);

      set_colour (cr, &grey_ink);
      show_layout (cr, label_layout, plot_left, plot_bottom + 3 + small * 1.3);
    }

  /* Series: lines, markers and each point's value. */
  for (guint s = 0; s < chart->series->len; s++)
    {
      StrideChartSeries *series = g_ptr_array_index (chart->series, s);
      const StrideColor *colour = &series_colours[s % G_N_ELEMENTS (series_colours)];
      gboolean started = FALSE;
      double dash[] = { 3.0, 2.0 };

      set_colour (cr, colour);
      cairo_set_line_width (cr, 1.2);
      cairo_new_path (cr);
      if (s % 2 == 1)
        cairo_set_dash (cr, dash, 2, 0);
      for (guint i = 0; i < chart->n_x; i++)
        {
          double px = chart->n_x > 1 ? plot_left + 8 + i * x_step : (plot_left + plot_right) / 2;
          double v = CLAMP (series->values[i], chart->y_min, chart->y_max);
          double py = plot_bottom - (v - chart->y_min) / (chart->y_max - chart->y_min)
                                    * (plot_bottom - plot_top);

          if (!series->present[i])
            {
              started = FALSE;
              continue;
            }
          if (started)
            cairo_line_to (cr, px, py);
          else
            cairo_move_to (cr, px, py);
          started = TRUE;
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      for (guint i = 0; i < chart->n_x; i++)
        {
          double px = chart->n_x > 1 ? plot_left + 8 + i * x_step : (plot_left + plot_right) / 2;
          double v = CLAMP (series->values[i], chart->y_min, chart->y_max);
          double py = plot_bottom - (v - chart->y_min) / (chart->y_max - chart->y_min)
                                    * (plot_bottom - plot_top);
          g_autofree char *value = NULL;
          PangoLayout *value_layout = NULL;
          double vy;

          if (!series->present[i])
            continue;

          set_colour (cr, colour);
          draw_marker (cr, series->marker, px, py, 2.6);

          /* Values where they fit: thinned out like the dates, the last
           * one always shown. */
          if (i % value_every != 0 && i != chart->n_x - 1)
            continue;
          if (i != chart->n_x - 1 && value_every > 1 && (chart->n_x - 1 - i) < value_every)
            continue;

          /* The first series labels above its points, the second below. */
          value = g_strdup_printf ("%.*f", chart->value_digits, series->values[i]);
          value_layout = cached_layout (self, value, tiny, FALSE, FALSE, small * 4,
                                      STRIDE_ALIGN_CENTER);
          vy = (s % 2 == 0) ? py - 3.5 - layout_height (value_layout) : py + 3.5;
          if (vy < plot_top - layout_height (value_layout))
            vy = py + 3.5;
          if (vy + layout_height (value_layout) > plot_bottom)
            vy = py - 3.5 - layout_height (value_layout);
          /* Never struck through by the threshold line, nor put across it
           * from its point: the other side of the point, or else clear of
           * the line on the point's side. */
          if (chart->has_threshold
              && label_misplaced (vy, layout_height (value_layout), py, threshold_y))
            {
              double h = layout_height (value_layout);
              double other = vy < py ? py + 3.5 : py - 3.5 - h;

              if (!label_misplaced (other, h, py, threshold_y) && other >= plot_top - h
                  && other + h <= plot_bottom)
                vy = other;
              else
                vy = py <= threshold_y ? MIN (py - 3.5, threshold_y - 1.5) - h
                                       : MAX (py + 3.5, threshold_y + 1.5);
            }
          set_colour (cr, &ink);
          show_layout (cr, value_layout, px - small * 2, vy);
        }
    }

  /* Legend under the axis labels: marker then name. */
  if (chart->series->len > 1)
    {
      double lx = plot_left;
      double ly = plot_bottom + 3 + small * 1.3 + (chart->x_label != NULL ? small * 1.3 : 0)
                  + small * 0.4;

      for (guint s = 0; s < chart->series->len; s++)
        {
          StrideChartSeries *series = g_ptr_array_index (chart->series, s);
          g_autofree char *name = g_markup_escape_text (series->name, -1);
          PangoLayout *name_layout = cached_layout (self, name, small, FALSE, FALSE, 0,
                                                            STRIDE_ALIGN_LEFT);
          double w = layout_width (name_layout);

          if (lx + 12 + w > x + width && lx > plot_left)
            break;
          set_colour (cr, &series_colours[s % G_N_ELEMENTS (series_colours)]);
          draw_marker (cr, series->marker, lx + 4, ly + small * 0.7, 2.6);
          set_colour (cr, &ink);
          show_layout (cr, name_layout, lx + 10, ly);
          lx += 10 + w + 14;
        }
    }
}

static void
draw_signature (StrideDocument *self,
                Piece          *piece,
                cairo_t        *cr,
                double          x,
                double          y,
                double          width)
{
  guint n = MAX (piece->labels->len, 1);
  double gap = 24;
  double w = (width - gap * (n - 1)) / n;

  for (guint i = 0; i < piece->labels->len; i++)
    {
      double lx = x + i * (w + gap);

      /* The first line (the signature) is the longest. */
      set_colour (cr, &ink);
      cairo_set_line_width (cr, 0.7);
      cairo_move_to (cr, lx, y + 32);
      cairo_line_to (cr, lx + w, y + 32);
      cairo_stroke (cr);
      set_colour (cr, &grey_ink);
      show_layout (cr, g_ptr_array_index (piece->labels, i), lx, y + 34);
    }
}

static void
draw_piece (StrideDocument *self,
            Piece          *piece,
            cairo_t        *cr,
            double          x,
            double          y,
            double          width)
{
  cairo_save (cr);

  switch (piece->kind)
    {
    case PIECE_LINE:
      draw_line_piece (self, piece, cr, x, y);
      break;

    case PIECE_HEADING:
      set_colour (cr, &ink);
      show_layout (cr, piece->layout, x, y);
      if (piece->outline_level == 1)
        {
          set_colour (cr, &rule_colour);
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, x, y + piece->height - 1.5);
          cairo_line_to (cr, x + width, y + piece->height - 1.5);
          cairo_stroke (cr);
        }
      break;

    case PIECE_KEY_VALUE:
      set_colour (cr, &grey_ink);
      show_layout (cr, piece->layout, x, y);
      set_colour (cr, &ink);
      show_layout (cr, piece->value_layout, x + piece->key_width, y);
      break;

    case PIECE_TABLE_HEADER:
    case PIECE_TABLE_ROW:
      draw_table_row (self, piece, cr, x, y, width);
      break;

    case PIECE_BOX:
      draw_box_piece (self, piece, cr, x, y, width);
      break;

    case PIECE_CARD:
      draw_card (self, piece, cr, x, y, width);
      break;

    case PIECE_CHARTS:
      {
        double gap = 18;
        double w = (width - gap * (piece->per_row - 1)) / piece->per_row;

        for (guint i = 0; i < piece->charts->len; i++)
          draw_chart (self, g_ptr_array_index (piece->charts, i), cr, x + i * (w + gap), y, w,
                      piece->height);
      }
      break;

    case PIECE_TICKS:
      {
        double bx = x;

        if (piece->layout != NULL)
          {
            set_colour (cr, &ink);
            show_layout (cr, piece->layout, x, y + 1);
            bx += 176;
          }
        draw_tick_boxes (self, cr, piece->labels, bx, y + 1);
      }
      break;

    case PIECE_SIGNATURE:
      draw_signature (self, piece, cr, x, y, width);
      break;

    case PIECE_DRAWING:
      piece->draw (cr, x, y, width, piece->height, piece->draw_data);
      break;

    case PIECE_SPACE:
    case PIECE_BREAK:
    default:
      break;
    }

  cairo_restore (cr);
}

/* The header and footer lines that are the same on every page, made once. */
static PangoLayout *
chrome_layout (StrideDocument  *self,
               PangoLayout    **cache,
               const char      *text,
               gboolean         bold,
               double           width,
               StrideAlign      align)
{
  if (*cache == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (text, -1);

      *cache = make_layout (self, markup, self->body_size * STRIDE_TYPE_SMALL, bold, FALSE, width,
                            align);
      /* One line, cut with an ellipsis when it is too long. Only then: an
       * ellipsizing layout shapes an ellipsis, in a font Pango matches apart
       * from the rest (two threads and the metrics of each size again). */
      if (pango_layout_get_line_count (*cache) > 1)
        {
          pango_layout_set_ellipsize (*cache, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (*cache, 0);
        }
    }
  return *cache;
}

static void
draw_chrome (StrideDocument *self,
             cairo_t        *cr,
             guint           page_index,
             guint           n_pages)
{
  double width = stride_document_get_text_width (self);
  double footer_rule = content_bottom (self) + 6;
  g_autofree char *page_text = NULL;
  g_autoptr(PangoLayout) page_layout = NULL;

  if (self->header_left != NULL)
    {
      set_colour (cr, &ink);
      show_layout (cr, chrome_layout (self, &self->header_left_layout, self->header_left, TRUE,
                                      width * 0.6, STRIDE_ALIGN_LEFT), MARGIN, MARGIN);
    }
  if (self->header_right != NULL)
    {
      set_colour (cr, &grey_ink);
      show_layout (cr, chrome_layout (self, &self->header_right_layout, self->header_right, FALSE,
                                      width * 0.38, STRIDE_ALIGN_RIGHT),
                   MARGIN + width * 0.62, MARGIN);
    }
  set_colour (cr, &rule_colour);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, content_top (self) - 8);
  cairo_line_to (cr, MARGIN + width, content_top (self) - 8);
  cairo_move_to (cr, MARGIN, footer_rule);
  cairo_line_to (cr, MARGIN + width, footer_rule);
  cairo_stroke (cr);

  if (self->footer_left != NULL)
    {
      set_colour (cr, &grey_ink);
      show_layout (cr, chrome_layout (self, &self->footer_left_layout, self->footer_left, FALSE,
                                      width * 0.7, STRIDE_ALIGN_LEFT),
                   MARGIN, footer_rule + 3);
    }

  /* The format was checked against "Page %u of %u" by msgfmt --check. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  page_text = g_strdup_printf (self->page_format, page_index + 1, n_pages);
#pragma GCC diagnostic pop
  page_layout = make_layout (self, page_text, self->body_size * STRIDE_TYPE_SMALL, FALSE, FALSE,
                             width * 0.28, STRIDE_ALIGN_RIGHT);
  set_colour (cr, &grey_ink);
  show_layout (cr, page_layout, MARGIN + width * 0.72, footer_rule + 3);
}

/**
 * stride_document_draw_page:
 * @self: a document
 * @cr: any Cairo context whose user space is in points with the origin at
 *   the page's top left (a PDF surface; a print context; a preview scaled by
 *   its widget)
 * @page_index: the page, from 0
 *
 * Draws one page: its header and footer and its blocks. The same function
 * serves the PDF, the print dialog and the preview.
 */
void
stride_document_draw_page (StrideDocument *self,
                           cairo_t        *cr,
                           guint           page_index)
{
  GArray *page;
  double width;

  g_return_if_fail (STRIDE_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  layout_pages (self);
  g_return_if_fail (page_index < self->pages->len);

  width = stride_document_get_text_width (self);
  page = g_ptr_array_index (self->pages, page_index);

  cairo_save (cr);
  draw_chrome (self, cr, page_index, self->pages->len);
  for (guint i = 0; i < page->len; i++)
    {
      Placed *placed = &g_array_index (page, Placed, i);

      draw_piece (self, placed->piece, cr, MARGIN, placed->y, width);
    }
  cairo_restore (cr);
}

/* ---------------------------------------------------------------- PDF */

static char *
format_pdf_date (GDateTime *created)
{
  g_autoptr(GDateTime) utc = NULL;

  if (created != NULL)
    utc = g_date_time_to_utc (created);
  else
    utc = g_date_time_new_now_utc ();

  /* UTC with Z: cairo 1.16 mishandles offsets. */
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * stride_document_write_pdf:
 * @self: a document
 * @path: the file to write
 * @created: (nullable): the creation date, %NULL for now; fix it to make
 *   two runs byte-identical
 * @error: return location for a #GError
 *
 * Writes the document as PDF with its metadata, an outline of its sections
 * and embedded fonts.
 *
 * Returns: %TRUE on success
 */
gboolean
stride_document_write_pdf (StrideDocument  *self,
                           const char      *path,
                           GDateTime       *created,
                           GError         **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autofree char *date = NULL;
  g_autofree char *creator = NULL;
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  g_return_val_if_fail (STRIDE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout_pages (self);

  surface = cairo_pdf_surface_create (path, self->page_width, self->page_height);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  date = format_pdf_date (created);
  creator = g_strdup_printf ("Stride %s", PACKAGE_VERSION);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  if (self->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      stride_document_draw_page (self, cr, i);
      cairo_show_page (cr);
    }

  for (guint i = 0; i < self->outline->len; i++)
    {
      OutlineEntry *entry = &g_array_index (self->outline, OutlineEntry, i);
      g_autofree char *link = NULL;
      int id;

      /* Whole points: cairo 1.16 reads these numbers with strtod, which
       * wants a comma in a German locale. */
      link = g_strdup_printf ("page=%u pos=[0 %d]", entry->page + 1, (int) floor (entry->y));
      id = cairo_pdf_surface_add_outline (surface,
                                          entry->level == 1 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                          entry->text, link, 0);
      if (entry->level == 1)
        parent = id;
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * stride_markup_printf_escaped_bold:
 * @text: plain text
 *
 * Returns: (transfer full): @text escaped and in bold, as markup
 */
char *
stride_markup_printf_escaped_bold (const char *text)
{
  return g_markup_printf_escaped ("<b>%s</b>", text != NULL ? text : "");
}
