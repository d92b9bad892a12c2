/* stride-report-sources.c: where the documents find exercises, education
 * texts, warning signs and illustrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-i18n.h"
#include "stride-report-private.h"

const StrideExercise *
stride_report_lookup_exercise (const StrideReportInput *input,
                               const char              *exercise_id)
{
  if (input->sources != NULL && input->sources->lookup_exercise != NULL)
    return input->sources->lookup_exercise (exercise_id, input->sources->user_data);
  if (input->library != NULL)
    return stride_library_lookup (input->library, exercise_id);
  return NULL;
}

gboolean
stride_report_lookup_education (const StrideReportInput *input,
                                const char              *education_id,
                                StrideEducationText     *out)
{
  out->title = NULL;
  out->text = NULL;
  if (input->sources != NULL && input->sources->lookup_education != NULL)
    return input->sources->lookup_education (education_id, out, input->sources->user_data);
  if (input->education != NULL)
    {
      const StrideEducationPoint *point = stride_education_lookup (input->education,
                                                                   education_id);

      if (point == NULL)
        return FALSE;
      out->title = g_strdup (point->title);
      out->text = point->texts != NULL ? g_strjoinv (" ", point->texts) : NULL;
      return TRUE;
    }
  return FALSE;
}

/* The warning signs of rules §1 in a patient's words, for when no education
 * data gives them. */
static const char *const default_warning_signs[] = {
  N_("Your knee becomes hot, red and swollen, or you have a fever or feel unwell."),
  N_("Your foot or leg turns cold, pale or blue, or goes numb or weak."),
  N_("Your calf is swollen, tender or tight."),
  N_("You feel short of breath, have chest pain or cough up blood: call an ambulance."),
  N_("Your knee locks and will not straighten, or keeps giving way."),
  N_("Pain wakes you most nights, or you lose weight without trying."),
  N_("You fall or twist your knee and it swells quickly or you cannot put weight on it."),
  NULL
};

char **
stride_report_warning_signs (const StrideReportInput *input)
{
  GPtrArray *signs;

  if (input->sources != NULL && input->sources->warning_signs != NULL)
    {
      char **given = input->sources->warning_signs (input->sources->user_data);

      if (given != NULL && given[0] != NULL)
        return given;
      g_strfreev (given);
    }

  signs = g_ptr_array_new ();
  if (input->education != NULL)
    {
      GPtrArray *warnings = stride_education_get_warnings (input->education);

      for (guint i = 0; warnings != NULL && i < warnings->len; i++)
        g_ptr_array_add (signs, g_strdup (((StrideWarningSign *)
                                           g_ptr_array_index (warnings, i))->text));
      if (signs->len > 0)
        {
          g_ptr_array_add (signs, NULL);
          return (char **) g_ptr_array_free (signs, FALSE);
        }
    }
  for (guint i = 0; default_warning_signs[i] != NULL; i++)
    g_ptr_array_add (signs, g_strdup (_(default_warning_signs[i])));
  g_ptr_array_add (signs, NULL);
  return (char **) g_ptr_array_free (signs, FALSE);
}

