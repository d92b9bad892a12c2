/* report-dump: writes the fixture documents as PDFs into a directory, to look
 * at them (pdftoppm -png -r 60)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "report-fixtures.h"
#include "stride-i18n.h"

int
main (int   argc,
      char *argv[])
{
  const char *dir = argc > 1 ? argv[1] : ".";
  const char *names[] = { "typical", "long", "urgent", "emergency", "history20" };
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 24, 10, 0, 0);

  setlocale (LC_ALL, "");
  stride_i18n_init ();

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      Fixture *fixture = fixture_new ((FixtureKind) k, argc > 2 && g_str_equal (argv[2], "letter")
                                                       ? STRIDE_PAPER_LETTER : STRIDE_PAPER_A4);
      g_autoptr(StrideDocument) report = stride_report_build (&fixture->input);
      g_autoptr(StrideDocument) sheet = stride_sheet_build (&fixture->input);
      g_autofree char *report_path = g_strdup_printf ("%s/%s-report.pdf", dir, names[k]);
      g_autofree char *sheet_path = g_strdup_printf ("%s/%s-sheet.pdf", dir, names[k]);
      g_autoptr(GError) error = NULL;

      if (!stride_document_write_pdf (report, report_path, date, &error)
          || !stride_document_write_pdf (sheet, sheet_path, date, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      fixture_free (fixture);
    }
  return 0;
}
