/* stride-sheet.c: the home exercise sheet and the referral notice
 *
 * For the patient: body 12.5 pt, plain "you" words, a card per exercise, the
 * pain rules as a picture, the running plan to pin on the fridge, and the
 * "See a doctor if…" box on every sheet. With an emergency triage the sheet
 * is replaced by a referral notice of one page: what to do now, then that
 * box too, both set in two columns (body 12 pt) so that they fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "stride-figure-renderer.h"
#include "stride-i18n.h"
#include "stride-planner.h"
#include "stride-report-private.h"

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/* The referral notice's boxes: the smallest body the design allows (12 pt),
 * so that the notice stays on one page in every language. */
#define NOTICE_BODY_SIZE 12.0

static const char *
flag_in_plain_words (const char *rule_id)
{
  static const struct { const char *id; const char *words; } words[] = {
    { "RF-SEPTIC", N_("Your knee is hot, swollen and painful. This can be a sign of an "
                      "infection in the joint.") },
    { "RF-NEUROVASC", N_("The blood supply or the nerves of your leg may be affected.") },
    { "RF-COMPARTMENT", N_("After your injury, the pressure inside your leg muscles may be too "
                           "high.") },
    { "RF-DVT", N_("Your calf or leg shows signs that could mean a blood clot.") },
    { "RF-PE", N_("Your breathing or chest symptoms could mean a blood clot in the lungs.") },
    { "RF-DEFORMITY", N_("Your knee may be broken or out of place.") },
    { "RF-EXTENSOR", N_("You cannot straighten your knee or lift your straight leg. This can "
                        "mean a torn tendon.") },
    { "RF-OTTAWA", N_("After your recent injury, your knee needs an X-ray to check for a broken "
                      "bone.") },
    { "RF-FRACTURE-LATE", N_("Your knee needs an X-ray to check for a broken bone.") },
    { "RF-LOCKED", N_("Your knee gets stuck and will not straighten fully.") },
    { "RF-HAEMARTHROSIS", N_("Your knee swelled up quickly after the injury. This can mean "
                             "bleeding inside the joint.") },
    { "RF-INSTABILITY", N_("Your knee gives way. This can mean a hurt ligament or cartilage.") },
    { "RF-BONE-STRESS", N_("A bone in your leg may be overloaded (a stress injury). It needs a "
                           "scan.") },
    { "RF-HIP-STRESS", N_("Your hip bone may be overloaded (a stress injury). It needs a scan.") },
    { "RF-SCFE", N_("Your hip needs an X-ray today to check the growth area of the bone.") },
    { "RF-MALIGNANCY", N_("Some of your symptoms need to be checked by a doctor soon.") },
    { "RF-INFLAMMATORY", N_("Your joints may be inflamed. A specialist should check this.") },
    { "RF-EFFUSION", N_("Your knee keeps swelling without an injury.") },
    { "RF-SEVERE", N_("Your pain is strong and makes daily life hard.") },
    { "RF-PERSISTENT", N_("Your knee has not got better as much as we hoped.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (words[i].id, rule_id) == 0)
      return _(words[i].words);
  return stride_report_red_flag_name (rule_id);
}

static const char *
where_to_go (const StrideRedFlag *flag)
{
  if (g_strcmp0 (flag->rule_id, "RF-PE") == 0)
    return _("Call an ambulance now: phone 112, or 911 in North America. Do not drive yourself.");
  if (g_strcmp0 (flag->rule_id, "RF-OTTAWA") == 0)
    return _("Go to an emergency department today for an X-ray.");
  if (flag->referral == STRIDE_TRIAGE_EMERGENCY)
    return _("Go to an emergency department today.");
  if (g_strcmp0 (flag->rule_id, "RF-SCFE") == 0)
    return _("See a doctor today, or go to an emergency department, for an X-ray of your hip.");
  if (g_strcmp0 (flag->rule_id, "RF-FRACTURE-LATE") == 0)
    return _("See a doctor within the next few days for an X-ray.");
  if (g_strcmp0 (flag->rule_id, "RF-BONE-STRESS") == 0
      || g_strcmp0 (flag->rule_id, "RF-HIP-STRESS") == 0)
    return _("See a doctor within the next few days for a scan. Do not run until then.");
  if (g_strcmp0 (flag->rule_id, "RF-MALIGNANCY") == 0)
    return _("See your doctor within the next 2 days.");
  if (g_strcmp0 (flag->rule_id, "RF-INFLAMMATORY") == 0)
    return _("See your doctor within a few days; you may need a rheumatologist.");
  if (flag->referral == STRIDE_TRIAGE_URGENT)
    return _("See a doctor within the next few days.");
  return _("See your doctor when you can.");
}

static char **
day_labels (void)
{
  GPtrArray *days = g_ptr_array_new ();
  GDate date;

  /* 2 November 2026 is a Monday; the locale names the days. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, G_DATE_NOVEMBER, 2026);
  for (int i = 0; i < 7; i++)
    {
      char buffer[32];

      if (g_date_strftime (buffer, sizeof buffer, "%a", &date) == 0)
        buffer[0] = '\0';
      g_ptr_array_add (days, g_strdup (buffer));
      g_date_add_days (&date, 1);
    }
  g_ptr_array_add (days, NULL);
  return (char **) g_ptr_array_free (days, FALSE);
}

static void
add_title (StrideDocument          *doc,
           const StrideReportInput *input,
           const char              *title_text)
{
  StridePatient *patient = input->assessment->patient;
  StrideVisit *visit = stride_report_current_visit (input);
  g_autofree char *date = stride_report_format_date (&visit->date);
  g_autofree char *line = NULL;
  StrideTextStyle title = { .size = STRIDE_SHEET_BODY_SIZE * STRIDE_TYPE_TITLE, .bold = TRUE };
  StrideTextStyle sub = { 0 };

  stride_document_add_text (doc, title_text, &title);
  /* TRANSLATORS: under the sheet's title: "For Anna Example, 24 November 2026" */
  line = g_strdup_printf (_("For %s, %s"),
                          patient != NULL && patient->name != NULL ? patient->name : "", date);
  stride_document_add_text (doc, line, &sub);
}

static void
add_contact (StrideDocument          *doc,
             const StrideReportInput *input,
             gboolean                 with_heading,
             gboolean                 with_review)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  const char *clinician = stride_report_clinician (input);

  if (with_heading)
    stride_document_add_heading (doc, 1, _("Your clinic"));
  else
    stride_document_add_space (doc, 6);
  if (input->clinic.name != NULL && *input->clinic.name != '\0')
    {
      g_ptr_array_add (pairs, g_strdup (_("Clinic")));
      g_ptr_array_add (pairs, g_strdup (input->clinic.name));
    }
  if (input->clinic.contact != NULL && *input->clinic.contact != '\0')
    {
      g_ptr_array_add (pairs, g_strdup (_("Contact")));
      g_ptr_array_add (pairs, g_strdup (input->clinic.contact));
    }
  if (clinician != NULL && *clinician != '\0')
    {
      g_ptr_array_add (pairs, g_strdup (_("Your physio")));
      g_ptr_array_add (pairs, g_strdup (clinician));
    }
  if (with_review)
    {
      g_ptr_array_add (pairs, g_strdup (_("Next appointment")));
      if (input->plan != NULL && g_date_valid (&input->plan->next_review))
        g_ptr_array_add (pairs, stride_report_format_date (&input->plan->next_review));
      else
        g_ptr_array_add (pairs, g_strdup (_("Please call the clinic to book it.")));
    }
  g_ptr_array_add (pairs, NULL);
  stride_document_add_key_values (doc, (const char *const *) pairs->pdata, 130);
}

/* Rules §1: every sheet, whatever the level, ends with this box. The
 * referral notice prints the clinic's contact above it and has no exercises
 * to ask about, so it leaves out the last line; and it must stay on one page
 * (documents.md), so it sets the signs in two columns (@notice). */
static void
add_warning_box (StrideDocument          *doc,
                 const StrideReportInput *input,
                 gboolean                 notice)
{
  g_auto(GStrv) signs = stride_report_warning_signs (input);
  g_autoptr(GPtrArray) body = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = g_markup_printf_escaped ("%s", _("See a doctor if…"));

  /* One list: the signs, then what to do. */
  for (guint i = 0; signs[i] != NULL; i++)
    g_ptr_array_add (body, g_markup_printf_escaped ("•  %s", signs[i]));
  g_ptr_array_add (body, g_markup_printf_escaped ("<b>%s</b>",
                                                  _("If it cannot wait, go to an emergency "
                                                    "department or call 112 (911 in North "
                                                    "America).")));
  if (!notice && input->clinic.contact != NULL && *input->clinic.contact != '\0')
    /* TRANSLATORS: the last line of the "See a doctor if…" box: clinic, contact */
    g_ptr_array_add (body, g_markup_printf_escaped (_("Questions about your knee or your "
                                                      "exercises? Contact %s: %s"),
                                                    input->clinic.name != NULL
                                                    && *input->clinic.name != '\0'
                                                    ? input->clinic.name : _("your clinic"),
                                                    input->clinic.contact));
  g_ptr_array_add (body, NULL);

  if (notice)
    /* In two columns, to keep the notice on one page; what to do when it
     * cannot wait ends the right column, most often the shorter one. */
    stride_document_add_box_columns (doc, STRIDE_TONE_WARNING, 2.0, title,
                                     STRIDE_SHEET_BODY_SIZE * STRIDE_TYPE_SUBHEAD,
                                     (const char *const *) body->pdata, 0, NULL,
                                     NOTICE_BODY_SIZE);
  else
    stride_document_add_box (doc, STRIDE_TONE_WARNING, 2.0, title,
                             STRIDE_SHEET_BODY_SIZE * STRIDE_TYPE_SUBHEAD,
                             (const char *const *) body->pdata, STRIDE_SHEET_BODY_SIZE);
}

/* ---------------------------------------------------------------- pain scale */

static PangoLayout *
make_text_layout (PangoContext *context,
                  const char   *markup,
                  double        size,
                  gboolean      bold,
                  double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = stride_document_font_description (size, bold, FALSE);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

/* Draws @markup centred in @width from (@x, @y). */
static void
draw_text (cairo_t      *cr,
           PangoContext *context,
           const char   *markup,
           double        size,
           gboolean      bold,
           double        x,
           double        y,
           double        width)
{
  PangoLayout *layout = make_text_layout (context, markup, size, bold, width);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* The pain scale's zones, laid out in the words of the language the sheet
 * was built in (a preview may draw the page later, after the language has
 * changed) and measured, so that a long caption (Spanish wraps to four
 * lines) makes the picture taller rather than running into the text below. */
#define PAIN_SCALE_BOX_H      26.0
#define PAIN_SCALE_WORD_TOP   (PAIN_SCALE_BOX_H + 10.0)
#define PAIN_SCALE_CAPTION_GAP 1.0
#define PAIN_SCALE_BOTTOM_PAD 6.0

typedef struct
{
  int          from, to;
  StrideTone   tone;
  PangoLayout *word;
  PangoLayout *detail;
  double       detail_top;   /* where the caption starts, under the word */
} PainZone;

typedef struct
{
  PainZone zones[3];
  double   height;
} PainScale;

static void
pain_scale_free (gpointer data)
{
  PainScale *scale = data;

  for (guint z = 0; z < G_N_ELEMENTS (scale->zones); z++)
    {
      g_clear_object (&scale->zones[z].word);
      g_clear_object (&scale->zones[z].detail);
    }
  g_free (scale);
}

static PainScale *
pain_scale_new (gboolean pfp_rule,
                double   width)
{
  struct { int from, to; StrideTone tone; const char *word; const char *detail; } zones[] = {
    { 0, 3, STRIDE_TONE_GOOD, N_("Fine"), N_("Carry on") },
    { 4, 5, STRIDE_TONE_NOTICE, N_("Acceptable"), N_("OK if it settles by next morning") },
    { 6, 10, STRIDE_TONE_DANGER, N_("Too much"), N_("Stop, do less next time") },
  };
  PainScale *scale = g_new0 (PainScale, 1);
  /* The same fonts and metrics as the document's own text. */
  PangoContext *context = stride_document_create_context ();
  double cell = width / 11.0;

  /* The stricter patellofemoral rule (rules §2): back to usual within an
   * hour, as the sentence under the picture says. */
  if (pfp_rule)
    /* TRANSLATORS: the pain scale's caption for 4–5 with kneecap pain; short */
    zones[1].detail = N_("OK if it settles within an hour");

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      PainZone *zone = &scale->zones[z];
      double zw = (zones[z].to - zones[z].from + 1) * cell;
      g_autofree char *word = g_markup_printf_escaped ("<b>%s</b>", _(zones[z].word));
      g_autofree char *detail = g_markup_escape_text (_(zones[z].detail), -1);

      zone->from = zones[z].from;
      zone->to = zones[z].to;
      zone->tone = zones[z].tone;
      zone->word = make_text_layout (context, word, STRIDE_SHEET_BODY_SIZE, FALSE, zw);
      zone->detail = make_text_layout (context, detail,
                                       STRIDE_SHEET_BODY_SIZE * STRIDE_TYPE_SMALL, FALSE, zw - 4);
      zone->detail_top = PAIN_SCALE_WORD_TOP + layout_height (zone->word)
                         + PAIN_SCALE_CAPTION_GAP;
      scale->height = MAX (scale->height, zone->detail_top + layout_height (zone->detail));
    }
  scale->height = ceil (scale->height + PAIN_SCALE_BOTTOM_PAD);
  g_object_unref (context);
  return scale;
}

/* 0–10 in boxes, grouped into three zones named in words, so that grey print
 * and colour-blind readers lose nothing. */
static void
draw_pain_scale (cairo_t  *cr,
                 double    x,
                 double    y,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  const PainScale *scale = user_data;
  double cell = width / 11.0;
  double box_h = PAIN_SCALE_BOX_H;
  /* The same fonts and metrics as the document's own text. */
  PangoContext *context = stride_document_create_context ();

  for (guint z = 0; z < G_N_ELEMENTS (scale->zones); z++)
    {
      const PainZone *zone = &scale->zones[z];
      StrideColor fill = stride_tone_fill (zone->tone);
      StrideColor border = stride_tone_border (zone->tone);
      double zx = x + zone->from * cell;
      double zw = (zone->to - zone->from + 1) * cell;

      cairo_set_source_rgb (cr, fill.r, fill.g, fill.b);
      cairo_rectangle (cr, zx, y, zw, box_h);
      cairo_fill (cr);

      for (int n = zone->from; n <= zone->to; n++)
        {
          g_autofree char *number = g_strdup_printf ("%d", n);

          cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
          draw_text (cr, context, number, STRIDE_SHEET_BODY_SIZE, TRUE, x + n * cell, y + 5, cell);
        }

      cairo_set_source_rgb (cr, border.r, border.g, border.b);
      cairo_set_line_width (cr, 1.5);
      cairo_rectangle (cr, zx + 0.75, y + 0.75, zw - 1.5, box_h - 1.5);
      cairo_stroke (cr);

      /* A bracket under the zone, then its name and what to do. */
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, zx + 3, y + box_h + 3);
      cairo_line_to (cr, zx + 3, y + box_h + 7);
      cairo_line_to (cr, zx + zw - 3, y + box_h + 7);
      cairo_line_to (cr, zx + zw - 3, y + box_h + 3);
      cairo_stroke (cr);

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      cairo_move_to (cr, zx, y + PAIN_SCALE_WORD_TOP);
      pango_cairo_show_layout (cr, zone->word);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.33);
      cairo_move_to (cr, zx + 2, y + zone->detail_top);
      pango_cairo_show_layout (cr, zone->detail);
    }
  g_object_unref (context);
}

static void
add_pain_rules (StrideDocument          *doc,
                const StrideReportInput *input,
                StrideFindings          *findings)
{
  StrideTextStyle style = { .space_before = 6 };

  /* The rules, the picture and the next-morning rule: one page. */
  stride_document_begin_group (doc);
  stride_document_add_heading (doc, 1, _("Your pain rules"));
  stride_document_add_text (doc, _("Some pain while you exercise or run is allowed. Rate your "
                                   "knee pain from 0 (none) to 10 (the worst you can imagine):"),
                            NULL);
  {
    PainScale *scale = pain_scale_new (findings->monitor_pfp_rule,
                                       stride_document_get_text_width (doc));

    stride_document_add_drawing (doc, scale->height, draw_pain_scale, scale, pain_scale_free);
  }
  if (findings->monitor_pfp_rule)
    stride_document_add_markup (doc, _("<b>The next-morning rule:</b> your knee should be back "
                                       "to normal within an hour and no worse the next morning. "
                                       "If it is worse, do less next time. Aim to keep pain "
                                       "below 2."), &style);
  else
    stride_document_add_markup (doc, _("<b>The next-morning rule:</b> if your knee is worse the "
                                       "next morning, or pain goes up from week to week, do less "
                                       "next time."), &style);
  stride_document_end_group (doc);
}

/* ---------------------------------------------------------------- exercises */

/* Copied: the input may be gone when a preview draws the page. */
typedef struct
{
  StrideDocumentSources  sources;
  const StrideExercise  *exercise;
} FigureData;

static void
draw_card_figure (cairo_t  *cr,
                  double    x,
                  double    y,
                  double    width,
                  double    height,
                  gpointer  user_data)
{
  FigureData *data = user_data;

  if (data->sources.draw_figure != NULL)
    data->sources.draw_figure (cr, data->exercise, x, y, width, height, data->sources.user_data);
  else if (data->exercise != NULL && data->exercise->figure != NULL)
    {
      StrideFigureStyle style;

      stride_figure_style_init_default (&style);
      stride_figure_draw (cr, data->exercise->figure, x, y, width, height, &style);
    }
}

static void
add_exercises (StrideDocument          *doc,
               const StrideReportInput *input,
               GPtrArray               *figure_data)
{
  const StridePlan *plan = input->plan;
  g_auto(GStrv) days = day_labels ();

  stride_document_add_heading (doc, 1, _("Your exercises"));
  /* PH-DONE (rules §4): the maintenance plan, and why it goes on. */
  if (plan->maintenance)
    /* TRANSLATORS: above the exercises of the maintenance plan; keep the <b> tags */
    stride_document_add_markup (doc, _("<b>You have finished the return-to-running programme.</b> "
                                       "Keep doing these strength exercises twice a week for at "
                                       "least 3 more months. Stopping too early is a common "
                                       "reason pain comes back."),
                                &(StrideTextStyle) { .space_before = 2 });
  stride_document_add_text (doc, _("Do each exercise as shown. Tick a box each day you do it."),
                            NULL);

  for (guint i = 0; i < plan->items->len; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);
      const StrideExercise *exercise = stride_report_lookup_exercise (input, item->exercise_id);
      g_autofree char *dose_words = stride_report_dose_in_words (item);
      g_autofree char *dose = NULL;
      StrideCard card = { 0 };
      FigureData *data = g_new0 (FigureData, 1);

      if (input->sources != NULL)
        data->sources = *input->sources;
      data->exercise = exercise;
      g_ptr_array_add (figure_data, data);

      if (item->note != NULL && *item->note != '\0')
        dose = g_markup_printf_escaped ("<b>%s</b>\n%s", dose_words, item->note);
      else
        dose = g_markup_printf_escaped ("<b>%s</b>", dose_words);

      card.number = (int) i + 1;
      card.title = exercise != NULL ? exercise->name : item->exercise_id;
      card.steps = exercise != NULL ? (const char *const *) exercise->steps : NULL;
      card.dose_markup = dose;
      card.caution = exercise != NULL ? exercise->caution : NULL;
      card.caution_label = _("Take care:");
      card.ticks_label = _("Tick each day you do it:");
      card.tick_days = (const char *const *) days;
      card.figure_width = MM_TO_PT (50);
      card.figure_height = MM_TO_PT (38);
      if (exercise != NULL && ((input->sources != NULL && input->sources->draw_figure != NULL)
                               || exercise->figure != NULL))
        {
          card.draw_figure = draw_card_figure;
          card.figure_data = data;
        }
      stride_document_add_card (doc, &card);
    }
}

/* ---------------------------------------------------------------- running */

static void
add_running (StrideDocument          *doc,
             const StrideReportInput *input)
{
  const StridePlan *plan = input->plan;
  const StrideRunningPlan *running = &plan->running;
  g_auto(GStrv) days = day_labels ();

  /* A table to pin on the fridge: kept whole. */
  stride_document_begin_group (doc);
  stride_document_add_heading (doc, 1, _("Your running plan"));

  if (g_strcmp0 (running->rule_id, "RP-WALKRUN") == 0)
    {
      StrideTable *table = stride_document_add_table (doc, 3);
      StrideFindings *findings = stride_report_current_findings (input);
      /* A patient who has finished the walk-run (PH-DONE) is on the row
       * after stage 5: rebuilding their usual running. */
      gboolean done = findings != NULL && findings->phase_done;
      int current = done ? 0 : running->walkrun_stage > 0 ? running->walkrun_stage : 1;
      StrideTextStyle style = { .space_before = 6 };

      stride_table_set_column (table, 0, _("Stage"), 1.0, STRIDE_ALIGN_RIGHT);
      stride_table_set_column (table, 1, _("Each session, on flat ground"), 4.0,
                               STRIDE_ALIGN_LEFT);
      stride_table_set_column (table, 2, _("Where you are"), 2.2, STRIDE_ALIGN_LEFT);
      for (int stage = 1; stage <= 5; stage++)
        {
          g_autofree char *number = g_strdup_printf (stage == current ? "<b>%d</b>" : "%d",
                                                     stage);
          g_autofree char *session = g_markup_printf_escaped (stage == current ? "<b>%s</b>"
                                                                               : "%s",
                                                              stride_report_walkrun_stage (stage));
          g_autofree char *here = stage == current
                                  ? g_markup_printf_escaped ("<b>%s</b>", _("Start here"))
                                  : g_strdup ("");
          const char *cells[] = { number, session, here, NULL };

          stride_table_add_row (table, cells);
        }
      /* Rules §7: after stage 5, volume comes back within RP-SPIKE; and
       * the single-run limit, as the report gives it, holds at every stage. */
      {
        GString *then = g_string_new (NULL);
        g_autofree char *here = done ? g_markup_printf_escaped ("<b>%s</b>", _("Start here"))
                                     : g_strdup ("");
        const char *cells[] = {
          /* TRANSLATORS: the walk-run table's stage column for the row after stage 5; short */
          _("Then"), NULL, here, NULL };

        g_autofree char *rule = g_markup_escape_text (
          /* TRANSLATORS: the walk-run table's last row; RP-SPIKE in plain words */
          _("After stage 5, build up your runs slowly: make no single run more than a tenth "
            "longer than your longest run in the last 30 days."), -1);

        g_string_append (then, rule);
        if (running->has_spike_limit)
          {
            g_autofree char *km = stride_report_format_number (running->spike_limit_km);
            g_autofree char *text = g_strdup_printf (_("No run longer than %s km."), km);
            g_autofree char *markup = g_markup_printf_escaped ("\n<b>%s</b>", text);

            g_string_append (then, markup);
          }
        cells[1] = then->str;
        stride_table_add_row (table, cells);
        g_string_free (then, TRUE);
      }
      stride_document_add_bullets (doc, (const char *const[]) {
        _("Leave one rest day between runs."),
        _("Repeat a stage until pain stays at 3 or less while you run and your knee is no "
          "worse the next morning. Then move to the next stage."),
        _("If pain goes above 5, or your knee is worse the next morning, go back one stage."),
        NULL }, &style);
      stride_document_add_tick_row (doc, _("Tick each day you run:"), (const char *const *) days);
    }
  else if (g_strcmp0 (running->rule_id, "RP-MODIFY") == 0)
    {
      StrideTable *table = stride_document_add_table (doc, 2);
      g_autofree char *runs = NULL;

      stride_table_set_column (table, 0, _("What"), 1.3, STRIDE_ALIGN_LEFT);
      stride_table_set_column (table, 1, _("Your plan"), 4.0, STRIDE_ALIGN_LEFT);

      if (running->paused)
        runs = g_markup_printf_escaped ("<b>%s</b>", _("Stop running for now. Keep fit with "
                                                       "cycling or swimming."));
      else if (running->has_shortened)
        {
          g_autofree char *minutes = stride_report_format_number (running->shortened_minutes);
          g_autofree char *text = g_strdup_printf (_("Shorten each run to %s minutes."), minutes);

          runs = g_markup_printf_escaped ("<b>%s</b>", text);
        }
      else
        runs = g_markup_printf_escaped ("<b>%s</b>", _("Keep your usual runs."));
      stride_table_add_row (table, (const char *const[]) { _("Your runs"), runs, NULL });

      if (running->has_spike_limit && !running->paused)
        {
          g_autofree char *km = stride_report_format_number (running->spike_limit_km);
          g_autofree char *text = g_strdup_printf (_("No run longer than %s km."), km);
          g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);

          stride_table_add_row (table, (const char *const[]) { _("Longest run"), markup, NULL });
        }
      if (running->advice != NULL && running->advice->len > 0)
        {
          GString *advice = g_string_new (NULL);

          for (guint i = 0; i < running->advice->len; i++)
            {
              g_autofree char *line = g_markup_escape_text (
                stride_running_advice_describe (g_ptr_array_index (running->advice, i)), -1);

              g_string_append_printf (advice, "%s•  %s", i > 0 ? "\n" : "", line);
            }
          stride_table_add_row (table, (const char *const[]) { _("How"), advice->str, NULL });
          g_string_free (advice, TRUE);
        }
      if (!running->paused)
        stride_document_add_tick_row (doc, _("Tick each day you run:"),
                                      (const char *const *) days);
    }
  else
    {
      stride_document_add_markup (doc, _("<b>No running for now.</b> Keep fit with cycling, "
                                         "swimming or pool running, keeping your pain at 3 or "
                                         "less."), NULL);
    }
  stride_document_end_group (doc);
}

static void
add_education (StrideDocument          *doc,
               const StrideReportInput *input,
               StrideFindings          *findings)
{
  const StridePlan *plan = input->plan;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  gboolean pain_rules_done = FALSE;

  if (plan == NULL || plan->education->len == 0)
    return;

  for (guint i = 0; i < plan->education->len; i++)
    {
      StrideEducationText text = { NULL, NULL };
      const char *id = g_ptr_array_index (plan->education, i);

      /* One set of pain rules, the one the pain scale above uses (rules §2:
       * with PR-PFP the stricter patellofemoral rule decides), even in a
       * plan kept before the planner chose only one. */
      if (g_strcmp0 (id, "pain-rules") == 0 || g_strcmp0 (id, "pain-rules-pfp") == 0)
        {
          if (pain_rules_done)
            continue;
          pain_rules_done = TRUE;
          id = findings->monitor_pfp_rule ? "pain-rules-pfp" : "pain-rules";
        }
      if (!stride_report_lookup_education (input, id, &text))
        continue;
      if (text.text != NULL && *text.text != '\0')
        g_ptr_array_add (items, g_markup_printf_escaped ("<b>%s</b>\n%s", text.title, text.text));
      else
        g_ptr_array_add (items, g_markup_printf_escaped ("<b>%s</b>", text.title));
      stride_education_text_clear (&text);
    }
  if (items->len == 0)
    return;
  g_ptr_array_add (items, NULL);

  stride_document_add_heading (doc, 1, _("Good to know"));
  stride_document_add_bullets (doc, (const char *const *) items->pdata, NULL);
}

/* What the plan below lets the patient do until the doctor has seen them:
 * only the gentle exercises when the plan is held to phase 1 (rules §1),
 * else what the plan says. */
static const char *
until_then (const StrideReportInput *input,
            StrideFindings          *findings)
{
  gboolean runs = input->plan != NULL
                  && g_strcmp0 (input->plan->running.rule_id, "RP-NONE") != 0
                  && !input->plan->running.paused;

  if (findings->restriction == STRIDE_RESTRICTION_PHASE_1_ONLY
      && findings->phase <= STRIDE_PHASE_1)
    return _("Take this sheet to your doctor. Until then, only do the gentle exercises below.");
  if (findings->no_running || !runs)
    /* TRANSLATORS: ends the urgent referral box when the plan has no running */
    return _("Take this sheet to your doctor. Until then, do the exercises below, and do not "
             "run.");
  /* TRANSLATORS: ends the urgent referral box when the plan is not restricted */
  return _("Take this sheet to your doctor. Until then, you can go on with the exercises and "
           "the running plan below.");
}

static void
add_referral_box (StrideDocument          *doc,
                  const StrideReportInput *input,
                  StrideFindings          *findings,
                  StrideTriage             level)
{
  g_autoptr(GPtrArray) body = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) places = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean emergency = level == STRIDE_TRIAGE_EMERGENCY;
  gboolean ambulance = stride_findings_has_red_flag (findings, "RF-PE");
  g_autofree char *title = NULL;
  StrideTone tone;
  double border;
  double title_size;
  guint found;
  gboolean place_at_level = FALSE;

  if (emergency)
    title = g_markup_printf_escaped ("%s", ambulance ? _("Call an ambulance now")
                                                     : _("Get medical care today"));
  else if (level == STRIDE_TRIAGE_ROUTINE)
    /* TRANSLATORS: the sheet's box for a routine referral (not urgent) */
    title = g_markup_printf_escaped ("%s", _("Please see your doctor when you can"));
  else if (stride_findings_has_red_flag (findings, "RF-SCFE"))
    title = g_markup_printf_escaped ("%s", _("Please see a doctor today"));
  else
    title = g_markup_printf_escaped ("%s", _("Please see a doctor within the next few days"));

  for (guint i = 0; i < findings->red_flags->len; i++)
    {
      StrideRedFlag *flag = g_ptr_array_index (findings->red_flags, i);

      if (flag->referral < level)
        continue;
      if (body->len == 0)
        g_ptr_array_add (body, g_markup_printf_escaped ("<b>%s</b>", _("What we found:")));
      g_ptr_array_add (body, g_markup_printf_escaped ("•  %s", flag_in_plain_words (flag->rule_id)));
    }
  /* A clinician's override may raise the level without a flag of that
   * level: the box still says what and where, in the level's words. */
  if (body->len == 0 && level >= STRIDE_TRIAGE_URGENT)
    {
      g_ptr_array_add (body, g_markup_printf_escaped ("<b>%s</b>", _("What we found:")));
      g_ptr_array_add (body, g_markup_printf_escaped (
        "•  %s", emergency ? _("Your physio found signs that a doctor needs to check today.")
                           : _("Your physio found signs that a doctor needs to check soon.")));
    }
  found = body->len;
  /* A routine referral has one place, said in the title. */
  if (level >= STRIDE_TRIAGE_URGENT)
    {
      g_ptr_array_add (body, g_markup_printf_escaped ("<b>%s</b>", _("Where to go:")));
      for (guint i = 0; i < findings->red_flags->len; i++)
        {
          StrideRedFlag *flag = g_ptr_array_index (findings->red_flags, i);
          const char *place = where_to_go (flag);

          if (flag->referral < STRIDE_TRIAGE_URGENT || g_hash_table_contains (places, place))
            continue;
          /* An ambulance covers every other place. */
          if (ambulance && g_strcmp0 (flag->rule_id, "RF-PE") != 0)
            continue;
          g_hash_table_add (places, (gpointer) place);
          g_ptr_array_add (body, g_markup_printf_escaped ("•  %s", place));
          place_at_level = place_at_level || flag->referral >= level;
        }
      if (!place_at_level)
        g_ptr_array_add (body, g_markup_printf_escaped (
          "•  %s", emergency ? _("Go to an emergency department today.")
                             : _("See a doctor within the next few days.")));
    }
  if (emergency)
    {
      /* The notice's one page: what was found beside where to go and who
       * to call at the clinic. */
      g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_free);
      const char *clinician = stride_report_clinician (input);
      gboolean has_name = input->clinic.name != NULL && *input->clinic.name != '\0';
      gboolean has_contact = input->clinic.contact != NULL && *input->clinic.contact != '\0';
      gboolean has_clinician = clinician != NULL && *clinician != '\0';

      if (has_name || has_contact || has_clinician)
        g_ptr_array_add (body, g_markup_printf_escaped ("<b>%s</b>", _("Your clinic")));
      if (has_name)
        g_ptr_array_add (body, g_markup_escape_text (input->clinic.name, -1));
      if (has_contact)
        g_ptr_array_add (body, g_markup_escape_text (input->clinic.contact, -1));
      if (has_clinician)
        g_ptr_array_add (body, g_markup_printf_escaped ("%s: %s", _("Your physio"), clinician));

      g_ptr_array_add (after, g_markup_printf_escaped ("%s", _("Take this sheet with you and "
                                                               "show it to the doctor or "
                                                               "nurse.")));
      g_ptr_array_add (after, g_markup_printf_escaped ("<b>%s</b>",
                                                       _("Do not do any exercises or run until "
                                                         "a doctor has seen you.")));
      g_ptr_array_add (after, NULL);
      g_ptr_array_add (body, NULL);
      stride_document_add_box_columns (doc, STRIDE_TONE_DANGER, 3.0, title,
                                       STRIDE_SHEET_BODY_SIZE * STRIDE_TYPE_HEADING,
                                       (const char *const *) body->pdata, MAX (found, 1),
                                       (const char *const *) after->pdata, NOTICE_BODY_SIZE);
      return;
    }
  else if (level == STRIDE_TRIAGE_ROUTINE)
    /* TRANSLATORS: ends the routine referral box ("Please see your doctor when you can") */
    g_ptr_array_add (body, g_markup_printf_escaped ("%s", _("This is not urgent. Take this sheet "
                                                            "with you, and go on with the plan "
                                                            "below.")));
  else
    g_ptr_array_add (body, g_markup_printf_escaped ("%s", until_then (input, findings)));
  g_ptr_array_add (body, NULL);

  tone = level == STRIDE_TRIAGE_URGENT ? STRIDE_TONE_WARNING : STRIDE_TONE_NOTICE;
  border = level == STRIDE_TRIAGE_URGENT ? 2.2 : 1.5;
  title_size = STRIDE_SHEET_BODY_SIZE * STRIDE_TYPE_SUBHEAD;
  stride_document_add_box (doc, tone, border, title, title_size,
                           (const char *const *) body->pdata, STRIDE_SHEET_BODY_SIZE);
}

static StrideDocument *
build_referral_notice (const StrideReportInput *input,
                       StrideFindings          *findings)
{
  StrideDocument *doc = stride_document_new (input->paper, STRIDE_SHEET_BODY_SIZE);

  stride_report_setup_document (doc, input, _("Referral notice"),
                                _("You need medical care today"));
  /* One page (documents.md), at the sheet's type size in every language
   * and paper: the boxes' lines set closer (about 1.15 times the type
   * size apart, not Open Sans's 1.36), what was found beside where to go
   * and the clinic, and the warning signs in two columns. */
  stride_document_set_box_line_spacing (doc, 0.84);
  /* The box's title is the large heading; the page header names the
   * notice, the footer the patient and the visit's date. */
  add_referral_box (doc, input, findings, STRIDE_TRIAGE_EMERGENCY);
  add_warning_box (doc, input, TRUE);
  return doc;
}

/**
 * stride_sheet_preload_fonts:
 *
 * Opens the fonts that a sheet uses (stride_document_preload_fonts()).
 */
void
stride_sheet_preload_fonts (void)
{
  static const StrideFontStyle styles[] = {
    { STRIDE_TYPE_TITLE, TRUE, FALSE },
    { STRIDE_TYPE_HEADING, TRUE, FALSE },
    { STRIDE_TYPE_SUBHEAD, TRUE, FALSE },
    { 1.0, FALSE, FALSE },
    { 1.0, TRUE, FALSE },
    { STRIDE_TYPE_SMALL, FALSE, FALSE },
    { STRIDE_TYPE_SMALL, TRUE, FALSE },
    /* The referral notice's boxes (bold there is markup). */
    { NOTICE_BODY_SIZE / STRIDE_SHEET_BODY_SIZE, FALSE, FALSE },
  };

  stride_document_preload_fonts (STRIDE_SHEET_BODY_SIZE, styles, G_N_ELEMENTS (styles));
}

/**
 * stride_sheet_build:
 * @input: the visit, its findings and plan, and the clinic
 *
 * Builds the patient's home exercise sheet in the current language; with an
 * emergency triage, the referral notice instead.
 *
 * Returns: (transfer full): the sheet, ready to draw
 */
StrideDocument *
stride_sheet_build (const StrideReportInput *input)
{
  StrideDocument *doc;
  StrideFindings *findings;
  GPtrArray *figure_data;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (input->assessment != NULL, NULL);
  findings = stride_report_current_findings (input);
  g_return_val_if_fail (stride_report_current_visit (input) != NULL && findings != NULL, NULL);

  if (findings->triage == STRIDE_TRIAGE_EMERGENCY)
    return build_referral_notice (input, findings);

  doc = stride_document_new (input->paper, STRIDE_SHEET_BODY_SIZE);
  stride_report_setup_document (doc, input, _("Your home exercise plan"),
                                _("Home exercises, pain rules and running plan"));
  add_title (doc, input, _("Your home exercise plan"));
  /* Who to call and when to come back, first: a patient looks for them. */
  add_contact (doc, input, FALSE, TRUE);

  /* Rules §1: an urgent referral leads the sheet; a routine one is shown
   * as a recommendation, near the top too, so that it is seen. */
  if (findings->triage == STRIDE_TRIAGE_URGENT || findings->triage == STRIDE_TRIAGE_ROUTINE)
    add_referral_box (doc, input, findings, findings->triage);

  /* The cards' figure data lives as long as the document. */
  figure_data = g_ptr_array_new_with_free_func (g_free);
  if (input->plan != NULL && input->plan->items->len > 0)
    add_exercises (doc, input, figure_data);
  else
    stride_document_add_text (doc, _("No exercises for now."), NULL);
  g_object_set_data_full (G_OBJECT (doc), "stride-figure-data", figure_data,
                          (GDestroyNotify) g_ptr_array_unref);
  /* The cards draw the library's figures whenever a page is drawn. */
  if (input->library != NULL)
    g_object_set_data_full (G_OBJECT (doc), "stride-library", g_object_ref (input->library),
                            g_object_unref);

  add_pain_rules (doc, input, findings);
  if (input->plan != NULL)
    add_running (doc, input);
  add_education (doc, input, findings);
  add_warning_box (doc, input, FALSE);

  return doc;
}
