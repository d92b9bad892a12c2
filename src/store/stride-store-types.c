/* stride-store-types.c: the store's value types and name folding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stride-i18n.h"
#include "stride-store.h"

G_DEFINE_QUARK (stride-store-error-quark, stride_store_error)

StrideSummaryTest *
stride_summary_test_new (const char *test_id)
{
  StrideSummaryTest *test;

  g_return_val_if_fail (test_id != NULL, NULL);

  test = g_new0 (StrideSummaryTest, 1);
  test->test_id = g_strdup (test_id);
  return test;
}

void
stride_summary_test_free (StrideSummaryTest *test)
{
  if (test == NULL)
    return;

  g_free (test->test_id);
  g_free (test);
}

static StrideSummaryTest *
summary_test_copy (const StrideSummaryTest *test)
{
  StrideSummaryTest *copy = g_memdup2 (test, sizeof *test);

  copy->test_id = g_strdup (test->test_id);
  return copy;
}

/**
 * stride_findings_summary_new:
 *
 * Returns: (transfer full): an empty summary: nothing measured
 */
StrideFindingsSummary *
stride_findings_summary_new (void)
{
  StrideFindingsSummary *summary = g_new0 (StrideFindingsSummary, 1);

  summary->tests = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_summary_test_free);
  return summary;
}

/**
 * stride_findings_summary_new_from_findings:
 * @findings: what the engine worked out for a visit
 *
 * Takes irritability, phase, triage, each test per side with its LSI, the
 * count of MT-RTR criteria met, and worst pain and pain during running from
 * the answers the engine judged.
 *
 * Returns: (transfer full): the summary
 */
StrideFindingsSummary *
stride_findings_summary_new_from_findings (const StrideFindings *findings)
{
  StrideFindingsSummary *summary;

  g_return_val_if_fail (findings != NULL, NULL);

  summary = stride_findings_summary_new ();
  summary->has_irritability = TRUE;
  summary->irritability = findings->irritability;
  summary->phase = findings->phase;
  summary->triage = findings->triage;
  if (findings->answers != NULL)
    {
      summary->has_worst_pain = stride_answers_get_number (findings->answers, "worst-pain",
                                                          STRIDE_SIDE_NONE,
                                                          &summary->worst_pain);
      summary->has_run_pain = stride_answers_get_number (findings->answers,
                                                        "pain-during-running",
                                                        STRIDE_SIDE_NONE, &summary->run_pain);
    }

  for (guint i = 0; findings->tests != NULL && i < findings->tests->len; i++)
    {
      const StrideTestResult *result = g_ptr_array_index (findings->tests, i);
      StrideSummaryTest *test = stride_summary_test_new (result->test_id);

      for (guint side = 0; side < 3; side++)
        {
          test->tested[side] = result->tested[side];
          test->value[side] = result->tested[side] ? result->value[side] : 0.0;
        }
      test->has_lsi = result->has_lsi;
      test->lsi = result->has_lsi ? result->lsi : 0.0;
      g_ptr_array_add (summary->tests, test);
    }

  for (guint i = 0; findings->rtr != NULL && i < findings->rtr->len; i++)
    {
      const StrideCriterion *criterion = g_ptr_array_index (findings->rtr, i);

      summary->rtr_total++;
      if (criterion->state == STRIDE_CRITERION_MET)
        summary->rtr_met++;
    }

  return summary;
}

StrideFindingsSummary *
stride_findings_summary_copy (const StrideFindingsSummary *summary)
{
  StrideFindingsSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = stride_findings_summary_new ();
  copy->has_worst_pain = summary->has_worst_pain;
  copy->worst_pain = summary->worst_pain;
  copy->has_run_pain = summary->has_run_pain;
  copy->run_pain = summary->run_pain;
  copy->has_irritability = summary->has_irritability;
  copy->irritability = summary->irritability;
  copy->phase = summary->phase;
  copy->triage = summary->triage;
  copy->rtr_met = summary->rtr_met;
  copy->rtr_total = summary->rtr_total;
  for (guint i = 0; i < summary->tests->len; i++)
    g_ptr_array_add (copy->tests, summary_test_copy (g_ptr_array_index (summary->tests, i)));

  return copy;
}

void
stride_findings_summary_free (StrideFindingsSummary *summary)
{
  if (summary == NULL)
    return;

  g_ptr_array_unref (summary->tests);
  g_free (summary);
}

static gboolean
optional_equal (gboolean has_a,
                double   a,
                gboolean has_b,
                double   b)
{
  return has_a == has_b && (!has_a || a == b);
}

/**
 * stride_findings_summary_equal:
 *
 * Returns: %TRUE when @a and @b hold the same measures
 */
gboolean
stride_findings_summary_equal (const StrideFindingsSummary *a,
                               const StrideFindingsSummary *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!optional_equal (a->has_worst_pain, a->worst_pain, b->has_worst_pain, b->worst_pain)
      || !optional_equal (a->has_run_pain, a->run_pain, b->has_run_pain, b->run_pain)
      || a->has_irritability != b->has_irritability
      || (a->has_irritability && a->irritability != b->irritability)
      || a->phase != b->phase
      || a->triage != b->triage
      || a->rtr_met != b->rtr_met
      || a->rtr_total != b->rtr_total
      || a->tests->len != b->tests->len)
    return FALSE;

  for (guint i = 0; i < a->tests->len; i++)
    {
      const StrideSummaryTest *ta = g_ptr_array_index (a->tests, i);
      const StrideSummaryTest *tb = g_ptr_array_index (b->tests, i);

      if (g_strcmp0 (ta->test_id, tb->test_id) != 0
          || !optional_equal (ta->has_lsi, ta->lsi, tb->has_lsi, tb->lsi))
        return FALSE;
      for (guint side = 0; side < 3; side++)
        {
          if (!optional_equal (ta->tested[side], ta->value[side],
                               tb->tested[side], tb->value[side]))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * stride_findings_summary_get_test:
 *
 * Returns: (transfer none) (nullable): the test @test_id of @summary
 */
const StrideSummaryTest *
stride_findings_summary_get_test (const StrideFindingsSummary *summary,
                                  const char                  *test_id)
{
  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (test_id != NULL, NULL);

  for (guint i = 0; i < summary->tests->len; i++)
    {
      const StrideSummaryTest *test = g_ptr_array_index (summary->tests, i);

      if (g_str_equal (test->test_id, test_id))
        return test;
    }

  return NULL;
}

void
stride_patient_summary_free (StridePatientSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->name);
  g_free (summary);
}

void
stride_history_entry_free (StrideHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_clear_pointer (&entry->summary, stride_findings_summary_free);
  g_free (entry);
}

/**
 * stride_amendment_describe:
 * @amendment: an amendment
 *
 * The amendment in words, as the clinician report lists it: revision, date
 * and time (UTC), reason, then each value that changed, old → new.
 *
 * Returns: (transfer full): the text
 */
char *
stride_amendment_describe (const StrideAmendment *amendment)
{
  GString *text = g_string_new (NULL);
  g_autofree char *when = NULL;

  g_return_val_if_fail (amendment != NULL, NULL);

  when = amendment->time != NULL ? g_date_time_format (amendment->time, "%Y-%m-%d %H:%M UTC")
                                 : g_strdup ("");
  /* TRANSLATORS: an amendment in the report: revision number, date and time, reason */
  g_string_append_printf (text, _("Revision %u, %s: %s"), amendment->revision, when,
                          amendment->reason != NULL ? amendment->reason : "");
  for (guint i = 0; amendment->changes != NULL && i < amendment->changes->len; i++)
    {
      StrideAmendmentChange *change = g_ptr_array_index (amendment->changes, i);

      g_string_append_printf (text, "%s%s: %s → %s", i == 0 ? ". " : "; ", change->field,
                              change->old_value != NULL ? change->old_value : "–",
                              change->new_value != NULL ? change->new_value : "–");
    }
  return g_string_free (text, FALSE);
}

void
stride_amendment_free (StrideAmendment *amendment)
{
  if (amendment == NULL)
    return;

  g_clear_pointer (&amendment->time, g_date_time_unref);
  g_free (amendment->reason);
  g_clear_pointer (&amendment->changes, g_ptr_array_unref);
  g_free (amendment);
}

/* Letters that carry no combining mark to strip but that people type
 * without their stroke: "Søren" is found by "soren". */
static const char *
plain_letter (gunichar c)
{
  switch (c)
    {
    case 0x00F8: return "o";   /* ø */
    case 0x0142: return "l";   /* ł */
    case 0x0111: return "d";   /* đ */
    case 0x00F0: return "d";   /* ð */
    case 0x00E6: return "ae";  /* æ */
    case 0x0153: return "oe";  /* œ */
    case 0x00FE: return "th";  /* þ */
    case 0x0131: return "i";   /* dotless ı */
    default: return NULL;
    }
}

/**
 * stride_store_fold_name:
 * @text: a name or what the clinician typed
 *
 * The form the search compares: compatibility-decomposed, combining marks
 * dropped, casefolded, every character that is neither a letter nor a digit
 * a space, runs of spaces collapsed. "Müller-Lüdenscheidt" → "muller
 * ludenscheidt", "O’Brien" → "o brien".
 *
 * Returns: (transfer full): the folded text ("" for %NULL or invalid UTF-8)
 */
char *
stride_store_fold_name (const char *text)
{
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  GString *folded;
  gboolean space = TRUE;   /* drops leading spaces */

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  lower = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  folded = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *plain;

      if (g_unichar_ismark (c))
        continue;

      plain = plain_letter (g_unichar_tolower (c));
      if (plain != NULL)
        {
          g_string_append (folded, plain);
          space = FALSE;
        }
      else if (g_unichar_isalnum (c))
        {
          /* Casefolding before decomposition can leave capitals that only
           * appear after it (compatibility forms). */
          g_string_append_unichar (folded, g_unichar_tolower (c));
          space = FALSE;
        }
      else if (!space)
        {
          g_string_append_c (folded, ' ');
          space = TRUE;
        }
    }

  if (folded->len > 0 && folded->str[folded->len - 1] == ' ')
    g_string_truncate (folded, folded->len - 1);

  return g_string_free (folded, FALSE);
}
