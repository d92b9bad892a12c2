/* stride-visit.c: patients, visits, overrides and assessments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-visit.h"

StridePatient *
stride_patient_new (void)
{
  StridePatient *patient = g_new0 (StridePatient, 1);

  g_date_clear (&patient->birth_date, 1);
  return patient;
}

StridePatient *
stride_patient_copy (const StridePatient *patient)
{
  StridePatient *copy;

  g_return_val_if_fail (patient != NULL, NULL);

  copy = stride_patient_new ();
  copy->id = g_strdup (patient->id);
  copy->name = g_strdup (patient->name);
  copy->birth_date = patient->birth_date;
  copy->sex = g_strdup (patient->sex);
  copy->language = g_strdup (patient->language);
  copy->contact = g_strdup (patient->contact);
  copy->notes = g_strdup (patient->notes);
  return copy;
}

void
stride_patient_free (StridePatient *patient)
{
  if (patient == NULL)
    return;

  g_free (patient->id);
  g_free (patient->name);
  g_free (patient->sex);
  g_free (patient->language);
  g_free (patient->contact);
  g_free (patient->notes);
  g_free (patient);
}

/**
 * stride_patient_age_on:
 * @patient: a patient
 * @date: the day of the visit
 *
 * Completed years on @date: someone born on 1971-11-24 is 55 on 2026-11-24
 * and 54 the day before (the Ottawa rule's 55th birthday).
 *
 * Returns: the age in whole years, or -1 when the birth date is unknown
 */
int
stride_patient_age_on (const StridePatient *patient,
                       const GDate         *date)
{
  const GDate *birth;
  int age;

  g_return_val_if_fail (patient != NULL, -1);
  g_return_val_if_fail (date != NULL, -1);

  birth = &patient->birth_date;
  if (!g_date_valid (birth) || !g_date_valid (date))
    return -1;

  age = (int) g_date_get_year (date) - (int) g_date_get_year (birth);
  if (g_date_get_month (date) < g_date_get_month (birth)
      || (g_date_get_month (date) == g_date_get_month (birth)
          && g_date_get_day (date) < g_date_get_day (birth)))
    age--;

  return age;
}

StrideOverride *
stride_override_new (const char *what,
                     const char *value,
                     const char *reason)
{
  StrideOverride *override;

  g_return_val_if_fail (what != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  override = g_new0 (StrideOverride, 1);
  override->what = g_strdup (what);
  override->value = g_strdup (value);
  override->reason = g_strdup (reason != NULL ? reason : "");
  return override;
}

void
stride_override_free (StrideOverride *override)
{
  if (override == NULL)
    return;

  g_free (override->what);
  g_free (override->value);
  g_free (override->reason);
  g_free (override);
}

/**
 * stride_visit_new:
 *
 * Returns: (transfer full): an initial draft visit with no date and no answers
 */
StrideVisit *
stride_visit_new (void)
{
  StrideVisit *visit = g_new0 (StrideVisit, 1);

  g_date_clear (&visit->date, 1);
  visit->kind = STRIDE_VISIT_INITIAL;
  visit->status = STRIDE_VISIT_DRAFT;
  visit->answers = stride_answers_new ();
  visit->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_override_free);
  return visit;
}

StrideVisit *
stride_visit_copy (const StrideVisit *visit)
{
  StrideVisit *copy;

  g_return_val_if_fail (visit != NULL, NULL);

  copy = stride_visit_new ();
  copy->id = g_strdup (visit->id);
  copy->date = visit->date;
  copy->kind = visit->kind;
  copy->status = visit->status;
  copy->clinician = g_strdup (visit->clinician);
  g_object_unref (copy->answers);
  copy->answers = stride_answers_copy (visit->answers);
  for (guint i = 0; i < visit->overrides->len; i++)
    {
      const StrideOverride *o = g_ptr_array_index (visit->overrides, i);

      g_ptr_array_add (copy->overrides, stride_override_new (o->what, o->value, o->reason));
    }
  copy->plan = visit->plan != NULL ? stride_plan_copy (visit->plan) : NULL;
  copy->notes = g_strdup (visit->notes);
  return copy;
}

void
stride_visit_free (StrideVisit *visit)
{
  if (visit == NULL)
    return;

  g_free (visit->id);
  g_free (visit->clinician);
  g_clear_object (&visit->answers);
  g_ptr_array_unref (visit->overrides);
  g_clear_pointer (&visit->plan, stride_plan_free);
  g_free (visit->notes);
  g_free (visit);
}

/**
 * stride_visit_get_override:
 * @visit: a visit
 * @what: "phase", "presentation" or "triage"
 *
 * Returns: (transfer none) (nullable): the clinician's override of @what
 */
const StrideOverride *
stride_visit_get_override (const StrideVisit *visit,
                           const char        *what)
{
  g_return_val_if_fail (visit != NULL, NULL);

  for (guint i = 0; i < visit->overrides->len; i++)
    {
      const StrideOverride *o = g_ptr_array_index (visit->overrides, i);

      if (g_str_equal (o->what, what))
        return o;
    }

  return NULL;
}

StrideAssessment *
stride_assessment_new (void)
{
  StrideAssessment *assessment = g_new0 (StrideAssessment, 1);

  assessment->patient = stride_patient_new ();
  assessment->visits = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_visit_free);
  return assessment;
}

void
stride_assessment_free (StrideAssessment *assessment)
{
  if (assessment == NULL)
    return;

  stride_patient_free (assessment->patient);
  g_ptr_array_unref (assessment->visits);
  g_free (assessment);
}

/**
 * stride_assessment_get_current:
 *
 * Returns: (transfer none) (nullable): the latest visit, the one judged
 */
StrideVisit *
stride_assessment_get_current (StrideAssessment *assessment)
{
  g_return_val_if_fail (assessment != NULL, NULL);

  if (assessment->visits->len == 0)
    return NULL;

  return g_ptr_array_index (assessment->visits, assessment->visits->len - 1);
}

/**
 * stride_assessment_get_previous:
 *
 * Returns: (transfer none) (nullable): the visit before the latest
 */
StrideVisit *
stride_assessment_get_previous (StrideAssessment *assessment)
{
  g_return_val_if_fail (assessment != NULL, NULL);

  if (assessment->visits->len < 2)
    return NULL;

  return g_ptr_array_index (assessment->visits, assessment->visits->len - 2);
}
