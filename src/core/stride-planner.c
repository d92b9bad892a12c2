/* stride-planner.c: the suggested plan of rules §6–§8
 *
 * The exercises are chosen in a fixed order of needs, so the same findings
 * always give the same plan:
 *   1. measured deficits first (MT-CALF below norm → calf; MT-STEPDOWN poor →
 *      hip and knee control; MT-BRIDGE < 20 → gluteals);
 *   2. the presentation (PR-ITBS → hip abductors; PR-PT → isometrics in PH-1,
 *      slow heavy loading in PH-2, energy storage in PH-3; PR-APOPHYSITIS →
 *      isometrics and load management, never decline squats or slow heavy
 *      loading; PR-PFP → hip and knee together);
 *   3. what the phase needs (PH-1 isometrics and low-load cross-training, PH-2
 *      strength, PH-3 energy storage and running drills);
 *   4. filled to 3 with exercises that add a target; never more than 6.
 * A need already met by a chosen exercise adds its reason to that exercise.
 * For each need the best candidate wins: one that names the presentation
 * before one that suits all, one that belongs to the phase before one carried
 * over from an earlier phase, then library order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "stride-i18n.h"
#include "stride-planner.h"

G_DEFINE_QUARK (stride-planner-error-quark, stride_planner_error)

typedef struct
{
  StrideLibrary        *library;
  StrideAssessment     *assessment;
  StrideVisit          *visit;
  const StrideFindings *f;
  StridePlan           *plan;
  int                   phase;
  int                   exercise_phase;   /* the phase exercises are chosen for */
  const char           *primary;      /* (nullable) the leading pattern */
  const char           *secondary;    /* (nullable) with a mixed presentation */
  gboolean              apophysitis;
  gboolean              no_running;
  GPtrArray            *candidates;   /* const StrideExercise *, best first */
  const StridePlan     *previous_plan;  /* (nullable) the last visit's plan, at a follow-up */
  StridePlan           *rebuilt_plan;   /* (nullable) (owned) that plan when the record kept none */
} Ctx;

/* A need. With @strict the wanted target must be the exercise's main (first)
 * target, so that a gluteal deficit gets a bridge before a squat. */
typedef gboolean (*Match) (const StrideExercise *e,
                           gboolean              strict);

static gboolean
targets (const StrideExercise *e,
         const char           *target,
         gboolean              strict)
{
  return strict ? g_strcmp0 (e->targets[0], target) == 0
                : stride_exercise_has_target (e, target);
}

static void
add_reason (GPtrArray  *reasons,
            const char *rule_id,
            const char *item,
            const char *format,
            ...) G_GNUC_PRINTF (4, 5);

static void
add_reason (GPtrArray  *reasons,
            const char *rule_id,
            const char *item,
            const char *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (reasons, stride_reason_new (rule_id, item, text));
}

/* Numbers in reasons and the running detail, which only people read. */
static char *
format_number (double value,
               int    decimals)
{
  /* Only ever shown to people (reasons, the running detail), never parsed:
   * the locale's decimal separator, as in the engine's reasons. */
  return g_strdup_printf (decimals == 0 ? "%.0f" : "%.1f", value);
}

static gboolean
answer_number (Ctx        *c,
               const char *item,
               double     *out)
{
  return c->visit->answers != NULL
         && stride_answers_get_number (c->visit->answers, item, STRIDE_SIDE_NONE, out);
}

static gboolean
pattern_present (Ctx        *c,
                 const char *pattern)
{
  return g_strcmp0 (c->primary, pattern) == 0 || g_strcmp0 (c->secondary, pattern) == 0;
}

/* ------------------------------------------------------------------------ */
/* Candidates                                                               */

static int
lowest_phase (const StrideExercise *e)
{
  for (int p = 1; p <= 3; p++)
    {
      if (stride_exercise_in_phase (e, p))
        return p;
    }
  return 4;
}

static int
rank (Ctx                  *c,
      const StrideExercise *e)
{
  const char * const *patterns = (const char * const *) e->patterns;
  int r;

  if (c->primary != NULL && g_strv_contains (patterns, c->primary))
    r = 0;
  else if (c->secondary != NULL && g_strv_contains (patterns, c->secondary))
    r = 1;
  else
    r = 2;

  return r * 2 + (lowest_phase (e) == c->exercise_phase ? 0 : 1);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  Ctx *c = data;
  const StrideExercise *ea = *(const StrideExercise * const *) a;
  const StrideExercise *eb = *(const StrideExercise * const *) b;
  int ra = rank (c, ea), rb = rank (c, eb);
  int by_file;

  /* The sort is not stable: ties go by place in the library. */
  if (ra != rb)
    return ra - rb;
  by_file = g_strcmp0 (ea->file, eb->file);
  if (by_file != 0)
    return by_file;
  return (ea->line > eb->line) - (ea->line < eb->line);
}

static gboolean
excluded (Ctx                  *c,
          const StrideExercise *e)
{
  /* The running plan carries the walk-run programme and strides. */
  if (g_strcmp0 (e->load, "running") == 0)
    return TRUE;

  /* PR-APOPHYSITIS: no decline squats or slow heavy loading. */
  if (c->apophysitis
      && (g_strcmp0 (e->load, "heavy-slow") == 0 || g_strcmp0 (e->load, "decline") == 0))
    return TRUE;

  /* A red flag's `no running` holds at any phase: no drills or hopping. */
  if (c->no_running
      && (g_strcmp0 (e->load, "drill") == 0 || g_strcmp0 (e->load, "plyometric") == 0))
    return TRUE;

  /* Suits the presentation, or all presentations. */
  if (c->primary == NULL)
    return !g_strv_contains ((const char * const *) e->patterns, "all");
  return !(stride_exercise_has_pattern (e, c->primary)
           || (c->secondary != NULL && stride_exercise_has_pattern (e, c->secondary)));
}

static void
collect_candidates (Ctx *c)
{
  GPtrArray *all = stride_library_get_exercises (c->library);

  c->candidates = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    {
      const StrideExercise *e = g_ptr_array_index (all, i);

      if (stride_exercise_in_phase (e, c->exercise_phase) && !excluded (c, e))
        g_ptr_array_add (c->candidates, (gpointer) e);
    }

  g_ptr_array_sort_with_data (c->candidates, compare_candidates, c);
}

static StridePlanItem *
find_item (Ctx        *c,
           const char *id)
{
  for (guint i = 0; i < c->plan->items->len; i++)
    {
      StridePlanItem *item = g_ptr_array_index (c->plan->items, i);

      if (g_strcmp0 (item->exercise_id, id) == 0)
        return item;
    }
  return NULL;
}

static StridePlanItem *
add_item (Ctx                  *c,
          const StrideExercise *e)
{
  StridePlanItem *item = stride_plan_item_new (e->id);

  /* The entry's own default dose wins over the examples of rules §6. */
  item->sets = e->sets;
  item->reps = e->reps;
  item->seconds = e->seconds;
  item->each_side = e->each_side;
  item->frequency = g_strdup (e->frequency);
  g_ptr_array_add (c->plan->items, item);
  return item;
}

/* Meets a need: with an exercise already in the plan when one fits,
 * otherwise with the best candidate, while there is room. */
static gboolean
meet (Ctx        *c,
      Match       match,
      gboolean    allow_earlier_phase,
      gboolean    new_exercise,
      const char *rule_id,
      const char *item_id,
      const char *text)
{
  StridePlanItem *item = NULL;

  if (!new_exercise)
    {
      for (guint i = 0; i < c->plan->items->len && item == NULL; i++)
        {
          StridePlanItem *it = g_ptr_array_index (c->plan->items, i);

          if (match (stride_library_lookup (c->library, it->exercise_id), FALSE))
            item = it;
        }
    }

  if (item == NULL && c->plan->items->len < STRIDE_PLANNER_MAX_EXERCISES)
    {
      for (int strict = 1; strict >= 0 && item == NULL; strict--)
        {
          for (guint i = 0; i < c->candidates->len && item == NULL; i++)
            {
              const StrideExercise *e = g_ptr_array_index (c->candidates, i);

              if (match (e, strict) && find_item (c, e->id) == NULL)
                item = add_item (c, e);
            }
        }

      /* Isometrics for apophysitis come from phase 1 whatever the phase. */
      if (item == NULL && allow_earlier_phase)
        {
          GPtrArray *all = stride_library_get_exercises (c->library);
          g_autoptr(GPtrArray) earlier = g_ptr_array_new ();

          for (guint i = 0; i < all->len; i++)
            {
              const StrideExercise *e = g_ptr_array_index (all, i);

              if (lowest_phase (e) <= c->exercise_phase && !excluded (c, e)
                  && find_item (c, e->id) == NULL)
                g_ptr_array_add (earlier, (gpointer) e);
            }
          g_ptr_array_sort_with_data (earlier, compare_candidates, c);
          for (int strict = 1; strict >= 0 && item == NULL; strict--)
            {
              for (guint i = 0; i < earlier->len && item == NULL; i++)
                {
                  const StrideExercise *e = g_ptr_array_index (earlier, i);

                  if (match (e, strict))
                    item = add_item (c, e);
                }
            }
        }
    }

  if (item == NULL)
    return FALSE;

  add_reason (item->reasons, rule_id, item_id, "%s", text);
  return TRUE;
}

/* The needs, as matchers over library entries. */
static gboolean
m_calf (const StrideExercise *e,
        gboolean              strict)
{
  return targets (e, "calf", strict);
}

static gboolean
m_hip_abductors (const StrideExercise *e,
                 gboolean              strict)
{
  return targets (e, "hip-abductors", strict) && g_strcmp0 (e->load, "cross-training") != 0;
}

static gboolean
m_quadriceps (const StrideExercise *e,
              gboolean              strict)
{
  return targets (e, "quadriceps", strict) && g_strcmp0 (e->load, "stretch") != 0
         && g_strcmp0 (e->load, "cross-training") != 0;
}

static gboolean
m_gluteals (const StrideExercise *e,
            gboolean              strict)
{
  return targets (e, "gluteals", strict);
}

static gboolean
m_hip (const StrideExercise *e,
       gboolean              strict)
{
  return m_hip_abductors (e, strict) || m_gluteals (e, strict);
}

static gboolean
m_tendon_isometric (const StrideExercise *e,
                    gboolean              strict)
{
  return stride_exercise_has_target (e, "patellar-tendon")
         && g_strcmp0 (e->load, "isometric") == 0;
}

static gboolean
m_tendon_heavy_slow (const StrideExercise *e,
                     gboolean              strict)
{
  return g_strcmp0 (e->load, "heavy-slow") == 0;
}

static gboolean
m_tendon_energy (const StrideExercise *e,
                 gboolean              strict)
{
  return stride_exercise_has_target (e, "patellar-tendon")
         && g_strcmp0 (e->load, "plyometric") == 0;
}

static gboolean
m_isometric_quadriceps (const StrideExercise *e,
                        gboolean              strict)
{
  return targets (e, "quadriceps", strict) && g_strcmp0 (e->load, "isometric") == 0;
}

static gboolean
m_range (const StrideExercise *e,
         gboolean              strict)
{
  return g_strcmp0 (e->load, "range") == 0;
}

static gboolean
m_cross_training (const StrideExercise *e,
                  gboolean              strict)
{
  return g_strcmp0 (e->load, "cross-training") == 0;
}

static gboolean
m_strength_quadriceps (const StrideExercise *e,
                       gboolean              strict)
{
  return targets (e, "quadriceps", strict)
         && (g_strcmp0 (e->load, "strength") == 0 || g_strcmp0 (e->load, "heavy-slow") == 0);
}

static gboolean
m_plyometric (const StrideExercise *e,
              gboolean              strict)
{
  return g_strcmp0 (e->load, "plyometric") == 0;
}

static gboolean
m_drill (const StrideExercise *e,
         gboolean              strict)
{
  return g_strcmp0 (e->load, "drill") == 0;
}

static gboolean
m_strength (const StrideExercise *e,
            gboolean              strict)
{
  return g_strcmp0 (e->load, "strength") == 0 || g_strcmp0 (e->load, "heavy-slow") == 0
         || g_strcmp0 (e->load, "isometric") == 0;
}

/* ------------------------------------------------------------------------ */
/* Deficits                                                                  */

static const char *
side_name (StrideSide side)
{
  switch (side)
    {
    case STRIDE_SIDE_LEFT:
      return _("left");
    case STRIDE_SIDE_RIGHT:
      return _("right");
    case STRIDE_SIDE_NONE:
    default:
      return "";
    }
}

/* The first tested side whose value is below @limit (or at or above it when
 * @at_least is FALSE), in the order left, right. */
static gboolean
side_where (const StrideTestResult *t,
            double                  limit,
            gboolean                below,
            StrideSide             *out_side,
            double                 *out_value)
{
  for (StrideSide s = STRIDE_SIDE_NONE; t != NULL && s <= STRIDE_SIDE_RIGHT; s++)
    {
      if (t->per_side != (s != STRIDE_SIDE_NONE) || !t->tested[s])
        continue;
      if (below ? t->value[s] < limit : t->value[s] >= limit)
        {
          *out_side = s;
          *out_value = t->value[s];
          return TRUE;
        }
    }
  return FALSE;
}

static void
plan_deficits (Ctx *c)
{
  StrideFindings *f = (StrideFindings *) c->f;
  const StrideTestResult *t;
  StrideSide side;
  double value;

  t = stride_findings_get_test (f, "MT-CALF");
  if (t != NULL)
    {
      double norm = t->has_norm ? t->norm : 20;

      if (side_where (t, norm, TRUE, &side, &value))
        {
          g_autofree char *v = format_number (value, 0);
          g_autofree char *n = format_number (norm, 0);
          g_autofree char *text = t->has_norm
            ? g_strdup_printf (_("Heel raises on the %s: %s, below the norm of %s: calf work."),
                               side_name (side), v, n)
            : g_strdup_printf (_("Heel raises on the %s: %s, below 20 (no age and sex norm): "
                                 "calf work."), side_name (side), v);

          meet (c, m_calf, FALSE, FALSE, "MT-CALF", "mt-calf-reps", text);
        }
    }

  t = stride_findings_get_test (f, "MT-STEPDOWN");
  if (t != NULL && side_where (t, 4, FALSE, &side, &value))
    {
      g_autofree char *v = format_number (value, 0);
      g_autofree char *text = g_strdup_printf (_("Step-down quality on the %s: %s of 6, poor "
                                                 "(4 or more): hip and knee control."),
                                               side_name (side), v);

      meet (c, m_hip_abductors, FALSE, FALSE, "MT-STEPDOWN", "mt-stepdown-score", text);
      meet (c, m_quadriceps, FALSE, FALSE, "MT-STEPDOWN", "mt-stepdown-score", text);
    }

  t = stride_findings_get_test (f, "MT-BRIDGE");
  if (t != NULL && side_where (t, 20, TRUE, &side, &value))
    {
      g_autofree char *v = format_number (value, 0);
      g_autofree char *text = g_strdup_printf (_("Single-leg bridges on the %s: %s, below 20: "
                                                 "gluteal work."), side_name (side), v);

      meet (c, m_gluteals, FALSE, FALSE, "MT-BRIDGE", "mt-bridge-reps", text);
    }
}

/* ------------------------------------------------------------------------ */
/* Presentation and phase                                                    */

static void
plan_pattern (Ctx        *c,
              const char *pattern)
{
  if (g_strcmp0 (pattern, "PR-ITBS") == 0)
    {
      const char *text = _("Iliotibial band pain: hip abductor strengthening.");

      meet (c, m_hip_abductors, FALSE, FALSE, "PR-ITBS", NULL, text);
      meet (c, m_hip_abductors, FALSE, TRUE, "PR-ITBS", NULL, text);
    }
  else if (g_strcmp0 (pattern, "PR-PT") == 0 && !c->apophysitis)
    {
      if (c->exercise_phase == 1)
        meet (c, m_tendon_isometric, FALSE, TRUE, "PR-PT", NULL,
              _("Patellar tendon pain, phase 1: isometric holds, which often ease tendon pain."));
      else if (c->exercise_phase == 2)
        meet (c, m_tendon_heavy_slow, FALSE, TRUE, "PR-PT", NULL,
              _("Patellar tendon pain, phase 2: slow heavy loading, 3 times a week."));
      else
        meet (c, m_tendon_energy, FALSE, TRUE, "PR-PT", NULL,
              _("Patellar tendon pain, phase 3: energy-storage work (jumps), every 2 to 3 days."));
    }
  else if (g_strcmp0 (pattern, "PR-APOPHYSITIS") == 0)
    {
      meet (c, m_isometric_quadriceps, TRUE, FALSE, "PR-APOPHYSITIS", NULL,
            _("Growth-plate pain (apophysitis): isometric holds and load management; no "
              "decline squats or slow heavy loading."));
    }
  else if (g_strcmp0 (pattern, "PR-PFP") == 0)
    {
      const char *text = _("Pain around the kneecap: hip and knee exercises together.");

      meet (c, m_hip, FALSE, FALSE, "PR-PFP", NULL, text);
      meet (c, m_quadriceps, FALSE, FALSE, "PR-PFP", NULL, text);
    }
}

static void
plan_phase (Ctx *c)
{
  if (c->f->phase_done)
    {
      const char *text = _("Finished phase 3: keep up strength work twice a week for at least 3 "
                           "more months; stopping too early is why pain comes back.");

      meet (c, m_strength_quadriceps, FALSE, FALSE, "PH-DONE", NULL, text);
      meet (c, m_hip, FALSE, FALSE, "PH-DONE", NULL, text);
      meet (c, m_calf, FALSE, FALSE, "PH-DONE", NULL, text);
      return;
    }

  switch (c->exercise_phase)
    {
    case 1:
      meet (c, m_isometric_quadriceps, FALSE, FALSE, "PH-1", NULL,
            _("Phase 1: settle the knee with isometric holds, daily."));
      meet (c, m_range, FALSE, FALSE, "PH-1", NULL,
            _("Phase 1: gentle range of motion."));
      meet (c, m_cross_training, FALSE, FALSE, "PH-1", NULL,
            _("Phase 1: low-load cross-training keeps fitness within pain 3 or less."));
      break;

    case 2:
      meet (c, m_strength_quadriceps, FALSE, FALSE, "PH-2", NULL,
            _("Phase 2: build capacity with progressive loading, 2 to 3 times a week."));
      meet (c, m_hip, FALSE, FALSE, "PH-2", NULL,
            _("Phase 2: hip and knee exercises together."));
      break;

    case 3:
      if (!c->no_running)
        {
          meet (c, m_plyometric, FALSE, FALSE, "PH-3", NULL,
                _("Phase 3: energy-storage and hopping work, every 2 to 3 days."));
          meet (c, m_drill, FALSE, FALSE, "PH-3", NULL,
                _("Phase 3: running drills before the return to running."));
        }
      meet (c, m_strength, TRUE, FALSE, "PH-3", NULL,
            _("Phase 3: keep up the strength work."));
      break;

    default:
      break;
    }
}

/* The rule id a phase-level choice answers to. */
static const char *
phase_rule (Ctx *c)
{
  if (c->f->phase_done)
    return "PH-DONE";
  return c->phase == 1 ? "PH-1" : c->phase == 2 ? "PH-2" : "PH-3";
}

/* Up to the minimum with exercises that add a target not yet covered, then
 * with any remaining loading exercise, and only then with cross-training. */
static void
plan_fill (Ctx *c)
{
  for (int pass = 0; pass < 3; pass++)
    {
      for (guint i = 0; i < c->candidates->len
                        && c->plan->items->len < STRIDE_PLANNER_MIN_EXERCISES; i++)
        {
          const StrideExercise *e = g_ptr_array_index (c->candidates, i);
          gboolean adds = pass >= 1;
          StridePlanItem *item;

          /* Cross-training is added by PH-1 alone; the fill adds loading. */
          if (find_item (c, e->id) != NULL
              || (pass < 2 && (g_strcmp0 (e->load, "cross-training") == 0
                               || g_strcmp0 (e->load, "stretch") == 0)))
            continue;
          for (guint t = 0; !adds && e->targets[t] != NULL; t++)
            {
              gboolean covered = FALSE;

              for (guint k = 0; k < c->plan->items->len && !covered; k++)
                {
                  StridePlanItem *it = g_ptr_array_index (c->plan->items, k);

                  covered = stride_exercise_has_target (
                    stride_library_lookup (c->library, it->exercise_id), e->targets[t]);
                }
              adds = !covered;
            }
          if (!adds)
            continue;

          item = add_item (c, e);
          add_reason (item->reasons, phase_rule (c), NULL,
                      _("Suits the phase and the presentation; a programme holds 3 to 6 "
                        "exercises."));
        }
    }
}

/* Rules §6: progress only while LS-MONITOR holds. At a follow-up that holds
 * the phase with the pain rules kept, an exercise that was already in the
 * last plan moves on to its progression (when that suits the phase and the
 * presentation and is not in the plan yet). */
static void
plan_progressions (Ctx *c)
{
  StrideVisit *previous = stride_assessment_get_previous (c->assessment);

  if (previous == NULL || previous->plan == NULL || c->visit->kind != STRIDE_VISIT_FOLLOW_UP
      || c->f->followup != STRIDE_FOLLOWUP_HOLD || c->f->dose_step_down || c->f->phase_done
      || !c->f->monitor_known || !c->f->monitor_holds
      || c->f->previous_phase != (StridePhase) c->phase)
    return;

  for (guint i = 0; i < c->plan->items->len; i++)
    {
      StridePlanItem *item = g_ptr_array_index (c->plan->items, i);
      const StrideExercise *e = stride_library_lookup (c->library, item->exercise_id);
      const StrideExercise *next;
      gboolean before = FALSE;
      StridePlanItem *replacement;

      for (guint k = 0; k < previous->plan->items->len && !before; k++)
        {
          const StridePlanItem *old = g_ptr_array_index (previous->plan->items, k);

          before = g_strcmp0 (old->exercise_id, item->exercise_id) == 0;
        }
      if (!before || e->progression == NULL)
        continue;

      next = stride_library_lookup (c->library, e->progression);
      if (next == NULL || !stride_exercise_in_phase (next, c->exercise_phase) || excluded (c, next)
          || find_item (c, next->id) != NULL)
        continue;

      replacement = stride_plan_item_new (next->id);
      replacement->sets = next->sets;
      replacement->reps = next->reps;
      replacement->seconds = next->seconds;
      replacement->each_side = next->each_side;
      replacement->frequency = g_strdup (next->frequency);
      for (guint r = 0; r < item->reasons->len; r++)
        {
          const StrideReason *reason = g_ptr_array_index (item->reasons, r);

          g_ptr_array_add (replacement->reasons,
                           stride_reason_new (reason->rule_id, reason->item, reason->text));
        }
      add_reason (replacement->reasons, "LS-MONITOR", NULL,
                  _("The pain rules held since the last visit: %s moves on to this exercise."),
                  e->name);
      g_ptr_array_index (c->plan->items, i) = replacement;
      stride_plan_item_free (item);
    }
}

static void
plan_doses (Ctx *c)
{
  for (guint i = 0; i < c->plan->items->len; i++)
    {
      StridePlanItem *item = g_ptr_array_index (c->plan->items, i);

      if (c->f->phase_done)
        {
          g_free (item->frequency);
          item->frequency = g_strdup ("2-per-week");
          add_reason (item->reasons, "PH-DONE", NULL,
                      _("Maintenance: strength work twice a week for at least 3 more months."));
        }

      if (c->f->dose_step_down)
        {
          /* One step down: one set fewer; a timed session 5 minutes shorter. */
          if (item->sets > 1)
            item->sets--;
          else if (item->sets == 0 && item->seconds > 600)
            item->seconds -= 300;
          add_reason (item->reasons, "PH-FU", "monitor-broken-sessions",
                      _("The pain rules were broken once since the last visit: hold the phase "
                        "with the dose one step down."));
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Doses in words                                                            */

/**
 * stride_running_advice_describe:
 * @advice_id: a running-plan advice id, as the planner emits them
 *   ("flat-ground", "avoid-downhill", "avoid-camber", "cadence", "rest-day",
 *   "spike-limit", "pause", "cross-training")
 *
 * One table for every place that shows the advice (the app's plan step, the
 * report and the patient's sheet), so an id the planner emits can never be
 * printed raw.
 *
 * Returns: (transfer none): the advice in patient words, in the current
 *   language; an unknown id (from another tool's document) as it is
 */
const char *
stride_running_advice_describe (const char *advice_id)
{
  static const struct { const char *id; const char *text; } advice[] = {
    { "flat-ground", N_("Run on flat ground.") },
    { "avoid-downhill", N_("Avoid running downhill.") },
    { "avoid-camber", N_("Avoid sloping (cambered) roads.") },
    { "avoid-cambered", N_("Avoid sloping (cambered) roads.") },
    /* xgettext:no-c-format */
    { "cadence", N_("Take shorter, quicker steps: about 5–10 % more steps a minute.") },
    { "rest-day", N_("Leave a rest day between runs.") },
    /* xgettext:no-c-format */
    { "spike-limit", N_("No run more than 10% longer than the longest of the last 30 days.") },
    { "pause", N_("Pause running until the pain settles.") },
    { "cross-training", N_("Keep fit with cycling, swimming or pool running, with pain 3 or "
                           "less.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (advice); i++)
    {
      if (g_strcmp0 (advice[i].id, advice_id) == 0)
        return _(advice[i].text);
    }

  return advice_id;
}

/**
 * stride_frequency_describe:
 * @frequency: a plan item's frequency ("daily", "2-3-per-week", …)
 *
 * Returns: (transfer none) (nullable): the frequency in patient words, in the
 *   current language, or %NULL for an unknown one
 */
const char *
stride_frequency_describe (const char *frequency)
{
  static const struct { const char *id; const char *words; } table[] = {
    { "daily", N_("every day") },
    { "2-3-per-week", N_("2 or 3 times a week") },
    { "3-per-week", N_("3 times a week") },
    { "every-2-3-days", N_("every 2 to 3 days") },
    { "within-runs", N_("in each run") },
    { "2-per-week", N_("twice a week") },
  };

  for (guint i = 0; frequency != NULL && i < G_N_ELEMENTS (table); i++)
    {
      if (g_str_equal (frequency, table[i].id))
        return _(table[i].words);
    }
  return NULL;
}

/**
 * stride_plan_item_describe_dose:
 * @item: a plan item
 * @exercise: (nullable): its library entry
 *
 * The dose in patient words for the home sheet ("3 sets of 10 on each side,
 * 2 or 3 times a week"). While the item keeps the entry's default dose, the
 * entry's own words are used; a dose the planner or the clinician changed is
 * worded from the numbers.
 *
 * Returns: (transfer full): the dose in words
 */
char *
stride_plan_item_describe_dose (const StridePlanItem *item,
                                const StrideExercise *exercise)
{
  GString *words;
  const char *frequency;

  g_return_val_if_fail (item != NULL, NULL);

  if (exercise != NULL && exercise->dose_text != NULL && item->sets == exercise->sets
      && item->reps == exercise->reps && item->seconds == exercise->seconds
      && item->each_side == exercise->each_side
      && g_strcmp0 (item->frequency, exercise->frequency) == 0)
    return g_strdup (exercise->dose_text);

  words = g_string_new (NULL);
  if (item->sets > 0 && item->reps > 0)
    g_string_append_printf (words, g_dngettext (GETTEXT_PACKAGE, "%d set of %d",
                                                "%d sets of %d", item->sets),
                            item->sets, item->reps);
  else if (item->sets > 0 && item->seconds > 0)
    g_string_append_printf (words, g_dngettext (GETTEXT_PACKAGE, "%d hold of %d seconds",
                                                "%d holds of %d seconds", item->sets),
                            item->sets, item->seconds);
  else if (item->seconds > 0)
    g_string_append_printf (words, g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                                item->seconds / 60),
                            item->seconds / 60);
  else if (item->reps > 0)
    g_string_append_printf (words, g_dngettext (GETTEXT_PACKAGE, "%d time", "%d times",
                                                item->reps),
                            item->reps);

  if (words->len > 0 && item->each_side)
    g_string_append_printf (words, " %s", _("on each side"));

  frequency = stride_frequency_describe (item->frequency);
  if (frequency != NULL)
    {
      if (words->len > 0)
        g_string_append (words, ", ");
      g_string_append (words, frequency);
    }

  return g_string_free (words, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Running (rules §7)                                                        */

static const char *const walkrun_stages[] = {
  NULL,
  N_("stage 1: 5 × (walk 4 min / jog 2 min)"),
  N_("stage 2: 5 × (walk 3 min / jog 3 min)"),
  N_("stage 3: 5 × (walk 2 min / jog 4 min)"),
  N_("stage 4: 2 × (jog 14 min / walk 2 min)"),
  N_("stage 5: jog 30 min continuously"),
};

/**
 * stride_walkrun_stage_describe:
 * @stage: 1 to 5
 *
 * Returns: (transfer none) (nullable): the stage of RP-WALKRUN in the current
 *   language, or %NULL for another number
 */
const char *
stride_walkrun_stage_describe (int stage)
{
  if (stage < 1 || stage > 5)
    return NULL;
  return _(walkrun_stages[stage]);
}

static void
advise (StrideRunningPlan *r,
        const char        *advice)
{
  for (guint i = 0; i < r->advice->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (r->advice, i), advice))
        return;
    }
  g_ptr_array_add (r->advice, g_strdup (advice));
}

static void
set_rule (StrideRunningPlan *r,
          const char        *rule_id)
{
  g_free (r->rule_id);
  r->rule_id = g_strdup (rule_id);
}

static void
running_none (Ctx        *c,
              const char *why_rule,
              const char *why)
{
  StrideRunningPlan *r = &c->plan->running;

  set_rule (r, "RP-NONE");
  g_free (r->detail);
  r->detail = g_strdup (_("no running; cross-training within pain 3 or less keeps fitness"));
  add_reason (r->reasons, why_rule, NULL, "%s", why);
  add_reason (r->reasons, "RP-NONE", NULL,
              _("No running: cycling, swimming or pool running within pain 3 or less keep "
                "fitness."));
  advise (r, "cross-training");
}

/* Advice that goes with any running (RP-MODIFY, RP-WALKRUN). */
static void
running_advice (Ctx *c)
{
  StrideRunningPlan *r = &c->plan->running;

  advise (r, "flat-ground");
  if (pattern_present (c, "PR-PFP") || pattern_present (c, "PR-ITBS"))
    {
      advise (r, "avoid-downhill");
      add_reason (r->reasons, "RP-MODIFY", NULL,
                  _("Avoid running downhill while the knee is sore."));
    }
  if (pattern_present (c, "PR-ITBS"))
    {
      advise (r, "avoid-camber");
      add_reason (r->reasons, "RP-MODIFY", NULL, _("Avoid roads that slope to one side."));
    }
  advise (r, "cadence");
  add_reason (r->reasons, "RP-MODIFY", NULL,
              _("Shorter, quicker steps: 5 to 10%% more steps a minute take load off the front "
                "of the knee."));
}

static void
running_spike (Ctx *c)
{
  StrideRunningPlan *r = &c->plan->running;
  double longest;

  if (!answer_number (c, "longest-run-30d", &longest) || longest <= 0)
    return;

  /* Rounded down to 100 m, the precision the limit is printed with, so that
   * it is never more than 10 % over: 2.5 km gives 2.7 km, not 2.8 (12 %).
   * The 1e-6 keeps 10 km at 11 km, not 10.9 (10 × 1.1 is 11.000000000000002
   * in binary, and 8 × 1.1 is 8.8000000000000007). The protocol records the
   * longest run to 100 m, so the limit is never below it. */
  r->has_spike_limit = TRUE;
  r->spike_limit_km = floor (longest * 1.1 * 10.0 + 1e-6) / 10.0;
  {
    g_autofree char *l = format_number (longest, 1);
    g_autofree char *s = format_number (r->spike_limit_km, 1);

    add_reason (r->reasons, "RP-SPIKE", "longest-run-30d",
                _("Longest run of the last 30 days %s km: no single run over %s km."), l, s);
  }
  advise (r, "spike-limit");
}

static void
running_modify (Ctx *c)
{
  StrideRunningPlan *r = &c->plan->running;
  gboolean running_now = c->visit->answers != NULL
                         && stride_answers_is_yes (c->visit->answers, "running-now",
                                                   STRIDE_SIDE_NONE);
  double minutes = 0, km = 0;
  gboolean has_minutes, has_km, morning_worse, from_start;

  if (!running_now)
    {
      running_none (c, "RP-MODIFY",
                    _("Phase 2 and not running now: no running until phase 3."));
      return;
    }

  set_rule (r, "RP-MODIFY");
  if (!c->f->monitor_known || c->f->monitor_holds)
    {
      g_free (r->detail);
      r->detail = g_strdup (_("keep the current runs, on flat ground, within the spike limit"));
      add_reason (r->reasons, "RP-MODIFY", "running-now",
                  c->f->monitor_known
                  ? _("Running now within the pain rules: keep the current runs on flat ground.")
                  : _("Running now: keep the current runs on flat ground while the pain rules "
                      "hold."));
      running_advice (c);
      running_spike (c);
      if (r->has_spike_limit)
        {
          g_autofree char *limit = format_number (r->spike_limit_km, 1);

          g_free (r->detail);
          r->detail = g_strdup_printf (_("keep the current runs, on flat ground, none over %s km"),
                                       limit);
        }
      return;
    }

  /* LS-MONITOR broken: 75 % of where pain starts, or a pause. */
  has_minutes = answer_number (c, "pain-onset-minutes", &minutes);
  has_km = answer_number (c, "pain-onset-km", &km);
  morning_worse = c->visit->answers != NULL
                  && stride_answers_has_choice (c->visit->answers, "next-morning",
                                                STRIDE_SIDE_NONE, "worse");

  /* Pain from 0 km starts with the run: within 10 minutes whatever the pace (lead's
   * ruling on the QA report). */
  from_start = has_km && km <= 0;
  if ((has_minutes && minutes <= 10) || from_start || morning_worse)
    {
      r->paused = TRUE;
      g_free (r->detail);
      r->detail = g_strdup (morning_worse
                            ? _("pause running: the next morning is worse after running")
                            : _("pause running: pain starts within 10 minutes"));
      if (morning_worse)
        add_reason (r->reasons, "RP-MODIFY", "next-morning",
                    _("The pain rules are broken and the next morning is worse: pause running."));
      else if (!(has_minutes && minutes <= 10))
        add_reason (r->reasons, "RP-MODIFY", "pain-onset-km",
                    _("The pain rules are broken and pain starts from the first step of a run "
                      "(0 km): pause running."));
      else
        {
          g_autofree char *m = format_number (minutes, 0);

          add_reason (r->reasons, "RP-MODIFY", "pain-onset-minutes",
                      _("The pain rules are broken and pain starts at minute %s, within 10 "
                        "minutes: pause running."), m);
        }
      advise (r, "pause");
      advise (r, "cross-training");
      return;
    }

  if (has_minutes || has_km)
    {
      g_autoptr(GString) detail = g_string_new (_("shorten runs to"));

      r->has_shortened = TRUE;
      if (has_minutes)
        {
          g_autofree char *m = format_number (minutes * 0.75, 0);

          r->shortened_minutes = minutes * 0.75;
          g_string_append_printf (detail, " %s %s", m, _("min"));
        }
      if (has_km)
        {
          g_autofree char *k = format_number (km * 0.75, 1);

          r->shortened_km = km * 0.75;
          g_string_append_printf (detail, "%s %s km", has_minutes ? " /" : "", k);
        }
      /* xgettext:no-c-format */
      g_string_append (detail, _(" (75% of where pain starts)"));
      g_free (r->detail);
      r->detail = g_string_free (g_steal_pointer (&detail), FALSE);
      add_reason (r->reasons, "RP-MODIFY", has_minutes ? "pain-onset-minutes" : "pain-onset-km",
                  _("The pain rules are broken: shorten runs to 75%% of the time or distance at "
                    "which pain starts."));
    }
  else
    {
      g_free (r->detail);
      /* xgettext:no-c-format */
      r->detail = g_strdup (_("shorten runs to 75% of where pain starts (not recorded)"));
      add_reason (r->reasons, "RP-MODIFY", NULL,
                  _("The pain rules are broken: shorten runs to 75%% of where pain starts; "
                    "record when it starts."));
    }

  running_advice (c);
  running_spike (c);
}

/* The walk-run stage of the last visit's plan, or 0 when that plan had none. */
static int
previous_walkrun_stage (Ctx *c)
{
  const StridePlan *previous = c->previous_plan;

  if (previous == NULL || c->visit->kind != STRIDE_VISIT_FOLLOW_UP
      || g_strcmp0 (previous->running.rule_id, "RP-WALKRUN") != 0)
    return 0;
  return CLAMP (previous->running.walkrun_stage, 1, 5);
}

/* The last visit's plan at a follow-up: the one its record kept, else the plan
 * suggested for it from its findings. A document need not keep its plans, and
 * the patient was still given one: without it a phase 3 patient would start the
 * walk-run again at stage 1 at every visit instead of going on (rules §7). */
static void
find_previous_plan (Ctx   *c,
                    guint  review_days)
{
  StrideVisit *previous = stride_assessment_get_previous (c->assessment);
  StrideAssessment before;

  if (previous == NULL || c->visit->kind != STRIDE_VISIT_FOLLOW_UP)
    return;
  if (previous->plan != NULL)
    {
      c->previous_plan = previous->plan;
      return;
    }
  if (c->f->previous == NULL)
    return;

  /* The visits up to the previous one, borrowed: nothing is copied. Without a
   * plan (a red flag allowed none) there is no plan to go on from. */
  before.patient = c->assessment->patient;
  before.visits = g_ptr_array_new ();
  for (guint i = 0; i + 1 < c->assessment->visits->len; i++)
    g_ptr_array_add (before.visits, g_ptr_array_index (c->assessment->visits, i));
  c->rebuilt_plan = stride_planner_suggest_full (c->library, &before, c->f->previous,
                                                 review_days, NULL);
  g_ptr_array_unref (before.visits);
  c->previous_plan = c->rebuilt_plan;
}

/* Rules §7: a stage is repeated until pain during it is 3 or less and the next
 * morning is no worse; pain above 5, or a worse morning, sends the patient
 * back one stage. At a follow-up this visit's running pain and next morning
 * judge the last plan's stage; without both, the stage is repeated. */
static void
walkrun_continue (Ctx *c,
                  int  previous)
{
  StrideRunningPlan *r = &c->plan->running;
  double during = 0;
  gboolean has_during = answer_number (c, "pain-during-running", &during);
  gboolean has_morning = c->visit->answers != NULL
                         && stride_answers_has (c->visit->answers, "next-morning",
                                                STRIDE_SIDE_NONE);
  gboolean morning_worse = has_morning
                           && g_strcmp0 (stride_answers_get (c->visit->answers, "next-morning",
                                                             STRIDE_SIDE_NONE), "worse") == 0;
  g_autofree char *pain = format_number (during, 0);

  if ((has_during && during > 5) || morning_worse)
    {
      r->walkrun_stage = MAX (1, previous - 1);
      if (has_during && during > 5)
        add_reason (r->reasons, "RP-WALKRUN", "pain-during-running",
                    _("Pain during running %s, above 5, at stage %d: back one stage."), pain,
                    previous);
      else
        add_reason (r->reasons, "RP-WALKRUN", "next-morning",
                    _("The next morning was worse after stage %d: back one stage."), previous);
    }
  else if (has_during && during <= 3 && has_morning)
    {
      r->walkrun_stage = MIN (5, previous + 1);
      add_reason (r->reasons, "RP-WALKRUN", "pain-during-running",
                  previous < 5 ? _("Stage %d went with pain %s during running and the next "
                                   "morning no worse: on to the next stage.")
                               : _("Stage %d went with pain %s during running and the next "
                                   "morning no worse: keep it, and rebuild volume within the "
                                   "spike limit."), previous, pain);
    }
  else if (has_during && during > 3)
    {
      r->walkrun_stage = previous;
      add_reason (r->reasons, "RP-WALKRUN", "pain-during-running",
                  _("Pain during running %s at stage %d: repeat the stage until it is 3 or "
                    "less and the next morning is no worse."), pain, previous);
    }
  else
    {
      r->walkrun_stage = previous;
      add_reason (r->reasons, "RP-WALKRUN", NULL,
                  _("Running pain or the next morning not recorded: repeat stage %d until "
                    "pain is 3 or less and the next morning is no worse."), previous);
    }
}

static void
running_walkrun (Ctx *c)
{
  StrideRunningPlan *r = &c->plan->running;
  double continuous = 0;
  gboolean running_now = c->visit->answers != NULL
                         && stride_answers_is_yes (c->visit->answers, "running-now",
                                                   STRIDE_SIDE_NONE);
  gboolean has_continuous = answer_number (c, "continuous-run-minutes", &continuous);
  gboolean within = c->f->monitor_known && c->f->monitor_holds;
  int previous = previous_walkrun_stage (c);

  set_rule (r, "RP-WALKRUN");
  if (previous > 0)
    walkrun_continue (c, previous);
  else if (running_now && has_continuous && continuous >= 20 && within)
    {
      g_autofree char *m = format_number (continuous, 0);

      r->walkrun_stage = 5;
      add_reason (r->reasons, "RP-WALKRUN", "continuous-run-minutes",
                  _("Already runs %s minutes continuously within the pain rules: start at "
                    "stage 5."), m);
    }
  else
    {
      r->walkrun_stage = 1;
      add_reason (r->reasons, "RP-WALKRUN", NULL,
                  _("Phase 3: graded walk-run on flat ground from stage 1, a rest day between "
                    "sessions; repeat a stage until pain is 3 or less and the next morning is "
                    "no worse; pain above 5 or a worse morning: back one stage."));
    }

  g_free (r->detail);
  if (c->f->phase_done)
    r->detail = g_strdup (_("usual running, within the spike limit"));
  else
    r->detail = g_strdup (stride_walkrun_stage_describe (r->walkrun_stage));
  advise (r, "rest-day");
  running_advice (c);
  running_spike (c);
}

static void
plan_running (Ctx *c)
{
  const StrideFindings *f = c->f;

  if (c->no_running)
    {
      StrideRunningPlan *r = &c->plan->running;
      guint before = r->reasons->len;

      /* Every red flag that stops running, by name. */
      for (guint i = 0; f->red_flags != NULL && i < f->red_flags->len; i++)
        {
          const StrideRedFlag *flag = g_ptr_array_index (f->red_flags, i);

          if (stride_red_flag_stops_running (flag))
            add_reason (r->reasons, flag->rule_id, NULL,
                        _("Red flag %s: no running at any phase."), flag->rule_id);
        }
      running_none (c, "RP-NONE", r->reasons->len > before
                                  ? _("A red flag stops running until it is cleared.")
                                  : _("No running at any phase (a red flag's restriction)."));
      return;
    }

  switch (c->phase)
    {
    case 1:
      running_none (c, "PH-1", _("Phase 1: nobody runs before phase 3."));
      break;
    case 2:
      running_modify (c);
      break;
    case 3:
      running_walkrun (c);
      break;
    default:
      break;
    }
}

/* ------------------------------------------------------------------------ */
/* Education (rules §8) and the review                                       */

static void
plan_education (Ctx *c)
{
  GPtrArray *e = c->plan->education;
  gboolean runs = g_strcmp0 (c->plan->running.rule_id, "RP-NONE") != 0;
  gboolean pfp = pattern_present (c, "PR-PFP") || c->f->monitor_pfp_rule;

  g_ptr_array_add (e, g_strdup ("pain-is-a-guide"));
  /* One set of pain rules: when PR-PFP is likely or possible the stricter
   * patellofemoral rule decides instead of the general one (rules §2), and
   * printing both would tell the patient two different things. */
  g_ptr_array_add (e, g_strdup (pfp ? "pain-rules-pfp" : "pain-rules"));
  /* PR-APOPHYSITIS: load management, in words for a young patient. */
  if (c->apophysitis)
    g_ptr_array_add (e, g_strdup ("growing-knees"));
  g_ptr_array_add (e, g_strdup ("keep-moving"));
  g_ptr_array_add (e, g_strdup ("keep-going"));
  if (runs)
    {
      g_ptr_array_add (e, g_strdup ("load-spike"));
      g_ptr_array_add (e, g_strdup ("rest-days"));
      g_ptr_array_add (e, g_strdup ("terrain"));
      g_ptr_array_add (e, g_strdup ("footwear"));
    }
  else
    {
      g_ptr_array_add (e, g_strdup ("rest-days"));
      g_ptr_array_add (e, g_strdup ("cross-training"));
    }
}

static void
plan_review (Ctx   *c,
             guint  review_days)
{
  if (!g_date_valid (&c->visit->date))
    return;

  c->plan->next_review = c->visit->date;
  g_date_add_days (&c->plan->next_review, review_days);
}

/**
 * stride_planner_suggest_full:
 * @library: the exercise library
 * @assessment: the patient and visits; the last visit is planned for
 * @findings: that visit's findings (stride_engine_evaluate())
 * @review_days: days from the visit to the next review
 * @error: return location for a #StridePlannerError
 *
 * Suggests the plan of rules §6–§8 with a reason for every choice. There is
 * no plan under a `no plan` restriction (%STRIDE_PLANNER_ERROR_NO_PLAN).
 *
 * Returns: (transfer full) (nullable): the plan
 */
StridePlan *
stride_planner_suggest_full (StrideLibrary         *library,
                             StrideAssessment      *assessment,
                             const StrideFindings  *findings,
                             guint                  review_days,
                             GError               **error)
{
  g_autoptr(StridePlan) plan = NULL;
  Ctx c = { 0 };

  g_return_val_if_fail (STRIDE_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (findings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  c.visit = stride_assessment_get_current (assessment);
  if (c.visit == NULL)
    {
      g_set_error (error, STRIDE_PLANNER_ERROR, STRIDE_PLANNER_ERROR_NO_VISIT,
                   _("The assessment has no visit to plan for."));
      return NULL;
    }

  if (!stride_findings_makes_plan (findings))
    {
      g_set_error (error, STRIDE_PLANNER_ERROR, STRIDE_PLANNER_ERROR_NO_PLAN,
                   _("No exercise plan: a red flag needs medical care first."));
      return NULL;
    }

  plan = stride_plan_new ();
  c.library = library;
  c.assessment = assessment;
  c.f = findings;
  c.plan = plan;
  c.phase = findings->phase;
  /* PH-DONE: the maintenance plan is strength work (phase 2 exercises), twice
   * a week; the running plan stays that of phase 3. */
  c.exercise_phase = findings->phase_done ? 2 : c.phase;
  c.no_running = findings->no_running
                 || findings->restriction == STRIDE_RESTRICTION_NO_RUNNING;
  if (findings->presentation.kind != STRIDE_PRESENTATION_UNCLEAR)
    {
      c.primary = findings->presentation.primary;
      if (findings->presentation.kind == STRIDE_PRESENTATION_MIXED)
        c.secondary = findings->presentation.secondary;
    }
  c.apophysitis = pattern_present (&c, "PR-APOPHYSITIS");
  plan->maintenance = findings->phase_done;

  collect_candidates (&c);
  if (c.candidates->len < STRIDE_PLANNER_MIN_EXERCISES)
    {
      g_ptr_array_unref (c.candidates);
      g_set_error (error, STRIDE_PLANNER_ERROR, STRIDE_PLANNER_ERROR_LIBRARY,
                   _("The exercise library has too few exercises for phase %d."),
                   c.exercise_phase);
      return NULL;
    }

  find_previous_plan (&c, review_days);
  plan_deficits (&c);
  plan_pattern (&c, c.primary);
  if (c.secondary != NULL)
    plan_pattern (&c, c.secondary);
  plan_phase (&c);
  plan_fill (&c);
  plan_progressions (&c);
  plan_doses (&c);
  plan_running (&c);
  plan_education (&c);
  plan_review (&c, review_days);

  g_ptr_array_unref (c.candidates);
  g_clear_pointer (&c.rebuilt_plan, stride_plan_free);
  return g_steal_pointer (&plan);
}

/**
 * stride_planner_suggest:
 * @library: the exercise library
 * @assessment: the patient and visits; the last visit is planned for
 * @findings: that visit's findings
 * @error: return location for a #StridePlannerError
 *
 * As stride_planner_suggest_full() with the default review in 2 weeks.
 *
 * Returns: (transfer full) (nullable): the plan
 */
StridePlan *
stride_planner_suggest (StrideLibrary         *library,
                        StrideAssessment      *assessment,
                        const StrideFindings  *findings,
                        GError               **error)
{
  return stride_planner_suggest_full (library, assessment, findings,
                                      STRIDE_PLANNER_DEFAULT_REVIEW_DAYS, error);
}
