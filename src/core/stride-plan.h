/* stride-plan.h: the plan for one visit: exercises with doses, running plan,
 * education and the next review (rules §6–8)
 *
 * The engine suggests a plan; the clinician's edits replace it and are kept
 * (the visit stores the edited plan, `edited` says so).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "stride-findings.h"

G_BEGIN_DECLS

typedef struct
{
  char   *exercise_id;   /* a library id */
  int     sets;          /* 0 when not counted in sets */
  int     reps;          /* per set; 0 when held for time */
  int     seconds;       /* hold or duration per set; 0 when counted in reps */
  gboolean each_side;
  char   *frequency;     /* "daily", "2-3-per-week", "3-per-week", "every-2-3-days", "within-runs" */
  char   *note;          /* (nullable) free text from the clinician, e.g. "heavier" */
  GPtrArray *reasons;    /* StrideReason: why the engine chose it */
} StridePlanItem;

typedef struct
{
  char      *rule_id;          /* "RP-NONE", "RP-MODIFY" or "RP-WALKRUN" */
  int        walkrun_stage;    /* 1–5 with RP-WALKRUN, else 0 */
  gboolean   has_spike_limit;
  double     spike_limit_km;   /* RP-SPIKE: longest run of the last 30 days × 1.1 */
  gboolean   has_shortened;
  double     shortened_minutes;  /* RP-MODIFY with LS-MONITOR broken: 75 % of pain onset */
  double     shortened_km;
  gboolean   paused;           /* RP-MODIFY: pain within 10 min or next morning worse */
  char      *detail;           /* the `running.detail` line, for people */
  GPtrArray *advice;           /* char*: advice ids, e.g. "flat-ground", "avoid-downhill", "cadence" */
  GPtrArray *reasons;          /* StrideReason */
} StrideRunningPlan;

typedef struct
{
  GPtrArray         *items;       /* StridePlanItem, in plan order */
  StrideRunningPlan  running;
  GPtrArray         *education;   /* char*: education point ids, in print order */
  GDate              next_review; /* invalid when not set */
  gboolean           maintenance; /* PH-DONE */
  gboolean           edited;      /* the clinician changed the suggestion */
} StridePlan;

StridePlanItem *stride_plan_item_new   (const char     *exercise_id);
StridePlanItem *stride_plan_item_copy  (const StridePlanItem *item);
void            stride_plan_item_free  (StridePlanItem *item);
char           *stride_plan_item_format_dose (const StridePlanItem *item);

StridePlan     *stride_plan_new        (void);
StridePlan     *stride_plan_copy       (const StridePlan *plan);
void            stride_plan_free       (StridePlan     *plan);
gboolean        stride_plan_equal      (const StridePlan *a,
                                        const StridePlan *b);
char           *stride_plan_exercise_ids (const StridePlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StridePlan, stride_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StridePlanItem, stride_plan_item_free)

G_END_DECLS
