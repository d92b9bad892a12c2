/* test-planner.c: the plan of rules §6–§8, table-driven per rule id and per
 * deficit, both sides of every threshold
 *
 * The findings are filled by hand, as stride_engine_evaluate() fills them, so
 * that each case changes exactly one input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "stride-document.h"
#include "stride-engine.h"
#include "stride-library.h"
#include "stride-planner.h"

typedef struct
{
  const char *name;
  /* findings */
  int         phase;
  const char *presentation;   /* "PR-PFP likely", "mixed PR-ITBS PR-PFP", NULL unclear */
  int         calf;           /* reps on the left (involved) side; -1 not tested */
  int         calf_norm;      /* 0: no norm (sex unknown) */
  int         stepdown;       /* score 0–6; -1 not tested */
  int         bridge;         /* reps; -1 not tested */
  gboolean    monitor_known;
  gboolean    monitor_holds;
  const char *red_flag;       /* a fired flag with its restriction, or NULL */
  StrideRestriction restriction;
  gboolean    no_running;
  gboolean    step_down;
  gboolean    done;
  const char *answers;        /* "item=value;item=value" */
  /* expected */
  const char *running;        /* "RP-NONE" … */
  int         stage;
  double      spike;          /* km; < 0 none */
  gboolean    paused;
  double      short_minutes;  /* < 0 none */
  const char *detail;         /* a part of running.detail, or NULL */
  const char *advice;         /* space-separated advice ids that must be there */
  const char *no_advice;      /* … that must not */
  const char *include;        /* exercise ids that must be in the plan */
  const char *exclude;        /* exercise ids that must not */
  const char *reason;         /* a rule id some exercise's reason must name */
  const char *no_reason;      /* a rule id no exercise reason may name */
  const char *loads;          /* a load kind that some exercise must have */
  const char *no_loads;       /* load kinds no exercise may have */
  const char *education;      /* education ids that must be given */
} Case;

#define NONE -1

static const Case cases[] = {
  /* ---- RP-NONE ---- */
  { .name = "RP-NONE/phase-1", .phase = 1, .calf = NONE, .stepdown = NONE, .bridge = NONE,
    .answers = "running-now=yes;longest-run-30d=12", .running = "RP-NONE", .spike = -1,
    .short_minutes = -1, .advice = "cross-training", .no_advice = "flat-ground",
    .loads = "cross-training range isometric", .reason = "PH-1", .no_loads = "plyometric" },
  { .name = "RP-NONE/phase-2-not-running", .phase = 2, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .answers = "running-now=no;longest-run-30d=0", .running = "RP-NONE",
    .spike = -1, .short_minutes = -1 },
  { .name = "RP-NONE/no-running-flag-at-phase-3", .phase = 3, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .red_flag = "RF-BONE-STRESS", .restriction = STRIDE_RESTRICTION_PHASE_1_ONLY,
    .no_running = TRUE, .answers = "running-now=yes;continuous-run-minutes=40;longest-run-30d=10",
    .monitor_known = TRUE, .monitor_holds = TRUE, .running = "RP-NONE", .spike = -1,
    .short_minutes = -1, .no_loads = "plyometric drill running", .exclude = "pogo skipping" },
  { .name = "RP-NONE/no-running-restriction-phase-2", .phase = 2, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .red_flag = "RF-TEST", .restriction = STRIDE_RESTRICTION_NO_RUNNING,
    .answers = "running-now=yes", .running = "RP-NONE", .spike = -1, .short_minutes = -1 },

  /* ---- RP-MODIFY ---- */
  { .name = "RP-MODIFY/holds", .phase = 2, .calf = NONE, .stepdown = NONE, .bridge = NONE,
    .monitor_known = TRUE, .monitor_holds = TRUE,
    .answers = "running-now=yes;longest-run-30d=15", .running = "RP-MODIFY", .spike = 16.5,
    .short_minutes = -1, .detail = "keep the current runs, on flat ground, none over 16.5 km",
    .advice = "flat-ground cadence" },
  { .name = "RP-MODIFY/broken-shorten", .phase = 2, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = FALSE,
    .answers = "running-now=yes;longest-run-30d=8;pain-onset-minutes=20;pain-onset-km=4",
    .running = "RP-MODIFY", .spike = 8.8, .short_minutes = 15,
    .detail = "shorten runs to 15 min / 3.0 km" },
  { .name = "RP-MODIFY/broken-onset-11-min-runs-on", .phase = 2, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = FALSE,
    .answers = "running-now=yes;pain-onset-minutes=11", .running = "RP-MODIFY", .spike = -1,
    .short_minutes = 8.25, .paused = FALSE },
  { .name = "RP-MODIFY/broken-onset-10-min-pauses", .phase = 2, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = FALSE,
    .answers = "running-now=yes;pain-onset-minutes=10", .running = "RP-MODIFY", .spike = -1,
    .short_minutes = -1, .paused = TRUE, .detail = "pause running", .advice = "pause" },
  /* pain from 0 km starts with the run: within 10 minutes */
  { .name = "RP-MODIFY/broken-onset-0-km-pauses", .phase = 2, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = FALSE,
    .answers = "running-now=yes;pain-onset-km=0", .running = "RP-MODIFY", .spike = -1,
    .short_minutes = -1, .paused = TRUE, .detail = "pause running", .advice = "pause",
    .no_advice = "flat-ground" },
  { .name = "RP-MODIFY/broken-onset-0.1-km-runs-on", .phase = 2, .calf = NONE,
    .stepdown = NONE, .bridge = NONE, .monitor_known = TRUE, .monitor_holds = FALSE,
    .answers = "running-now=yes;pain-onset-km=0.1", .running = "RP-MODIFY", .spike = -1,
    .short_minutes = 0, .paused = FALSE, .detail = "0.1 km" },
  { .name = "RP-MODIFY/broken-onset-0-min-pauses", .phase = 2, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = FALSE,
    .answers = "running-now=yes;pain-onset-minutes=0", .running = "RP-MODIFY", .spike = -1,
    .short_minutes = -1, .paused = TRUE, .detail = "pause running", .advice = "pause" },
  { .name = "RP-MODIFY/broken-morning-worse-pauses", .phase = 2, .calf = NONE,
    .stepdown = NONE, .bridge = NONE, .monitor_known = TRUE, .monitor_holds = FALSE,
    .answers = "running-now=yes;pain-onset-minutes=30;next-morning=worse",
    .running = "RP-MODIFY", .spike = -1, .short_minutes = -1, .paused = TRUE,
    .detail = "next morning is worse" },
  { .name = "RP-MODIFY/broken-morning-same-runs-on", .phase = 2, .calf = NONE,
    .stepdown = NONE, .bridge = NONE, .monitor_known = TRUE, .monitor_holds = FALSE,
    .answers = "running-now=yes;pain-onset-minutes=30;next-morning=same",
    .running = "RP-MODIFY", .spike = -1, .short_minutes = 22.5, .paused = FALSE },
  { .name = "RP-MODIFY/pfp-downhill", .phase = 2, .presentation = "PR-PFP likely", .calf = NONE,
    .stepdown = NONE, .bridge = NONE, .monitor_known = TRUE, .monitor_holds = TRUE,
    .answers = "running-now=yes", .running = "RP-MODIFY", .spike = -1, .short_minutes = -1,
    .advice = "avoid-downhill", .no_advice = "avoid-camber" },
  { .name = "RP-MODIFY/itbs-camber", .phase = 2, .presentation = "PR-ITBS likely", .calf = NONE,
    .stepdown = NONE, .bridge = NONE, .monitor_known = TRUE, .monitor_holds = TRUE,
    .answers = "running-now=yes", .running = "RP-MODIFY", .spike = -1, .short_minutes = -1,
    .advice = "avoid-downhill avoid-camber" },
  { .name = "RP-MODIFY/pt-no-terrain-advice", .phase = 2, .presentation = "PR-PT likely",
    .calf = NONE, .stepdown = NONE, .bridge = NONE, .monitor_known = TRUE, .monitor_holds = TRUE,
    .answers = "running-now=yes", .running = "RP-MODIFY", .spike = -1, .short_minutes = -1,
    .no_advice = "avoid-downhill avoid-camber" },

  /* ---- RP-WALKRUN ---- */
  { .name = "RP-WALKRUN/not-running-stage-1", .phase = 3, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = TRUE, .answers = "running-now=no",
    .running = "RP-WALKRUN", .stage = 1, .spike = -1, .short_minutes = -1,
    .detail = "stage 1: 5 × (walk 4 min / jog 2 min)", .advice = "rest-day flat-ground",
    .loads = "plyometric", .reason = "PH-3" },
  { .name = "RP-WALKRUN/20-min-continuous-stage-5", .phase = 3, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = TRUE,
    .answers = "running-now=yes;continuous-run-minutes=20;longest-run-30d=5",
    .running = "RP-WALKRUN", .stage = 5, .spike = 5.5, .short_minutes = -1,
    .detail = "stage 5: jog 30 min" },
  { .name = "RP-WALKRUN/19-min-continuous-stage-1", .phase = 3, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = TRUE,
    .answers = "running-now=yes;continuous-run-minutes=19", .running = "RP-WALKRUN", .stage = 1,
    .spike = -1, .short_minutes = -1 },
  { .name = "RP-WALKRUN/monitor-broken-stage-1", .phase = 3, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = FALSE,
    .answers = "running-now=yes;continuous-run-minutes=40", .running = "RP-WALKRUN",
    .stage = 1, .spike = -1, .short_minutes = -1 },

  /* ---- RP-SPIKE ---- */
  { .name = "RP-SPIKE/10-km-gives-11", .phase = 2, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = TRUE,
    .answers = "running-now=yes;longest-run-30d=10", .running = "RP-MODIFY", .spike = 11.0,
    .short_minutes = -1, .advice = "spike-limit" },
  /* Rounded down, never more than 10 % over: 2.75 and 0.55 are not printed as
   * 2.8 (12 %) and 0.6 (20 %). */
  { .name = "RP-SPIKE/2.5-km-gives-2.7", .phase = 2, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = TRUE,
    .answers = "running-now=yes;longest-run-30d=2.5", .running = "RP-MODIFY", .spike = 2.7,
    .short_minutes = -1, .advice = "spike-limit" },
  { .name = "RP-SPIKE/0.5-km-gives-0.5", .phase = 2, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = TRUE,
    .answers = "running-now=yes;longest-run-30d=0.5", .running = "RP-MODIFY", .spike = 0.5,
    .short_minutes = -1, .advice = "spike-limit" },
  { .name = "RP-SPIKE/no-longest-run-no-limit", .phase = 2, .calf = NONE, .stepdown = NONE,
    .bridge = NONE, .monitor_known = TRUE, .monitor_holds = TRUE,
    .answers = "running-now=yes;longest-run-30d=0", .running = "RP-MODIFY", .spike = -1,
    .short_minutes = -1, .no_advice = "spike-limit" },

  /* ---- deficits: MT-CALF, MT-STEPDOWN, MT-BRIDGE, both sides of each threshold ---- */
  { .name = "MT-CALF/29-below-norm-30", .phase = 2, .calf = 29, .calf_norm = 30,
    .stepdown = NONE, .bridge = NONE, .answers = "running-now=no", .running = "RP-NONE",
    .spike = -1, .short_minutes = -1, .reason = "MT-CALF" },
  { .name = "MT-CALF/30-at-norm-30", .phase = 2, .calf = 30, .calf_norm = 30, .stepdown = NONE,
    .bridge = NONE, .answers = "running-now=no", .running = "RP-NONE", .spike = -1,
    .short_minutes = -1, .no_reason = "MT-CALF" },
  { .name = "MT-CALF/19-no-norm", .phase = 1, .calf = 19, .calf_norm = 0, .stepdown = NONE,
    .bridge = NONE, .answers = "running-now=no", .running = "RP-NONE", .spike = -1,
    .short_minutes = -1, .reason = "MT-CALF" },
  { .name = "MT-CALF/20-no-norm", .phase = 1, .calf = 20, .calf_norm = 0, .stepdown = NONE,
    .bridge = NONE, .answers = "running-now=no", .running = "RP-NONE", .spike = -1,
    .short_minutes = -1, .no_reason = "MT-CALF" },
  { .name = "MT-STEPDOWN/4-poor", .phase = 2, .calf = NONE, .stepdown = 4, .bridge = NONE,
    .answers = "running-now=no", .running = "RP-NONE", .spike = -1, .short_minutes = -1,
    .reason = "MT-STEPDOWN" },
  { .name = "MT-STEPDOWN/3-medium", .phase = 2, .calf = NONE, .stepdown = 3, .bridge = NONE,
    .answers = "running-now=no", .running = "RP-NONE", .spike = -1, .short_minutes = -1,
    .no_reason = "MT-STEPDOWN" },
  { .name = "MT-BRIDGE/19-poor", .phase = 2, .calf = NONE, .stepdown = NONE, .bridge = 19,
    .answers = "running-now=no", .running = "RP-NONE", .spike = -1, .short_minutes = -1,
    .reason = "MT-BRIDGE" },
  { .name = "MT-BRIDGE/20-enough", .phase = 2, .calf = NONE, .stepdown = NONE, .bridge = 20,
    .answers = "running-now=no", .running = "RP-NONE", .spike = -1, .short_minutes = -1,
    .no_reason = "MT-BRIDGE" },

  /* ---- presentation ---- */
  { .name = "PR-ITBS/hip-abductors", .phase = 2, .presentation = "PR-ITBS likely", .calf = NONE,
    .stepdown = NONE, .bridge = NONE, .answers = "running-now=no", .running = "RP-NONE",
    .spike = -1, .short_minutes = -1, .reason = "PR-ITBS" },
  { .name = "PR-PT/phase-1-isometric", .phase = 1, .presentation = "PR-PT likely", .calf = NONE,
    .stepdown = NONE, .bridge = NONE, .answers = "running-now=no", .running = "RP-NONE",
    .spike = -1, .short_minutes = -1, .reason = "PR-PT", .loads = "isometric" },
  { .name = "PR-PT/phase-2-heavy-slow", .phase = 2, .presentation = "PR-PT possible",
    .calf = NONE, .stepdown = NONE, .bridge = NONE, .answers = "running-now=no",
    .running = "RP-NONE", .spike = -1, .short_minutes = -1, .reason = "PR-PT",
    .loads = "heavy-slow" },
  { .name = "PR-PT/phase-3-energy-storage", .phase = 3, .presentation = "PR-PT likely",
    .calf = NONE, .stepdown = NONE, .bridge = NONE, .answers = "running-now=no",
    .running = "RP-WALKRUN", .stage = 1, .spike = -1, .short_minutes = -1, .reason = "PR-PT",
    .loads = "plyometric" },
  { .name = "PR-APOPHYSITIS/phase-2-no-heavy-or-decline", .phase = 2,
    .presentation = "PR-APOPHYSITIS possible", .calf = NONE, .stepdown = NONE, .bridge = NONE,
    .answers = "running-now=no", .running = "RP-NONE", .spike = -1, .short_minutes = -1,
    .reason = "PR-APOPHYSITIS", .loads = "isometric", .no_loads = "heavy-slow decline",
    .exclude = "decline-squat leg-press-slow knee-ext-slow", .education = "growing-knees" },
  { .name = "PR-PFP/hip-and-knee", .phase = 2, .presentation = "PR-PFP likely", .calf = NONE,
    .stepdown = NONE, .bridge = NONE, .answers = "running-now=no", .running = "RP-NONE",
    .spike = -1, .short_minutes = -1, .reason = "PR-PFP" },
  { .name = "mixed/itbs-and-pfp", .phase = 2, .presentation = "mixed PR-ITBS PR-PFP",
    .calf = NONE, .stepdown = NONE, .bridge = NONE, .answers = "running-now=no",
    .running = "RP-NONE", .spike = -1, .short_minutes = -1, .reason = "PR-PFP" },

  /* ---- PH-FU dose step down, PH-DONE maintenance ---- */
  { .name = "PH-FU/hold-dose-down", .phase = 2, .calf = NONE, .stepdown = NONE, .bridge = NONE,
    .step_down = TRUE, .answers = "running-now=no", .running = "RP-NONE", .spike = -1,
    .short_minutes = -1, .reason = "PH-FU" },
  { .name = "PH-DONE/maintenance", .phase = 3, .calf = NONE, .stepdown = NONE, .bridge = NONE,
    .done = TRUE, .monitor_known = TRUE, .monitor_holds = TRUE,
    .answers = "running-now=yes;continuous-run-minutes=45;longest-run-30d=12",
    .running = "RP-WALKRUN", .stage = 5, .spike = 13.2, .short_minutes = -1,
    .detail = "usual running", .reason = "PH-DONE", .loads = "strength",
    .no_loads = "plyometric drill" },
};

static StrideLibrary *library;

static void
add_test (StrideFindings *f,
          const char     *id,
          double          value,
          double          norm)
{
  StrideTestResult *t = stride_test_result_new (id, TRUE);

  t->tested[STRIDE_SIDE_LEFT] = TRUE;
  t->value[STRIDE_SIDE_LEFT] = value;
  if (norm > 0)
    {
      t->has_norm = TRUE;
      t->norm = norm;
    }
  g_ptr_array_add (f->tests, t);
}

static StrideFindings *
make_findings (const Case *c)
{
  StrideFindings *f = stride_findings_new ();

  f->phase = c->phase;
  f->restriction = c->restriction;
  f->no_running = c->no_running;
  f->monitor_known = c->monitor_known;
  f->monitor_holds = c->monitor_holds;
  f->dose_step_down = c->step_down;
  f->phase_done = c->done;
  f->involved = STRIDE_SIDE_LEFT;
  if (c->red_flag != NULL)
    g_ptr_array_add (f->red_flags, stride_red_flag_new (c->red_flag, STRIDE_TRIAGE_URGENT,
                                                        c->restriction));

  f->presentation.kind = STRIDE_PRESENTATION_UNCLEAR;
  if (c->presentation != NULL)
    {
      g_auto(GStrv) words = g_strsplit (c->presentation, " ", -1);

      if (g_str_equal (words[0], "mixed"))
        {
          f->presentation.kind = STRIDE_PRESENTATION_MIXED;
          f->presentation.primary = g_strdup (words[1]);
          f->presentation.secondary = g_strdup (words[2]);
        }
      else
        {
          f->presentation.kind = g_str_equal (words[1], "likely") ? STRIDE_PRESENTATION_LIKELY
                                                                  : STRIDE_PRESENTATION_POSSIBLE;
          f->presentation.primary = g_strdup (words[0]);
        }
    }

  if (c->calf != NONE)
    add_test (f, "MT-CALF", c->calf, c->calf_norm);
  if (c->stepdown != NONE)
    add_test (f, "MT-STEPDOWN", c->stepdown, 0);
  if (c->bridge != NONE)
    add_test (f, "MT-BRIDGE", c->bridge, 0);
  return f;
}

static StrideAssessment *
make_assessment (const Case *c)
{
  StrideAssessment *a = stride_assessment_new ();
  StrideVisit *v = stride_visit_new ();
  g_auto(GStrv) pairs = g_strsplit (c->answers != NULL ? c->answers : "", ";", -1);

  g_date_set_dmy (&v->date, 24, G_DATE_NOVEMBER, 2026);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);

      if (kv[0] != NULL && kv[1] != NULL)
        stride_answers_set (v->answers, kv[0], STRIDE_SIDE_NONE, kv[1]);
    }
  g_ptr_array_add (a->visits, v);
  return a;
}

static gboolean
plan_has (const StridePlan *plan,
          const char       *id)
{
  for (guint i = 0; i < plan->items->len; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);

      if (g_str_equal (item->exercise_id, id))
        return TRUE;
    }
  return FALSE;
}

static gboolean
reasons_name (const StridePlan *plan,
              const char       *rule_id)
{
  for (guint i = 0; i < plan->items->len; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);

      for (guint r = 0; r < item->reasons->len; r++)
        {
          const StrideReason *reason = g_ptr_array_index (item->reasons, r);

          if (g_str_equal (reason->rule_id, rule_id))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
has_load (const StridePlan *plan,
          const char       *load)
{
  for (guint i = 0; i < plan->items->len; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);

      if (g_str_equal (stride_library_lookup (library, item->exercise_id)->load, load))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_advice (const StridePlan *plan,
            const char       *advice)
{
  for (guint i = 0; i < plan->running.advice->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (plan->running.advice, i), advice))
        return TRUE;
    }
  return FALSE;
}

static void
for_each_word (const char *words,
               const StridePlan *plan,
               gboolean (*check) (const StridePlan *, const char *),
               gboolean    expected)
{
  g_auto(GStrv) list = g_strsplit (words != NULL ? words : "", " ", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      if (*list[i] == '\0')
        continue;
      g_test_message ("%s %s", expected ? "expects" : "rules out", list[i]);
      g_assert_cmpint (check (plan, list[i]), ==, expected);
    }
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(StrideFindings) f = make_findings (c);
  g_autoptr(StrideAssessment) a = make_assessment (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(StridePlan) plan = stride_planner_suggest (library, a, f, &error);
  g_autoptr(StridePlan) again = NULL;
  g_autofree char *ids = NULL;
  GDate review;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  ids = stride_plan_exercise_ids (plan);
  g_test_message ("plan: %s; running: %s %s", ids, plan->running.rule_id,
                  plan->running.detail ? plan->running.detail : "");

  /* 3 to 6 exercises, each from the library, in the phase, with reasons. */
  g_assert_cmpuint (plan->items->len, >=, STRIDE_PLANNER_MIN_EXERCISES);
  g_assert_cmpuint (plan->items->len, <=, STRIDE_PLANNER_MAX_EXERCISES);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);
      const StrideExercise *e = stride_library_lookup (library, item->exercise_id);
      gboolean earlier = FALSE;

      g_assert_nonnull (e);
      for (int p = 1; p <= c->phase; p++)
        earlier |= stride_exercise_in_phase (e, p);
      g_assert_true (earlier);
      g_assert_cmpuint (item->reasons->len, >=, 1);
      g_assert_nonnull (item->frequency);
      /* The entry's own dose, or one step down (PH-FU), or twice a week (PH-DONE). */
      if (c->step_down)
        g_assert_true (item->sets == MAX (e->sets - 1, MIN (e->sets, 1))
                       || item->seconds == e->seconds - 300 || item->seconds == e->seconds);
      else
        {
          g_assert_cmpint (item->sets, ==, e->sets);
          g_assert_cmpint (item->reps, ==, e->reps);
          g_assert_cmpint (item->seconds, ==, e->seconds);
        }
      g_assert_cmpstr (item->frequency, ==, c->done ? "2-per-week" : e->frequency);
    }
  g_assert_cmpint (plan->maintenance, ==, c->done);

  /* Deterministic. */
  again = stride_planner_suggest (library, a, f, &error);
  g_assert_no_error (error);
  g_assert_true (stride_plan_equal (plan, again));

  /* Running plan. */
  g_assert_cmpstr (plan->running.rule_id, ==, c->running);
  g_assert_cmpint (plan->running.walkrun_stage, ==, c->stage);
  g_assert_cmpuint (plan->running.reasons->len, >=, 1);
  g_assert_nonnull (plan->running.detail);
  if (c->spike < 0)
    g_assert_false (plan->running.has_spike_limit);
  else
    {
      g_assert_true (plan->running.has_spike_limit);
      g_assert_cmpfloat_with_epsilon (plan->running.spike_limit_km, c->spike, 1e-9);
    }
  g_assert_cmpint (plan->running.paused, ==, c->paused);
  if (c->short_minutes < 0)
    g_assert_false (plan->running.has_shortened);
  else
    {
      g_assert_true (plan->running.has_shortened);
      g_assert_cmpfloat_with_epsilon (plan->running.shortened_minutes, c->short_minutes, 1e-9);
    }
  if (c->detail != NULL)
    g_assert_nonnull (strstr (plan->running.detail, c->detail));
  for_each_word (c->advice, plan, has_advice, TRUE);
  for_each_word (c->no_advice, plan, has_advice, FALSE);

  /* Exercises. */
  for_each_word (c->include, plan, plan_has, TRUE);
  for_each_word (c->exclude, plan, plan_has, FALSE);
  for_each_word (c->reason, plan, reasons_name, TRUE);
  for_each_word (c->no_reason, plan, reasons_name, FALSE);
  for_each_word (c->loads, plan, has_load, TRUE);
  for_each_word (c->no_loads, plan, has_load, FALSE);

  /* Education and the review in 2 weeks. */
  {
    g_auto(GStrv) wanted = g_strsplit (c->education != NULL ? c->education : "", " ", -1);

    for (guint w = 0; wanted[w] != NULL; w++)
      {
        gboolean found = FALSE;

        for (guint i = 0; *wanted[w] != '\0' && i < plan->education->len; i++)
          found |= g_str_equal (g_ptr_array_index (plan->education, i), wanted[w]);
        g_assert_true (*wanted[w] == '\0' || found);
      }
  }
  g_assert_cmpuint (plan->education->len, >=, 5);
  g_assert_cmpstr (g_ptr_array_index (plan->education, 0), ==, "pain-is-a-guide");
  g_date_set_dmy (&review, 8, G_DATE_DECEMBER, 2026);
  g_assert_true (g_date_valid (&plan->next_review));
  g_assert_cmpint (g_date_compare (&plan->next_review, &review), ==, 0);
}

static gboolean
education_has (const StridePlan *plan,
               const char       *id)
{
  for (guint i = 0; i < plan->education->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (plan->education, i), id))
        return TRUE;
    }
  return FALSE;
}

static StridePlan *
suggest_case (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (g_str_equal (cases[i].name, name))
        {
          g_autoptr(StrideFindings) f = make_findings (&cases[i]);
          g_autoptr(StrideAssessment) a = make_assessment (&cases[i]);

          return stride_planner_suggest (library, a, f, NULL);
        }
    }
  g_assert_not_reached ();
}

static void
test_itbs_two_hip_abductor_exercises (void)
{
  g_autoptr(StridePlan) plan = suggest_case ("PR-ITBS/hip-abductors");
  guint n = 0;

  for (guint i = 0; i < plan->items->len; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);

      n += stride_exercise_has_target (stride_library_lookup (library, item->exercise_id),
                                       "hip-abductors");
    }
  g_assert_cmpuint (n, >=, 2);
}

static void
test_pfp_hip_and_knee (void)
{
  g_autoptr(StridePlan) plan = suggest_case ("PR-PFP/hip-and-knee");
  gboolean hip = FALSE, knee = FALSE;

  for (guint i = 0; i < plan->items->len; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);
      const StrideExercise *e = stride_library_lookup (library, item->exercise_id);

      hip |= stride_exercise_has_target (e, "hip-abductors")
             || stride_exercise_has_target (e, "gluteals");
      knee |= stride_exercise_has_target (e, "quadriceps");
    }
  g_assert_true (hip);
  g_assert_true (knee);
  /* The stricter patellofemoral pain rule goes on the sheet too. */
  g_assert_true (education_has (plan, "pain-rules-pfp"));
  /* In place of the general rule, never beside it (rules §2). */
  g_assert_false (education_has (plan, "pain-rules"));
}

static void
test_education_by_running (void)
{
  g_autoptr(StridePlan) none = suggest_case ("RP-NONE/phase-1");
  g_autoptr(StridePlan) runs = suggest_case ("RP-MODIFY/holds");

  g_assert_true (education_has (none, "pain-rules"));
  g_assert_true (education_has (none, "keep-going"));
  g_assert_true (education_has (none, "cross-training"));
  g_assert_false (education_has (none, "load-spike"));
  g_assert_true (education_has (runs, "load-spike"));
  g_assert_true (education_has (runs, "terrain"));
  g_assert_true (education_has (runs, "footwear"));
  g_assert_false (education_has (runs, "pain-rules-pfp"));
  g_assert_true (education_has (runs, "pain-rules"));
}

static void
test_stepdown_hip_and_knee (void)
{
  g_autoptr(StridePlan) plan = suggest_case ("MT-STEPDOWN/4-poor");
  gboolean hip = FALSE, knee = FALSE;

  /* MT-STEPDOWN poor: a hip abductor and a quadriceps exercise, both named for it, first. */
  for (guint i = 0; i < 2; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);
      const StrideExercise *e = stride_library_lookup (library, item->exercise_id);
      const StrideReason *reason = g_ptr_array_index (item->reasons, 0);

      g_assert_cmpstr (reason->rule_id, ==, "MT-STEPDOWN");
      hip |= stride_exercise_has_target (e, "hip-abductors");
      knee |= stride_exercise_has_target (e, "quadriceps");
    }
  g_assert_true (hip && knee);
}

static void
test_deficit_first (void)
{
  g_autoptr(StridePlan) plan = suggest_case ("MT-CALF/29-below-norm-30");
  const StridePlanItem *first = g_ptr_array_index (plan->items, 0);

  /* The measured deficit comes before anything else. */
  g_assert_true (stride_exercise_has_target (stride_library_lookup (library, first->exercise_id),
                                             "calf"));
}

static void
test_no_plan (void)
{
  g_autoptr(StrideFindings) f = stride_findings_new ();
  g_autoptr(StrideAssessment) a = make_assessment (&cases[0]);
  g_autoptr(GError) error = NULL;
  g_autoptr(StridePlan) plan = NULL;

  f->phase = STRIDE_PHASE_NONE;
  f->restriction = STRIDE_RESTRICTION_NO_PLAN;
  g_ptr_array_add (f->red_flags, stride_red_flag_new ("RF-SEPTIC", STRIDE_TRIAGE_EMERGENCY,
                                                      STRIDE_RESTRICTION_NO_PLAN));
  plan = stride_planner_suggest (library, a, f, &error);
  g_assert_null (plan);
  g_assert_error (error, STRIDE_PLANNER_ERROR, STRIDE_PLANNER_ERROR_NO_PLAN);
}

static void
test_review_interval (void)
{
  g_autoptr(StrideFindings) f = make_findings (&cases[0]);
  g_autoptr(StrideAssessment) a = make_assessment (&cases[0]);
  g_autoptr(StridePlan) plan = stride_planner_suggest_full (library, a, f, 21, NULL);
  GDate expected;

  g_date_set_dmy (&expected, 15, G_DATE_DECEMBER, 2026);
  g_assert_cmpint (g_date_compare (&plan->next_review, &expected), ==, 0);
}

/* The whole library, every phase and presentation: never fewer than 3 or
 * more than 6, never an apophysitis plan with heavy slow loading. */
static void
test_every_combination (void)
{
  const char *presentations[] = {
    NULL, "PR-PFP likely", "PR-ITBS likely", "PR-PT likely", "PR-APOPHYSITIS likely",
    "mixed PR-PFP PR-ITBS", "mixed PR-PT PR-PFP",
  };

  for (int phase = 1; phase <= 3; phase++)
    for (guint p = 0; p < G_N_ELEMENTS (presentations); p++)
      for (int deficits = 0; deficits < 8; deficits++)
        {
          Case c = { .phase = phase, .presentation = presentations[p],
                     .calf = deficits & 1 ? 10 : NONE, .calf_norm = 30,
                     .stepdown = deficits & 2 ? 5 : NONE, .bridge = deficits & 4 ? 5 : NONE,
                     .monitor_known = TRUE, .monitor_holds = TRUE,
                     .answers = "running-now=yes;longest-run-30d=7" };
          g_autoptr(StrideFindings) f = make_findings (&c);
          g_autoptr(StrideAssessment) a = make_assessment (&c);
          g_autoptr(GError) error = NULL;
          g_autoptr(StridePlan) plan = stride_planner_suggest (library, a, f, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (plan->items->len, >=, 3);
          g_assert_cmpuint (plan->items->len, <=, 6);
          if (p == 4)
            {
              g_assert_false (has_load (plan, "heavy-slow"));
              g_assert_false (has_load (plan, "decline"));
            }
          if (deficits & 1)
            g_assert_true (reasons_name (plan, "MT-CALF"));
          if (deficits & 4)
            g_assert_true (reasons_name (plan, "MT-BRIDGE"));
        }
}

/* A follow-up holding phase 2 with the pain rules kept: what was in the last
 * plan moves on to its progression; with the rules broken it does not. */
static void
test_progression_at_follow_up (void)
{
  for (int holds = 0; holds < 2; holds++)
    {
      g_autoptr(StrideFindings) f = make_findings (&cases[1]);   /* phase 2, unclear */
      g_autoptr(StrideAssessment) a = make_assessment (&cases[1]);
      g_autoptr(StridePlan) first = stride_planner_suggest (library, a, f, NULL);
      g_autoptr(StridePlan) plan = NULL;
      g_autofree char *first_ids = stride_plan_exercise_ids (first);
      g_autofree char *ids = NULL;
      StrideVisit *previous = stride_assessment_get_current (a);
      StrideVisit *visit = stride_visit_new ();

      /* The first visit's plan is kept; the second visit is a follow-up. */
      previous->plan = stride_plan_copy (first);
      visit->kind = STRIDE_VISIT_FOLLOW_UP;
      g_date_set_dmy (&visit->date, 8, G_DATE_DECEMBER, 2026);
      stride_answers_set (visit->answers, "running-now", STRIDE_SIDE_NONE, "no");
      g_ptr_array_add (a->visits, visit);
      f->followup = STRIDE_FOLLOWUP_HOLD;
      f->previous_phase = STRIDE_PHASE_2;
      f->monitor_known = TRUE;
      f->monitor_holds = holds;

      plan = stride_planner_suggest (library, a, f, NULL);
      ids = stride_plan_exercise_ids (plan);
      g_test_message ("first %s; follow-up (rules %s) %s", first_ids,
                      holds ? "held" : "broken", ids);
      g_assert_cmpuint (plan->items->len, ==, first->items->len);
      if (holds)
        {
          guint moved = 0;

          /* Each change is the old exercise's own progression, in place. */
          for (guint i = 0; i < plan->items->len; i++)
            {
              const StridePlanItem *old = g_ptr_array_index (first->items, i);
              const StridePlanItem *now = g_ptr_array_index (plan->items, i);

              if (g_str_equal (old->exercise_id, now->exercise_id))
                continue;
              moved++;
              g_assert_cmpstr (now->exercise_id, ==,
                               stride_library_lookup (library, old->exercise_id)->progression);
            }
          g_assert_cmpuint (moved, >=, 1);
          g_assert_true (reasons_name (plan, "LS-MONITOR"));
        }
      else
        {
          g_assert_cmpstr (ids, ==, first_ids);
          g_assert_false (reasons_name (plan, "LS-MONITOR"));
        }
    }
}

static void
test_dose_words (void)
{
  const StrideExercise *sl_bridge = stride_library_lookup (library, "sl-bridge");
  const StrideExercise *wall_sit = stride_library_lookup (library, "wall-sit-60");
  g_autoptr(StridePlanItem) item = stride_plan_item_new ("sl-bridge");
  g_autofree char *same = NULL;
  g_autofree char *fewer = NULL;
  g_autofree char *holds = NULL;
  g_autofree char *twice = NULL;

  item->sets = sl_bridge->sets;
  item->reps = sl_bridge->reps;
  item->each_side = sl_bridge->each_side;
  item->frequency = g_strdup (sl_bridge->frequency);
  same = stride_plan_item_describe_dose (item, sl_bridge);
  g_assert_cmpstr (same, ==, sl_bridge->dose_text);

  /* One step down: worded from the numbers. */
  item->sets = 2;
  fewer = stride_plan_item_describe_dose (item, sl_bridge);
  g_assert_cmpstr (fewer, ==, "2 sets of 12 on each side, 2 or 3 times a week");

  g_free (item->frequency);
  item->frequency = g_strdup ("2-per-week");
  item->sets = 1;
  twice = stride_plan_item_describe_dose (item, NULL);
  g_assert_cmpstr (twice, ==, "1 set of 12 on each side, twice a week");

  item->sets = 4;
  item->reps = 0;
  item->seconds = 45;
  item->each_side = FALSE;
  g_free (item->frequency);
  item->frequency = g_strdup ("daily");
  holds = stride_plan_item_describe_dose (item, wall_sit);
  g_assert_cmpstr (holds, ==, "4 holds of 45 seconds, every day");
  g_assert_null (stride_frequency_describe ("hourly"));
}

/* A library too small for the phase is an error, not a short plan. */
static void
test_small_library (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "library", "good.xml",
                                                 NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideLibrary) small = stride_library_new_from_files (paths, &error);
  g_autoptr(StrideFindings) f = make_findings (&cases[0]);
  g_autoptr(StrideAssessment) a = make_assessment (&cases[0]);
  g_autoptr(StridePlan) plan = NULL;

  g_assert_no_error (error);
  /* Phase 1: its three exercises make a plan. */
  plan = stride_planner_suggest (small, a, f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->items->len, ==, 3);
  g_clear_pointer (&plan, stride_plan_free);

  /* Phase 2: it has none. */
  f->phase = STRIDE_PHASE_2;
  plan = stride_planner_suggest (small, a, f, &error);
  g_assert_null (plan);
  g_assert_error (error, STRIDE_PLANNER_ERROR, STRIDE_PLANNER_ERROR_LIBRARY);
}

/* No visit date: no review date, and no crash. */
static void
test_no_visit_date (void)
{
  g_autoptr(StrideFindings) f = make_findings (&cases[0]);
  g_autoptr(StrideAssessment) a = make_assessment (&cases[0]);
  g_autoptr(StridePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  StrideVisit *visit = stride_assessment_get_current (a);

  g_date_clear (&visit->date, 1);
  plan = stride_planner_suggest (library, a, f, &error);
  g_assert_no_error (error);
  g_assert_false (g_date_valid (&plan->next_review));
}

/* End to end on the clinical cases of tests/cases: the engine's findings of
 * each assessment document, then the plan. */
static void
test_clinical_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideProtocol) protocol = stride_protocol_load_default (&error);
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "cases", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n_plans = 0, n_no_plan = 0;
  const char *name;

  g_assert_no_error (error);
  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".xml"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >=, 15);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      g_autoptr(StrideAssessment) assessment = stride_document_read_file (path, protocol, &error);
      g_autoptr(StrideFindings) findings = NULL;
      g_autoptr(StridePlan) plan = NULL;
      g_autoptr(StridePlan) again = NULL;
      g_autofree char *ids = NULL;

      g_assert_no_error (error);
      findings = stride_engine_evaluate (protocol, assessment, &error);
      g_assert_no_error (error);
      plan = stride_planner_suggest (library, assessment, findings, &error);

      /* An emergency (a red flag, or the clinician's triage) makes no plan. */
      if (!stride_findings_makes_plan (findings))
        {
          g_test_message ("%s: no plan", (char *) g_ptr_array_index (names, i));
          g_assert_null (plan);
          g_assert_error (error, STRIDE_PLANNER_ERROR, STRIDE_PLANNER_ERROR_NO_PLAN);
          g_clear_error (&error);
          n_no_plan++;
          continue;
        }

      g_assert_no_error (error);
      ids = stride_plan_exercise_ids (plan);
      g_test_message ("%s: phase %d, %s; running %s (%s)", (char *) g_ptr_array_index (names, i),
                      findings->phase, ids, plan->running.rule_id, plan->running.detail);
      n_plans++;
      g_assert_cmpuint (plan->items->len, >=, 3);
      g_assert_cmpuint (plan->items->len, <=, 6);
      /* Every advice the planner gives has words: none may be printed as its id. */
      for (guint a = 0; a < plan->running.advice->len; a++)
        {
          const char *advice = g_ptr_array_index (plan->running.advice, a);

          g_assert_cmpstr (stride_running_advice_describe (advice), !=, advice);
        }
      if (findings->no_running || findings->phase == STRIDE_PHASE_1)
        g_assert_cmpstr (plan->running.rule_id, ==, "RP-NONE");
      else if (findings->phase == STRIDE_PHASE_3)
        g_assert_cmpstr (plan->running.rule_id, ==, "RP-WALKRUN");
      else
        g_assert_true (g_str_equal (plan->running.rule_id, "RP-MODIFY")
                       || g_str_equal (plan->running.rule_id, "RP-NONE"));
      if (g_strcmp0 (findings->presentation.primary, "PR-APOPHYSITIS") == 0)
        {
          g_assert_false (has_load (plan, "heavy-slow"));
          g_assert_false (has_load (plan, "decline"));
        }
      again = stride_planner_suggest (library, assessment, findings, &error);
      g_assert_no_error (error);
      g_assert_true (stride_plan_equal (plan, again));
    }

  /* The cases hold both kinds. */
  g_assert_cmpuint (n_plans, >=, 10);
  g_assert_cmpuint (n_no_plan, >=, 2);
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

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/planner/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/planner/PR-ITBS/two-hip-abductor-exercises",
                   test_itbs_two_hip_abductor_exercises);
  g_test_add_func ("/planner/PR-PFP/hip-and-knee-together", test_pfp_hip_and_knee);
  g_test_add_func ("/planner/MT-STEPDOWN/hip-and-knee-first", test_stepdown_hip_and_knee);
  g_test_add_func ("/planner/deficit-first", test_deficit_first);
  g_test_add_func ("/planner/education-by-running", test_education_by_running);
  g_test_add_func ("/planner/no-plan", test_no_plan);
  g_test_add_func ("/planner/review-interval", test_review_interval);
  g_test_add_func ("/planner/every-combination", test_every_combination);
  g_test_add_func ("/planner/clinical-cases", test_clinical_cases);
  g_test_add_func ("/planner/small-library", test_small_library);
  g_test_add_func ("/planner/dose-words", test_dose_words);
  g_test_add_func ("/planner/progression-at-follow-up", test_progression_at_follow_up);
  g_test_add_func ("/planner/no-visit-date", test_no_visit_date);

  status = g_test_run ();
  g_object_unref (library);
  return status;
}
