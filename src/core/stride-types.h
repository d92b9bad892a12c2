/* stride-types.h: the small enumerations the clinical model shares
 *
 * Each has a stable string form (used in files, the database and
 * `stride-cli evaluate`) and must never be renumbered in stored data: store
 * the strings, not the numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STRIDE_SIDE_NONE,   /* an item that is not per side */
  STRIDE_SIDE_LEFT,
  STRIDE_SIDE_RIGHT,
} StrideSide;

/* Referral level, lowest first: a higher value wins (rules §1). */
typedef enum
{
  STRIDE_TRIAGE_NONE,
  STRIDE_TRIAGE_ROUTINE,
  STRIDE_TRIAGE_URGENT,
  STRIDE_TRIAGE_EMERGENCY,
} StrideTriage;

/* Plan restriction, least strict first: a higher value wins (rules §1). */
typedef enum
{
  STRIDE_RESTRICTION_NONE,
  STRIDE_RESTRICTION_NO_RUNNING,
  STRIDE_RESTRICTION_PHASE_1_ONLY,
  STRIDE_RESTRICTION_NO_PLAN,
} StrideRestriction;

typedef enum
{
  STRIDE_IRRITABILITY_LOW,
  STRIDE_IRRITABILITY_MODERATE,
  STRIDE_IRRITABILITY_HIGH,
} StrideIrritability;

typedef enum
{
  STRIDE_CRITERION_NOT_TESTED,
  STRIDE_CRITERION_NOT_MET,
  STRIDE_CRITERION_MET,
} StrideCriterionState;

typedef enum
{
  STRIDE_PRESENTATION_UNCLEAR,
  STRIDE_PRESENTATION_POSSIBLE,
  STRIDE_PRESENTATION_LIKELY,
  STRIDE_PRESENTATION_MIXED,
} StridePresentationKind;

/* 0 means no phase (a `no plan` restriction). */
typedef enum
{
  STRIDE_PHASE_NONE = 0,
  STRIDE_PHASE_1 = 1,
  STRIDE_PHASE_2 = 2,
  STRIDE_PHASE_3 = 3,
} StridePhase;

typedef enum
{
  STRIDE_FOLLOWUP_NONE,       /* an initial visit */
  STRIDE_FOLLOWUP_PROGRESS,
  STRIDE_FOLLOWUP_HOLD,
  STRIDE_FOLLOWUP_STEP_BACK,
} StrideFollowup;

typedef enum
{
  STRIDE_VISIT_INITIAL,
  STRIDE_VISIT_FOLLOW_UP,
} StrideVisitKind;

typedef enum
{
  STRIDE_VISIT_DRAFT,
  STRIDE_VISIT_FINAL,
} StrideVisitStatus;

/* The string forms are those of `stride-cli evaluate` and the data files:
 * "left"/"right", "none|routine|urgent|emergency",
 * "none|no-running|phase-1-only|no-plan", "low|moderate|high",
 * "met|not-met|not-tested", "likely|possible|mixed|unclear",
 * "progress|hold|step-back", "initial|follow-up", "draft|final".
 * The from_string functions return FALSE for an unknown string. */
const char *stride_side_to_string           (StrideSide              side);
gboolean    stride_side_from_string         (const char             *text,
                                             StrideSide             *out);
const char *stride_triage_to_string         (StrideTriage            triage);
gboolean    stride_triage_from_string       (const char             *text,
                                             StrideTriage           *out);
const char *stride_restriction_to_string    (StrideRestriction       restriction);
gboolean    stride_restriction_from_string  (const char             *text,
                                             StrideRestriction      *out);
const char *stride_irritability_to_string   (StrideIrritability      irritability);
gboolean    stride_irritability_from_string (const char             *text,
                                             StrideIrritability     *out);
const char *stride_criterion_state_to_string (StrideCriterionState   state);
const char *stride_presentation_kind_to_string (StridePresentationKind kind);
const char *stride_followup_to_string       (StrideFollowup          followup);
gboolean    stride_followup_from_string     (const char             *text,
                                             StrideFollowup         *out);
const char *stride_visit_kind_to_string     (StrideVisitKind         kind);
gboolean    stride_visit_kind_from_string   (const char             *text,
                                             StrideVisitKind        *out);
const char *stride_visit_status_to_string   (StrideVisitStatus       status);
gboolean    stride_visit_status_from_string (const char             *text,
                                             StrideVisitStatus      *out);

G_END_DECLS
