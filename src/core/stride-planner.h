/* stride-planner.h: the suggested plan of rules §6–§8
 *
 * From the findings of one visit (stride_engine_evaluate) and the exercise
 * library: 3–6 exercises chosen by phase, presentation and measured deficits
 * and dosed, the running plan (RP-NONE, RP-MODIFY, RP-WALKRUN with RP-SPIKE),
 * the education points and the next review, every choice with its reasons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "stride-findings.h"
#include "stride-library.h"
#include "stride-plan.h"
#include "stride-visit.h"

G_BEGIN_DECLS

#define STRIDE_PLANNER_ERROR (stride_planner_error_quark ())

typedef enum
{
  STRIDE_PLANNER_ERROR_NO_PLAN,    /* a red flag with `no plan`, or no phase */
  STRIDE_PLANNER_ERROR_NO_VISIT,   /* the assessment has no visit */
  STRIDE_PLANNER_ERROR_LIBRARY,    /* the library has too few exercises for the phase */
} StridePlannerError;

/* Two weeks, unless the caller gives another interval. */
#define STRIDE_PLANNER_DEFAULT_REVIEW_DAYS 14

/* Fewer exercises are followed better (rules §6). */
#define STRIDE_PLANNER_MIN_EXERCISES 3
#define STRIDE_PLANNER_MAX_EXERCISES 6

GQuark      stride_planner_error_quark  (void);

StridePlan *stride_planner_suggest      (StrideLibrary         *library,
                                         StrideAssessment      *assessment,
                                         const StrideFindings  *findings,
                                         GError               **error);
StridePlan *stride_planner_suggest_full (StrideLibrary         *library,
                                         StrideAssessment      *assessment,
                                         const StrideFindings  *findings,
                                         guint                  review_days,
                                         GError               **error);
const char *stride_walkrun_stage_describe (int                  stage);
const char *stride_frequency_describe   (const char            *frequency);
const char *stride_running_advice_describe (const char         *advice_id);
char       *stride_plan_item_describe_dose (const StridePlanItem *item,
                                            const StrideExercise *exercise);

G_END_DECLS
