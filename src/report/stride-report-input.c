/* stride-report-input.c: from an assessment to what the documents print
 *
 * Every visit is evaluated with the history before it (the engine judges the
 * last visit of what it is given), so the progress charts show what each
 * visit concluded at the time. The plan is the visit's kept plan, or the
 * planner's suggestion when none was kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-engine.h"
#include "stride-i18n.h"
#include "stride-planner.h"
#include "stride-report.h"

/**
 * stride_report_input_prepare:
 * @input: (out caller-allocates): the input to fill; clinic and paper are
 *   left as they are
 * @assessment: (transfer none): a patient and visits, the last one printed;
 *   must outlive @input
 * @protocol: the protocol
 * @library: (nullable): the exercise library, for the plan and the cards
 * @education: (nullable): education texts and warning signs
 * @error: return location for a #GError
 *
 * Returns: %TRUE when every visit could be evaluated
 */
gboolean
stride_report_input_prepare (StrideReportInput *input,
                             StrideAssessment  *assessment,
                             StrideProtocol    *protocol,
                             StrideLibrary     *library,
                             StrideEducation   *education,
                             GError           **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  StrideVisit *current;
  StrideFindings *last;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (assessment != NULL, FALSE);
  g_return_val_if_fail (STRIDE_IS_PROTOCOL (protocol), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (assessment->visits == NULL || assessment->visits->len == 0)
    {
      g_set_error (error, STRIDE_ENGINE_ERROR, STRIDE_ENGINE_ERROR_NO_VISIT,
                   _("The assessment has no visit to print"));
      return FALSE;
    }

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_findings_free);
  for (guint i = 0; i < assessment->visits->len; i++)
    {
      /* The visits up to this one, borrowed: the engine judges the last. */
      g_autoptr(GPtrArray) visits = g_ptr_array_new ();
      StrideAssessment prefix = { assessment->patient, visits };
      StrideFindings *result;

      for (guint j = 0; j <= i; j++)
        g_ptr_array_add (visits, g_ptr_array_index (assessment->visits, j));
      result = stride_engine_evaluate (protocol, &prefix, error);
      if (result == NULL)
        return FALSE;
      g_ptr_array_add (findings, result);
    }

  current = g_ptr_array_index (assessment->visits, assessment->visits->len - 1);

  input->assessment = assessment;
  input->findings = g_steal_pointer (&findings);
  input->protocol = g_object_ref (protocol);
  input->library = library != NULL ? g_object_ref (library) : NULL;
  input->education = education != NULL ? g_object_ref (education) : NULL;
  input->suggested_plan = NULL;

  last = g_ptr_array_index (input->findings, input->findings->len - 1);
  if (!stride_findings_makes_plan (last))
    /* No programme (an emergency): the documents say so and refer, even
     * when a plan was kept before the triage was raised. */
    input->plan = NULL;
  else if (current->plan != NULL)
    input->plan = current->plan;
  else if (library != NULL)
    {

      input->suggested_plan = stride_planner_suggest (library, assessment, last, error);
      if (input->suggested_plan == NULL)
        {
          stride_report_input_clear (input);
          return FALSE;
        }
      input->plan = input->suggested_plan;
    }
  else
    input->plan = NULL;

  return TRUE;
}

/**
 * stride_report_input_clear:
 * @input: an input filled by stride_report_input_prepare()
 *
 * Frees what prepare made; the assessment stays its caller's.
 */
void
stride_report_input_clear (StrideReportInput *input)
{
  g_return_if_fail (input != NULL);

  g_clear_pointer (&input->findings, g_ptr_array_unref);
  g_clear_pointer (&input->suggested_plan, stride_plan_free);
  g_clear_object (&input->protocol);
  g_clear_object (&input->library);
  g_clear_object (&input->education);
  input->plan = NULL;
  input->assessment = NULL;
}
