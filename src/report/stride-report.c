/* stride-report.c: the clinician report
 *
 * Dense and exact, body 10 pt: the triage box first, then the findings with
 * their reasons and rule ids, the plan, and progress over visits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "stride-engine.h"
#include "stride-i18n.h"
#include "stride-report.h"
#include "stride-planner.h"
#include "stride-report-private.h"

/* ---------------------------------------------------------------- words */

typedef struct
{
  const char *id;
  const char *name;
  const char *unit;
} TestWords;

static const TestWords test_words[] = {
  { "MT-WALK", N_("Walking"), N_("min") },
  { "MT-SQUAT", N_("Double-leg squat"), NULL },
  { "MT-SLS", N_("Single-leg squat to 60°"), N_("reps") },
  { "MT-STEPDOWN", N_("Lateral step-down, quality 0–6"), NULL },
  { "MT-BRIDGE", N_("Single-leg bridge"), N_("reps") },
  { "MT-CALF", N_("Single-leg heel raise"), N_("reps") },
  { "MT-HOP", N_("Repeated single-leg hops"), N_("hops") },
  { "MT-HOPDIST", N_("Single-leg hop for distance"), N_("cm") },
  { "MT-QUAD", N_("Isometric quadriceps strength"), N_("N") },
  { "MT-DECLINE", N_("Decline squat, 25° board"), NULL },
  { "MT-NOBLE", N_("Noble compression test"), NULL },
};

const char *
stride_report_test_name (const char *test_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (test_words); i++)
    if (g_strcmp0 (test_words[i].id, test_id) == 0)
      return _(test_words[i].name);
  return test_id;
}

const char *
stride_report_test_unit (const char *test_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (test_words); i++)
    if (g_strcmp0 (test_words[i].id, test_id) == 0)
      return test_words[i].unit != NULL ? _(test_words[i].unit) : NULL;
  return NULL;
}

const char *
stride_report_criterion_name (const char *criterion_id)
{
  return stride_engine_criterion_name (criterion_id);
}

const char *
stride_report_presentation_name (const char *pattern_id)
{
  if (g_strcmp0 (pattern_id, "PR-PFP") == 0)
    return _("Patellofemoral pain");
  if (g_strcmp0 (pattern_id, "PR-ITBS") == 0)
    return _("Iliotibial band syndrome");
  if (g_strcmp0 (pattern_id, "PR-PT") == 0)
    return _("Patellar tendinopathy");
  if (g_strcmp0 (pattern_id, "PR-APOPHYSITIS") == 0)
    return _("Apophysitis (Osgood–Schlatter or Sinding-Larsen–Johansson)");
  return pattern_id;
}

const char *
stride_report_red_flag_name (const char *rule_id)
{
  static const struct { const char *id; const char *name; } words[] = {
    { "RF-SEPTIC", N_("Possible septic arthritis") },
    { "RF-NEUROVASC", N_("Neurovascular compromise") },
    { "RF-COMPARTMENT", N_("Possible compartment syndrome") },
    { "RF-DVT", N_("Possible deep vein thrombosis") },
    { "RF-PE", N_("Possible pulmonary embolism") },
    { "RF-DEFORMITY", N_("Suspected fracture or dislocation") },
    { "RF-EXTENSOR", N_("Suspected extensor mechanism rupture") },
    { "RF-OTTAWA", N_("Ottawa knee rule positive after a recent injury") },
    { "RF-FRACTURE-LATE", N_("Possible fracture, injury 8–42 days ago") },
    { "RF-LOCKED", N_("Locked knee") },
    { "RF-HAEMARTHROSIS", N_("Possible haemarthrosis") },
    { "RF-INSTABILITY", N_("Instability after a twisting injury") },
    { "RF-BONE-STRESS", N_("Possible bone stress injury") },
    { "RF-HIP-STRESS", N_("Possible femoral neck stress injury") },
    { "RF-SCFE", N_("Possible slipped capital femoral epiphysis") },
    { "RF-MALIGNANCY", N_("Features of possible malignancy") },
    { "RF-INFLAMMATORY", N_("Possible inflammatory arthritis") },
    { "RF-EFFUSION", N_("Recurrent effusion without injury") },
    { "RF-SEVERE", N_("Severe pain limiting daily activities") },
    { "RF-PERSISTENT", N_("Persistent symptoms despite rehabilitation") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (words[i].id, rule_id) == 0)
      return _(words[i].name);
  return rule_id;
}

const char *
stride_report_triage_label (StrideTriage triage)
{
  switch (triage)
    {
    case STRIDE_TRIAGE_EMERGENCY:
      return _("Emergency referral: same day");
    case STRIDE_TRIAGE_URGENT:
      return _("Urgent referral: a doctor within days");
    case STRIDE_TRIAGE_ROUTINE:
      return _("Routine referral: see a doctor when convenient");
    case STRIDE_TRIAGE_NONE:
    default:
      return _("No red flags: no referral needed");
    }
}

/**
 * stride_report_triage_headline:
 * @findings: a visit's findings
 *
 * The triage level as stride_report_triage_label() words it, made as urgent
 * as the red flags that set it (rules §1): RF-PE calls an ambulance, RF-SCFE
 * needs its X-ray the same day, as the patient sheet says.
 *
 * Returns: the headline of the triage box
 */
const char *
stride_report_triage_headline (StrideFindings *findings)
{
  g_return_val_if_fail (findings != NULL, NULL);

  if (findings->triage == STRIDE_TRIAGE_EMERGENCY && findings->call_ambulance)
    return _("Emergency referral: call an ambulance now");
  if (findings->triage == STRIDE_TRIAGE_URGENT
      && stride_findings_has_red_flag (findings, "RF-SCFE"))
    return _("Urgent referral: hip X-ray the same day");
  return stride_report_triage_label (findings->triage);
}

static const char *
restriction_label (StrideRestriction restriction)
{
  switch (restriction)
    {
    case STRIDE_RESTRICTION_NO_PLAN:
      return _("no exercise plan");
    case STRIDE_RESTRICTION_PHASE_1_ONLY:
      return _("phase 1 only");
    case STRIDE_RESTRICTION_NO_RUNNING:
      return _("no running");
    case STRIDE_RESTRICTION_NONE:
    default:
      return _("none");
    }
}

/* A restriction, with `no running` beside `phase 1 only` when a red flag
 * carries both (rules §1: RF-BONE-STRESS, RF-HIP-STRESS, RF-SCFE). */
static char *
restriction_words (StrideRestriction restriction,
                   gboolean          no_running)
{
  if (no_running && restriction != STRIDE_RESTRICTION_NO_RUNNING
      && restriction != STRIDE_RESTRICTION_NO_PLAN)
    {
      if (restriction == STRIDE_RESTRICTION_NONE)
        return g_strdup (restriction_label (STRIDE_RESTRICTION_NO_RUNNING));
      /* TRANSLATORS: two restrictions of the plan together, e.g.
       * "no running; phase 1 only" */
      return g_strdup_printf (_("%s; %s"), restriction_label (STRIDE_RESTRICTION_NO_RUNNING),
                              restriction_label (restriction));
    }
  return g_strdup (restriction_label (restriction));
}

static const char *
irritability_label (StrideIrritability irritability)
{
  switch (irritability)
    {
    case STRIDE_IRRITABILITY_HIGH:
      return _("High");
    case STRIDE_IRRITABILITY_MODERATE:
      return _("Moderate");
    case STRIDE_IRRITABILITY_LOW:
    default:
      return _("Low");
    }
}

static const char *
criterion_label (StrideCriterionState state)
{
  switch (state)
    {
    case STRIDE_CRITERION_MET:
      return _("Met");
    case STRIDE_CRITERION_NOT_MET:
      return _("Not met");
    case STRIDE_CRITERION_NOT_TESTED:
    default:
      return _("Not tested");
    }
}

static const char *
phase_label (StridePhase phase)
{
  switch (phase)
    {
    case STRIDE_PHASE_1:
      return _("Phase 1: settle and reintroduce movement");
    case STRIDE_PHASE_2:
      return _("Phase 2: build capacity");
    case STRIDE_PHASE_3:
      return _("Phase 3: return to function");
    case STRIDE_PHASE_NONE:
    default:
      return _("No phase: no exercise plan");
    }
}

static const char *
phase_short_label (StridePhase phase)
{
  switch (phase)
    {
    case STRIDE_PHASE_1:
      return _("Phase 1");
    case STRIDE_PHASE_2:
      return _("Phase 2");
    case STRIDE_PHASE_3:
      return _("Phase 3");
    case STRIDE_PHASE_NONE:
    default:
      return _("No phase: no exercise plan");
    }
}

static const char *
presentation_kind_label (StridePresentationKind kind)
{
  switch (kind)
    {
    case STRIDE_PRESENTATION_LIKELY:
      return _("Likely");
    case STRIDE_PRESENTATION_POSSIBLE:
      return _("Possible");
    case STRIDE_PRESENTATION_MIXED:
      return _("Mixed");
    case STRIDE_PRESENTATION_UNCLEAR:
    default:
      return _("Unclear: further assessment suggested");
    }
}

/* "Possible: Iliotibial band syndrome", as the Presentation section words it. */
static char *
presentation_words (StridePresentationKind kind,
                    const char            *primary,
                    const char            *secondary)
{
  const char *words = presentation_kind_label (kind);

  if (kind == STRIDE_PRESENTATION_MIXED && primary != NULL && secondary != NULL)
    return g_strdup_printf ("%s: %s %s %s", words, stride_report_presentation_name (primary),
                            _("and"), stride_report_presentation_name (secondary));
  if (kind != STRIDE_PRESENTATION_UNCLEAR && primary != NULL)
    return g_strdup_printf ("%s: %s", words, stride_report_presentation_name (primary));
  return g_strdup (words);
}

/* The phase an override sets: "1", "2", "3" or "none". */
static StridePhase
override_phase_value (const char *value)
{
  if (g_strcmp0 (value, "1") == 0)
    return STRIDE_PHASE_1;
  if (g_strcmp0 (value, "2") == 0)
    return STRIDE_PHASE_2;
  if (g_strcmp0 (value, "3") == 0)
    return STRIDE_PHASE_3;
  return STRIDE_PHASE_NONE;
}

/* An override's value and the value computed, for people: "Routine
 * referral", "Phase 2", "Possible: Iliotibial band syndrome". */
static char *
override_value_words (const StrideOverride *override,
                      StrideFindings       *findings,
                      gboolean              computed)
{
  if (g_strcmp0 (override->what, "triage") == 0)
    {
      StrideTriage level = findings->computed_triage;

      if (!computed && !stride_triage_from_string (override->value, &level))
        return g_strdup (override->value);
      return g_strdup (stride_engine_triage_name (level));
    }
  if (g_strcmp0 (override->what, "phase") == 0)
    return g_strdup (phase_short_label (computed ? findings->computed_phase
                                                 : override_phase_value (override->value)));
  if (g_strcmp0 (override->what, "presentation") == 0)
    {
      if (computed)
        return presentation_words (findings->computed_presentation_kind,
                                   findings->computed_presentation_primary,
                                   findings->computed_presentation_secondary);
      return presentation_words (findings->presentation.kind, findings->presentation.primary,
                                 findings->presentation.secondary);
    }
  return g_strdup (override->value);
}

/* "Overridden by the clinician: Routine referral (computed: Urgent
 * referral). Reason: …", as markup. */
static char *
override_markup (const StrideOverride *override,
                 StrideFindings       *findings)
{
  g_autofree char *value = override_value_words (override, findings, FALSE);
  g_autofree char *computed = override_value_words (override, findings, TRUE);
  /* TRANSLATORS: a clinician's override and, in brackets, what Stride had
   * computed, e.g. "Routine referral (computed: Urgent referral)" */
  g_autofree char *both = g_strdup_printf (_("%s (computed: %s)"), value, computed);

  return g_markup_printf_escaped ("<b>%s</b> %s. %s %s", _("Overridden by the clinician:"), both,
                                  _("Reason:"), override->reason != NULL
                                                ? override->reason : _("none given"));
}

static const char *
followup_label (StrideFollowup followup)
{
  switch (followup)
    {
    case STRIDE_FOLLOWUP_PROGRESS:
      return _("progress");
    case STRIDE_FOLLOWUP_HOLD:
      return _("hold");
    case STRIDE_FOLLOWUP_STEP_BACK:
      return _("step back");
    case STRIDE_FOLLOWUP_NONE:
    default:
      return NULL;
    }
}

char *
stride_report_format_date (const GDate *date)
{
  char buffer[128];

  if (date == NULL || !g_date_valid (date))
    return g_strdup (_("not set"));
  /* TRANSLATORS: a date on printed documents (strftime), e.g. 24 November 2026 */
  if (g_date_strftime (buffer, sizeof buffer, _("%-d %B %Y"), date) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

char *
stride_report_format_short_date (const GDate *date)
{
  char buffer[64];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("?");
  /* TRANSLATORS: a short date on chart axes and tables (strftime), e.g. 24 Nov 26 */
  if (g_date_strftime (buffer, sizeof buffer, _("%-d %b %y"), date) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

const char *
stride_report_frequency_in_words (const char *frequency)
{
  if (g_strcmp0 (frequency, "daily") == 0)
    return _("every day");
  if (g_strcmp0 (frequency, "2-3-per-week") == 0)
    return _("2 or 3 times a week");
  if (g_strcmp0 (frequency, "3-per-week") == 0)
    return _("3 times a week");
  if (g_strcmp0 (frequency, "every-2-3-days") == 0)
    return _("every 2 to 3 days");
  if (g_strcmp0 (frequency, "every-other-day") == 0)
    return _("every other day");
  if (g_strcmp0 (frequency, "2-per-week") == 0)
    return _("twice a week");
  if (g_strcmp0 (frequency, "within-runs") == 0)
    return _("as part of your runs");
  return frequency != NULL ? frequency : "";
}

/**
 * stride_report_dose_in_words:
 * @item: a plan item
 *
 * The dose as a patient reads it: "3 sets of 10 on each leg, every other day".
 *
 * Returns: (transfer full): the dose in words
 */
char *
stride_report_dose_in_words (const StridePlanItem *item)
{
  GString *dose = g_string_new (NULL);
  const char *frequency;

  g_return_val_if_fail (item != NULL, NULL);

  if (item->sets > 0 && item->reps > 0)
    /* TRANSLATORS: a dose, e.g. "3 sets of 10" */
    g_string_append_printf (dose, g_dngettext (GETTEXT_PACKAGE, "%d set of %d", "%d sets of %d",
                                               item->sets), item->sets, item->reps);
  else if (item->sets > 0 && item->seconds > 0)
    {
      if (item->seconds >= 60 && item->seconds % 60 == 0)
        g_string_append_printf (dose, g_dngettext (GETTEXT_PACKAGE,
                                                   "%d time for %d minutes",
                                                   "%d times for %d minutes", item->sets),
                                item->sets, item->seconds / 60);
      else
        /* TRANSLATORS: a dose of holds, e.g. "5 holds of 45 seconds" */
        g_string_append_printf (dose, g_dngettext (GETTEXT_PACKAGE, "%d hold of %d seconds",
                                                   "%d holds of %d seconds", item->sets),
                                item->sets, item->seconds);
    }
  else if (item->seconds > 0)
    {
      int minutes = item->seconds / 60;

      if (minutes > 0)
        g_string_append_printf (dose, g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                                   minutes), minutes);
      else
        g_string_append_printf (dose, g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds",
                                                   item->seconds), item->seconds);
    }
  else if (item->reps > 0)
    g_string_append_printf (dose, g_dngettext (GETTEXT_PACKAGE, "%d time", "%d times",
                                               item->reps), item->reps);

  if (dose->len > 0 && item->each_side)
    {
      g_string_append_c (dose, ' ');
      g_string_append (dose, _("on each leg"));
    }

  frequency = stride_report_frequency_in_words (item->frequency);
  if (frequency != NULL && *frequency != '\0')
    {
      if (dose->len > 0)
        g_string_append (dose, ", ");
      g_string_append (dose, frequency);
    }

  return g_string_free (dose, FALSE);
}

void
stride_education_text_clear (StrideEducationText *text)
{
  g_clear_pointer (&text->title, g_free);
  g_clear_pointer (&text->text, g_free);
}

/* ---------------------------------------------------------------- helpers */

StrideVisit *
stride_report_current_visit (const StrideReportInput *input)
{
  if (input->assessment == NULL || input->assessment->visits == NULL
      || input->assessment->visits->len == 0)
    return NULL;
  return g_ptr_array_index (input->assessment->visits, input->assessment->visits->len - 1);
}

StrideFindings *
stride_report_current_findings (const StrideReportInput *input)
{
  if (input->findings == NULL || input->findings->len == 0)
    return NULL;
  return g_ptr_array_index (input->findings, input->findings->len - 1);
}

const char *
stride_report_clinician (const StrideReportInput *input)
{
  StrideVisit *visit = stride_report_current_visit (input);

  if (visit != NULL && visit->clinician != NULL && *visit->clinician != '\0')
    return visit->clinician;
  return input->clinic.clinician;
}

char *
stride_report_format_number (double value)
{
  if (fabs (value - round (value)) < 0.05)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

/**
 * stride_report_format_decimal:
 * @value: a number
 * @digits: at most this many decimals
 *
 * @value rounded half up to @digits decimals, as `stride-cli evaluate`
 * rounds it (2.25 km stays 2.25), trailing zeros dropped, with the
 * locale's decimal separator.
 *
 * Returns: (transfer full): the number
 */
char *
stride_report_format_decimal (double value,
                              int    digits)
{
  char *text;
  gsize len;

  value = stride_engine_round_half_up (value, digits);
  text = g_strdup_printf ("%.*f", digits, value);
  len = strlen (text);
  if (digits > 0)
    {
      while (len > 0 && text[len - 1] == '0')
        text[--len] = '\0';
      if (len > 0 && !g_ascii_isdigit (text[len - 1]))
        text[--len] = '\0';
    }
  return text;
}

/**
 * stride_report_format_lsi:
 * @lsi: a limb symmetry index
 *
 * Returns: (transfer full): @lsi with one decimal always ("50.0"), rounded
 *   half up as `stride-cli evaluate` prints it, the locale's separator
 */
char *
stride_report_format_lsi (double lsi)
{
  return g_strdup_printf ("%.1f", stride_engine_round_one_decimal (lsi));
}

static char *
reason_markup (const StrideReason *reason)
{
  g_autofree char *text = g_markup_escape_text (reason->text != NULL ? reason->text : "", -1);
  g_autofree char *rule = NULL;

  /* What follows from the clinician's override has no rule to name. */
  if (reason->rule_id == NULL)
    return g_steal_pointer (&text);
  rule = g_markup_escape_text (reason->rule_id, -1);
  /* A rule id is one word: never "[PH-" at the end of a line, "FU]" on the next. */
  return g_strdup_printf ("%s <span size=\"smaller\" foreground=\"#555\" "
                          "allow_breaks=\"false\">[%s]</span>", text, rule);
}

/* Whether an earlier reason of @reasons says the same as the one at @index:
 * the planner may give one reason twice (phase-done.xml), the report prints
 * it once. */
static gboolean
reason_repeated (GPtrArray *reasons,
                 guint      index)
{
  const StrideReason *reason = g_ptr_array_index (reasons, index);

  for (guint i = 0; i < index; i++)
    {
      const StrideReason *earlier = g_ptr_array_index (reasons, i);

      if (g_strcmp0 (earlier->rule_id, reason->rule_id) == 0
          && g_strcmp0 (earlier->text, reason->text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_reasons (StrideDocument *doc,
             GPtrArray      *reasons)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  if (reasons == NULL || reasons->len == 0)
    return;
  for (guint i = 0; i < reasons->len; i++)
    if (!reason_repeated (reasons, i))
      g_ptr_array_add (items, reason_markup (g_ptr_array_index (reasons, i)));
  g_ptr_array_add (items, NULL);
  stride_document_add_bullets (doc, (const char *const *) items->pdata, NULL);
}

static char *
reasons_inline (GPtrArray *reasons)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; reasons != NULL && i < reasons->len; i++)
    {
      g_autofree char *markup = NULL;

      if (reason_repeated (reasons, i))
        continue;
      markup = reason_markup (g_ptr_array_index (reasons, i));
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, markup);
    }
  return g_string_free (text, FALSE);
}

StrideTone
stride_report_triage_tone (StrideTriage triage)
{
  switch (triage)
    {
    case STRIDE_TRIAGE_EMERGENCY:
      return STRIDE_TONE_DANGER;
    case STRIDE_TRIAGE_URGENT:
      return STRIDE_TONE_WARNING;
    case STRIDE_TRIAGE_ROUTINE:
      return STRIDE_TONE_NOTICE;
    case STRIDE_TRIAGE_NONE:
    default:
      return STRIDE_TONE_GOOD;
    }
}

/* ---------------------------------------------------------------- sections */

static void
add_identity (StrideDocument          *doc,
              const StrideReportInput *input)
{
  StrideVisit *visit = stride_report_current_visit (input);
  StridePatient *patient = input->assessment->patient;
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *visit_date = stride_report_format_date (&visit->date);
  const char *clinician = stride_report_clinician (input);
  StrideTextStyle title = { .size = STRIDE_REPORT_BODY_SIZE * STRIDE_TYPE_TITLE, .bold = TRUE };

  stride_document_add_text (doc, _("Clinician report"), &title);
  stride_document_add_space (doc, 4);

  g_ptr_array_add (pairs, g_strdup (_("Patient")));
  g_ptr_array_add (pairs, g_strdup (patient != NULL && patient->name != NULL
                                    ? patient->name : _("not recorded")));
  if (patient != NULL && g_date_valid (&patient->birth_date))
    {
      g_autofree char *born = stride_report_format_date (&patient->birth_date);
      int age = stride_patient_age_on (patient, &visit->date);

      g_ptr_array_add (pairs, g_strdup (_("Born")));
      /* TRANSLATORS: birth date and age, e.g. "12 April 1990 (age 36)" */
      g_ptr_array_add (pairs, g_strdup_printf (_("%s (age %d)"), born, age));
    }
  g_ptr_array_add (pairs, g_strdup (_("Visit")));
  g_ptr_array_add (pairs, g_strdup_printf ("%s, %s%s", visit_date,
                                           visit->kind == STRIDE_VISIT_INITIAL
                                           ? _("initial assessment") : _("follow-up"),
                                           visit->status == STRIDE_VISIT_DRAFT
                                           ? _(" (draft)") : ""));
  g_ptr_array_add (pairs, g_strdup (_("Clinician")));
  g_ptr_array_add (pairs, g_strdup (clinician != NULL ? clinician : _("not recorded")));
  if (input->clinic.contact != NULL && *input->clinic.contact != '\0')
    {
      g_ptr_array_add (pairs, g_strdup (_("Clinic")));
      g_ptr_array_add (pairs, g_strdup_printf ("%s%s%s",
                                               input->clinic.name != NULL ? input->clinic.name : "",
                                               input->clinic.name != NULL ? ", " : "",
                                               input->clinic.contact));
    }
  g_ptr_array_add (pairs, NULL);
  stride_document_add_key_values (doc, (const char *const *) pairs->pdata, 80);
}

/* How many red flag questions the visit left unasked: 0 without a protocol
 * to count them by. */
static guint
red_flags_unasked (const StrideReportInput *input,
                   StrideVisit             *visit)
{
  if (input->protocol == NULL || visit->answers == NULL)
    return 0;
  return stride_protocol_count_unasked (input->protocol, "red-flags", visit->answers);
}

static void
add_triage (StrideDocument *doc,
            StrideFindings *findings,
            StrideVisit    *visit,
            guint           unasked)
{
  g_autoptr(GPtrArray) body = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *plan_restriction = NULL;
  const StrideOverride *override = stride_visit_get_override (visit, "triage");
  double border = findings->triage >= STRIDE_TRIAGE_URGENT ? 2.2 : 1.0;
  /* A triage of none resting on questions nobody asked. */
  gboolean unscreened = findings->triage == STRIDE_TRIAGE_NONE && unasked > 0;

  stride_document_add_heading (doc, 1, _("Triage"));

  /* "No red flags" only once they were all asked about: before, none has
   * fired because none was asked. */
  if (unscreened)
    title = g_markup_printf_escaped ("%s", _("Red flags not all screened"));
  else
    title = g_markup_printf_escaped ("%s", stride_report_triage_headline (findings));

  for (guint i = 0; findings->red_flags != NULL && i < findings->red_flags->len; i++)
    {
      StrideRedFlag *flag = g_ptr_array_index (findings->red_flags, i);
      g_autofree char *reasons = reasons_inline (flag->reasons);
      g_autofree char *restriction = restriction_words (flag->restriction,
                                                        stride_red_flag_stops_running (flag));
      /* TRANSLATORS: a red flag's name, its rule id, then what the plan may hold
       * (e.g. "no running"). Whole sentences per level: an interpolated level word
       * would stay English. */
      g_autofree char *line = g_markup_printf_escaped (
        flag->referral >= STRIDE_TRIAGE_EMERGENCY
          ? _("<b>%s</b> (%s): emergency referral, restriction: %s.")
          : flag->referral == STRIDE_TRIAGE_URGENT
            ? _("<b>%s</b> (%s): urgent referral, restriction: %s.")
            : _("<b>%s</b> (%s): routine referral, restriction: %s."),
        stride_report_red_flag_name (flag->rule_id), flag->rule_id,
        restriction);

      g_ptr_array_add (body, g_strdup_printf ("%s %s", line, reasons));
    }
  if (findings->red_flags == NULL || findings->red_flags->len == 0)
    g_ptr_array_add (body, unasked > 0
                           ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "No red flag found in the questions "
                                                           "answered; %u screening question "
                                                           "was not asked.",
                                                           "No red flag found in the questions "
                                                           "answered; %u screening questions "
                                                           "were not asked.", unasked), unasked)
                           : g_strdup (_("No red flag found in the screening questions.")));

  plan_restriction = restriction_words (findings->restriction, findings->no_running);
  g_ptr_array_add (body, g_markup_printf_escaped ("<b>%s</b> %s", _("Plan restriction:"),
                                                  plan_restriction));
  if (override != NULL)
    g_ptr_array_add (body, override_markup (override, findings));
  g_ptr_array_add (body, NULL);

  /* Grey, not the green of a screening found clear. */
  stride_document_add_box (doc, unscreened ? STRIDE_TONE_NEUTRAL
                                           : stride_report_triage_tone (findings->triage),
                           border, title, STRIDE_REPORT_BODY_SIZE * STRIDE_TYPE_SUBHEAD,
                           (const char *const *) body->pdata, 0);
}

/**
 * stride_report_format_answer:
 * @protocol: the protocol
 * @item: the item answered
 * @value: the canonical answer (stride-answers.h)
 *
 * Returns: (transfer full): the answer for people: choice labels, dates in
 *   words, numbers with their unit, scales out of 10
 */
char *
stride_report_format_answer (StrideProtocol   *protocol,
                             const StrideItem *item,
                             const char       *value)
{
  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  switch (item->type)
    {
    case STRIDE_ITEM_YES_NO:
      return g_strdup (g_str_equal (value, "yes") ? _("yes") : _("no"));

    case STRIDE_ITEM_SCALE:
      /* TRANSLATORS: a pain score out of 10, e.g. 4/10 */
      return g_strdup_printf (_("%s/10"), value);

    case STRIDE_ITEM_NUMBER:
      {
        double number = g_ascii_strtod (value, NULL);
        g_autofree char *text = stride_report_format_number (number);

        if (item->unit != NULL)
          return g_strdup_printf ("%s %s", text, item->unit);
        return g_steal_pointer (&text);
      }

    case STRIDE_ITEM_DATE:
      {
        GDate date;

        g_date_clear (&date, 1);
        g_date_set_parse (&date, value);
        if (g_date_valid (&date))
          return stride_report_format_date (&date);
        return g_strdup (value);
      }

    case STRIDE_ITEM_CHOICE:
    case STRIDE_ITEM_MULTI:
      {
        g_auto(GStrv) ids = g_strsplit (value, " ", -1);
        GString *text = g_string_new (NULL);

        for (guint i = 0; ids[i] != NULL; i++)
          {
            const char *label = ids[i];

            if (*ids[i] == '\0')
              continue;
            for (guint c = 0; item->choices != NULL && c < item->choices->len; c++)
              {
                StrideChoice *choice = g_ptr_array_index (item->choices, c);

                if (g_strcmp0 (choice->id, ids[i]) == 0)
                  label = choice->label;
              }
            if (text->len > 0)
              g_string_append (text, "; ");
            g_string_append (text, label);
          }
        return g_string_free (text, FALSE);
      }

    case STRIDE_ITEM_TEXT:
    default:
      return g_strdup (value);
    }
}

/* The latest visit before @visit that answers @item_id, as the engine finds
 * a carried answer (docs/engine.md), or NULL. */
static StrideVisit *
carried_from (const StrideReportInput *input,
              StrideVisit             *visit,
              const char              *item_id)
{
  GPtrArray *visits = input->assessment->visits;
  guint index = visits->len;

  for (guint i = 0; i < visits->len; i++)
    if (g_ptr_array_index (visits, i) == visit)
      index = i;
  for (guint j = index; j-- > 0;)
    {
      StrideVisit *earlier = g_ptr_array_index (visits, j);

      if (earlier->answers != NULL
          && stride_answers_get (earlier->answers, item_id, STRIDE_SIDE_NONE) != NULL)
        return earlier;
    }
  return NULL;
}

/* The answers of one protocol section, as the protocol words them; at a
 * follow-up, the episode's items it left out with the answers carried from
 * the earlier visit the engine used, marked so, with that visit's date. */
static gboolean
add_answers (StrideDocument          *doc,
             const StrideReportInput *input,
             StrideVisit             *visit,
             const char              *section)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *items;

  if (input->protocol == NULL || visit->answers == NULL)
    return FALSE;

  items = stride_protocol_get_section (input->protocol, section);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const StrideItem *item = g_ptr_array_index (items, i);

      if (item->per_side)
        continue;
      {
        const char *value = stride_answers_get (visit->answers, item->id, STRIDE_SIDE_NONE);
        StrideVisit *earlier = NULL;

        if (value == NULL && item->carried
            && (earlier = carried_from (input, visit, item->id)) != NULL)
          value = stride_answers_get (earlier->answers, item->id, STRIDE_SIDE_NONE);
        if (value == NULL)
          continue;
        g_ptr_array_add (pairs, g_strdup (item->label));
        if (earlier != NULL)
          {
            g_autofree char *answer = stride_report_format_answer (input->protocol, item, value);
            g_autofree char *date = stride_report_format_short_date (&earlier->date);

            /* TRANSLATORS: an answer a follow-up visit did not ask again,
             * kept from the earlier visit of that date, e.g. "Left (carried
             * from the visit of 27 Oct 26)" */
            g_ptr_array_add (pairs, g_strdup_printf (_("%s (carried from the visit of %s)"),
                                                     answer, date));
          }
        else
          g_ptr_array_add (pairs, stride_report_format_answer (input->protocol, item, value));
      }
    }
  if (items != NULL)
    g_ptr_array_unref (items);

  if (pairs->len == 0)
    return FALSE;
  g_ptr_array_add (pairs, NULL);
  stride_document_add_key_values (doc, (const char *const *) pairs->pdata, 230);
  return TRUE;
}

/* History summary: the answers a clinician scans first. */
static void
add_history (StrideDocument          *doc,
             const StrideReportInput *input,
             StrideVisit             *visit,
             StrideFindings          *findings)
{
  static const struct { const char *item; const char *label; } rows[] = {
    { "worst-pain", N_("Worst pain, last week") },
    { "pain-at-rest", N_("Pain at rest") },
    { "pain-during-running", N_("Pain during running") },
    { "pain-after-running", N_("Pain after running") },
  };
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);

  stride_document_add_heading (doc, 1, _("History"));

  /* The history as the protocol words it; without a protocol, the pain
   * scores and the side. */
  if (add_answers (doc, input, visit, "history"))
    goto notes;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *value = visit->answers != NULL
                          ? stride_answers_get (visit->answers, rows[i].item, STRIDE_SIDE_NONE)
                          : NULL;

      g_ptr_array_add (pairs, g_strdup (_(rows[i].label)));
      g_ptr_array_add (pairs, value != NULL ? g_strdup_printf (_("%s/10"), value)
                                            : g_strdup (_("not recorded")));
    }
  g_ptr_array_add (pairs, g_strdup (_("Involved side")));
  g_ptr_array_add (pairs, g_strdup (findings->both_involved ? _("both knees")
                                    : findings->involved == STRIDE_SIDE_LEFT ? _("left knee")
                                    : findings->involved == STRIDE_SIDE_RIGHT ? _("right knee")
                                    : _("not recorded")));
  g_ptr_array_add (pairs, NULL);
  stride_document_add_key_values (doc, (const char *const *) pairs->pdata, 230);

notes:
  if (visit->notes != NULL && *visit->notes != '\0')
    {
      StrideTextStyle style = { .space_before = 4, .italic = TRUE };

      stride_document_add_text (doc, visit->notes, &style);
    }
}

static void
add_load (StrideDocument          *doc,
          const StrideReportInput *input,
          StrideVisit             *visit,
          StrideFindings          *findings)
{
  g_autofree char *line = NULL;

  stride_document_add_heading (doc, 1, _("Load sensitivity"));
  if (add_answers (doc, input, visit, "load-sensitivity"))
    stride_document_add_space (doc, 4);
  line = g_markup_printf_escaped ("<b>%s</b> %s <span size=\"smaller\" allow_breaks=\"false\">"
                                  "[LS-IRRITABILITY]</span>",
                                  _("Irritability:"),
                                  irritability_label (findings->irritability));
  stride_document_add_markup (doc, line, NULL);
  add_reasons (doc, findings->irritability_reasons);

  if (findings->monitor_known)
    {
      g_autofree char *monitor = g_markup_printf_escaped (
        "<b>%s</b> %s%s <span size=\"smaller\" allow_breaks=\"false\">[LS-MONITOR]</span>",
        _("Pain-monitoring rules:"),
        findings->monitor_holds ? _("kept") : _("broken"),
        findings->monitor_pfp_rule ? _(" (stricter patellofemoral rule)") : "");
      StrideTextStyle style = { .space_before = 4 };

      stride_document_add_markup (doc, monitor, &style);
      add_reasons (doc, findings->monitor_reasons);
    }
}

static char *
format_test_value (const StrideTestResult *test,
                   StrideSide              side,
                   StrideVisit            *visit)
{
  const char *unit = stride_report_test_unit (test->test_id);

  /* Strength is in N or in N·m/kg, as the clinician recorded it. */
  if (g_strcmp0 (test->test_id, "MT-QUAD") == 0 && visit != NULL && visit->answers != NULL
      && g_strcmp0 (stride_answers_get (visit->answers, "mt-quad-unit", STRIDE_SIDE_NONE),
                    "nm-kg") == 0)
    unit = "N·m/kg";
  g_autofree char *number = NULL;

  if (!test->tested[side])
    return g_markup_printf_escaped ("<i>%s</i>", _("not tested"));

  if (g_strcmp0 (test->test_id, "MT-SQUAT") == 0)
    {
      int depth = (int) lround (test->value[side]);

      return g_strdup (depth >= 2 ? _("full") : depth == 1 ? _("partial") : _("unable"));
    }
  if (g_strcmp0 (test->test_id, "MT-NOBLE") == 0)
    return g_strdup (test->value[side] > 0.5 ? _("positive") : _("negative"));
  if (g_strcmp0 (test->test_id, "MT-DECLINE") == 0)
    return g_strdup (_("done"));

  number = stride_report_format_number (test->value[side]);
  if (unit != NULL)
    return g_markup_printf_escaped ("%s %s", number, unit);
  return g_markup_escape_text (number, -1);
}

static char *
format_test_pain (const StrideTestResult *test)
{
  GString *text = g_string_new (NULL);

  if (test->per_side && !test->has_pain[STRIDE_SIDE_LEFT] && !test->has_pain[STRIDE_SIDE_RIGHT])
    g_string_append (text, "–");
  else if (test->per_side)
    {
      for (StrideSide side = STRIDE_SIDE_LEFT; side <= STRIDE_SIDE_RIGHT; side++)
        {
          g_autofree char *pain = test->has_pain[side]
                                  ? stride_report_format_number (test->pain[side])
                                  : g_strdup ("–");

          if (side == STRIDE_SIDE_RIGHT)
            g_string_append (text, " · ");
          /* TRANSLATORS: L and R: left and right, before a pain score */
          g_string_append_printf (text, "%s %s", side == STRIDE_SIDE_LEFT ? _("L") : _("R"),
                                  pain);
        }
    }
  else if (test->has_pain[STRIDE_SIDE_NONE])
    {
      g_autofree char *pain = stride_report_format_number (test->pain[STRIDE_SIDE_NONE]);

      g_string_append (text, pain);
    }
  else
    g_string_append (text, "–");

  return g_string_free (text, FALSE);
}

static void
add_tests (StrideDocument *doc,
           StrideFindings *findings,
           StrideVisit    *visit)
{
  StrideTable *table;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  StrideTextStyle note = { .size = STRIDE_REPORT_BODY_SIZE * STRIDE_TYPE_SMALL, .space_before = 3 };

  stride_document_add_heading (doc, 1, _("Movement tolerance"));

  /* The involved side is named in its column's title. */
  left = findings->both_involved || findings->involved == STRIDE_SIDE_LEFT
         ? g_strdup_printf ("%s (%s)", _("Left"), _("involved")) : g_strdup (_("Left"));
  right = findings->both_involved || findings->involved == STRIDE_SIDE_RIGHT
          ? g_strdup_printf ("%s (%s)", _("Right"), _("involved")) : g_strdup (_("Right"));

  table = stride_document_add_table (doc, 7);
  stride_table_set_column (table, 0, _("Test"), 3.0, STRIDE_ALIGN_LEFT);
  stride_table_set_column (table, 1, left, 1.35, STRIDE_ALIGN_RIGHT);
  stride_table_set_column (table, 2, right, 1.35, STRIDE_ALIGN_RIGHT);
  stride_table_set_column (table, 3, _("LSI"), 0.9, STRIDE_ALIGN_RIGHT);
  stride_table_set_column (table, 4, _("Pain (NRS)"), 1.2, STRIDE_ALIGN_RIGHT);
  stride_table_set_column (table, 5, _("Reference"), 2.5, STRIDE_ALIGN_LEFT);
  stride_table_set_column (table, 6, _("Met"), 1.2, STRIDE_ALIGN_LEFT);

  for (guint i = 0; findings->tests != NULL && i < findings->tests->len; i++)
    {
      const StrideTestResult *test = g_ptr_array_index (findings->tests, i);
      const StrideCriterion *criterion = stride_findings_get_criterion (findings, test->test_id);
      g_autofree char *name = NULL;
      g_autofree char *value_l = NULL;
      g_autofree char *value_r = NULL;
      g_autofree char *lsi = NULL;
      g_autofree char *pain = format_test_pain (test);
      g_autofree char *reference = g_markup_escape_text (test->reference != NULL
                                                         ? test->reference : "", -1);
      g_autofree char *met = NULL;
      const char *cells[8];

      /* The engine words the reason, "not tested: bone stress suspected". */
      if (test->not_tested_reason != NULL)
        name = g_markup_printf_escaped ("%s\n<span size=\"smaller\"><i>%s</i></span>",
                                        stride_report_test_name (test->test_id),
                                        test->not_tested_reason);
      else
        name = g_markup_escape_text (stride_report_test_name (test->test_id), -1);

      if (test->per_side)
        {
          value_l = format_test_value (test, STRIDE_SIDE_LEFT, visit);
          value_r = format_test_value (test, STRIDE_SIDE_RIGHT, visit);
        }
      else
        {
          /* A single test fills the involved side's column. */
          value_l = format_test_value (test, STRIDE_SIDE_NONE, visit);
          value_r = g_strdup ("");
          if (findings->involved == STRIDE_SIDE_RIGHT)
            {
              char *swap = value_l;

              value_l = value_r;
              value_r = swap;
            }
        }

      if (test->has_lsi)
        {
          /* Rounded half up like `stride-cli evaluate` prints it (31.25 → 31.3). */
          g_autofree char *number = stride_report_format_lsi (test->lsi);

          lsi = g_strdup_printf ("%s %%", number);
        }
      else
        lsi = g_strdup (test->per_side ? "–" : "");

      if (criterion != NULL)
        met = g_markup_printf_escaped (criterion->state == STRIDE_CRITERION_NOT_MET
                                       ? "<b>%s</b>" : "%s",
                                       criterion_label (criterion->state));
      else
        met = g_strdup ("–");

      cells[0] = name;
      cells[1] = value_l;
      cells[2] = value_r;
      cells[3] = lsi;
      cells[4] = pain;
      cells[5] = reference;
      cells[6] = met;
      cells[7] = NULL;
      stride_table_add_row (table, cells);
    }

  if (findings->tests == NULL || findings->tests->len == 0)
    stride_document_add_text (doc, _("No movement tests recorded."), NULL);
  else
    stride_document_add_text (doc, findings->both_involved
                              ? _("Both knees are involved: no LSI; each side is judged "
                                  "against the reference values. “–”: not a "
                                  "return-to-run criterion, or no pain recorded.")
                              : _("LSI = involved ÷ uninvolved × 100. “–”: not a return-to-run "
                                  "criterion, no LSI for this test, or no pain recorded."),
                              &note);

  if (findings->presentation.suggest_referred_screen)
    {
      StrideTextStyle style = { .space_before = 4 };

      /* The id unbroken, as in reason_markup(); the translated sentence kept. */
      g_auto(GStrv) parts = g_strsplit (_("<b>No knee test reproduced the familiar pain:</b> "
                                          "examine the hip and screen the lumbar spine (L3–4) "
                                          "for referred pain. [PR-REFERRED]"),
                                        "[PR-REFERRED]", -1);
      g_autofree char *markup = g_strjoinv ("<span allow_breaks=\"false\">[PR-REFERRED]</span>",
                                            parts);

      stride_document_add_markup (doc, markup, &style);
    }
}

static void
add_rtr (StrideDocument *doc,
         StrideFindings *findings)
{
  StrideTable *table;
  guint met = 0;
  g_autofree char *summary = NULL;

  stride_document_add_heading (doc, 1, _("Return-to-run criteria"));

  table = stride_document_add_table (doc, 3);
  stride_table_set_column (table, 0, _("Criterion (MT-RTR)"), 4.0, STRIDE_ALIGN_LEFT);
  stride_table_set_column (table, 1, _("State"), 1.1, STRIDE_ALIGN_LEFT);
  stride_table_set_column (table, 2, _("Why"), 5.0, STRIDE_ALIGN_LEFT);

  for (guint i = 0; findings->rtr != NULL && i < findings->rtr->len; i++)
    {
      const StrideCriterion *criterion = g_ptr_array_index (findings->rtr, i);
      g_autofree char *name = g_markup_escape_text (stride_report_criterion_name (criterion->id),
                                                    -1);
      g_autofree char *state = g_markup_printf_escaped (criterion->state == STRIDE_CRITERION_MET
                                                        ? "%s" : "<b>%s</b>",
                                                        criterion_label (criterion->state));
      g_autofree char *why = reasons_inline (criterion->reasons);
      const char *cells[] = { name, state, why, NULL };

      if (criterion->state == STRIDE_CRITERION_MET)
        met++;
      stride_table_add_row (table, cells);
    }

  summary = g_strdup_printf (_("%u of %u criteria met. A criterion not tested counts as not met "
                               "(MT-QUAD only counts when measured)."),
                             met, findings->rtr != NULL ? findings->rtr->len : 0);
  {
    StrideTextStyle note = { .size = STRIDE_REPORT_BODY_SIZE * STRIDE_TYPE_SMALL,
                             .space_before = 3 };

    stride_document_add_text (doc, summary, &note);
  }
}

static void
add_presentation (StrideDocument *doc,
                  StrideFindings *findings,
                  StrideVisit    *visit)
{
  StridePresentation *p = &findings->presentation;
  g_autofree char *line = NULL;
  const StrideOverride *override = stride_visit_get_override (visit, "presentation");
  const char *kind;

  stride_document_add_heading (doc, 1, _("Presentation"));

  kind = presentation_kind_label (p->kind);

  if (p->kind == STRIDE_PRESENTATION_MIXED && p->secondary != NULL)
    line = g_markup_printf_escaped ("<b>%s:</b> %s (%s) %s %s (%s)", kind,
                                    stride_report_presentation_name (p->primary), p->primary,
                                    _("and"), stride_report_presentation_name (p->secondary),
                                    p->secondary);
  else if (p->primary != NULL && p->kind != STRIDE_PRESENTATION_UNCLEAR)
    line = g_markup_printf_escaped ("<b>%s:</b> %s (%s)", kind,
                                    stride_report_presentation_name (p->primary), p->primary);
  else
    line = g_markup_printf_escaped ("<b>%s</b>", kind);
  stride_document_add_markup (doc, line, NULL);

  if (p->scores != NULL && g_hash_table_size (p->scores) > 0)
    {
      static const char *patterns[] = { "PR-PFP", "PR-ITBS", "PR-PT", "PR-APOPHYSITIS" };
      GString *scores = g_string_new (_("Scores:"));

      for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
        {
          gpointer value;

          if (g_hash_table_lookup_extended (p->scores, patterns[i], NULL, &value))
            g_string_append_printf (scores, " %s %d%s", patterns[i], GPOINTER_TO_INT (value),
                                    i + 1 < G_N_ELEMENTS (patterns) ? "," : "");
        }
      if (scores->len > 0 && scores->str[scores->len - 1] == ',')
        g_string_truncate (scores, scores->len - 1);
      stride_document_add_text (doc, scores->str, NULL);
      g_string_free (scores, TRUE);
    }
  if (p->capped_by_injury)
    stride_document_add_text (doc, _("An injury in this episode caps every pattern at "
                                     "“possible”."), NULL);
  if (p->features != NULL && p->features->len > 0)
    {
      StrideTextStyle style = { .space_before = 3, .bold = TRUE };

      stride_document_add_text (doc, _("Features that counted:"), &style);
      add_reasons (doc, p->features);
    }
  if (override != NULL)
    {
      g_autofree char *text = override_markup (override, findings);

      stride_document_add_markup (doc, text, NULL);
    }
}

static void
add_phase (StrideDocument *doc,
           StrideFindings *findings,
           StrideVisit    *visit)
{
  g_autofree char *line = NULL;
  const char *followup = followup_label (findings->followup);
  const StrideOverride *override = stride_visit_get_override (visit, "phase");

  stride_document_add_heading (doc, 1, _("Phase"));

  if (followup != NULL)
    line = g_markup_printf_escaped ("<b>%s</b> (%s: %s)", phase_label (findings->phase),
                                    _("follow-up decision"), followup);
  else
    line = g_markup_printf_escaped ("<b>%s</b>", phase_label (findings->phase));
  stride_document_add_markup (doc, line, NULL);
  /* The phase and the follow-up decision can give the same reason
   * ("Hold phase 3."): one list, each reason once. */
  {
    g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

    for (guint i = 0; findings->phase_reasons != NULL && i < findings->phase_reasons->len; i++)
      g_ptr_array_add (reasons, g_ptr_array_index (findings->phase_reasons, i));
    for (guint i = 0; findings->followup_reasons != NULL
                      && i < findings->followup_reasons->len; i++)
      g_ptr_array_add (reasons, g_ptr_array_index (findings->followup_reasons, i));
    add_reasons (doc, reasons);
  }
  if (findings->dose_step_down)
    stride_document_add_text (doc, _("Doses held one step lower (PH-FU rule 4)."), NULL);
  if (findings->phase_done)
    stride_document_add_text (doc, _("Phase 3 finished: maintenance plan (PH-DONE)."), NULL);
  if (override != NULL)
    {
      g_autofree char *text = override_markup (override, findings);

      stride_document_add_markup (doc, text, NULL);
    }
}

static const char *
override_what_label (const char *what)
{
  if (g_strcmp0 (what, "triage") == 0)
    return _("Triage");
  if (g_strcmp0 (what, "phase") == 0)
    return _("Phase");
  if (g_strcmp0 (what, "presentation") == 0)
    return _("Presentation");
  return what;
}

static void
add_overrides (StrideDocument *doc,
               StrideFindings *findings,
               StrideVisit    *visit)
{
  StrideTable *table;

  if (visit->overrides == NULL || visit->overrides->len == 0)
    return;

  stride_document_add_heading (doc, 1, _("Clinician overrides"));
  table = stride_document_add_table (doc, 4);
  stride_table_set_column (table, 0, _("What"), 1.2, STRIDE_ALIGN_LEFT);
  stride_table_set_column (table, 1, _("Computed"), 1.9, STRIDE_ALIGN_LEFT);
  stride_table_set_column (table, 2, _("Set to"), 1.9, STRIDE_ALIGN_LEFT);
  stride_table_set_column (table, 3, _("Reason"), 3.9, STRIDE_ALIGN_LEFT);
  for (guint i = 0; i < visit->overrides->len; i++)
    {
      StrideOverride *override = g_ptr_array_index (visit->overrides, i);
      g_autofree char *what = g_markup_escape_text (override_what_label (override->what), -1);
      g_autofree char *computed_text = override_value_words (override, findings, TRUE);
      g_autofree char *value_text = override_value_words (override, findings, FALSE);
      g_autofree char *computed = g_markup_escape_text (computed_text, -1);
      g_autofree char *value = g_markup_printf_escaped ("<b>%s</b>", value_text);
      g_autofree char *reason = g_markup_escape_text (override->reason != NULL
                                                      ? override->reason : _("none given"), -1);
      const char *cells[] = { what, computed, value, reason, NULL };

      stride_table_add_row (table, cells);
    }
}

static const char *
running_rule_label (const char *rule_id)
{
  if (g_strcmp0 (rule_id, "RP-WALKRUN") == 0)
    return _("Graded walk-run");
  if (g_strcmp0 (rule_id, "RP-MODIFY") == 0)
    return _("Modified running");
  return _("No running for now");
}

const char *
stride_report_walkrun_stage (int stage)
{
  switch (stage)
    {
    case 1:
      return _("5 × (walk 4 min, jog 2 min)");
    case 2:
      return _("5 × (walk 3 min, jog 3 min)");
    case 3:
      return _("5 × (walk 2 min, jog 4 min)");
    case 4:
      return _("2 × (jog 14 min, walk 2 min)");
    case 5:
      return _("Jog 30 min continuously");
    default:
      return "";
    }
}

static void
add_plan (StrideDocument          *doc,
          const StrideReportInput *input,
          StrideFindings          *findings)
{
  const StridePlan *plan = input->plan;
  StrideTable *table;

  stride_document_add_heading (doc, 1, _("Exercise plan"));

  if (plan == NULL || plan->items->len == 0)
    {
      stride_document_add_text (doc, findings->restriction == STRIDE_RESTRICTION_NO_PLAN
                                ? _("No exercise programme: the red flags above come first.")
                                : findings->triage == STRIDE_TRIAGE_EMERGENCY
                                ? _("No exercise programme: the emergency referral above "
                                    "comes first.")
                                : _("No exercises in the plan."), NULL);
      return;
    }

  if (plan->edited)
    stride_document_add_text (doc, _("Edited by the clinician from the suggested plan."), NULL);
  if (plan->maintenance)
    stride_document_add_text (doc, _("Maintenance plan: strength work twice a week for at least "
                                     "3 more months."), NULL);

  table = stride_document_add_table (doc, 4);
  stride_table_set_column (table, 0, _("Exercise"), 3.0, STRIDE_ALIGN_LEFT);
  stride_table_set_column (table, 1, _("Dose"), 1.8, STRIDE_ALIGN_RIGHT);
  stride_table_set_column (table, 2, _("How often"), 1.8, STRIDE_ALIGN_LEFT);
  stride_table_set_column (table, 3, _("Why"), 4.2, STRIDE_ALIGN_LEFT);

  for (guint i = 0; i < plan->items->len; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);
      const StrideExercise *exercise = stride_report_lookup_exercise (input, item->exercise_id);
      g_autofree char *name = g_markup_printf_escaped ("%s\n<span size=\"smaller\" "
                                                       "foreground=\"#555\">%s</span>",
                                                       exercise != NULL ? exercise->name
                                                                        : item->exercise_id,
                                                       item->exercise_id);
      g_autofree char *dose_text = stride_plan_item_format_dose (item);
      g_autofree char *dose = g_markup_escape_text (dose_text, -1);
      g_autofree char *often = g_markup_escape_text (
        stride_report_frequency_in_words (item->frequency), -1);
      g_autofree char *why = reasons_inline (item->reasons);
      g_autofree char *why_note = NULL;
      const char *cells[5];

      if (item->note != NULL && *item->note != '\0')
        why_note = g_markup_printf_escaped ("%s%s<i>%s</i>", "", "", item->note);
      cells[0] = name;
      cells[1] = dose;
      cells[2] = often;
      cells[3] = why_note != NULL ? (why[0] != '\0' ? g_strconcat (why, "; ", why_note, NULL)
                                                    : g_strdup (why_note))
                                  : g_strdup (why);
      cells[4] = NULL;
      stride_table_add_row (table, cells);
      g_free ((char *) cells[3]);
    }
}

/* Each fact of the running plan once, as a sentence: the planner's
 * `detail` line only repeats them in lower case (evaluate's running.detail
 * is the stable form), so it is not printed. */
static void
add_running (StrideDocument   *doc,
             const StridePlan *plan,
             StrideFindings   *findings)
{
  g_autofree char *line = NULL;

  stride_document_add_heading (doc, 1, _("Running plan"));
  if (plan == NULL)
    {
      stride_document_add_text (doc, _("No running plan."), NULL);
      return;
    }

  line = g_markup_printf_escaped ("<b>%s</b> (%s)", running_rule_label (plan->running.rule_id),
                                  plan->running.rule_id);
  stride_document_add_markup (doc, line, NULL);
  if (g_strcmp0 (plan->running.rule_id, "RP-WALKRUN") == 0 && findings->phase_done)
    stride_document_add_text (doc, _("Walk-run finished: usual running again, rebuilding volume "
                                     "within the spike limit."), NULL);
  else if (g_strcmp0 (plan->running.rule_id, "RP-WALKRUN") == 0
           && plan->running.walkrun_stage > 0)
    {
      g_autofree char *stage = g_strdup_printf (_("Stage %d of 5: %s"),
                                                plan->running.walkrun_stage,
                                                stride_report_walkrun_stage (
                                                  plan->running.walkrun_stage));

      stride_document_add_text (doc, stage, NULL);
    }
  if (g_strcmp0 (plan->running.rule_id, "RP-MODIFY") == 0 && !plan->running.paused
      && !plan->running.has_shortened
      && (!findings->monitor_known || findings->monitor_holds))
    stride_document_add_text (doc, _("Keep the current runs."), NULL);
  if (plan->running.paused)
    stride_document_add_text (doc, _("Running paused: pain within 10 minutes or worse the next "
                                     "morning."), NULL);
  if (plan->running.has_shortened)
    {
      /* Up to 2 decimals, as evaluate prints them: 75 % of 3 km is 2.25 km. */
      g_autofree char *minutes = stride_report_format_decimal (plan->running.shortened_minutes, 2);
      g_autofree char *km = stride_report_format_decimal (plan->running.shortened_km, 2);
      g_autofree char *text = NULL;

      if (plan->running.shortened_km > 0)
        text = g_strdup_printf (_("Runs shortened to %s min or %s km (75 %% of pain onset)."),
                                minutes, km);
      else
        text = g_strdup_printf (_("Runs shortened to %s min (75 %% of pain onset)."), minutes);
      stride_document_add_text (doc, text, NULL);
    }
  if (plan->running.has_spike_limit)
    {
      g_autofree char *km = stride_report_format_decimal (plan->running.spike_limit_km, 1);
      g_autofree char *text = g_strdup_printf (_("No single run longer than %s km (RP-SPIKE: "
                                                 "longest run of the last 30 days + 10 %%)."),
                                               km);

      stride_document_add_text (doc, text, NULL);
    }
  if (plan->running.advice != NULL && plan->running.advice->len > 0)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < plan->running.advice->len; i++)
        g_ptr_array_add (items, g_markup_escape_text (
                           stride_running_advice_describe (g_ptr_array_index (plan->running.advice, i)),
                           -1));
      g_ptr_array_add (items, NULL);
      stride_document_add_bullets (doc, (const char *const *) items->pdata, NULL);
    }
  add_reasons (doc, plan->running.reasons);
}

static void
add_education (StrideDocument          *doc,
               const StrideReportInput *input)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  const StridePlan *plan = input->plan;

  stride_document_add_heading (doc, 1, _("Education given"));
  if (plan == NULL || plan->education->len == 0)
    {
      stride_document_add_text (doc, _("None recorded."), NULL);
      return;
    }
  for (guint i = 0; i < plan->education->len; i++)
    {
      const char *id = g_ptr_array_index (plan->education, i);
      StrideEducationText text = { NULL, NULL };

      if (stride_report_lookup_education (input, id, &text))
        g_ptr_array_add (items, g_markup_printf_escaped ("%s <span size=\"smaller\" "
                                                         "foreground=\"#555\">(%s)</span>",
                                                         text.title, id));
      else
        g_ptr_array_add (items, g_markup_escape_text (id, -1));
      stride_education_text_clear (&text);
    }
  g_ptr_array_add (items, NULL);
  stride_document_add_bullets (doc, (const char *const *) items->pdata, NULL);
}

/* Worst pain and running pain from a visit's answers. */
static gboolean
visit_number (StrideVisit *visit,
              const char  *item,
              double      *out)
{
  return visit->answers != NULL
         && stride_answers_get_number (visit->answers, item, STRIDE_SIDE_NONE, out);
}

static char *
nrs_with_change (gboolean have,
                 double   value,
                 gboolean have_before,
                 double   before)
{
  g_autofree char *number = NULL;

  if (!have)
    return g_markup_printf_escaped ("<i>%s</i>", _("not recorded"));
  number = stride_report_format_number (value);
  if (have_before && fabs (value - before) >= 2.0 - 1e-9)
    {
      g_autofree char *delta = stride_report_format_number (fabs (value - before));

      /* A symbol and the size of the change: never colour alone. */
      return g_markup_printf_escaped ("<b>%s %s%s%s</b>", number,
                                      value < before ? "▼" : "▲",
                                      value < before ? "−" : "+", delta);
    }
  return g_markup_escape_text (number, -1);
}

static void
add_progress (StrideDocument          *doc,
              const StrideReportInput *input)
{
  GPtrArray *visits = input->assessment->visits;
  guint n = MIN (visits->len, input->findings != NULL ? input->findings->len : 0);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  StrideTable *table;
  static const char *lsi_tests[] = { "MT-SLS", "MT-BRIDGE", "MT-CALF", "MT-HOP", "MT-HOPDIST",
                                     "MT-QUAD" };
  StrideTextStyle note = { .size = STRIDE_REPORT_BODY_SIZE * STRIDE_TYPE_SMALL, .space_before = 3 };

  stride_document_add_heading (doc, 1, _("Progress over visits"));

  for (guint i = 0; i < n; i++)
    {
      StrideVisit *visit = g_ptr_array_index (visits, i);

      g_ptr_array_add (labels, stride_report_format_short_date (&visit->date));
    }
  g_ptr_array_add (labels, NULL);

  if (n >= 2)
    {
      GPtrArray *charts = g_ptr_array_new ();
      StrideChart *pain = stride_chart_new (_("Pain over time"), _("Pain (NRS 0–10)"), 0, 10, 2,
                                            (const char *const *) labels->pdata);
      StrideChartSeries *worst = stride_chart_add_series (pain, _("Worst pain, last week"),
                                                          STRIDE_MARKER_CIRCLE);
      StrideChartSeries *running = stride_chart_add_series (pain, _("Pain during running"),
                                                            STRIDE_MARKER_SQUARE);

      pain->x_label = g_strdup (_("Visit date"));
      for (guint i = 0; i < n; i++)
        {
          StrideVisit *visit = g_ptr_array_index (visits, i);
          double value;

          if (visit_number (visit, "worst-pain", &value))
            stride_chart_set_value (worst, i, value);
          if (visit_number (visit, "pain-during-running", &value))
            stride_chart_set_value (running, i, value);
        }
      g_ptr_array_add (charts, pain);
      stride_document_add_charts (doc, charts, 1, 165);

      /* LSI: one small chart per test, each with the 90 % line, rather
       * than a tangle of lines in one. */
      charts = g_ptr_array_new ();
      for (guint t = 0; t < G_N_ELEMENTS (lsi_tests); t++)
        {
          StrideChart *lsi = NULL;
          StrideChartSeries *series = NULL;

          for (guint i = 0; i < n; i++)
            {
              StrideFindings *findings = g_ptr_array_index (input->findings, i);
              const StrideTestResult *test = stride_findings_get_test (findings, lsi_tests[t]);

              if (test == NULL || !test->has_lsi)
                continue;
              if (lsi == NULL)
                {
                  /* TRANSLATORS: a chart title: "LSI: Single-leg bridge" */
                  g_autofree char *title = g_strdup_printf (_("LSI: %s"),
                                                            stride_report_test_name (lsi_tests[t]));

                  lsi = stride_chart_new (title, _("LSI (%)"), 40, 120, 20,
                                          (const char *const *) labels->pdata);
                  stride_chart_set_threshold (lsi, 90, _("90 %"));
                  /* One decimal, as in the table and in evaluate. */
                  lsi->value_digits = 1;
                  series = stride_chart_add_series (lsi, title, STRIDE_MARKER_CIRCLE);
                }
              stride_chart_set_value (series, i, stride_engine_round_one_decimal (test->lsi));
            }
          if (lsi != NULL)
            g_ptr_array_add (charts, lsi);
        }
      if (charts->len > 0)
        stride_document_add_charts (doc, charts, 3, 125);
      else
        g_ptr_array_unref (charts);
    }
  else
    stride_document_add_text (doc, _("First visit: charts appear from the second visit."), NULL);

  table = stride_document_add_table (doc, 7);
  stride_table_set_column (table, 0, _("Visit"), 1.3, STRIDE_ALIGN_LEFT);
  stride_table_set_column (table, 1, _("Worst pain"), 1.2, STRIDE_ALIGN_RIGHT);
  stride_table_set_column (table, 2, _("Running pain"), 1.2, STRIDE_ALIGN_RIGHT);
  stride_table_set_column (table, 3, _("Irritability"), 1.2, STRIDE_ALIGN_LEFT);
  stride_table_set_column (table, 4, _("Phase"), 0.8, STRIDE_ALIGN_RIGHT);
  stride_table_set_column (table, 5, _("RTR met"), 1.0, STRIDE_ALIGN_RIGHT);
  stride_table_set_column (table, 6, _("Lowest LSI"), 1.9, STRIDE_ALIGN_RIGHT);

  for (guint i = 0; i < n; i++)
    {
      StrideVisit *visit = g_ptr_array_index (visits, i);
      StrideVisit *before = i > 0 ? g_ptr_array_index (visits, i - 1) : NULL;
      StrideFindings *findings = g_ptr_array_index (input->findings, i);
      double worst = 0, worst_before = 0, run = 0, run_before = 0;
      gboolean have_worst = visit_number (visit, "worst-pain", &worst);
      gboolean have_run = visit_number (visit, "pain-during-running", &run);
      gboolean have_worst_before = before != NULL && visit_number (before, "worst-pain",
                                                                   &worst_before);
      gboolean have_run_before = before != NULL && visit_number (before, "pain-during-running",
                                                                 &run_before);
      g_autofree char *date = g_markup_escape_text (g_ptr_array_index (labels, i), -1);
      g_autofree char *worst_text = nrs_with_change (have_worst, worst, have_worst_before,
                                                     worst_before);
      g_autofree char *run_text = nrs_with_change (have_run, run, have_run_before, run_before);
      g_autofree char *phase = findings->phase == STRIDE_PHASE_NONE
                               ? g_strdup ("–") : g_strdup_printf ("%d", findings->phase);
      g_autofree char *rtr = NULL;
      g_autofree char *lowest = NULL;
      guint met = 0;
      double low = G_MAXDOUBLE;
      const char *low_test = NULL;
      const char *cells[8];

      for (guint c = 0; findings->rtr != NULL && c < findings->rtr->len; c++)
        if (((StrideCriterion *) g_ptr_array_index (findings->rtr, c))->state
            == STRIDE_CRITERION_MET)
          met++;
      rtr = g_strdup_printf ("%u/%u", met, findings->rtr != NULL ? findings->rtr->len : 0);

      for (guint t = 0; findings->tests != NULL && t < findings->tests->len; t++)
        {
          const StrideTestResult *test = g_ptr_array_index (findings->tests, t);

          if (test->has_lsi && test->lsi < low)
            {
              low = test->lsi;
              low_test = test->test_id;
            }
        }
      if (low_test != NULL)
        {
          g_autofree char *number = stride_report_format_lsi (low);

          lowest = g_markup_printf_escaped ("%s %% <span size=\"smaller\">(%s)</span>", number,
                                            low_test);
        }
      else
        lowest = g_markup_printf_escaped ("<i>%s</i>", _("not tested"));

      cells[0] = date;
      cells[1] = worst_text;
      cells[2] = run_text;
      cells[3] = irritability_label (findings->irritability);
      cells[4] = phase;
      cells[5] = rtr;
      cells[6] = lowest;
      cells[7] = NULL;
      stride_table_add_row (table, cells);
    }

  stride_document_add_text (doc, _("▲ / ▼ with the change: pain rose or fell by 2 or more NRS "
                                   "points since the previous visit."), &note);
}

static void
add_closing (StrideDocument          *doc,
             const StrideReportInput *input)
{
  const char *labels[3];
  g_autofree char *review = NULL;
  g_autofree char *line = NULL;

  if (input->amendments != NULL && input->amendments->len > 0)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

      stride_document_add_heading (doc, 1, _("Amendments"));
      for (guint i = 0; i < input->amendments->len; i++)
        g_ptr_array_add (items, g_markup_escape_text (g_ptr_array_index (input->amendments, i),
                                                      -1));
      g_ptr_array_add (items, NULL);
      stride_document_add_bullets (doc, (const char *const *) items->pdata, NULL);
    }

  /* The next review and the signature that closes the report: together. */
  stride_document_begin_group (doc);
  stride_document_add_heading (doc, 1, _("Next review"));
  review = stride_report_format_date (input->plan != NULL ? &input->plan->next_review : NULL);
  line = g_markup_printf_escaped ("<b>%s</b>", review);
  stride_document_add_markup (doc, line, NULL);

  labels[0] = _("Clinician’s signature");
  labels[1] = _("Date");
  labels[2] = NULL;
  stride_document_add_signature (doc, labels);
  stride_document_end_group (doc);
}

static char *
footer_text (const StrideReportInput *input)
{
  StrideVisit *visit = stride_report_current_visit (input);
  g_autofree char *date = stride_report_format_date (&visit->date);
  StridePatient *patient = input->assessment->patient;

  /* The date first: a long name is what gets cut short. */
  /* TRANSLATORS: footer of printed documents: visit date, patient name */
  return g_strdup_printf (_("Visit of %s · %s"), date,
                          patient != NULL && patient->name != NULL ? patient->name : "");
}

void
stride_report_setup_document (StrideDocument          *doc,
                              const StrideReportInput *input,
                              const char              *title,
                              const char              *subject)
{
  g_autofree char *footer = footer_text (input);
  const char *clinic = input->clinic.name != NULL && *input->clinic.name != '\0'
                       ? input->clinic.name : _("Stride");

  stride_document_set_metadata (doc, title, clinic, subject);
  stride_document_set_header (doc, clinic, title);
  stride_document_set_footer (doc, footer);
}

/**
 * stride_report_preload_fonts:
 *
 * Opens the fonts that a report uses (stride_document_preload_fonts()).
 */
void
stride_report_preload_fonts (void)
{
  static const StrideFontStyle styles[] = {
    { STRIDE_TYPE_TITLE, TRUE, FALSE },
    { STRIDE_TYPE_HEADING, TRUE, FALSE },
    { STRIDE_TYPE_SUBHEAD, TRUE, FALSE },
    { 1.0, FALSE, FALSE },
    { 1.0, TRUE, FALSE },
    { 1.0, FALSE, TRUE },
    { STRIDE_TYPE_SMALL, FALSE, FALSE },
    { STRIDE_TYPE_SMALL, TRUE, FALSE },
    { STRIDE_TYPE_TINY, FALSE, FALSE },
    { STRIDE_TYPE_TINY, TRUE, FALSE },
  };

  stride_document_preload_fonts (STRIDE_REPORT_BODY_SIZE, styles, G_N_ELEMENTS (styles));
}

/**
 * stride_report_build:
 * @input: the visit, its findings and plan, and the clinic
 *
 * Builds the clinician report for the last visit of @input.
 *
 * Returns: (transfer full): the report, ready to draw
 */
StrideDocument *
stride_report_build (const StrideReportInput *input)
{
  StrideDocument *doc;
  StrideVisit *visit;
  StrideFindings *findings;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (input->assessment != NULL, NULL);
  visit = stride_report_current_visit (input);
  findings = stride_report_current_findings (input);
  g_return_val_if_fail (visit != NULL && findings != NULL, NULL);

  doc = stride_document_new (input->paper, STRIDE_REPORT_BODY_SIZE);
  stride_report_setup_document (doc, input, _("Clinician report"),
                                _("Assessment of a runner with knee pain: findings, plan and "
                                  "progress"));

  add_identity (doc, input);
  add_triage (doc, findings, visit, red_flags_unasked (input, visit));
  add_history (doc, input, visit, findings);
  add_load (doc, input, visit, findings);
  add_tests (doc, findings, visit);
  add_rtr (doc, findings);
  add_presentation (doc, findings, visit);
  add_phase (doc, findings, visit);
  add_overrides (doc, findings, visit);
  add_plan (doc, input, findings);
  add_running (doc, input->plan, findings);
  add_education (doc, input);
  add_progress (doc, input);
  add_closing (doc, input);

  return doc;
}
