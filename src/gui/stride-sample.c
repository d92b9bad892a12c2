/* stride-sample.c: a sample patient with three visits, for a first start
 *
 * A new user sees charts, findings and documents at once. The patient is
 * plainly a sample (the name says so) and can be deleted like any other.
 * Answers use the protocol's item ids; the story is a runner with
 * patellofemoral pain who improves over eight weeks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stride-sample.h"

typedef struct
{
  const char *item;
  StrideSide  side;
  const char *value[3];   /* per visit; NULL: not asked that time */
} SampleAnswer;

#define L STRIDE_SIDE_LEFT
#define R STRIDE_SIDE_RIGHT
#define N STRIDE_SIDE_NONE

static const SampleAnswer answers[] = {
  { "involved-side", N, { "right", "right", "right" } },
  { "pain-location", N, { "around-kneecap", "around-kneecap", "around-kneecap" } },
  { "running-pain-pattern", N, { "consistent-point", "consistent-point", "consistent-point" } },
  { "injury", N, { "no", "no", "no" } },
  { "running-now", N, { "yes", "yes", "yes" } },
  { "runs-per-week", N, { "3", "3", "4" } },
  { "weekly-distance", N, { "18", "22", "30" } },
  { "usual-weekly-distance", N, { "40", "40", "40" } },
  { "longest-run-30d", N, { "10", "10", "12" } },
  { "continuous-run-minutes", N, { "15", "25", "40" } },
  { "recent-changes", N, { "volume-increase terrain", NULL, NULL } },
  { "treatments-tried", N, { "rest ice", NULL, NULL } },
  { "goals", N, { "Run a half marathon in the spring", NULL, NULL } },
  { "monitor-broken-sessions", N, { NULL, "1", "0" } },
  { "usual-volume-reached", N, { NULL, "no", "no" } },

  { "hot-swollen-knee", N, { "no", "no", "no" } },
  { "cold-pale-foot", N, { "no", "no", "no" } },
  { "calf-swelling", N, { "no", "no", "no" } },
  { "breathless-chest-pain", N, { "no", "no", "no" } },
  { "locked-knee", N, { "no", "no", "no" } },
  { "recurrent-swelling", N, { "no", "no", "no" } },
  { "giving-way", N, { "no", "no", "no" } },
  { "bone-tenderness", N, { "no", "no", "no" } },
  { "groin-pain-weight-bearing", N, { "no", "no", "no" } },
  { "constant-pain", N, { "no", "no", "no" } },
  { "multiple-joints", N, { "no", "no", "no" } },
  { "morning-stiffness", N, { "no", "no", "no" } },

  { "worst-pain", N, { "6", "4", "2" } },
  { "pain-at-rest", N, { "1", "0", "0" } },
  { "pain-limits-daily", N, { "yes", "no", "no" } },
  { "night-pain", N, { "none", "none", "none" } },
  { "settle-time", N, { "1-24h", "under-1h", "under-1h" } },
  { "next-morning", N, { "same", "same", "better" } },
  { "pain-rising", N, { "no", "no", "no" } },
  { "pain-during-running", N, { "5", "3", "2" } },
  { "pain-onset-minutes", N, { "20", "30", NULL } },
  { "pain-after-running", N, { "5", "3", "1" } },
  { "pain-walking", N, { "1", "0", "0" } },
  { "pain-stairs-up", N, { "3", "2", "0" } },
  { "pain-stairs-down", N, { "5", "3", "1" } },
  { "pain-squatting", N, { "5", "3", "1" } },
  { "pain-kneeling", N, { "4", "2", "1" } },
  { "pain-sitting", N, { "4", "2", "0" } },
  { "pain-running-flat", N, { "3", "2", "1" } },
  { "pain-running-downhill", N, { "6", "4", "2" } },

  { "mt-walk-minutes", N, { "30", "30", "30" } },
  { "mt-walk-source", N, { "report", "report", "clinic" } },
  { "mt-walk-pain", N, { "2", "1", "0" } },
  { "mt-squat-depth", N, { "partial", "full", "full" } },
  { "mt-squat-pain", N, { "4", "2", "1" } },
  { "mt-sls-reps", L, { "12", "14", "15" } },
  { "mt-sls-reps", R, { "5", "9", "13" } },
  { "mt-sls-pain", L, { "0", "0", "0" } },
  { "mt-sls-pain", R, { "4", "2", "1" } },
  { "mt-stepdown-score", L, { "1", "1", "1" } },
  { "mt-stepdown-score", R, { "4", "3", "2" } },
  { "mt-stepdown-pain", L, { "0", "0", "0" } },
  { "mt-stepdown-pain", R, { "3", "2", "1" } },
  { "mt-bridge-reps", L, { "24", "26", "28" } },
  { "mt-bridge-reps", R, { "14", "19", "24" } },
  { "mt-calf-reps", L, { "30", "31", "32" } },
  { "mt-calf-reps", R, { "22", "26", "29" } },
  { "mt-hop-count", L, { NULL, "20", "20" } },
  { "mt-hop-count", R, { NULL, "8", "14" } },
  { "mt-hop-pain", L, { NULL, "0", "0" } },
  { "mt-hop-pain", R, { NULL, "3", "1" } },
  { "mt-hopdist-cm", L, { NULL, NULL, "140" } },
  { "mt-hopdist-cm", R, { NULL, NULL, "118" } },
  { "mt-noble", R, { "negative", "negative", NULL } },
  { "tender-tibial-tuberosity", N, { "no", "no", "no" } },
  { "tender-lower-pole", N, { "no", "no", "no" } },
};

#undef L
#undef R
#undef N

/**
 * stride_sample_assessment:
 * @today: the day of the latest visit
 *
 * Returns: (transfer full): the sample patient and three final visits, four
 *   weeks apart, oldest first (no ids: they are not stored yet)
 */
StrideAssessment *
stride_sample_assessment (const GDate *today)
{
  StrideAssessment *assessment = stride_assessment_new ();
  StridePatient *patient = assessment->patient;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  /* TRANSLATORS: the name of the sample patient offered on a first start */
  patient->name = g_strdup (_("Sample Patient (Alex)"));
  g_date_set_dmy (&patient->birth_date, 14, G_DATE_MAY, g_date_get_year (today) - 34);
  patient->sex = g_strdup ("female");
  patient->language = g_strdup ("en");
  patient->notes = g_strdup (_("A sample record to show how Stride works. Delete it when you no "
                               "longer need it."));

  for (guint v = 0; v < 3; v++)
    {
      StrideVisit *visit = stride_visit_new ();

      visit->date = *today;
      g_date_subtract_days (&visit->date, (2 - v) * 28);
      visit->kind = v == 0 ? STRIDE_VISIT_INITIAL : STRIDE_VISIT_FOLLOW_UP;
      visit->status = STRIDE_VISIT_FINAL;
      for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
        if (answers[i].value[v] != NULL)
          stride_answers_set (visit->answers, answers[i].item, answers[i].side,
                              answers[i].value[v]);
      g_ptr_array_add (assessment->visits, visit);
    }

  return assessment;
}
