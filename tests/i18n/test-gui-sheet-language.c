/* test-gui-sheet-language.c: the app lays out the patient's sheet in the
 * patient's language and the report in the interface's, and gives the
 * interface its language back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "stride-document.h"
#include "stride-gui-data.h"
#include "stride-gui-documents.h"
#include "stride-i18n.h"
#include "stride-report.h"

/* The text of @doc, drawn into a PDF and read back with pdftotext. */
static char *
document_text (StrideDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stride-sheet-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 24, 10, 0, 0);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", NULL, "-", NULL };
  int status = 0;

  g_assert_no_error (error);
  pdf = g_build_filename (dir, "doc.pdf", NULL);
  g_assert_true (stride_document_write_pdf (doc, pdf, when, &error));
  g_assert_no_error (error);
  argv[3] = pdf;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (pdf);
  g_rmdir (dir);
  return g_steal_pointer (&out);
}

static StrideAssessment *
read_case (const char *name,
           const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "cases", name, NULL);
  StrideAssessment *assessment = stride_document_read_file (path, stride_gui_get_protocol (),
                                                            &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  g_free (assessment->patient->language);
  assessment->patient->language = g_strdup (language);
  return assessment;
}

static void
check_sheet (const char *language,
             const char *sheet_words,
             const char *english_exercise)
{
  g_autoptr(StrideAssessment) assessment = read_case ("typical-pfp.xml", language);
  g_autoptr(StrideDocument) report = NULL;
  g_autoptr(StrideDocument) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet_text = NULL;
  g_autofree char *report_text = NULL;

  g_assert_true (stride_gui_build_documents (assessment, NULL, &report, &sheet, &error));
  g_assert_no_error (error);

  /* Drawn after the switch is over: the figures and the footer must hold. */
  sheet_text = document_text (sheet);
  report_text = document_text (report);
  g_assert_nonnull (strstr (sheet_text, sheet_words));
  g_assert_null (strstr (sheet_text, english_exercise));
  g_assert_null (strstr (sheet_text, "Your exercises"));
  g_assert_null (strstr (sheet_text, "Page 1 of"));

  /* The interface (here English, the C locale) is untouched. */
  g_assert_nonnull (strstr (report_text, "Clinician report"));
  g_assert_cmpstr (_("Clinician report"), ==, "Clinician report");
}

static void
test_sheet_german (void)
{
  check_sheet ("de", "Ihre Übungen", "Wall sit, small bend");
}

static void
test_sheet_spanish (void)
{
  check_sheet ("es", "Tus ejercicios", "Wall sit, small bend");
}

static void
test_sheet_english_stays (void)
{
  g_autoptr(StrideAssessment) assessment = read_case ("typical-pfp.xml", "en");
  g_autoptr(StrideDocument) report = NULL;
  g_autoptr(StrideDocument) sheet = NULL;
  g_autofree char *text = NULL;

  g_assert_true (stride_gui_build_documents (assessment, NULL, &report, &sheet, NULL));
  text = document_text (sheet);
  g_assert_nonnull (strstr (text, "Your exercises"));
  g_assert_nonnull (strstr (text, "Wall sit, small bend"));
}

int
main (int   argc,
      char *argv[])
{
  /* As the app starts: the interface's locale from the environment. */
  setlocale (LC_ALL, "");
  stride_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/gui/sheet-language/german", test_sheet_german);
  g_test_add_func ("/gui/sheet-language/spanish", test_sheet_spanish);
  g_test_add_func ("/gui/sheet-language/english-stays", test_sheet_english_stays);
  return g_test_run ();
}
