/* stride-gui-documents.c: the report and the sheet of the visit on screen
 *
 * Gives the report the app's library, education texts and figure renderer,
 * the clinic from the preferences, and the findings of every visit judged
 * with the visits before it, as the report and the CLI do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "stride-education.h"
#include "stride-figure-renderer.h"
#include "stride-i18n.h"        /* also _() */
#include "stride-library.h"
#include "stride-protocol.h"
#include "stride-gui-data.h"
#include "stride-gui-documents.h"
#include "stride-store.h"
#include "stride-report.h"

static const StrideExercise *
lookup_exercise (const char *exercise_id,
                 gpointer    user_data)
{
  StrideLibrary *library = stride_gui_get_library ();

  return library != NULL ? stride_library_lookup (library, exercise_id) : NULL;
}

static gboolean
lookup_education (const char          *education_id,
                  StrideEducationText *out,
                  gpointer             user_data)
{
  StrideEducation *education = stride_gui_get_education ();
  const StrideEducationPoint *point;

  point = education != NULL ? stride_education_lookup (education, education_id) : NULL;
  if (point == NULL)
    return FALSE;

  out->title = g_strdup (point->title);
  out->text = point->texts != NULL ? g_strjoinv ("\n\n", point->texts) : g_strdup ("");
  return TRUE;
}

static char **
warning_signs (gpointer user_data)
{
  StrideEducation *education = stride_gui_get_education ();
  GPtrArray *warnings = education != NULL ? stride_education_get_warnings (education) : NULL;
  GPtrArray *texts = g_ptr_array_new ();

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      const StrideWarningSign *sign = g_ptr_array_index (warnings, i);

      g_ptr_array_add (texts, g_strdup (sign->text));
    }
  g_ptr_array_add (texts, NULL);
  return (char **) g_ptr_array_free (texts, FALSE);
}

static void
draw_figure (cairo_t              *cr,
             const StrideExercise *exercise,
             double                x,
             double                y,
             double                width,
             double                height,
             gpointer              user_data)
{
  StrideFigureStyle style;

  if (exercise == NULL || exercise->figure == NULL)
    return;
  stride_figure_style_init_default (&style);
  stride_figure_draw (cr, exercise->figure, x, y, width, height, &style);
}

static const StrideDocumentSources sources = {
  .lookup_exercise = lookup_exercise,
  .lookup_education = lookup_education,
  .warning_signs = warning_signs,
  .draw_figure = draw_figure,
  .user_data = NULL,
};

static gboolean
is_interface_language (const char *lang)
{
  const char *const *names = g_get_language_names ();
  gsize n = strcspn (lang, "_.@");

  /* Untranslated, the interface is English. */
  if (names[0] == NULL || g_str_equal (names[0], "C") || g_str_has_prefix (names[0], "C.")
      || g_str_equal (names[0], "POSIX"))
    return n == 2 && strncmp (lang, "en", 2) == 0;
  return strncmp (names[0], lang, n) == 0
         && (names[0][n] == '\0' || names[0][n] == '_' || names[0][n] == '.');
}

/* The sheet is the patient's: laid out in their language, whatever the
 * interface's, with the library and education texts loaded again in it. */
static StrideDocument *
build_sheet (const StrideReportInput *input,
             const char              *lang)
{
  StrideLanguageSwitch *saved;
  StrideReportInput sheet_input = *input;
  g_autoptr(StrideLibrary) library = NULL;
  g_autoptr(StrideEducation) education = NULL;
  g_autoptr(StrideProtocol) protocol = NULL;
  StrideDocument *sheet = NULL;

  if (lang == NULL || *lang == '\0' || is_interface_language (lang))
    return stride_sheet_build (input);

  saved = stride_i18n_switch_language (lang);
  if (saved == NULL)
    {
      g_warning ("No locale installed for the sheet's language “%s”: using the interface's",
                 lang);
      return stride_sheet_build (input);
    }
  library = stride_library_load_default (NULL);
  education = stride_education_load_default (NULL);
  protocol = stride_protocol_load_default (NULL);
  if (library != NULL && education != NULL && protocol != NULL)
    {
      sheet_input.sources = NULL;
      sheet_input.library = library;
      sheet_input.education = education;
      sheet_input.protocol = protocol;
      sheet = stride_sheet_build (&sheet_input);
      /* The pages draw the figures of this library's exercises later. */
      if (sheet != NULL)
        {
          g_object_set_data_full (G_OBJECT (sheet), "stride-sheet-library",
                                  g_object_ref (library), g_object_unref);
          g_object_set_data_full (G_OBJECT (sheet), "stride-sheet-education",
                                  g_object_ref (education), g_object_unref);
          g_object_set_data_full (G_OBJECT (sheet), "stride-sheet-protocol",
                                  g_object_ref (protocol), g_object_unref);
        }
    }
  stride_i18n_restore_language (saved);

  return sheet != NULL ? sheet : stride_sheet_build (input);
}

/**
 * stride_gui_build_documents:
 * @assessment: the patient and their visits; the last is printed
 * @amendments: (nullable) (element-type StrideAmendment): the last visit's
 *   amendments, oldest first, which the report lists
 * @out_report: (out): the clinician report
 * @out_sheet: (out): the home exercise sheet (or referral notice)
 * @error: where to say why they could not be made
 *
 * Returns: %TRUE when both documents were laid out
 */
gboolean
stride_gui_build_documents (StrideAssessment  *assessment,
                            GPtrArray         *amendments,
                            StrideDocument   **out_report,
                            StrideDocument   **out_sheet,
                            GError           **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *clinic_name = NULL;
  g_autofree char *clinic_contact = NULL;
  g_autofree char *clinician = NULL;
  g_autofree char *paper = NULL;
  g_autoptr(GPtrArray) amendment_texts = g_ptr_array_new_with_free_func (g_free);
  StrideReportInput input = { 0 };
  StrideVisit *current;

  g_return_val_if_fail (assessment != NULL, FALSE);
  g_return_val_if_fail (out_report != NULL && out_sheet != NULL, FALSE);

  current = stride_assessment_get_current (assessment);
  if (current == NULL || stride_gui_get_protocol () == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is no visit to print."));
      return FALSE;
    }

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_findings_free);
  for (guint i = 0; i < assessment->visits->len; i++)
    {
      /* The visits up to this one, borrowed: each judged as at its time. */
      g_autoptr(GPtrArray) visits = g_ptr_array_new ();
      StrideAssessment prefix = { assessment->patient, visits };
      StrideFindings *result;

      for (guint j = 0; j <= i; j++)
        g_ptr_array_add (visits, g_ptr_array_index (assessment->visits, j));
      result = stride_gui_evaluate (&prefix);
      if (result == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The visit cannot be judged yet: answer the required "
                                 "questions first."));
          return FALSE;
        }
      g_ptr_array_add (findings, result);
    }

  settings = g_settings_new (APPLICATION_ID);
  clinic_name = g_settings_get_string (settings, "clinic-name");
  clinic_contact = g_settings_get_string (settings, "clinic-contact");
  clinician = g_settings_get_string (settings, "clinician-name");
  paper = g_settings_get_string (settings, "paper-size");

  input.assessment = assessment;
  input.findings = findings;
  /* No programme (an emergency): none printed, even one kept before the
   * triage was raised. */
  input.plan = stride_findings_makes_plan (g_ptr_array_index (findings, findings->len - 1))
               ? current->plan : NULL;
  input.clinic.name = clinic_name[0] != '\0' ? clinic_name : NULL;
  input.clinic.contact = clinic_contact[0] != '\0' ? clinic_contact : NULL;
  input.clinic.clinician = clinician[0] != '\0' ? clinician : NULL;
  input.paper = stride_paper_resolve (stride_paper_from_string (paper, NULL));
  input.sources = &sources;
  input.protocol = stride_gui_get_protocol ();
  for (guint i = 0; amendments != NULL && i < amendments->len; i++)
    g_ptr_array_add (amendment_texts, stride_amendment_describe (amendments->pdata[i]));
  input.amendments = amendment_texts;

  *out_report = stride_report_build (&input);
  *out_sheet = build_sheet (&input, assessment->patient != NULL ? assessment->patient->language
                                                                : NULL);
  return *out_report != NULL && *out_sheet != NULL;
}
