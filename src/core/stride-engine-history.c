/* stride-engine-history.c: the findings of every visit of an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-engine-history.h"

/**
 * stride_engine_evaluate_each:
 * @protocol: the protocol
 * @assessment: a patient and their visits, oldest first
 * @error: return location for a #GError
 *
 * Judges every visit as it was judged on its day: each with only the visits
 * before it as its history. Progress tables and a record's key measures need
 * one set of findings per visit.
 *
 * Returns: (transfer full) (element-type StrideFindings): one per visit, in
 *   the order of @assessment's visits, or %NULL with @error set
 */
GPtrArray *
stride_engine_evaluate_each (StrideProtocol    *protocol,
                             StrideAssessment  *assessment,
                             GError           **error)
{
  g_autoptr(GPtrArray) all = NULL;
  StrideAssessment prefix;

  g_return_val_if_fail (STRIDE_IS_PROTOCOL (protocol), NULL);
  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  all = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_findings_free);

  /* A view of the first visits that borrows them: nothing is copied. */
  prefix.patient = assessment->patient;
  prefix.visits = g_ptr_array_new ();
  for (guint i = 0; i < assessment->visits->len; i++)
    {
      StrideFindings *findings;

      g_ptr_array_add (prefix.visits, g_ptr_array_index (assessment->visits, i));
      findings = stride_engine_evaluate (protocol, &prefix, error);
      if (findings == NULL)
        {
          g_ptr_array_unref (prefix.visits);
          return NULL;
        }
      g_ptr_array_add (all, findings);
    }

  g_ptr_array_unref (prefix.visits);
  return g_steal_pointer (&all);
}
