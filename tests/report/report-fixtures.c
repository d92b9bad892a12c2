/* report-fixtures.c: visits, findings and plans filled by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "report-fixtures.h"

/* A small exercise library of our own, so these tests do not depend on the
 * real one's wording. */
static const char *const wall_sit_steps[] = {
  "Stand with your back against a wall, feet a step away from it.",
  "Slide down until your knees are bent to about 60 degrees.",
  "Hold still and breathe normally.",
  NULL
};
static const char *const step_down_steps[] = {
  "Stand sideways on a low step on your sore leg.",
  "Slowly lower the other heel towards the floor, keeping your knee over your toes.",
  "Push back up without locking your knee.",
  NULL
};
static const char *const clam_steps[] = {
  "Lie on your side with your knees bent and your feet together.",
  "Lift your top knee without rolling your hips back.",
  NULL
};
static const char *const bridge_steps[] = {
  "Lie on your back with one heel on a box and the other leg in the air.",
  "Push through your heel and lift your hips until your body is straight.",
  "Lower slowly.",
  NULL
};
static const char *const calf_steps[] = {
  "Stand on one leg on the edge of a step, holding on for balance.",
  "Rise onto your toes as high as you can, then lower slowly below the step.",
  NULL
};
static const char *const long_steps[] = {
  "Stand tall on both feet with a resistance band tied firmly around both legs just above "
  "the knees, and your hands resting on a chair or a kitchen worktop for balance.",
  "Take a slow, controlled step to the side with one foot, keeping your toes pointing forward "
  "and your hips level the whole time, then bring the other foot after it.",
  "Keep the band tight between your knees the whole time and do not let your knees fall "
  "inwards; if they do, take smaller steps or use a lighter band.",
  "Walk back the other way the same number of steps, then rest before the next set.",
  NULL
};

#define EXERCISE(id_, name_, steps_, caution_) \
  { (char *) id_, (char *) name_, 0, NULL, NULL, NULL, 0, 0, 0, FALSE, NULL, NULL, NULL, NULL, \
    (char **) steps_, (char *) caution_, NULL }

static StrideExercise exercises[] = {
  EXERCISE ("wall-sit-60", "Wall sit at 60°", wall_sit_steps,
            "Stop if the pain goes above 5."),
  EXERCISE ("lateral-step-down", "Lateral step-down", step_down_steps,
            "Go only as low as you can without pain above 3."),
  EXERCISE ("clam", "Clamshell", clam_steps, "Keep the movement slow."),
  EXERCISE ("sl-bridge-box", "Single-leg bridge, heel on box", bridge_steps,
            "Stop if you feel cramp in the back of your thigh."),
  EXERCISE ("calf-raise-1", "Single-leg calf raise", calf_steps,
            "Hold on to something for balance."),
  EXERCISE ("band-walk-long", "Lateral band walk with a heavy resistance band above the knees, "
            "slow and controlled, alternating direction", long_steps,
            "If your knees fall inwards or the pain goes above 5 at any point, stop the set, "
            "rest for two minutes and continue with smaller steps or a lighter band."),
};

static const StrideExercise *
fixture_lookup_exercise (const char *exercise_id,
                         gpointer    user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (exercises); i++)
    if (g_strcmp0 (exercises[i].id, exercise_id) == 0)
      return &exercises[i];
  return NULL;
}

static gboolean
fixture_lookup_education (const char          *education_id,
                          StrideEducationText *out,
                          gpointer             user_data)
{
  if (g_strcmp0 (education_id, "pain-is-a-guide") == 0)
    {
      out->title = g_strdup ("Pain is a guide, not a sign of damage.");
      out->text = g_strdup ("Use it to choose how much to do.");
      return TRUE;
    }
  if (g_strcmp0 (education_id, "keep-going") == 0)
    {
      out->title = g_strdup ("Keep going after the pain settles.");
      out->text = g_strdup ("Stopping too early is a common reason pain comes back.");
      return TRUE;
    }
  if (g_strcmp0 (education_id, "footwear") == 0)
    {
      out->title = g_strdup ("Shoes.");
      out->text = g_strdup ("Run in shoes that feel comfortable; change them gradually.");
      return TRUE;
    }
  return FALSE;
}

/* A plain line figure: enough to see that the card places it. */
static void
fixture_draw_figure (cairo_t              *cr,
                     const StrideExercise *exercise,
                     double                x,
                     double                y,
                     double                width,
                     double                height,
                     gpointer              user_data)
{
  double cx = x + width / 2;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.18);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_arc (cr, cx, y + height * 0.18, height * 0.08, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_move_to (cr, cx, y + height * 0.26);
  cairo_line_to (cr, cx, y + height * 0.58);
  cairo_line_to (cr, cx - width * 0.15, y + height * 0.9);
  cairo_move_to (cr, cx, y + height * 0.58);
  cairo_line_to (cr, cx + width * 0.15, y + height * 0.9);
  cairo_move_to (cr, cx - width * 0.2, y + height * 0.4);
  cairo_line_to (cr, cx + width * 0.2, y + height * 0.4);
  cairo_stroke (cr);
  cairo_move_to (cr, x + 4, y + height * 0.92);
  cairo_line_to (cr, x + width - 4, y + height * 0.92);
  cairo_stroke (cr);
  cairo_restore (cr);
}

const StrideDocumentSources fixture_sources = {
  fixture_lookup_exercise,
  fixture_lookup_education,
  NULL,
  fixture_draw_figure,
  NULL,
};

static void
add_reason (GPtrArray  *reasons,
            const char *rule_id,
            const char *item,
            const char *text)
{
  g_ptr_array_add (reasons, stride_reason_new (rule_id, item, text));
}

static StrideTestResult *
side_test (StrideFindings *findings,
           const char     *id,
           double          left,
           double          right,
           double          pain_left,
           double          pain_right,
           const char     *reference)
{
  StrideTestResult *test = stride_test_result_new (id, TRUE);

  if (left >= 0)
    {
      test->tested[STRIDE_SIDE_LEFT] = TRUE;
      test->value[STRIDE_SIDE_LEFT] = left;
    }
  if (right >= 0)
    {
      test->tested[STRIDE_SIDE_RIGHT] = TRUE;
      test->value[STRIDE_SIDE_RIGHT] = right;
    }
  if (pain_left >= 0)
    {
      test->has_pain[STRIDE_SIDE_LEFT] = TRUE;
      test->pain[STRIDE_SIDE_LEFT] = pain_left;
    }
  if (pain_right >= 0)
    {
      test->has_pain[STRIDE_SIDE_RIGHT] = TRUE;
      test->pain[STRIDE_SIDE_RIGHT] = pain_right;
    }
  /* The left knee is the involved one in these fixtures. */
  if (left >= 0 && right > 0 && g_strcmp0 (id, "MT-STEPDOWN") != 0)
    {
      test->has_lsi = TRUE;
      test->lsi = left / right * 100.0;
    }
  test->reference = g_strdup (reference);
  g_ptr_array_add (findings->tests, test);
  return test;
}

static StrideFindings *
make_findings (FixtureKind kind,
               guint       index,
               guint       n_visits)
{
  StrideFindings *findings = stride_findings_new ();
  double progress = n_visits > 1 ? (double) index / (n_visits - 1) : 1.0;
  StrideTestResult *test;

  findings->involved = STRIDE_SIDE_LEFT;
  findings->triage = STRIDE_TRIAGE_NONE;
  findings->irritability = progress < 0.4 ? STRIDE_IRRITABILITY_MODERATE : STRIDE_IRRITABILITY_LOW;
  add_reason (findings->irritability_reasons, "LS-IRRITABILITY", "worst-pain",
              "Worst pain in the last week 5/10: neither high (≥ 7) nor low (≤ 3).");
  add_reason (findings->irritability_reasons, "LS-IRRITABILITY", "settle-time",
              "Settles within 1 to 24 hours.");
  findings->monitor_known = TRUE;
  findings->monitor_holds = TRUE;
  findings->monitor_pfp_rule = TRUE;
  add_reason (findings->monitor_reasons, "LS-MONITOR", "pain-during-running",
              "Pain during running 4/10 and settled by the next morning.");

  {
    StrideTestResult *walk = stride_test_result_new ("MT-WALK", FALSE);

    walk->tested[STRIDE_SIDE_NONE] = TRUE;
    walk->value[STRIDE_SIDE_NONE] = 30;
    walk->has_pain[STRIDE_SIDE_NONE] = TRUE;
    walk->pain[STRIDE_SIDE_NONE] = 1;
    walk->reference = g_strdup ("30 min with pain ≤ 2");
    g_ptr_array_add (findings->tests, walk);
  }
  side_test (findings, "MT-SLS", round (6 + 5 * progress), 12, 3 - 2 * progress, 0,
             "10 reps per side, pain ≤ 2");
  side_test (findings, "MT-STEPDOWN", 3, 1, 3, 0, "0–1 good, 2–3 medium, ≥ 4 poor");
  side_test (findings, "MT-BRIDGE", round (15 + 10 * progress), 26, -1, -1,
             "< 20 poor, about 25 average, > 30 good");
  side_test (findings, "MT-CALF", round (22 + 8 * progress), 31, -1, -1,
             "women in their 30s: 27 reps");
  if (kind == FIXTURE_URGENT)
    {
      test = side_test (findings, "MT-HOP", -1, -1, -1, -1, "10 hops per side, pain ≤ 2");
      test->not_tested_reason = g_strdup ("not tested: knee locked");
    }
  else
    side_test (findings, "MT-HOP", -1, 20, -1, 0, "10 hops per side, pain ≤ 2");
  side_test (findings, "MT-HOPDIST", 98 + 40 * progress, 150, -1, -1, "LSI ≥ 90 % to finish");
  if (kind == FIXTURE_LONG || kind == FIXTURE_HISTORY_20)
    side_test (findings, "MT-QUAD", 300 + 60 * progress, 410, -1, -1, "LSI ≥ 70 % to jog");

  g_ptr_array_add (findings->rtr, stride_criterion_new ("red-flags", STRIDE_CRITERION_MET));
  g_ptr_array_add (findings->rtr, stride_criterion_new ("irritability",
                                                        findings->irritability
                                                        == STRIDE_IRRITABILITY_LOW
                                                        ? STRIDE_CRITERION_MET
                                                        : STRIDE_CRITERION_NOT_MET));
  g_ptr_array_add (findings->rtr, stride_criterion_new ("MT-WALK", STRIDE_CRITERION_MET));
  {
    StrideCriterion *sls = stride_criterion_new ("MT-SLS", progress >= 0.9
                                                 ? STRIDE_CRITERION_MET
                                                 : STRIDE_CRITERION_NOT_MET);

    add_reason (sls->reasons, "MT-RTR", "mt-sls-reps", "Left 8 reps with pain 3: below 10 reps "
                "with pain ≤ 2.");
    g_ptr_array_add (findings->rtr, sls);
  }
  g_ptr_array_add (findings->rtr, stride_criterion_new ("MT-CALF", STRIDE_CRITERION_MET));
  g_ptr_array_add (findings->rtr, stride_criterion_new ("MT-BRIDGE", progress >= 0.5
                                                        ? STRIDE_CRITERION_MET
                                                        : STRIDE_CRITERION_NOT_MET));
  g_ptr_array_add (findings->rtr, stride_criterion_new ("MT-HOP", STRIDE_CRITERION_NOT_TESTED));

  findings->presentation.kind = STRIDE_PRESENTATION_LIKELY;
  findings->presentation.primary = g_strdup ("PR-PFP");
  g_hash_table_insert (findings->presentation.scores, g_strdup ("PR-PFP"), GINT_TO_POINTER (5));
  g_hash_table_insert (findings->presentation.scores, g_strdup ("PR-ITBS"), GINT_TO_POINTER (1));
  g_hash_table_insert (findings->presentation.scores, g_strdup ("PR-PT"), GINT_TO_POINTER (0));
  add_reason (findings->presentation.features, "PR-PFP", "pain-location",
              "Pain around or behind the kneecap.");
  add_reason (findings->presentation.features, "PR-PFP", "provokes-stairs",
              "Stairs provoke it.");
  add_reason (findings->presentation.features, "PR-PFP", "provokes-squat",
              "Squatting provokes it.");

  findings->phase = STRIDE_PHASE_2;
  add_reason (findings->phase_reasons, "PH-2",
              NULL, "Not every return-to-run criterion is met, and no phase 1 criterion.");
  if (index > 0)
    {
      findings->followup = STRIDE_FOLLOWUP_HOLD;
      add_reason (findings->followup_reasons, "PH-FU", NULL,
                  "The next phase's entry criteria are not met yet.");
    }

  if (kind == FIXTURE_URGENT && index == n_visits - 1)
    {
      StrideRedFlag *flag = stride_red_flag_new ("RF-LOCKED", STRIDE_TRIAGE_URGENT,
                                                 STRIDE_RESTRICTION_PHASE_1_ONLY);

      add_reason (flag->reasons, "RF-LOCKED", "locking",
                  "The knee cannot fully straighten and needs a manoeuvre to free it.");
      g_ptr_array_add (findings->red_flags, flag);
      findings->triage = STRIDE_TRIAGE_URGENT;
      findings->restriction = STRIDE_RESTRICTION_PHASE_1_ONLY;
      findings->phase = STRIDE_PHASE_1;
    }
  if (kind == FIXTURE_EMERGENCY)
    {
      StrideRedFlag *flag = stride_red_flag_new ("RF-SEPTIC", STRIDE_TRIAGE_EMERGENCY,
                                                 STRIDE_RESTRICTION_NO_PLAN);

      add_reason (flag->reasons, "RF-SEPTIC", "temperature",
                  "Hot, swollen, painful knee with a temperature of 38.4 °C.");
      g_ptr_array_add (findings->red_flags, flag);
      flag = stride_red_flag_new ("RF-PE", STRIDE_TRIAGE_EMERGENCY, STRIDE_RESTRICTION_NO_PLAN);
      add_reason (flag->reasons, "RF-PE", "breathless", "New breathlessness.");
      g_ptr_array_add (findings->red_flags, flag);
      findings->triage = STRIDE_TRIAGE_EMERGENCY;
      findings->restriction = STRIDE_RESTRICTION_NO_PLAN;
      findings->phase = STRIDE_PHASE_NONE;
    }
  if (kind == FIXTURE_LONG && index == n_visits - 1)
    {
      static const char *routine[] = { "RF-EFFUSION", "RF-SEVERE", "RF-PERSISTENT" };

      for (guint i = 0; i < G_N_ELEMENTS (routine); i++)
        {
          StrideRedFlag *flag = stride_red_flag_new (routine[i], STRIDE_TRIAGE_ROUTINE,
                                                     STRIDE_RESTRICTION_NONE);

          add_reason (flag->reasons, routine[i], "knee-swelling",
                      "A long reason that the engine wrote about this answer, which goes on "
                      "for a while so that the box needs several lines to hold all of it.");
          g_ptr_array_add (findings->red_flags, flag);
        }
      findings->triage = STRIDE_TRIAGE_ROUTINE;
    }

  return findings;
}

static StrideVisit *
make_visit (FixtureKind kind,
            guint       index,
            guint       n_visits)
{
  StrideVisit *visit = stride_visit_new ();
  double worst[] = { 7, 6, 4, 5, 3, 3, 2, 2 };
  g_autofree char *id = g_strdup_printf ("v%u", index + 1);
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  visit->id = g_strdup (id);
  g_date_set_dmy (&visit->date, 24, G_DATE_NOVEMBER, 2026);
  g_date_subtract_days (&visit->date, 14 * (n_visits - 1 - index));
  visit->kind = index == 0 ? STRIDE_VISIT_INITIAL : STRIDE_VISIT_FOLLOW_UP;
  visit->status = index + 1 < n_visits ? STRIDE_VISIT_FINAL : STRIDE_VISIT_DRAFT;
  visit->clinician = g_strdup (kind == FIXTURE_LONG
                               ? "Dr. Maximiliane Alexandra von Hohenzollern-Sigmaringen, "
                                 "Specialist Musculoskeletal Physiotherapist"
                               : "Sam Physio");
  stride_answers_set (visit->answers, "worst-pain", STRIDE_SIDE_NONE,
                      g_ascii_dtostr (text, sizeof text, worst[index % G_N_ELEMENTS (worst)]));
  stride_answers_set (visit->answers, "pain-during-running", STRIDE_SIDE_NONE,
                      g_ascii_dtostr (text, sizeof text,
                                      MAX (0, worst[index % G_N_ELEMENTS (worst)] - 2)));
  stride_answers_set (visit->answers, "pain-at-rest", STRIDE_SIDE_NONE, "1");
  stride_answers_set (visit->answers, "onset-date", STRIDE_SIDE_NONE, "2026-09-01");
  stride_answers_set (visit->answers, "involved-side", STRIDE_SIDE_NONE, "left");
  stride_answers_set (visit->answers, "pain-location", STRIDE_SIDE_NONE, "around-kneecap lateral");
  stride_answers_set (visit->answers, "running-now", STRIDE_SIDE_NONE, "yes");
  stride_answers_set (visit->answers, "longest-run-30d", STRIDE_SIDE_NONE, "8");
  stride_answers_set (visit->answers, "pain-stairs-down", STRIDE_SIDE_NONE, "4");
  if (kind == FIXTURE_LONG && index == n_visits - 1)
    {
      g_ptr_array_add (visit->overrides,
                       stride_override_new ("phase", "2", "Patient tolerates loading well in "
                                            "clinic despite the moderate irritability score."));
      g_ptr_array_add (visit->overrides,
                       stride_override_new ("presentation", "PR-PFP", "Classic history."));
      visit->notes = g_strdup ("Marathon in 14 weeks; works long shifts standing.");
    }
  return visit;
}

/* Every red flag question answered, as the app's "Answer No to the Rest"
 * leaves a screening that found nothing: the fixtures' findings are made by
 * hand, and a report says when the screening was left incomplete. */
static void
answer_red_flags_no (StrideProtocol *protocol,
                     StrideAnswers  *answers)
{
  g_autoptr(GPtrArray) items = stride_protocol_get_section (protocol, "red-flags");

  for (guint i = 0; i < items->len; i++)
    {
      const StrideItem *item = g_ptr_array_index (items, i);

      if (item->type == STRIDE_ITEM_YES_NO)
        stride_answers_set (answers, item->id, STRIDE_SIDE_NONE, "no");
    }
}

static StridePlan *
make_plan (FixtureKind kind)
{
  StridePlan *plan;
  struct { const char *id; int sets, reps, seconds; gboolean each_side; const char *frequency; }
  items[] = {
    { "wall-sit-60", 5, 0, 45, FALSE, "daily" },
    { "lateral-step-down", 3, 10, 0, TRUE, "2-3-per-week" },
    { "clam", 3, 15, 0, TRUE, "2-3-per-week" },
    { "sl-bridge-box", 3, 12, 0, TRUE, "3-per-week" },
    { "calf-raise-1", 3, 15, 0, TRUE, "every-2-3-days" },
    { "band-walk-long", 3, 15, 0, TRUE, "2-3-per-week" },
  };
  guint n = kind == FIXTURE_LONG ? 6 : kind == FIXTURE_URGENT ? 1 : 4;

  if (kind == FIXTURE_EMERGENCY)
    return NULL;

  plan = stride_plan_new ();

  for (guint i = 0; i < n; i++)
    {
      StridePlanItem *item = stride_plan_item_new (items[i].id);

      item->sets = items[i].sets;
      item->reps = items[i].reps;
      item->seconds = items[i].seconds;
      item->each_side = items[i].each_side;
      item->frequency = g_strdup (items[i].frequency);
      g_ptr_array_add (item->reasons, stride_reason_new ("PH-2", NULL,
                                                         "Quadriceps capacity, phase 2."));
      if (kind == FIXTURE_LONG && i == 5)
        item->note = g_strdup ("Use the green band first, then the blue one after two weeks if "
                               "pain stays at 3 or less.");
      g_ptr_array_add (plan->items, item);
    }

  if (kind == FIXTURE_URGENT)
    {
      g_free (plan->running.rule_id);
      plan->running.rule_id = g_strdup ("RP-NONE");
    }
  else if (kind == FIXTURE_LONG)
    {
      g_free (plan->running.rule_id);
      plan->running.rule_id = g_strdup ("RP-WALKRUN");
      plan->running.walkrun_stage = 2;
    }
  else
    {
      g_free (plan->running.rule_id);
      plan->running.rule_id = g_strdup ("RP-MODIFY");
      plan->running.has_spike_limit = TRUE;
      plan->running.spike_limit_km = 8.8;
      g_ptr_array_add (plan->running.advice, g_strdup ("flat-ground"));
      g_ptr_array_add (plan->running.advice, g_strdup ("avoid-downhill"));
      g_ptr_array_add (plan->running.advice, g_strdup ("cadence"));
      g_ptr_array_add (plan->running.reasons,
                       stride_reason_new ("RP-MODIFY", NULL,
                                          "Phase 2, running now, within the pain rules."));
    }

  g_ptr_array_add (plan->education, g_strdup ("pain-is-a-guide"));
  g_ptr_array_add (plan->education, g_strdup ("keep-going"));
  g_ptr_array_add (plan->education, g_strdup ("footwear"));
  g_date_set_dmy (&plan->next_review, 8, G_DATE_DECEMBER, 2026);
  return plan;
}

Fixture *
fixture_new (FixtureKind kind,
             StridePaper paper)
{
  Fixture *fixture = g_new0 (Fixture, 1);
  guint n_visits;

  switch (kind)
    {
    case FIXTURE_LONG:
      n_visits = 8;
      break;
    case FIXTURE_HISTORY_20:
      n_visits = 20;
      break;
    case FIXTURE_EMERGENCY:
      n_visits = 1;
      break;
    case FIXTURE_TYPICAL:
    case FIXTURE_URGENT:
    default:
      n_visits = 3;
      break;
    }

  fixture->assessment = stride_assessment_new ();
  fixture->assessment->patient->id = g_strdup ("p1");
  fixture->assessment->patient->name = g_strdup (kind == FIXTURE_LONG
                                                 ? "Anna-Katharina Bartholomew-Fitzgerald & "
                                                   "<Sons> Montgomery-Worthington"
                                                 : "Anna Example");
  g_date_set_dmy (&fixture->assessment->patient->birth_date, 12, G_DATE_APRIL, 1990);
  fixture->assessment->patient->language = g_strdup ("en");

  fixture->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_findings_free);
  for (guint i = 0; i < n_visits; i++)
    {
      g_ptr_array_add (fixture->assessment->visits, make_visit (kind, i, n_visits));
      g_ptr_array_add (fixture->findings, make_findings (kind, i, n_visits));
    }
  fixture->plan = make_plan (kind);

  fixture->amendments = g_ptr_array_new_with_free_func (g_free);
  if (kind == FIXTURE_LONG)
    g_ptr_array_add (fixture->amendments,
                     g_strdup ("2 December 2026, Sam Physio: corrected the calf raise count on "
                               "the right from 13 to 31."));

  fixture->input.assessment = fixture->assessment;
  fixture->input.findings = fixture->findings;
  fixture->input.plan = fixture->plan;
  fixture->input.clinic.name = kind == FIXTURE_LONG
                               ? "Northside Sports Physiotherapy and Running Injury Clinic "
                                 "at the University Sports Centre"
                               : "Northside Physio";
  fixture->input.clinic.contact = "12 High Street, Springfield · 01234 567890";
  fixture->input.clinic.clinician = "Sam Physio";
  fixture->input.amendments = fixture->amendments;
  fixture->input.paper = paper;
  fixture->input.sources = &fixture_sources;
  fixture->input.protocol = stride_protocol_load_default (NULL);
  g_assert (fixture->input.protocol != NULL);
  for (guint i = 0; i < n_visits; i++)
    {
      StrideVisit *visit = g_ptr_array_index (fixture->assessment->visits, i);

      answer_red_flags_no (fixture->input.protocol, visit->answers);
    }
  return fixture;
}

void
fixture_free (Fixture *fixture)
{
  if (fixture == NULL)
    return;
  stride_assessment_free (fixture->assessment);
  g_ptr_array_unref (fixture->findings);
  if (fixture->plan != NULL)
    stride_plan_free (fixture->plan);
  g_ptr_array_unref (fixture->amendments);
  g_clear_object (&fixture->input.protocol);
  g_free (fixture);
}
