/* stride-gui-labels.c: the words the screens use for the engine's conclusions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "stride-engine.h"
#include "stride-gui-labels.h"

const char *
stride_gui_triage_label (StrideTriage triage)
{
  return stride_engine_triage_name (triage);
}

/**
 * stride_gui_restriction_label:
 *
 * Returns: (nullable): what the restriction means for the plan
 */
const char *
stride_gui_restriction_label (StrideRestriction restriction)
{
  switch (restriction)
    {
    case STRIDE_RESTRICTION_NO_PLAN:
      return _("No exercise programme until the patient has been seen.");
    case STRIDE_RESTRICTION_PHASE_1_ONLY:
      return _("The plan stays in phase 1.");
    case STRIDE_RESTRICTION_NO_RUNNING:
      return _("No running.");
    case STRIDE_RESTRICTION_NONE:
    default:
      return NULL;
    }
}

const char *
stride_gui_irritability_label (StrideIrritability irritability)
{
  switch (irritability)
    {
    case STRIDE_IRRITABILITY_HIGH:
      return C_("irritability", "high");
    case STRIDE_IRRITABILITY_MODERATE:
      return C_("irritability", "moderate");
    case STRIDE_IRRITABILITY_LOW:
    default:
      return C_("irritability", "low");
    }
}

const char *
stride_gui_pattern_label (const char *pattern_id)
{
  if (g_strcmp0 (pattern_id, "PR-PFP") == 0)
    return _("Patellofemoral pain");
  if (g_strcmp0 (pattern_id, "PR-ITBS") == 0)
    return _("Iliotibial band syndrome");
  if (g_strcmp0 (pattern_id, "PR-PT") == 0)
    return _("Patellar tendinopathy");
  if (g_strcmp0 (pattern_id, "PR-APOPHYSITIS") == 0)
    return _("Apophysitis");
  return pattern_id != NULL ? pattern_id : "";
}

const char *
stride_gui_presentation_kind_label (StridePresentationKind kind)
{
  switch (kind)
    {
    case STRIDE_PRESENTATION_LIKELY:
      return C_("pattern", "likely");
    case STRIDE_PRESENTATION_POSSIBLE:
      return C_("pattern", "possible");
    case STRIDE_PRESENTATION_MIXED:
      return C_("pattern", "mixed");
    case STRIDE_PRESENTATION_UNCLEAR:
    default:
      return C_("pattern", "unclear");
    }
}

const char *
stride_gui_phase_label (StridePhase phase)
{
  switch (phase)
    {
    case STRIDE_PHASE_1:
      return _("Phase 1: settle and reintroduce movement");
    case STRIDE_PHASE_2:
      return _("Phase 2: build capacity");
    case STRIDE_PHASE_3:
      return _("Phase 3: return to function");
    case STRIDE_PHASE_NONE:
    default:
      return _("No phase: no exercise programme");
    }
}

const char *
stride_gui_followup_label (StrideFollowup followup)
{
  switch (followup)
    {
    case STRIDE_FOLLOWUP_PROGRESS:
      return _("Progress to the next phase");
    case STRIDE_FOLLOWUP_HOLD:
      return _("Hold the phase");
    case STRIDE_FOLLOWUP_STEP_BACK:
      return _("Step back a phase");
    case STRIDE_FOLLOWUP_NONE:
    default:
      return _("Initial visit");
    }
}

const char *
stride_gui_test_label (const char *test_id)
{
  static const struct { const char *id; const char *label; } tests[] = {
    { "MT-WALK", N_("Walking") },
    { "MT-SQUAT", N_("Double-leg squat") },
    { "MT-SLS", N_("Single-leg squat") },
    { "MT-STEPDOWN", N_("Lateral step-down") },
    { "MT-BRIDGE", N_("Single-leg bridge") },
    { "MT-CALF", N_("Single-leg heel raise") },
    { "MT-HOP", N_("Repeated single-leg hops") },
    { "MT-HOPDIST", N_("Single-leg hop for distance") },
    { "MT-QUAD", N_("Quadriceps strength") },
    { "MT-DECLINE", N_("Decline squat") },
    { "MT-NOBLE", N_("Noble compression test") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    if (g_strcmp0 (tests[i].id, test_id) == 0)
      return _(tests[i].label);
  return test_id != NULL ? test_id : "";
}

const char *
stride_gui_criterion_label (StrideCriterionState state)
{
  switch (state)
    {
    case STRIDE_CRITERION_MET:
      return C_("criterion", "met");
    case STRIDE_CRITERION_NOT_MET:
      return C_("criterion", "not met");
    case STRIDE_CRITERION_NOT_TESTED:
    default:
      return C_("criterion", "not tested");
    }
}

/**
 * stride_gui_findings_computed_triage:
 * @findings: findings
 *
 * Returns: the triage the rules gave, before any override
 */
StrideTriage
stride_gui_findings_computed_triage (const StrideFindings *findings)
{
  g_return_val_if_fail (findings != NULL, STRIDE_TRIAGE_NONE);

  return findings->computed_triage;
}

/**
 * stride_gui_findings_computed_phase:
 * @findings: findings
 *
 * Returns: the phase the rules gave, before any override
 */
StridePhase
stride_gui_findings_computed_phase (const StrideFindings *findings)
{
  g_return_val_if_fail (findings != NULL, STRIDE_PHASE_NONE);

  return findings->computed_phase;
}

/**
 * stride_gui_check_override:
 * @override: an override the clinician asks for
 * @findings: the findings it changes
 * @error: where to say why it is refused
 *
 * Raising a level is free; lowering the triage needs a written reason.
 *
 * Returns: %TRUE when the override may be kept
 */
gboolean
stride_gui_check_override (const StrideOverride  *override,
                           const StrideFindings  *findings,
                           GError               **error)
{
  g_return_val_if_fail (override != NULL, FALSE);
  g_return_val_if_fail (findings != NULL, FALSE);

  /* The engine's rule, so the app, the CLI and documents agree. */
  return stride_override_check (override, findings, error);
}

/**
 * stride_gui_target_label:
 * @target: an exercise target id ("quadriceps", "hip-abductors" …)
 *
 * Returns: the target in words
 */
const char *
stride_gui_target_label (const char *target)
{
  static const struct { const char *id; const char *label; } targets[] = {
    { "quadriceps", N_("Quadriceps") },
    { "hip-abductors", N_("Hip abductors") },
    { "gluteals", N_("Gluteals") },
    { "calf", N_("Calf") },
    { "hamstrings", N_("Hamstrings") },
    { "trunk", N_("Trunk") },
    { "running-skill", N_("Running skill") },
    { "fitness", N_("Fitness") },
    { "balance", N_("Balance") },
    { "hip-flexors", N_("Hip flexors") },
    { "knee-range", N_("Knee range of motion") },
    { "landing-control", N_("Landing control") },
    { "patellar-tendon", N_("Patellar tendon") },
    { "power", N_("Power") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_strcmp0 (targets[i].id, target) == 0)
      return _(targets[i].label);
  return target != NULL ? target : "";
}

