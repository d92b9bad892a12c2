/* stride-gui-labels.h: the words the screens use for the engine's conclusions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-findings.h"
#include "stride-visit.h"

G_BEGIN_DECLS

const char   *stride_gui_triage_label            (StrideTriage            triage);
const char   *stride_gui_restriction_label       (StrideRestriction       restriction);
const char   *stride_gui_irritability_label      (StrideIrritability      irritability);
const char   *stride_gui_pattern_label           (const char             *pattern_id);
const char   *stride_gui_presentation_kind_label (StridePresentationKind  kind);
const char   *stride_gui_phase_label             (StridePhase             phase);
const char   *stride_gui_followup_label          (StrideFollowup          followup);
const char   *stride_gui_test_label              (const char             *test_id);
const char   *stride_gui_criterion_label         (StrideCriterionState    state);

const char   *stride_gui_target_label            (const char             *target);

StrideTriage  stride_gui_findings_computed_triage (const StrideFindings  *findings);
StridePhase   stride_gui_findings_computed_phase  (const StrideFindings  *findings);
gboolean      stride_gui_check_override           (const StrideOverride  *override,
                                                   const StrideFindings  *findings,
                                                   GError               **error);

G_END_DECLS
