/* stride-findings.c: constructors and destructors of the findings structs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-findings.h"

static GPtrArray *
new_reasons (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) stride_reason_free);
}

/**
 * stride_reason_new:
 * @rule_id: (nullable): a rule id of rules.md; %NULL for a consequence of
 *   the clinician's override, which no rule gives
 * @item: (nullable): the protocol item that triggered it
 * @text: a sentence for people
 *
 * Returns: (transfer full): a new reason
 */
StrideReason *
stride_reason_new (const char *rule_id,
                   const char *item,
                   const char *text)
{
  StrideReason *reason;

  reason = g_new0 (StrideReason, 1);
  reason->rule_id = g_strdup (rule_id);
  reason->item = g_strdup (item);
  reason->text = g_strdup (text != NULL ? text : "");
  return reason;
}

void
stride_reason_free (StrideReason *reason)
{
  if (reason == NULL)
    return;

  g_free (reason->rule_id);
  g_free (reason->item);
  g_free (reason->text);
  g_free (reason);
}

StrideRedFlag *
stride_red_flag_new (const char        *rule_id,
                     StrideTriage       referral,
                     StrideRestriction  restriction)
{
  StrideRedFlag *flag = g_new0 (StrideRedFlag, 1);

  flag->rule_id = g_strdup (rule_id);
  flag->referral = referral;
  flag->restriction = restriction;
  flag->reasons = new_reasons ();
  return flag;
}

void
stride_red_flag_free (StrideRedFlag *flag)
{
  if (flag == NULL)
    return;

  g_free (flag->rule_id);
  g_ptr_array_unref (flag->reasons);
  g_free (flag);
}

/**
 * stride_red_flag_stops_running:
 * @flag: a red flag that fired
 *
 * Rules §1: RF-BONE-STRESS, RF-HIP-STRESS and RF-SCFE carry `no running`
 * besides `phase 1 only`; the flag's restriction field holds only the
 * stricter one, so the planner and the report ask here.
 *
 * Returns: whether @flag stops running at any phase
 */
gboolean
stride_red_flag_stops_running (const StrideRedFlag *flag)
{
  static const char *const stop_running[] = {
    "RF-BONE-STRESS", "RF-HIP-STRESS", "RF-SCFE", NULL,
  };

  g_return_val_if_fail (flag != NULL, FALSE);
  return g_strv_contains (stop_running, flag->rule_id)
         || flag->restriction == STRIDE_RESTRICTION_NO_RUNNING;
}

StrideTestResult *
stride_test_result_new (const char *test_id,
                        gboolean    per_side)
{
  StrideTestResult *result = g_new0 (StrideTestResult, 1);

  result->test_id = g_strdup (test_id);
  result->per_side = per_side;
  result->reasons = new_reasons ();
  return result;
}

void
stride_test_result_free (StrideTestResult *result)
{
  if (result == NULL)
    return;

  g_free (result->test_id);
  g_free (result->not_tested_reason);
  g_free (result->reference);
  g_ptr_array_unref (result->reasons);
  g_free (result);
}

StrideCriterion *
stride_criterion_new (const char           *id,
                      StrideCriterionState  state)
{
  StrideCriterion *criterion = g_new0 (StrideCriterion, 1);

  criterion->id = g_strdup (id);
  criterion->state = state;
  criterion->reasons = new_reasons ();
  return criterion;
}

void
stride_criterion_free (StrideCriterion *criterion)
{
  if (criterion == NULL)
    return;

  g_free (criterion->id);
  g_ptr_array_unref (criterion->reasons);
  g_free (criterion);
}

/**
 * stride_findings_new:
 *
 * Returns: (transfer full): empty findings: no red flag, low irritability,
 *   no phase
 */
StrideFindings *
stride_findings_new (void)
{
  StrideFindings *findings = g_new0 (StrideFindings, 1);

  findings->red_flags = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_red_flag_free);
  findings->irritability_reasons = new_reasons ();
  findings->monitor_reasons = new_reasons ();
  findings->tests = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_test_result_free);
  findings->rtr = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_criterion_free);
  findings->presentation.scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  findings->presentation.features = new_reasons ();
  findings->phase_reasons = new_reasons ();
  findings->followup_reasons = new_reasons ();
  findings->done_reasons = new_reasons ();
  return findings;
}

void
stride_findings_free (StrideFindings *findings)
{
  StrideFindings *previous;

  if (findings == NULL)
    return;

  /* The chain of earlier visits, freed in a loop, not by recursion: a long
   * record must not exhaust the stack. */
  previous = g_steal_pointer (&findings->previous);
  while (previous != NULL)
    {
      StrideFindings *before = g_steal_pointer (&previous->previous);

      stride_findings_free (previous);
      previous = before;
    }

  g_ptr_array_unref (findings->red_flags);
  g_ptr_array_unref (findings->irritability_reasons);
  g_ptr_array_unref (findings->monitor_reasons);
  g_ptr_array_unref (findings->tests);
  g_ptr_array_unref (findings->rtr);
  g_free (findings->presentation.primary);
  g_free (findings->presentation.secondary);
  g_hash_table_unref (findings->presentation.scores);
  g_ptr_array_unref (findings->presentation.features);
  g_ptr_array_unref (findings->phase_reasons);
  g_ptr_array_unref (findings->followup_reasons);
  g_ptr_array_unref (findings->done_reasons);
  g_clear_object (&findings->answers);
  g_free (findings->triage_override_reason);
  g_free (findings->phase_override_reason);
  g_free (findings->computed_presentation_primary);
  g_free (findings->computed_presentation_secondary);
  g_free (findings->presentation_override_reason);
  g_free (findings);
}

/**
 * stride_findings_get_test:
 *
 * Returns: (transfer none) (nullable): the result of @test_id
 */
const StrideTestResult *
stride_findings_get_test (StrideFindings *findings,
                          const char     *test_id)
{
  g_return_val_if_fail (findings != NULL, NULL);

  for (guint i = 0; i < findings->tests->len; i++)
    {
      const StrideTestResult *result = g_ptr_array_index (findings->tests, i);

      if (g_str_equal (result->test_id, test_id))
        return result;
    }

  return NULL;
}

/**
 * stride_findings_get_criterion:
 *
 * Returns: (transfer none) (nullable): the MT-RTR criterion @id
 */
const StrideCriterion *
stride_findings_get_criterion (StrideFindings *findings,
                               const char     *id)
{
  g_return_val_if_fail (findings != NULL, NULL);

  for (guint i = 0; i < findings->rtr->len; i++)
    {
      const StrideCriterion *criterion = g_ptr_array_index (findings->rtr, i);

      if (g_str_equal (criterion->id, id))
        return criterion;
    }

  return NULL;
}

/**
 * stride_findings_makes_plan:
 * @findings: a visit's findings
 *
 * No exercise programme is made when a red flag allows none, or the phase
 * is none (an emergency referral, by a red flag or the clinician's triage;
 * the clinician's phase "none"): then a plan kept with the visit is not
 * printed either.
 *
 * Returns: whether the visit gets an exercise plan
 */
gboolean
stride_findings_makes_plan (const StrideFindings *findings)
{
  g_return_val_if_fail (findings != NULL, FALSE);

  return findings->restriction != STRIDE_RESTRICTION_NO_PLAN
         && findings->phase != STRIDE_PHASE_NONE;
}

gboolean
stride_findings_has_red_flag (StrideFindings *findings,
                              const char     *rule_id)
{
  g_return_val_if_fail (findings != NULL, FALSE);

  for (guint i = 0; i < findings->red_flags->len; i++)
    {
      const StrideRedFlag *flag = g_ptr_array_index (findings->red_flags, i);

      if (g_str_equal (flag->rule_id, rule_id))
        return TRUE;
    }

  return FALSE;
}
