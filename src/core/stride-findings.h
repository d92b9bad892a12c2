/* stride-findings.h: what the engine works out from one visit, with reasons
 *
 * Plain structs: the engine fills them, the report, the GUI, the store and
 * `stride-cli evaluate` read them. Every conclusion carries its reasons, each
 * naming the rule id of ../shared/clinical/rules.md that produced it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "stride-answers.h"
#include "stride-types.h"

G_BEGIN_DECLS

typedef struct
{
  char *rule_id;   /* "RF-OTTAWA", "LS-IRRITABILITY", "PH-1", …; NULL: the clinician's override */
  char *item;      /* (nullable) the protocol item whose answer triggered it */
  char *text;      /* a sentence for people, in the current language */
} StrideReason;

StrideReason *stride_reason_new  (const char   *rule_id,
                                  const char   *item,
                                  const char   *text);
void          stride_reason_free (StrideReason *reason);

/* A red flag that fired (rules §1). */
typedef struct
{
  char              *rule_id;      /* "RF-SEPTIC" … */
  StrideTriage       referral;
  StrideRestriction  restriction;
  GPtrArray         *reasons;      /* StrideReason: the answers that fired it */
} StrideRedFlag;

/* One objective test of rules §3, per side where it applies. */
typedef struct
{
  char      *test_id;          /* "MT-SLS" … */
  gboolean   per_side;
  gboolean   tested[3];        /* indexed by StrideSide; [NONE] for single tests */
  double     value[3];         /* the performance (reps, cm, N, score, minutes) */
  gboolean   has_pain[3];
  double     pain[3];          /* NRS the test provoked */
  char      *not_tested_reason; /* (nullable) e.g. "bone stress suspected" */
  gboolean   has_lsi;          /* FALSE with both knees involved, or a side missing */
  double     lsi;              /* percent, involved ÷ uninvolved × 100 */
  char      *reference;        /* the reference value, for people */
  GPtrArray *reasons;          /* StrideReason */
  /* Added by the engine work. */
  gboolean   has_norm;         /* MT-CALF: the age and sex norm applies */
  double     norm;             /* reps */
  gboolean   extrapolated;     /* MT-CALF norm outside the ages measured (under 20, 60+) */
} StrideTestResult;

/* One criterion of MT-RTR (rules §3), or rtr.irritability / rtr.red-flags. */
typedef struct
{
  char                 *id;    /* "MT-WALK", …, "irritability", "red-flags" */
  StrideCriterionState  state;
  GPtrArray            *reasons;
} StrideCriterion;

typedef struct
{
  StridePresentationKind  kind;
  char                   *primary;     /* (nullable) "PR-PFP" … */
  char                   *secondary;   /* (nullable) with %STRIDE_PRESENTATION_MIXED */
  GHashTable             *scores;      /* "PR-…" → GINT_TO_POINTER (score) */
  GPtrArray              *features;    /* StrideReason: each feature that counted */
  gboolean                capped_by_injury;
  gboolean                suggest_referred_screen;  /* PR-REFERRED */
} StridePresentation;

typedef struct _StrideFindings
{
  /* Triage (rules §1): the highest referral, the strictest restriction. */
  StrideTriage        triage;
  StrideRestriction   restriction;
  GPtrArray          *red_flags;       /* StrideRedFlag, in the order of the table */

  StrideIrritability  irritability;
  GPtrArray          *irritability_reasons;   /* StrideReason */

  /* LS-MONITOR: whether loading stays within the pain rules, and which rule
   * (the stricter patellofemoral one when PR-PFP is likely or possible). */
  gboolean            monitor_known;
  gboolean            monitor_holds;
  gboolean            monitor_pfp_rule;
  GPtrArray          *monitor_reasons;

  StrideSide          involved;        /* NONE when both knees are involved */
  gboolean            both_involved;
  GPtrArray          *tests;           /* StrideTestResult, in the order of rules §3 */
  GPtrArray          *rtr;             /* StrideCriterion, in the order of MT-RTR */

  StridePresentation  presentation;

  StridePhase         phase;
  GPtrArray          *phase_reasons;   /* StrideReason */
  StrideFollowup      followup;
  GPtrArray          *followup_reasons;
  gboolean            dose_step_down;  /* PH-FU rule 4: hold, dose down one step */
  gboolean            phase_done;      /* PH-DONE: maintenance plan */

  /* Added by the engine work. The plain fields above (triage, phase,
   * presentation) hold the EFFECTIVE values, after the clinician's overrides;
   * the computed ones are kept here so that both can be shown. */
  gboolean            no_running;      /* a red flag's `no running`: holds through any override */
  gboolean            call_ambulance;  /* RF-PE: "emergency: call an ambulance" */
  StrideTriage        computed_triage;
  gboolean            triage_overridden;
  char               *triage_override_reason;
  StridePhase         computed_phase;
  gboolean            phase_overridden;
  char               *phase_override_reason;
  StridePresentationKind computed_presentation_kind;
  char               *computed_presentation_primary;    /* (nullable) */
  char               *computed_presentation_secondary;  /* (nullable) */
  gboolean            presentation_overridden;
  char               *presentation_override_reason;
  StridePhase         previous_phase;  /* P, the previous visit's effective phase (follow-up) */
  gboolean            worst_pain_change_known;
  double              worst_pain_change;   /* now − previous visit; marked when |Δ| ≥ 2 */
  int                 monitor_broken_sessions;  /* since the last visit (follow-up) */
  GPtrArray          *done_reasons;    /* StrideReason: PH-DONE, met or not */
  StrideAnswers      *answers;         /* (nullable) the answers judged: the visit's own, with
                                          history items a follow-up left out carried from
                                          earlier visits (docs/engine.md) */
  struct _StrideFindings *previous;   /* (nullable) (owned) the findings of the visit before,
                                          so that a plan the record did not keep can be
                                          suggested again (RP-WALKRUN goes on from its stage) */
} StrideFindings;

StrideFindings         *stride_findings_new          (void);
void                    stride_findings_free         (StrideFindings *findings);
const StrideTestResult *stride_findings_get_test     (StrideFindings *findings,
                                                      const char     *test_id);
const StrideCriterion  *stride_findings_get_criterion (StrideFindings *findings,
                                                      const char     *id);
gboolean                stride_findings_has_red_flag (StrideFindings *findings,
                                                      const char     *rule_id);
gboolean                stride_findings_makes_plan   (const StrideFindings *findings);

StrideRedFlag    *stride_red_flag_new        (const char        *rule_id,
                                              StrideTriage       referral,
                                              StrideRestriction  restriction);
void              stride_red_flag_free       (StrideRedFlag     *flag);
gboolean          stride_red_flag_stops_running (const StrideRedFlag *flag);
StrideTestResult *stride_test_result_new     (const char        *test_id,
                                              gboolean           per_side);
void              stride_test_result_free    (StrideTestResult  *result);
StrideCriterion  *stride_criterion_new       (const char        *id,
                                              StrideCriterionState state);
void              stride_criterion_free      (StrideCriterion   *criterion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideReason, stride_reason_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideFindings, stride_findings_free)

G_END_DECLS
