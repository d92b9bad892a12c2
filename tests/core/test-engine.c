/* test-engine.c: every rule of rules.md §0–§5, table-driven, both sides of each threshold
 *
 * Each case builds StrideAnswers directly on top of a benign baseline (low
 * irritability, no red flag) and checks `stride-cli evaluate` keys produced by
 * stride_engine_format_keys(). Visits are separated by "|" in a case: the last
 * is judged, the earlier ones are its history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "stride-engine.h"

#define BASELINE "involved-side=left;injury=no;running-now=yes;worst-pain=3;pain-at-rest=0;" \
                 "pain-limits-daily=no;night-pain=none;settle-time=under-1h;next-morning=same"

/* Every MT-RTR criterion met (on a left knee). */
#define ALL_RTR "mt-walk-minutes=30;mt-walk-pain=1;" \
                "mt-sls-reps:left=10;mt-sls-reps:right=12;mt-sls-pain:left=2;mt-sls-pain:right=0;" \
                "mt-calf-reps:left=20;mt-calf-reps:right=25;" \
                "mt-bridge-reps:left=20;mt-bridge-reps:right=22;" \
                "mt-hop-count:left=10;mt-hop-count:right=12;mt-hop-pain:left=2;mt-hop-pain:right=0"

#define PFP3 "pain-location=around-kneecap;pain-squatting=4;pain-stairs-down=3"
#define ITBS2 "pain-location=lateral;running-pain-pattern=consistent-point"

typedef struct
{
  const char *name;
  const char *birth;     /* NULL: 1990-04-12 (36 on the default visit date) */
  const char *dates;     /* NULL: 2026-11-24; visits separated by "|" */
  const char *answers;   /* item[:side]=value;… per visit, visits separated by "|" */
  const char *expect;    /* key=value;… of the evaluate output */
} Case;

static StrideProtocol *protocol;

static void
set_answers (StrideAnswers *answers,
             const char    *spec)
{
  g_auto(GStrv) pairs = g_strsplit (spec, ";", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = NULL;
      g_autofree char *item = NULL;
      StrideSide side;

      if (*g_strstrip (pairs[i]) == '\0')
        continue;
      kv = g_strsplit (pairs[i], "=", 2);
      g_assert_nonnull (kv[1]);
      g_assert_true (stride_answers_split_key (kv[0], &item, &side));
      stride_answers_set (answers, item, side, kv[1]);
    }
}

static void
parse_date (GDate      *date,
            const char *text)
{
  g_date_clear (date, 1);
  g_date_set_parse (date, text);
  g_assert_true (g_date_valid (date));
}

static StrideAssessment *
build (const char *birth,
       const char *dates,
       const char *answers)
{
  StrideAssessment *assessment = stride_assessment_new ();
  /* g_strsplit() gives no element at all for "": that is one visit with the baseline. */
  g_auto(GStrv) visit_answers = g_strsplit (*answers != '\0' ? answers : ";", "|", -1);
  g_auto(GStrv) visit_dates = g_strsplit (dates != NULL ? dates : "2026-11-24", "|", -1);

  assessment->patient->id = g_strdup ("p1");
  assessment->patient->sex = g_strdup ("female");
  parse_date (&assessment->patient->birth_date, birth != NULL ? birth : "1990-04-12");
  g_assert_cmpuint (g_strv_length (visit_answers), ==, g_strv_length (visit_dates));

  for (guint i = 0; visit_answers[i] != NULL; i++)
    {
      StrideVisit *visit = stride_visit_new ();

      visit->id = g_strdup_printf ("v%u", i + 1);
      visit->kind = i == 0 ? STRIDE_VISIT_INITIAL : STRIDE_VISIT_FOLLOW_UP;
      parse_date (&visit->date, visit_dates[i]);
      set_answers (visit->answers, BASELINE);
      set_answers (visit->answers, visit_answers[i]);
      g_ptr_array_add (assessment->visits, visit);
    }

  return assessment;
}

static GHashTable *
keys_of (StrideFindings *findings,
         gboolean        followup)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  stride_engine_format_keys (findings, followup, out);
  stride_engine_format_extra_keys (findings, out);
  lines = g_strsplit (out->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strstr (lines[i], ": ");

      if (*lines[i] == '\0')
        continue;
      /* Every line is "key: value", an empty value too. */
      g_assert_nonnull (colon);
      g_hash_table_insert (keys, g_strndup (lines[i], colon - lines[i]), g_strdup (colon + 2));
    }

  return keys;
}

static StrideFindings *
evaluate (StrideAssessment *assessment)
{
  g_autoptr(GError) error = NULL;
  StrideFindings *findings = stride_engine_evaluate (protocol, assessment, &error);

  g_assert_no_error (error);
  g_assert_nonnull (findings);
  return findings;
}

static void
run_case (gconstpointer data)
{
  const Case *tc = data;
  g_autoptr(StrideAssessment) assessment = build (tc->birth, tc->dates, tc->answers);
  g_autoptr(StrideFindings) findings = evaluate (assessment);
  g_autoptr(GHashTable) keys = keys_of (findings, assessment->visits->len > 1);
  g_auto(GStrv) expected = g_strsplit (tc->expect, ";", -1);

  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (expected[i], "=", 2);

      g_assert_nonnull (kv[1]);
      if (!g_hash_table_contains (keys, kv[0]))
        g_test_fail_printf ("%s: no key “%s”", tc->name, kv[0]);
      else if (!g_str_equal (g_hash_table_lookup (keys, kv[0]), kv[1]))
        g_test_fail_printf ("%s: %s is “%s”, expected “%s”", tc->name, kv[0],
                            (const char *) g_hash_table_lookup (keys, kv[0]), kv[1]);
    }
}

/* ------------------------------------------------------------------------ */

static const Case red_flag_cases[] = {
  /* RF-SEPTIC */
  { "RF-SEPTIC/fever", NULL, NULL, "hot-swollen-knee=yes;fever=yes",
    "triage=emergency;triage.reasons=RF-SEPTIC;restriction=no-plan;phase=none;"
    "rtr.red-flags=not-met" },
  { "RF-SEPTIC/chills", NULL, NULL, "hot-swollen-knee=yes;chills-unwell=yes",
    "triage.reasons=RF-SEPTIC" },
  { "RF-SEPTIC/injection", NULL, NULL, "hot-swollen-knee=yes;recent-knee-procedure=yes",
    "triage.reasons=RF-SEPTIC" },
  { "RF-SEPTIC/diabetes", NULL, NULL, "hot-swollen-knee=yes;infection-risk=yes",
    "triage.reasons=RF-SEPTIC" },
  { "RF-SEPTIC/hot-knee-alone", NULL, NULL, "hot-swollen-knee=yes",
    "triage=none;triage.reasons=;restriction=none" },
  { "RF-SEPTIC/fever-alone", NULL, NULL, "fever=yes;hot-swollen-knee=no",
    "triage=none;triage.reasons=" },
  /* RF-NEUROVASC */
  { "RF-NEUROVASC/cold-foot", NULL, NULL, "cold-pale-foot=yes",
    "triage=emergency;triage.reasons=RF-NEUROVASC;restriction=no-plan" },
  { "RF-NEUROVASC/numb-after-injury", NULL, NULL,
    "injury=yes;injury-date=2026-11-01;leg-numbness-weakness=yes",
    "triage.reasons=RF-NEUROVASC" },
  { "RF-NEUROVASC/numb-no-injury", NULL, NULL, "leg-numbness-weakness=yes",
    "triage=none;triage.reasons=" },
  { "RF-NEUROVASC/numb-injury-43-days", NULL, NULL,
    "injury=yes;injury-date=2026-10-12;leg-numbness-weakness=yes", "triage.reasons=" },
  { "RF-NEUROVASC/numb-injury-42-days", NULL, NULL,
    "injury=yes;injury-date=2026-10-13;leg-numbness-weakness=yes",
    "triage.reasons=RF-NEUROVASC" },
  /* RF-COMPARTMENT */
  { "RF-COMPARTMENT/tense-calf", NULL, NULL,
    "injury=yes;injury-date=2026-11-22;tense-calf=yes",
    "triage=emergency;triage.reasons=RF-COMPARTMENT;restriction=no-plan" },
  { "RF-COMPARTMENT/toe-stretch", NULL, NULL,
    "injury=yes;injury-date=2026-11-22;pain-passive-toe-stretch=yes",
    "triage.reasons=RF-COMPARTMENT" },
  { "RF-COMPARTMENT/no-injury", NULL, NULL, "tense-calf=yes;pain-out-of-proportion=yes",
    "triage=none;triage.reasons=" },
  /* RF-DVT */
  { "RF-DVT/swollen-calf", NULL, NULL, "calf-swelling=yes;dvt-risk-factors=long-travel",
    "triage=emergency;triage.reasons=RF-DVT;restriction=no-plan" },
  { "RF-DVT/deep-vein-tenderness", NULL, NULL, "deep-vein-tenderness=yes",
    "triage.reasons=RF-DVT" },
  { "RF-DVT/explained", NULL, NULL, "calf-swelling=yes;dvt-other-cause=yes",
    "triage=none;triage.reasons=" },
  /* RF-PE */
  { "RF-PE/breathless", NULL, NULL, "breathless-chest-pain=yes",
    "triage=emergency;triage.reasons=RF-PE;restriction=no-plan;ambulance=yes" },
  { "RF-PE/no", NULL, NULL, "breathless-chest-pain=no", "triage=none;triage.reasons=" },
  /* RF-DEFORMITY */
  { "RF-DEFORMITY/after-injury", NULL, NULL,
    "injury=yes;injury-date=2026-11-23;visible-deformity=yes",
    "triage=emergency;triage.reasons=RF-DEFORMITY" },
  { "RF-DEFORMITY/no-injury", NULL, NULL, "visible-deformity=yes", "triage.reasons=" },
  /* RF-EXTENSOR */
  { "RF-EXTENSOR/after-injury", NULL, NULL,
    "injury=yes;injury-date=2026-11-20;cannot-straighten-actively=yes",
    "triage=emergency;triage.reasons=RF-EXTENSOR" },
  { "RF-EXTENSOR/no-injury", NULL, NULL, "cannot-straighten-actively=yes", "triage.reasons=" },
  /* RF-OTTAWA: 7 days, age 55 on the visit date */
  { "RF-OTTAWA/fibula-day-7", NULL, NULL,
    "injury=yes;injury-date=2026-11-17;tender-fibula-head=yes",
    "triage=emergency;triage.reasons=RF-OTTAWA;restriction=no-plan;phase=none" },
  { "RF-OTTAWA/fibula-day-0", NULL, NULL,
    "injury=yes;injury-date=2026-11-24;cannot-bear-weight=yes", "triage.reasons=RF-OTTAWA" },
  { "RF-OTTAWA/patella", NULL, NULL,
    "injury=yes;injury-date=2026-11-20;tender-patella-isolated=yes", "triage.reasons=RF-OTTAWA" },
  { "RF-OTTAWA/flex-90", NULL, NULL,
    "injury=yes;injury-date=2026-11-20;cannot-flex-90=yes", "triage.reasons=RF-OTTAWA" },
  { "RF-OTTAWA/no-criterion", NULL, NULL, "injury=yes;injury-date=2026-11-20",
    "triage=none;triage.reasons=" },
  { "RF-OTTAWA/55th-birthday", "1971-11-24", NULL, "injury=yes;injury-date=2026-11-22",
    "triage=emergency;triage.reasons=RF-OTTAWA" },
  { "RF-OTTAWA/day-before-55th-birthday", "1971-11-25", NULL,
    "injury=yes;injury-date=2026-11-22", "triage=none;triage.reasons=" },
  { "RF-OTTAWA/55-no-injury", "1960-01-01", NULL, "injury=no", "triage.reasons=" },
  { "RF-OTTAWA/undated-injury", NULL, NULL, "injury=yes;tender-fibula-head=yes",
    "triage.reasons=RF-OTTAWA" },
  /* RF-FRACTURE-LATE: 8–42 days, Ottawa criteria other than age */
  { "RF-FRACTURE-LATE/day-8", NULL, NULL,
    "injury=yes;injury-date=2026-11-16;tender-fibula-head=yes",
    "triage=urgent;triage.reasons=RF-FRACTURE-LATE;restriction=phase-1-only;phase=1" },
  { "RF-FRACTURE-LATE/day-42", NULL, NULL,
    "injury=yes;injury-date=2026-10-13;cannot-flex-90=yes", "triage.reasons=RF-FRACTURE-LATE" },
  { "RF-FRACTURE-LATE/day-43", NULL, NULL,
    "injury=yes;injury-date=2026-10-12;cannot-flex-90=yes", "triage=none;triage.reasons=" },
  { "RF-FRACTURE-LATE/age-alone", "1950-01-01", NULL,
    "injury=yes;injury-date=2026-11-10", "triage=none;triage.reasons=" },
  /* RF-LOCKED */
  { "RF-LOCKED/locked", NULL, NULL, ALL_RTR ";locked-knee=yes",
    "triage=urgent;triage.reasons=RF-LOCKED;restriction=phase-1-only;phase=1;"
    "rtr.red-flags=not-met;no-running=no" },
  { "RF-LOCKED/catch-frees-itself", NULL, NULL, "locked-knee=no", "triage.reasons=" },
  /* RF-HAEMARTHROSIS */
  { "RF-HAEMARTHROSIS/pop", NULL, NULL, "pop-rapid-swelling=yes",
    "triage=urgent;triage.reasons=RF-HAEMARTHROSIS;restriction=phase-1-only" },
  { "RF-HAEMARTHROSIS/swelling-2h", NULL, NULL,
    "injury=yes;injury-date=2026-11-21;swelling-within-2h=yes",
    "triage.reasons=RF-HAEMARTHROSIS" },
  { "RF-HAEMARTHROSIS/swelling-no-injury", NULL, NULL, "swelling-within-2h=yes",
    "triage.reasons=" },
  /* RF-INSTABILITY */
  { "RF-INSTABILITY/with-swelling", NULL, NULL, "giving-way=yes;giving-way-swelling=yes",
    "triage=urgent;triage.reasons=RF-INSTABILITY;restriction=phase-1-only" },
  { "RF-INSTABILITY/after-twist", NULL, NULL,
    "giving-way=yes;injury=yes;injury-date=2026-11-01;injury-mechanism=twist",
    "triage.reasons=RF-INSTABILITY" },
  { "RF-INSTABILITY/pain-alone", NULL, NULL, "giving-way=yes", "triage.reasons=" },
  { "RF-INSTABILITY/old-twist", NULL, NULL,
    "giving-way=yes;injury=yes;injury-date=2026-09-01;injury-mechanism=twist",
    "triage.reasons=" },
  { "RF-INSTABILITY/fall", NULL, NULL,
    "giving-way=yes;injury=yes;injury-date=2026-11-01;injury-mechanism=fall",
    "triage.reasons=" },
  /* RF-BONE-STRESS: disables the hop tests */
  { "RF-BONE-STRESS/training-increase", NULL, NULL,
    ALL_RTR ";bone-tenderness=yes;recent-changes=volume-increase",
    "triage=urgent;triage.reasons=RF-BONE-STRESS;restriction=phase-1-only;no-running=yes;"
    "phase=1;rtr.MT-HOP=not-tested;lsi.MT-HOP=none;lsi.MT-HOPDIST=none;"
    "test.MT-HOP=not-tested: bone stress suspected" },
  { "RF-BONE-STRESS/hop-pain", NULL, NULL, "bone-tenderness=yes;hop-pain=yes",
    "triage.reasons=RF-BONE-STRESS" },
  { "RF-BONE-STRESS/low-energy", NULL, NULL, "bone-tenderness=yes;low-energy=yes",
    "triage.reasons=RF-BONE-STRESS" },
  { "RF-BONE-STRESS/previous", NULL, NULL, "bone-tenderness=yes;previous-bone-stress=yes",
    "triage.reasons=RF-BONE-STRESS" },
  { "RF-BONE-STRESS/hop-pain-alone", NULL, NULL, ALL_RTR ";hop-pain=yes",
    "triage.reasons=;no-running=no;rtr.MT-HOP=met" },
  { "RF-BONE-STRESS/tenderness-alone", NULL, NULL, "bone-tenderness=yes;recent-changes=shoes",
    "triage.reasons=" },
  /* RF-HIP-STRESS */
  { "RF-HIP-STRESS/end-range", NULL, NULL, "groin-pain-weight-bearing=yes;hip-end-range-pain=yes",
    "triage=urgent;triage.reasons=RF-HIP-STRESS;no-running=yes;rtr.MT-HOP=not-tested" },
  { "RF-HIP-STRESS/hop-pain", NULL, NULL, "groin-pain-weight-bearing=yes;hop-pain=yes",
    "triage.reasons=RF-HIP-STRESS" },
  { "RF-HIP-STRESS/groin-alone", NULL, NULL, "groin-pain-weight-bearing=yes",
    "triage.reasons=;no-running=no" },
  /* RF-SCFE: ages 8–16 */
  { "RF-SCFE/age-8-limp", "2018-11-24", NULL, "limp=yes",
    "triage=urgent;triage.reasons=RF-SCFE;restriction=phase-1-only;no-running=yes" },
  { "RF-SCFE/age-7-limp", "2018-11-25", NULL, "limp=yes", "triage.reasons=" },
  { "RF-SCFE/age-16-limp", "2010-01-01", NULL, "limp=yes", "triage.reasons=RF-SCFE" },
  { "RF-SCFE/age-17-limp", "2009-11-24", NULL, "limp=yes", "triage.reasons=;no-running=no" },
  { "RF-SCFE/limp-normal-hip", "2014-03-01", NULL, "limp=yes;normal-hip-exam=yes",
    "triage.reasons=" },
  { "RF-SCFE/rotation-normal-hip", "2014-03-01", NULL,
    "limp=yes;normal-hip-exam=yes;hip-rotation-reduced=yes", "triage.reasons=RF-SCFE" },
  { "RF-SCFE/thigh-turns-out", "2014-03-01", NULL, "thigh-turns-out=yes",
    "triage.reasons=RF-SCFE" },
  /* RF-MALIGNANCY */
  { "RF-MALIGNANCY/constant-weight-loss", NULL, NULL, "constant-pain=yes;weight-loss=yes",
    "triage=urgent;triage.reasons=RF-MALIGNANCY;restriction=phase-1-only" },
  { "RF-MALIGNANCY/nights-cancer", NULL, NULL, "night-pain=most-nights;cancer-history=yes",
    "triage.reasons=RF-MALIGNANCY;irritability=high" },
  { "RF-MALIGNANCY/constant-alone", NULL, NULL, "constant-pain=yes", "triage.reasons=" },
  { "RF-MALIGNANCY/weight-loss-alone", NULL, NULL, "weight-loss=yes", "triage.reasons=" },
  { "RF-MALIGNANCY/under-25-bone", "2002-01-01", NULL, "bone-pain-swelling=yes;constant-pain=yes",
    "triage.reasons=RF-MALIGNANCY" },
  { "RF-MALIGNANCY/25-bone", "2001-11-24", NULL, "bone-pain-swelling=yes;constant-pain=yes",
    "triage.reasons=" },
  /* RF-INFLAMMATORY */
  { "RF-INFLAMMATORY/joints", NULL, NULL, "multiple-joints=yes",
    "triage=urgent;triage.reasons=RF-INFLAMMATORY;restriction=none" },
  { "RF-INFLAMMATORY/stiffness", NULL, NULL, "morning-stiffness=yes",
    "triage.reasons=RF-INFLAMMATORY" },
  { "RF-INFLAMMATORY/psoriasis", NULL, NULL, "inflammatory-conditions=psoriasis",
    "triage.reasons=RF-INFLAMMATORY" },
  { "RF-INFLAMMATORY/none", NULL, NULL, "multiple-joints=no;morning-stiffness=no",
    "triage.reasons=" },
  /* RF-EFFUSION */
  { "RF-EFFUSION/recurrent", NULL, NULL, "recurrent-swelling=yes",
    "triage=routine;triage.reasons=RF-EFFUSION;restriction=none;rtr.red-flags=met" },
  { "RF-EFFUSION/no", NULL, NULL, "recurrent-swelling=no", "triage=none;triage.reasons=" },
  /* RF-SEVERE: worst ≥ 8 and limits daily activities */
  { "RF-SEVERE/8-limits", NULL, NULL, "worst-pain=8;pain-limits-daily=yes",
    "triage=routine;triage.reasons=RF-SEVERE" },
  { "RF-SEVERE/7-limits", NULL, NULL, "worst-pain=7;pain-limits-daily=yes",
    "triage=none;triage.reasons=" },
  { "RF-SEVERE/8-no-limit", NULL, NULL, "worst-pain=8;pain-limits-daily=no",
    "triage.reasons=" },
  /* RF-PERSISTENT from the history taken: more than 6 months, ≥ 12 weeks rehab */
  { "RF-PERSISTENT/history", NULL, NULL, "onset-date=2026-05-23;supervised-rehab-weeks=12",
    "triage=routine;triage.reasons=RF-PERSISTENT" },
  { "RF-PERSISTENT/history-6-months-exactly", NULL, NULL,
    "onset-date=2026-05-24;supervised-rehab-weeks=12", "triage.reasons=" },
  { "RF-PERSISTENT/history-11-weeks", NULL, NULL,
    "onset-date=2025-01-01;supervised-rehab-weeks=11", "triage.reasons=" },
  /* RF-PERSISTENT from the visit history: ≥ 6 weeks, pain down < 2, nothing newly met */
  { "RF-PERSISTENT/programme-42-days", NULL, "2026-10-01|2026-11-12",
    "worst-pain=5|worst-pain=4", "triage=routine;triage.reasons=RF-PERSISTENT" },
  { "RF-PERSISTENT/programme-41-days", NULL, "2026-10-01|2026-11-11",
    "worst-pain=5|worst-pain=4", "triage.reasons=" },
  { "RF-PERSISTENT/programme-pain-down-2", NULL, "2026-10-01|2026-11-12",
    "worst-pain=5|worst-pain=3", "triage.reasons=" },
  { "RF-PERSISTENT/programme-criterion-newly-met", NULL, "2026-10-01|2026-11-12",
    "worst-pain=5|worst-pain=4;mt-calf-reps:left=20;mt-calf-reps:right=20",
    "triage.reasons=;rtr.MT-CALF=met" },
  { "RF-PERSISTENT/programme-from-latest-initial", NULL, "2026-06-01|2026-10-01|2026-11-12",
    "worst-pain=5|worst-pain=5|worst-pain=4", "triage.reasons=RF-PERSISTENT" },
  /* Order of the table, highest referral, strictest restriction */
  { "order/table", NULL, NULL,
    "worst-pain=8;pain-limits-daily=yes;locked-knee=yes;hot-swollen-knee=yes;fever=yes;"
    "recurrent-swelling=yes;multiple-joints=yes",
    "triage=emergency;triage.reasons=RF-SEPTIC RF-LOCKED RF-INFLAMMATORY RF-EFFUSION RF-SEVERE;"
    "restriction=no-plan" },
  { "order/bone-and-locked", NULL, NULL,
    "locked-knee=yes;bone-tenderness=yes;previous-bone-stress=yes;pop-rapid-swelling=yes",
    "triage=urgent;triage.reasons=RF-LOCKED RF-HAEMARTHROSIS RF-BONE-STRESS;"
    "restriction=phase-1-only;no-running=yes" },
};

static const Case load_cases[] = {
  /* LS-IRRITABILITY 1: high if any */
  { "LS-IRRITABILITY/worst-6", NULL, NULL, "worst-pain=6", "irritability=moderate" },
  { "LS-IRRITABILITY/worst-7", NULL, NULL, "worst-pain=7", "irritability=high;phase=1" },
  { "LS-IRRITABILITY/rest-3", NULL, NULL, "pain-at-rest=3", "irritability=low;phase=1" },
  { "LS-IRRITABILITY/rest-4", NULL, NULL, "pain-at-rest=4", "irritability=high" },
  { "LS-IRRITABILITY/settle-over-24h", NULL, NULL, "settle-time=over-24h", "irritability=high" },
  { "LS-IRRITABILITY/wakes-most-nights", NULL, NULL, "night-pain=most-nights",
    "irritability=high" },
  { "LS-IRRITABILITY/walking-4", NULL, NULL, "pain-walking=4", "irritability=low" },
  { "LS-IRRITABILITY/walking-5", NULL, NULL, "pain-walking=5", "irritability=high" },
  { "LS-IRRITABILITY/stairs-up-5", NULL, NULL, "pain-stairs-up=5", "irritability=high" },
  { "LS-IRRITABILITY/stairs-down-5", NULL, NULL, "pain-stairs-down=5", "irritability=high" },
  { "LS-IRRITABILITY/squatting-9", NULL, NULL, "pain-squatting=9", "irritability=low" },
  /* 2: low if all */
  { "LS-IRRITABILITY/low", NULL, NULL, "worst-pain=3", "irritability=low" },
  { "LS-IRRITABILITY/worst-4", NULL, NULL, "worst-pain=4", "irritability=moderate" },
  { "LS-IRRITABILITY/settle-1-24h", NULL, NULL, "settle-time=1-24h", "irritability=moderate" },
  { "LS-IRRITABILITY/morning-worse", NULL, NULL, "next-morning=worse",
    "irritability=moderate" },
  { "LS-IRRITABILITY/morning-better", NULL, NULL, "next-morning=better", "irritability=low" },
  { "LS-IRRITABILITY/some-nights", NULL, NULL, "night-pain=some-nights",
    "irritability=moderate" },
  /* LS-MONITOR: general rule */
  { "LS-MONITOR/holds", NULL, NULL, "pain-during-running=5;pain-after-running=5",
    "monitor=holds;monitor.rule=general" },
  { "LS-MONITOR/during-6", NULL, NULL, "pain-during-running=6", "monitor=broken" },
  { "LS-MONITOR/after-6", NULL, NULL, "pain-during-running=2;pain-after-running=6",
    "monitor=broken" },
  { "LS-MONITOR/morning-worse", NULL, NULL, "pain-during-running=2;next-morning=worse",
    "monitor=broken" },
  { "LS-MONITOR/rising", NULL, NULL, "pain-during-running=2;pain-rising=yes", "monitor=broken" },
  { "LS-MONITOR/settles-in-hours", NULL, NULL, "pain-during-running=3;settle-time=1-24h",
    "monitor=holds;monitor.rule=general" },
  /* LS-MONITOR: the stricter patellofemoral rule when PR-PFP is likely or possible */
  { "LS-MONITOR/pfp-settles-in-hours", NULL, NULL,
    PFP3 ";pain-during-running=3;settle-time=1-24h",
    "presentation=PR-PFP likely;monitor=broken;monitor.rule=pfp" },
  { "LS-MONITOR/pfp-within-an-hour", NULL, NULL, PFP3 ";pain-during-running=5",
    "monitor=holds;monitor.rule=pfp" },
  { "LS-MONITOR/pfp-during-6", NULL, NULL, PFP3 ";pain-during-running=6",
    "monitor=broken;monitor.rule=pfp" },
  { "LS-MONITOR/pfp-unclear-uses-general", NULL, NULL,
    "pain-location=around-kneecap;pain-during-running=3;settle-time=1-24h",
    "presentation=unclear;monitor=holds;monitor.rule=general" },
};

static const Case movement_cases[] = {
  /* LSI = involved ÷ uninvolved × 100, one decimal */
  { "MT-SLS/lsi", NULL, NULL, "mt-sls-reps:left=7;mt-sls-reps:right=8", "lsi.MT-SLS=87.5" },
  { "MT-SLS/lsi-right-involved", NULL, NULL,
    "involved-side=right;mt-sls-reps:left=8;mt-sls-reps:right=7", "lsi.MT-SLS=87.5" },
  { "MT-SLS/lsi-one-side", NULL, NULL, "mt-sls-reps:left=7", "lsi.MT-SLS=none" },
  { "MT-SLS/both-knees", NULL, NULL,
    "involved-side=both;mt-sls-reps:left=7;mt-sls-reps:right=8;"
    "mt-quad-strength:left=300;mt-quad-strength:right=400",
    "lsi.MT-SLS=none;lsi.MT-QUAD=none;rtr.MT-QUAD=not-tested" },
  { "MT-BRIDGE/uninvolved-missing", NULL, NULL, "mt-bridge-reps:left=20", "lsi.MT-BRIDGE=none" },
  { "MT-CALF/both-knees", NULL, NULL,
    "involved-side=both;mt-calf-reps:left=18;mt-calf-reps:right=30",
    "lsi.MT-CALF=none;rtr.MT-CALF=not-met" },
  { "MT-HOP/bone-stress", NULL, NULL,
    "mt-hop-count:left=9;mt-hop-count:right=20;bone-tenderness=yes;low-energy=yes",
    "lsi.MT-HOP=none;rtr.MT-HOP=not-tested" },
  { "MT-HOPDIST/lsi-90", NULL, NULL, "mt-hopdist-cm:left=135;mt-hopdist-cm:right=150",
    "lsi.MT-HOPDIST=90.0" },
  { "MT-BRIDGE/lsi", NULL, NULL, "mt-bridge-reps:left=20;mt-bridge-reps:right=30",
    "lsi.MT-BRIDGE=66.7" },
  { "MT-CALF/lsi", NULL, NULL, "mt-calf-reps:left=30;mt-calf-reps:right=30", "lsi.MT-CALF=100.0" },
  { "MT-HOP/lsi", NULL, NULL, "mt-hop-count:left=9;mt-hop-count:right=20", "lsi.MT-HOP=45.0" },
  { "MT-HOPDIST/lsi", NULL, NULL, "mt-hopdist-cm:left=120;mt-hopdist-cm:right=150",
    "lsi.MT-HOPDIST=80.0" },
  { "MT-QUAD/lsi", NULL, NULL, "mt-quad-strength:left=2.1;mt-quad-strength:right=2.4",
    "lsi.MT-QUAD=87.5" },
  { "MT-QUAD/uninvolved-zero", NULL, NULL, "mt-quad-strength:left=2;mt-quad-strength:right=0",
    "lsi.MT-QUAD=none" },
  /* MT-RTR: each criterion on both sides of its threshold */
  { "MT-RTR/all-met", NULL, NULL, ALL_RTR,
    "rtr.red-flags=met;rtr.irritability=met;rtr.MT-WALK=met;rtr.MT-SLS=met;rtr.MT-CALF=met;"
    "rtr.MT-BRIDGE=met;rtr.MT-HOP=met;rtr.MT-QUAD=not-tested;phase=3" },
  { "MT-RTR/nothing-tested", NULL, NULL, "",
    "rtr.MT-WALK=not-tested;rtr.MT-SLS=not-tested;rtr.MT-CALF=not-tested;"
    "rtr.MT-BRIDGE=not-tested;rtr.MT-HOP=not-tested;rtr.MT-QUAD=not-tested;phase=2" },
  { "MT-RTR/walk-29", NULL, NULL, ALL_RTR ";mt-walk-minutes=29",
    "rtr.MT-WALK=not-met;phase=2" },
  { "MT-RTR/walk-pain-3", NULL, NULL, ALL_RTR ";mt-walk-pain=3;mt-walk-pain-minute=20",
    "rtr.MT-WALK=not-met;phase=2" },
  { "MT-RTR/walk-pain-after-30", NULL, NULL,
    ALL_RTR ";mt-walk-minutes=40;mt-walk-pain=3;mt-walk-pain-minute=30",
    "rtr.MT-WALK=met;phase=3" },
  { "MT-RTR/walk-reported", NULL, NULL, ALL_RTR ";mt-walk-source=report", "rtr.MT-WALK=met" },
  { "MT-RTR/sls-9", NULL, NULL, ALL_RTR ";mt-sls-reps:right=9", "rtr.MT-SLS=not-met;phase=2" },
  { "MT-RTR/sls-pain-3", NULL, NULL, ALL_RTR ";mt-sls-pain:left=3", "rtr.MT-SLS=not-met" },
  { "MT-RTR/sls-one-side", NULL, NULL,
    "mt-sls-reps:left=10;mt-sls-pain:left=0", "rtr.MT-SLS=not-tested" },
  { "MT-RTR/calf-19", NULL, NULL, ALL_RTR ";mt-calf-reps:left=19", "rtr.MT-CALF=not-met;phase=2" },
  { "MT-RTR/bridge-19", NULL, NULL, ALL_RTR ";mt-bridge-reps:right=19",
    "rtr.MT-BRIDGE=not-met;phase=2" },
  { "MT-RTR/hop-9", NULL, NULL, ALL_RTR ";mt-hop-count:left=9", "rtr.MT-HOP=not-met;phase=2" },
  { "MT-RTR/hop-pain-3", NULL, NULL, ALL_RTR ";mt-hop-pain:right=3", "rtr.MT-HOP=not-met" },
  { "MT-RTR/hop-not-tested", NULL, NULL,
    "mt-walk-minutes=30;mt-walk-pain=1;mt-sls-reps:left=10;mt-sls-reps:right=12;"
    "mt-sls-pain:left=2;mt-sls-pain:right=0;mt-calf-reps:left=20;mt-calf-reps:right=25;"
    "mt-bridge-reps:left=20;mt-bridge-reps:right=22",
    "rtr.MT-HOP=not-tested;phase=2" },
  { "MT-RTR/quad-69", NULL, NULL,
    ALL_RTR ";mt-quad-strength:left=69;mt-quad-strength:right=100",
    "rtr.MT-QUAD=not-met;lsi.MT-QUAD=69.0;phase=2" },
  { "MT-RTR/quad-70", NULL, NULL,
    ALL_RTR ";mt-quad-strength:left=70;mt-quad-strength:right=100",
    "rtr.MT-QUAD=met;lsi.MT-QUAD=70.0;phase=3" },
  { "MT-RTR/irritability-moderate-running", NULL, NULL,
    ALL_RTR ";worst-pain=5;pain-during-running=4;pain-after-running=5;settle-time=1-24h",
    "irritability=moderate;rtr.irritability=met;phase=3" },
  { "MT-RTR/irritability-moderate-night", NULL, NULL,
    ALL_RTR ";worst-pain=5;pain-during-running=5;night-pain=some-nights",
    "irritability=moderate;rtr.irritability=not-met;phase=2" },
  { "MT-RTR/irritability-moderate-worst-6", NULL, NULL,
    ALL_RTR ";worst-pain=6;pain-during-running=6", "rtr.irritability=not-met" },
  { "MT-RTR/irritability-moderate-not-running", NULL, NULL,
    ALL_RTR ";worst-pain=4", "irritability=moderate;rtr.irritability=not-met" },
  { "MT-RTR/irritability-morning-worse", NULL, NULL,
    ALL_RTR ";worst-pain=4;pain-during-running=4;next-morning=worse",
    "rtr.irritability=not-met" },
  { "MT-RTR/urgent-flag", NULL, NULL, ALL_RTR ";multiple-joints=yes",
    "rtr.red-flags=not-met;phase=2" },
  { "MT-RTR/routine-flag", NULL, NULL, ALL_RTR ";recurrent-swelling=yes",
    "rtr.red-flags=met;phase=3" },
};

static const Case phase_cases[] = {
  /* PH-1 */
  { "PH-1/irritability-high", NULL, NULL, ALL_RTR ";worst-pain=7", "phase=1" },
  { "PH-1/rest-3", NULL, NULL, ALL_RTR ";pain-at-rest=3", "phase=1" },
  { "PH-1/rest-2", NULL, NULL, "pain-at-rest=2", "phase=2" },
  { "PH-1/walk-painful-minute-9", NULL, NULL,
    "mt-walk-minutes=9;mt-walk-pain=4;mt-walk-pain-minute=9", "phase=1" },
  { "PH-1/walk-painful-minute-10", NULL, NULL,
    "mt-walk-minutes=12;mt-walk-pain=4;mt-walk-pain-minute=10", "phase=2" },
  { "PH-1/walk-stopped-other-reason", NULL, NULL, "mt-walk-minutes=5;mt-walk-pain=1",
    "phase=2" },
  { "PH-1/walk-9-minutes-painful", NULL, NULL, "mt-walk-minutes=9;mt-walk-pain=3", "phase=1" },
  { "PH-1/walk-10-minutes-painful", NULL, NULL, "mt-walk-minutes=10;mt-walk-pain=3", "phase=2" },
  { "PH-1/walk-pain-2", NULL, NULL, "mt-walk-minutes=5;mt-walk-pain=2;mt-walk-pain-minute=3",
    "phase=2" },
  /* PH-3 and PH-2 */
  { "PH-3/all-met", NULL, NULL, ALL_RTR, "phase=3" },
  { "PH-3/quad-measured", NULL, NULL,
    ALL_RTR ";mt-quad-strength:left=350;mt-quad-strength:right=400", "phase=3;lsi.MT-QUAD=87.5" },
  { "PH-3/capped-by-urgent-flag", NULL, NULL, ALL_RTR ";giving-way=yes;giving-way-swelling=yes",
    "phase=1;restriction=phase-1-only" },
  { "PH-2/one-missing", NULL, NULL, ALL_RTR ";mt-bridge-reps:left=15", "phase=2" },
  { "PH-2/moderate-irritability", NULL, NULL, "worst-pain=5;pain-at-rest=2", "phase=2" },
  /* PH-DONE */
  { "PH-DONE/done", NULL, NULL,
    ALL_RTR ";mt-hopdist-cm:left=90;mt-hopdist-cm:right=100;usual-volume-reached=yes",
    "phase=3;phase.done=yes" },
  { "PH-DONE/hopdist-89", NULL, NULL,
    ALL_RTR ";mt-hopdist-cm:left=89;mt-hopdist-cm:right=100;usual-volume-reached=yes",
    "phase=3;phase.done=no" },
  { "PH-DONE/quad-89", NULL, NULL,
    ALL_RTR ";mt-hopdist-cm:left=95;mt-hopdist-cm:right=100;usual-volume-reached=yes;"
    "mt-quad-strength:left=89;mt-quad-strength:right=100", "phase=3;phase.done=no" },
  { "PH-DONE/quad-90", NULL, NULL,
    ALL_RTR ";mt-hopdist-cm:left=95;mt-hopdist-cm:right=100;usual-volume-reached=yes;"
    "mt-quad-strength:left=90;mt-quad-strength:right=100", "phase=3;phase.done=yes" },
  { "PH-DONE/volume-not-reached", NULL, NULL,
    ALL_RTR ";mt-hopdist-cm:left=95;mt-hopdist-cm:right=100;usual-volume-reached=no",
    "phase.done=no" },
  { "PH-DONE/not-phase-3", NULL, NULL,
    "mt-hopdist-cm:left=95;mt-hopdist-cm:right=100;usual-volume-reached=yes",
    "phase=2;phase.done=no" },
  /* PH-FU */
  { "PH-FU/1-restriction-caps", NULL, "2026-11-01|2026-11-24",
    ALL_RTR "|" ALL_RTR ";locked-knee=yes", "phase=1;followup=step-back" },
  { "PH-FU/1-no-plan", NULL, "2026-11-01|2026-11-24", "|cold-pale-foot=yes",
    "phase=none;followup=step-back" },
  { "PH-FU/2-ph1-criteria", NULL, "2026-11-01|2026-11-24", ALL_RTR "|pain-at-rest=3",
    "phase=1;followup=step-back" },
  { "PH-FU/2-ph1-criteria-from-1", NULL, "2026-11-01|2026-11-24", "worst-pain=7|worst-pain=7",
    "phase=1;followup=hold" },
  { "PH-FU/3-worst-rose-2", NULL, "2026-11-01|2026-11-24", ALL_RTR "|" ALL_RTR ";worst-pain=5",
    "phase=2;followup=step-back;worst-pain.change=2.0" },
  { "PH-FU/3-worst-rose-1", NULL, "2026-11-01|2026-11-24", "|worst-pain=4",
    "phase=2;followup=hold" },
  { "PH-FU/3-broken-2", NULL, "2026-11-01|2026-11-24", "|monitor-broken-sessions=2",
    "phase=1;followup=step-back" },
  { "PH-FU/3-step-back-stays-1", NULL, "2026-11-01|2026-11-24",
    "pain-at-rest=3|monitor-broken-sessions=3", "phase=1;followup=step-back" },
  { "PH-FU/4-broken-1", NULL, "2026-11-01|2026-11-24", "|monitor-broken-sessions=1",
    "phase=2;followup=hold;dose.step-down=yes" },
  { "PH-FU/5-progress-to-2", NULL, "2026-11-01|2026-11-24", "pain-at-rest=3|pain-at-rest=1",
    "phase=2;followup=progress;phase.previous=1" },
  { "PH-FU/5-progress-to-3", NULL, "2026-11-01|2026-11-24", "|" ALL_RTR,
    "phase=3;followup=progress;dose.step-down=no" },
  { "PH-FU/6-hold-2", NULL, "2026-11-01|2026-11-24", "|monitor-broken-sessions=0",
    "phase=2;followup=hold" },
  { "PH-FU/6-hold-3", NULL, "2026-11-01|2026-11-24", ALL_RTR "|" ALL_RTR,
    "phase=3;followup=hold" },
  { "PH-FU/hold-3-not-all-met", NULL, "2026-11-01|2026-11-24", ALL_RTR "|",
    "phase=3;followup=hold" },
  { "PH-FU/chain", NULL, "2026-10-01|2026-10-15|2026-11-01|2026-11-24",
    "worst-pain=7|worst-pain=5|" ALL_RTR ";worst-pain=3|" ALL_RTR ";worst-pain=3",
    "phase=3;followup=hold;phase.previous=3" },
};

static const Case presentation_cases[] = {
  { "PR-PFP/likely", NULL, NULL, PFP3, "presentation=PR-PFP likely" },
  { "PR-PFP/possible", NULL, NULL, "pain-location=around-kneecap;pain-squatting=2",
    "presentation=PR-PFP possible" },
  { "PR-PFP/score-1-unclear", NULL, NULL, "pain-location=around-kneecap",
    "presentation=unclear" },
  { "PR-PFP/zero-pain-does-not-count", NULL, NULL,
    "pain-location=around-kneecap;pain-squatting=0;pain-kneeling=0", "presentation=unclear" },
  { "PR-PFP/sls-pain-2", NULL, NULL, "pain-location=around-kneecap;mt-sls-pain:right=2",
    "presentation=PR-PFP possible" },
  { "PR-PFP/sls-pain-1", NULL, NULL, "pain-location=around-kneecap;mt-sls-pain:right=1",
    "presentation=unclear" },
  { "PR-PFP/all-seven", NULL, NULL,
    "pain-location=around-kneecap;pain-squatting=3;pain-stairs-up=2;pain-sitting=2;"
    "pain-kneeling=1;pain-running-downhill=3;mt-stepdown-pain:left=4",
    "presentation=PR-PFP likely;presentation.scores=PR-PFP=7 PR-ITBS=1 PR-PT=0 PR-APOPHYSITIS=0" },
  { "PR-ITBS/likely", NULL, NULL, ITBS2 ";pain-cambered=3",
    "presentation=PR-ITBS likely" },
  { "PR-ITBS/noble", NULL, NULL, "pain-location=lateral;mt-noble:left=positive",
    "presentation=PR-ITBS possible" },
  { "PR-PT/likely", NULL, NULL,
    "pain-location=lower-kneecap;pain-jumping=5;pain-hills=2;running-pain-pattern=warms-up;"
    "mt-decline-pain:left=5;mt-decline-site:left=tendon",
    "presentation=PR-PT likely;presentation.scores=PR-PFP=1 PR-ITBS=0 PR-PT=5 PR-APOPHYSITIS=0" },
  { "PR-PT/decline-elsewhere", NULL, NULL,
    "pain-location=lower-kneecap;mt-decline-pain:left=5;mt-decline-site:left=elsewhere",
    "presentation=unclear" },
  /* mixed: the second ≥ 2 and within 1 of the top */
  { "mixed/3-2", NULL, NULL, "pain-location=around-kneecap lateral;pain-squatting=4;"
    "pain-stairs-down=3;running-pain-pattern=consistent-point",
    "presentation=mixed PR-PFP PR-ITBS" },
  { "mixed/2-2", NULL, NULL, "pain-location=around-kneecap lateral;pain-squatting=4;"
    "running-pain-pattern=consistent-point", "presentation=mixed PR-PFP PR-ITBS" },
  { "mixed/4-2-is-likely", NULL, NULL, "pain-location=around-kneecap lateral;pain-squatting=4;"
    "pain-stairs-down=3;pain-kneeling=2;running-pain-pattern=consistent-point",
    "presentation=PR-PFP likely" },
  { "mixed/3-1-is-likely", NULL, NULL, PFP3 ";pain-cambered=2", "presentation=PR-PFP likely" },
  { "mixed/itbs-top", NULL, NULL, "pain-location=around-kneecap lateral;pain-squatting=4;"
    "running-pain-pattern=consistent-point;pain-cambered=2",
    "presentation=mixed PR-ITBS PR-PFP" },
  /* An injury caps at possible */
  { "injury-cap/likely-to-possible", NULL, NULL, PFP3 ";injury=yes;injury-date=2026-06-01",
    "presentation=PR-PFP possible" },
  { "injury-cap/no-injury", NULL, NULL, PFP3 ";injury=no", "presentation=PR-PFP likely" },
  /* PR-APOPHYSITIS: ages 9–16, takes the place of PR-PT at 2 or more */
  { "PR-APOPHYSITIS/osgood-age-12", "2014-05-01", NULL,
    "pain-location=tibial-tuberosity;tender-tibial-tuberosity=yes;pain-jumping=4",
    "presentation=PR-APOPHYSITIS likely" },
  { "PR-APOPHYSITIS/age-9", "2017-11-24", NULL,
    "pain-location=tibial-tuberosity;tender-tibial-tuberosity=yes",
    "presentation=PR-APOPHYSITIS likely" },
  { "PR-APOPHYSITIS/age-8", "2017-11-25", NULL,
    "pain-location=tibial-tuberosity;tender-tibial-tuberosity=yes", "presentation=unclear" },
  { "PR-APOPHYSITIS/age-16", "2010-01-01", NULL,
    "pain-location=tibial-tuberosity;tender-tibial-tuberosity=yes",
    "presentation=PR-APOPHYSITIS likely" },
  { "PR-APOPHYSITIS/age-17", "2009-11-24", NULL,
    "pain-location=tibial-tuberosity;tender-tibial-tuberosity=yes", "presentation=unclear" },
  { "PR-APOPHYSITIS/replaces-pt", "2013-01-01", NULL,
    "pain-location=lower-kneecap;tender-lower-pole=yes;pain-jumping=5;pain-hills=4",
    "presentation=PR-APOPHYSITIS likely" },
  { "PR-APOPHYSITIS/adult-pt", NULL, NULL,
    "pain-location=lower-kneecap;tender-lower-pole=yes;pain-jumping=5;pain-hills=4",
    "presentation=PR-PT likely;presentation.scores=PR-PFP=1 PR-ITBS=0 PR-PT=3 PR-APOPHYSITIS=0" },
  /* PR-REFERRED */
  { "PR-REFERRED/no-test-reproduces", NULL, NULL,
    "mt-sls-reps:left=10;mt-sls-pain:left=0;mt-sls-pain:right=0;mt-squat-pain=0",
    "referred-screen=yes" },
  { "PR-REFERRED/sls-reproduces", NULL, NULL, "mt-sls-pain:left=1;mt-sls-pain:right=0",
    "referred-screen=no" },
  { "PR-REFERRED/noble-positive", NULL, NULL, "mt-squat-pain=0;mt-noble:right=positive",
    "referred-screen=no" },
  { "PR-REFERRED/nothing-tested", NULL, NULL, "", "referred-screen=no" },
};

/* ------------------------------------------------------------------------ */

static void
test_calf_norms (void)
{
  const struct
  {
    const char *birth;
    const char *sex;
    double      norm;
    gboolean    extrapolated;
  } cases[] = {
    { "2007-11-25", "female", 30, TRUE },    /* 18 */
    { "2006-11-24", "female", 30, FALSE },   /* 20 */
    { "1990-01-01", "male", 32, FALSE },     /* 36 */
    { "1981-01-01", "male", 28, FALSE },     /* 45 */
    { "1975-01-01", "female", 21, FALSE },   /* 51 */
    { "1966-11-24", "male", 23, TRUE },      /* 60 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StrideAssessment) assessment = build (cases[i].birth, NULL,
                                                      "mt-calf-reps:left=20");
      g_autoptr(StrideFindings) findings = NULL;
      const StrideTestResult *t;

      g_free (assessment->patient->sex);
      assessment->patient->sex = g_strdup (cases[i].sex);
      findings = evaluate (assessment);
      t = stride_findings_get_test (findings, "MT-CALF");
      g_assert_true (t->has_norm);
      g_assert_cmpfloat (t->norm, ==, cases[i].norm);
      g_assert_cmpint (t->extrapolated, ==, cases[i].extrapolated);
      g_assert_nonnull (strstr (t->reference, cases[i].extrapolated ? "extrapolated" : "Norm"));
    }
}

static void
test_reasons_name_rules (void)
{
  g_autoptr(StrideAssessment) assessment = build (NULL, NULL,
                                                  "injury=yes;injury-date=2026-11-20;"
                                                  "tender-fibula-head=yes;worst-pain=7");
  g_autoptr(StrideFindings) findings = evaluate (assessment);
  const StrideRedFlag *flag = g_ptr_array_index (findings->red_flags, 0);
  const StrideReason *reason;
  gboolean named_item = FALSE;

  g_assert_cmpstr (flag->rule_id, ==, "RF-OTTAWA");
  g_assert_cmpuint (flag->reasons->len, >=, 2);
  for (guint i = 0; i < flag->reasons->len; i++)
    {
      const StrideReason *r = g_ptr_array_index (flag->reasons, i);

      g_assert_cmpstr (r->rule_id, ==, "RF-OTTAWA");
      g_assert_true (*r->text != '\0');
      named_item |= g_strcmp0 (r->item, "tender-fibula-head") == 0;
    }
  g_assert_true (named_item);

  g_assert_cmpuint (findings->irritability_reasons->len, >, 0);
  reason = g_ptr_array_index (findings->irritability_reasons, 0);
  g_assert_cmpstr (reason->rule_id, ==, "LS-IRRITABILITY");
  g_assert_cmpuint (findings->phase_reasons->len, >, 0);
  g_assert_cmpuint (findings->rtr->len, ==, 8);
  for (guint i = 0; i < findings->rtr->len; i++)
    {
      const StrideCriterion *criterion = g_ptr_array_index (findings->rtr, i);

      g_assert_cmpuint (criterion->reasons->len, >, 0);
    }
}

static void
add_override (StrideAssessment *assessment,
              const char       *what,
              const char       *value,
              const char       *reason)
{
  StrideVisit *visit = stride_assessment_get_current (assessment);

  g_ptr_array_add (visit->overrides, stride_override_new (what, value, reason));
}

static void
test_overrides (void)
{
  g_autoptr(GError) error = NULL;

  /* Lowering the triage needs a reason. */
  {
    g_autoptr(StrideAssessment) a = build (NULL, NULL, "locked-knee=yes");
    g_autoptr(StrideFindings) f = NULL;

    add_override (a, "triage", "none", "  ");
    f = stride_engine_evaluate (protocol, a, &error);
    g_assert_null (f);
    g_assert_error (error, STRIDE_ENGINE_ERROR, STRIDE_ENGINE_ERROR_OVERRIDE);
    g_clear_error (&error);
  }
  {
    g_autoptr(StrideAssessment) a = build (NULL, NULL, "locked-knee=yes");
    g_autoptr(StrideFindings) f = NULL;
    g_autoptr(GHashTable) keys = NULL;

    add_override (a, "triage", "routine", "A catch that frees itself, seen in the clinic.");
    f = evaluate (a);
    keys = keys_of (f, FALSE);
    g_assert_cmpstr (g_hash_table_lookup (keys, "triage"), ==, "routine");
    g_assert_cmpstr (g_hash_table_lookup (keys, "triage.computed"), ==, "urgent");
    g_assert_cmpint (f->computed_triage, ==, STRIDE_TRIAGE_URGENT);
    g_assert_true (f->triage_overridden);
  }
  /* Raising it is free. */
  {
    g_autoptr(StrideAssessment) a = build (NULL, NULL, "");
    g_autoptr(StrideFindings) f = NULL;

    add_override (a, "triage", "urgent", NULL);
    f = evaluate (a);
    g_assert_cmpint (f->triage, ==, STRIDE_TRIAGE_URGENT);
  }
  /* A phase override keeps its reason, and `no running` holds through it. */
  {
    g_autoptr(StrideAssessment) a = build (NULL, NULL,
                                           "bone-tenderness=yes;recent-changes=volume-increase");
    g_autoptr(StrideFindings) f = NULL;
    g_autoptr(GHashTable) keys = NULL;

    add_override (a, "phase", "3", "Imaging normal.");
    f = evaluate (a);
    keys = keys_of (f, FALSE);
    g_assert_cmpstr (g_hash_table_lookup (keys, "phase"), ==, "3");
    g_assert_cmpstr (g_hash_table_lookup (keys, "phase.computed"), ==, "1");
    g_assert_cmpstr (g_hash_table_lookup (keys, "no-running"), ==, "yes");
    g_assert_cmpstr (f->phase_override_reason, ==, "Imaging normal.");
  }
  /* A phase override without a reason is refused. */
  {
    g_autoptr(StrideAssessment) a = build (NULL, NULL, "");
    g_autoptr(StrideFindings) f = NULL;

    add_override (a, "phase", "3", "");
    f = stride_engine_evaluate (protocol, a, &error);
    g_assert_null (f);
    g_assert_error (error, STRIDE_ENGINE_ERROR, STRIDE_ENGINE_ERROR_OVERRIDE);
    g_clear_error (&error);
  }
  /* Presentation, with the computed one kept; it changes the LS-MONITOR rule. */
  {
    g_autoptr(StrideAssessment) a = build (NULL, NULL, PFP3 ";settle-time=1-24h");
    g_autoptr(StrideFindings) f = NULL;
    g_autoptr(GHashTable) keys = NULL;

    add_override (a, "presentation", "PR-ITBS possible", "Lateral pain on palpation.");
    f = evaluate (a);
    keys = keys_of (f, FALSE);
    g_assert_cmpstr (g_hash_table_lookup (keys, "presentation"), ==, "PR-ITBS possible");
    g_assert_cmpstr (g_hash_table_lookup (keys, "presentation.computed"), ==, "PR-PFP likely");
    g_assert_cmpstr (g_hash_table_lookup (keys, "monitor.rule"), ==, "general");
  }
  /* The previous visit's overridden phase is P at the follow-up. */
  {
    g_autoptr(StrideAssessment) a = build (NULL, "2026-11-01|2026-11-24", "|");
    g_autoptr(StrideFindings) f = NULL;
    StrideVisit *first = g_ptr_array_index (a->visits, 0);

    g_ptr_array_add (first->overrides, stride_override_new ("phase", "3", "Seen running well."));
    f = evaluate (a);
    g_assert_cmpint (f->previous_phase, ==, STRIDE_PHASE_3);
    g_assert_cmpint (f->phase, ==, STRIDE_PHASE_3);
    g_assert_cmpint (f->followup, ==, STRIDE_FOLLOWUP_HOLD);
  }
  /* stride_override_check directly. */
  {
    g_autoptr(StrideFindings) computed = stride_findings_new ();
    g_autoptr(StrideOverride) bad = stride_override_new ("phase", "4", "why");
    g_autoptr(StrideOverride) what = stride_override_new ("irritability", "low", "why");
    g_autoptr(StrideOverride) mixed = stride_override_new ("presentation",
                                                           "mixed PR-PFP PR-ITBS", "both");
    g_autoptr(StrideOverride) lower = stride_override_new ("triage", "none", "");

    computed->computed_triage = STRIDE_TRIAGE_ROUTINE;
    g_assert_false (stride_override_check (bad, computed, &error));
    g_clear_error (&error);
    g_assert_false (stride_override_check (what, computed, &error));
    g_clear_error (&error);
    g_assert_true (stride_override_check (mixed, computed, &error));
    g_assert_no_error (error);
    g_assert_false (stride_override_check (lower, computed, &error));
    g_clear_error (&error);
    computed->computed_triage = STRIDE_TRIAGE_NONE;
    g_assert_true (stride_override_check (lower, computed, &error));
    g_assert_no_error (error);
  }
}

static void
test_bad_answers (void)
{
  g_autoptr(StrideAssessment) a = build (NULL, NULL, "worst-pain=11");
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideFindings) f = stride_engine_evaluate (protocol, a, &error);

  g_assert_null (f);
  g_assert_error (error, STRIDE_ENGINE_ERROR, STRIDE_ENGINE_ERROR_ANSWER);
  g_assert_nonnull (strstr (error->message, "worst-pain"));
}

/* Every rule id of rules.md §0–§5 has cases; every red flag one that fires it
 * and one, named after it, that does not. */
static void
test_every_rule_has_cases (void)
{
  static const char * const flags[] = {
    "RF-SEPTIC", "RF-NEUROVASC", "RF-COMPARTMENT", "RF-DVT", "RF-PE", "RF-DEFORMITY",
    "RF-EXTENSOR", "RF-OTTAWA", "RF-FRACTURE-LATE", "RF-LOCKED", "RF-HAEMARTHROSIS",
    "RF-INSTABILITY", "RF-BONE-STRESS", "RF-HIP-STRESS", "RF-SCFE", "RF-MALIGNANCY",
    "RF-INFLAMMATORY", "RF-EFFUSION", "RF-SEVERE", "RF-PERSISTENT",
  };
  static const char * const others[] = {
    "LS-IRRITABILITY", "LS-MONITOR", "MT-SLS", "MT-BRIDGE", "MT-CALF", "MT-HOP", "MT-HOPDIST",
    "MT-QUAD", "MT-RTR", "PH-1", "PH-2", "PH-3", "PH-FU", "PH-DONE", "PR-PFP", "PR-ITBS", "PR-PT",
    "PR-APOPHYSITIS", "PR-REFERRED",
  };
  const Case *tables[] = { red_flag_cases, load_cases, movement_cases, phase_cases,
                           presentation_cases };
  const guint sizes[] = { G_N_ELEMENTS (red_flag_cases), G_N_ELEMENTS (load_cases),
                          G_N_ELEMENTS (movement_cases), G_N_ELEMENTS (phase_cases),
                          G_N_ELEMENTS (presentation_cases) };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autofree char *prefix = g_strconcat (flags[i], "/", NULL);
      gboolean fires = FALSE, quiet = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (red_flag_cases); j++)
        {
          const Case *tc = &red_flag_cases[j];
          const char *reasons = strstr (tc->expect, "triage.reasons=");
          g_autofree char *list = NULL;
          g_auto(GStrv) ids = NULL;

          if (!g_str_has_prefix (tc->name, prefix) || reasons == NULL)
            continue;
          list = g_strndup (reasons + strlen ("triage.reasons="),
                            strcspn (reasons + strlen ("triage.reasons="), ";"));
          ids = g_strsplit (list, " ", -1);
          if (g_strv_contains ((const char * const *) ids, flags[i]))
            fires = TRUE;
          else
            quiet = TRUE;
        }
      if (!fires || !quiet)
        g_test_fail_printf ("%s: needs a case that fires it and one that does not", flags[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *prefix = g_strconcat (others[i], "/", NULL);
      guint n = 0;

      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        for (guint j = 0; j < sizes[t]; j++)
          n += g_str_has_prefix (tables[t][j].name, prefix);
      if (n < 2)
        g_test_fail_printf ("%s: %u cases, needs at least 2", others[i], n);
    }
}

/* A follow-up that leaves out history items keeps the earlier answers. */
static void
test_history_carried (void)
{
  g_autoptr(StrideAssessment) a = build (NULL, "2026-11-01|2026-11-24",
                                         "involved-side=right;injury=yes;injury-date=2026-06-01;"
                                         "pain-location=around-kneecap|"
                                         "mt-sls-reps:left=8;mt-sls-reps:right=6;"
                                         "pain-squatting=3;pain-stairs-down=2");
  StrideVisit *second = g_ptr_array_index (a->visits, 1);
  g_autoptr(StrideFindings) f = NULL;
  g_autoptr(GHashTable) keys = NULL;

  stride_answers_unset (second->answers, "involved-side", STRIDE_SIDE_NONE);
  stride_answers_unset (second->answers, "injury", STRIDE_SIDE_NONE);
  stride_answers_unset (second->answers, "running-now", STRIDE_SIDE_NONE);
  f = evaluate (a);
  /* What changes week to week is not carried. */
  g_assert_false (stride_answers_has (f->answers, "running-now", STRIDE_SIDE_NONE));
  g_assert_cmpstr (stride_answers_get (f->answers, "involved-side", STRIDE_SIDE_NONE), ==, "right");
  keys = keys_of (f, TRUE);
  /* Right involved: 6 ÷ 8; the injury caps PR-PFP at possible. */
  g_assert_cmpstr (g_hash_table_lookup (keys, "lsi.MT-SLS"), ==, "75.0");
  g_assert_cmpstr (g_hash_table_lookup (keys, "presentation"), ==, "PR-PFP possible");
  /* The visit's own answers are not changed. */
  g_assert_false (stride_answers_has (second->answers, "involved-side", STRIDE_SIDE_NONE));
}

/* A random valid value for @item. */
static char *
random_value (GRand            *rand,
              const StrideItem *item)
{
  switch (item->type)
    {
    case STRIDE_ITEM_YES_NO:
      return g_strdup (g_rand_boolean (rand) ? "yes" : "no");
    case STRIDE_ITEM_SCALE:
      return g_strdup_printf ("%d", g_rand_int_range (rand, 0, 11));
    case STRIDE_ITEM_NUMBER:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        double v = item->min + g_rand_double (rand) * (item->max - item->min);

        v = floor (v * pow (10, item->digits)) / pow (10, item->digits);
        return g_strdup (g_ascii_formatd (buffer, sizeof buffer,
                                          item->digits == 0 ? "%.0f" : "%.1f", v));
      }
    case STRIDE_ITEM_CHOICE:
      {
        const StrideChoice *choice = g_ptr_array_index (item->choices,
                                                        g_rand_int_range (rand, 0,
                                                                          item->choices->len));
        return g_strdup (choice->id);
      }
    case STRIDE_ITEM_MULTI:
      {
        GString *out = g_string_new (NULL);

        for (guint i = 0; i < item->choices->len; i++)
          {
            const StrideChoice *choice = g_ptr_array_index (item->choices, i);

            gboolean last_and_empty = i + 1 == item->choices->len && out->len == 0;

            if (g_rand_int_range (rand, 0, 3) == 0 || last_and_empty)
              g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", choice->id);
          }
        return g_string_free (out, FALSE);
      }
    case STRIDE_ITEM_DATE:
      return g_strdup_printf ("2026-%02d-%02d", g_rand_int_range (rand, 1, 12),
                              g_rand_int_range (rand, 1, 29));
    case STRIDE_ITEM_TEXT:
    default:
      return g_strdup ("text");
    }
}

/* Random answers to every item, sparse or full: the engine never fails on a
 * valid answer, and its conclusions stay consistent with each other. */
static void
test_random_answers (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  GPtrArray *items = stride_protocol_get_items (protocol);

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(StrideAssessment) a = build (round % 3 == 0 ? "2012-06-01" : NULL,
                                             round % 2 ? "2026-10-01|2026-11-24" : NULL,
                                             round % 2 ? "|" : "");
      g_autoptr(StrideFindings) f = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      const StrideTestResult *hop;
      StrideTriage highest = STRIDE_TRIAGE_NONE;
      double density = g_rand_double (rand);

      for (guint v = 0; v < a->visits->len; v++)
        {
          StrideVisit *visit = g_ptr_array_index (a->visits, v);

          for (guint i = 0; i < items->len; i++)
            {
              const StrideItem *item = g_ptr_array_index (items, i);

              for (StrideSide s = item->per_side ? STRIDE_SIDE_LEFT : STRIDE_SIDE_NONE;
                   s <= (item->per_side ? STRIDE_SIDE_RIGHT : STRIDE_SIDE_NONE); s++)
                {
                  g_autofree char *value = NULL;

                  if (g_rand_double (rand) > density)
                    continue;
                  value = random_value (rand, item);
                  stride_answers_set (visit->answers, item->id, s, value);
                }
            }
        }

      f = evaluate (a);
      for (guint i = 0; i < f->red_flags->len; i++)
        highest = MAX (highest, ((StrideRedFlag *) g_ptr_array_index (f->red_flags, i))->referral);
      g_assert_cmpint (f->triage, ==, highest);
      g_assert_cmpint (f->phase == STRIDE_PHASE_NONE, ==,
                       f->restriction == STRIDE_RESTRICTION_NO_PLAN);
      if (f->restriction == STRIDE_RESTRICTION_PHASE_1_ONLY)
        g_assert_cmpint (f->phase, ==, STRIDE_PHASE_1);
      if (f->irritability == STRIDE_IRRITABILITY_HIGH && f->phase != STRIDE_PHASE_NONE)
        g_assert_cmpint (f->phase, ==, STRIDE_PHASE_1);
      g_assert_cmpuint (f->rtr->len, ==, 8);
      hop = stride_findings_get_test (f, "MT-HOP");
      if (stride_findings_has_red_flag (f, "RF-BONE-STRESS")
          || stride_findings_has_red_flag (f, "RF-HIP-STRESS"))
        {
          g_assert_true (f->no_running);
          g_assert_false (hop->tested[STRIDE_SIDE_LEFT] || hop->tested[STRIDE_SIDE_RIGHT]);
        }
      if (f->phase == STRIDE_PHASE_3)
        g_assert_true (f->computed_triage < STRIDE_TRIAGE_URGENT);
      g_assert_cmpint (f->phase_done, <=, f->phase == STRIDE_PHASE_3);
      stride_engine_format_keys (f, a->visits->len > 1, out);
      stride_engine_format_extra_keys (f, out);
      g_assert_null (strchr (out->str, ','));
    }
}

static void
add_cases (const char *prefix,
           const Case *cases,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/engine/%s/%s", prefix, cases[i].name);

      g_test_add_data_func (path, &cases[i], run_case);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  protocol = stride_protocol_load_default (&error);
  g_assert_no_error (error);

  add_cases ("red-flags", red_flag_cases, G_N_ELEMENTS (red_flag_cases));
  add_cases ("load", load_cases, G_N_ELEMENTS (load_cases));
  add_cases ("movement", movement_cases, G_N_ELEMENTS (movement_cases));
  add_cases ("phase", phase_cases, G_N_ELEMENTS (phase_cases));
  add_cases ("presentation", presentation_cases, G_N_ELEMENTS (presentation_cases));
  g_test_add_func ("/engine/every-rule-has-cases", test_every_rule_has_cases);
  g_test_add_func ("/engine/history-carried", test_history_carried);
  g_test_add_func ("/engine/random-answers", test_random_answers);
  g_test_add_func ("/engine/MT-CALF/norms", test_calf_norms);
  g_test_add_func ("/engine/reasons", test_reasons_name_rules);
  g_test_add_func ("/engine/overrides", test_overrides);
  g_test_add_func ("/engine/bad-answers", test_bad_answers);

  status = g_test_run ();
  g_object_unref (protocol);
  return status;
}
