/* stride-engine.h: the rules of ../shared/clinical/rules.md §0–§5
 *
 * The engine judges the LAST visit of an assessment; the earlier visits are its
 * history (PH-FU, RF-PERSISTENT). Every conclusion carries StrideReasons naming
 * the rule id that produced it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "stride-findings.h"
#include "stride-protocol.h"
#include "stride-visit.h"

G_BEGIN_DECLS

#define STRIDE_ENGINE_ERROR (stride_engine_error_quark ())

typedef enum
{
  STRIDE_ENGINE_ERROR_NO_VISIT,   /* the assessment has no visit */
  STRIDE_ENGINE_ERROR_ANSWER,     /* an answer the protocol does not accept */
  STRIDE_ENGINE_ERROR_OVERRIDE,   /* an override that is not allowed */
} StrideEngineError;

/* Where an error of stride_engine_evaluate_located() was found. */
typedef struct
{
  guint  visit_index;   /* in assessment->visits */
  char  *what;          /* (nullable) the override ("phase", "presentation", "triage") */
  char  *item;          /* (nullable) the answer's item id */
} StrideEngineLocation;

GQuark          stride_engine_error_quark (void);
StrideFindings *stride_engine_evaluate_located (StrideProtocol       *protocol,
                                                StrideAssessment     *assessment,
                                                StrideEngineLocation *location,
                                                GError              **error);
void            stride_engine_location_clear (StrideEngineLocation *location);

StrideFindings *stride_engine_evaluate    (StrideProtocol       *protocol,
                                           StrideAssessment     *assessment,
                                           GError              **error);
gboolean        stride_override_check     (const StrideOverride *o,
                                           const StrideFindings *computed,
                                           GError              **error);
void            stride_engine_format_keys (const StrideFindings *findings,
                                           gboolean              followup,
                                           GString              *out);
void            stride_engine_format_extra_keys (const StrideFindings *findings,
                                                 GString              *out);
char           *stride_engine_format_lsi  (double                lsi);
double          stride_engine_round_one_decimal (double           value);
double          stride_engine_round_half_up (double           value,
                                             int              digits);
const char     *stride_engine_criterion_name    (const char      *criterion_id);
const char     *stride_engine_triage_name       (StrideTriage     triage);
const char     *stride_phase_to_string    (StridePhase           phase);
char           *stride_presentation_to_string (StridePresentationKind kind,
                                               const char            *primary,
                                               const char            *secondary);

G_END_DECLS
