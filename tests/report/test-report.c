/* test-report.c: the printed documents, read back with poppler-utils
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>

#include "report-fixtures.h"
#include "stride-document.h"
#include "stride-i18n.h"

static char *tmp_dir;

/* ---------------------------------------------------------------- helpers */

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    g_error ("cannot run %s (install poppler-utils): %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

static char *
write_pdf (StrideDocument *doc,
           const char     *name)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 24, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (stride_document_write_pdf (doc, path, date, &error));
  g_assert_no_error (error);
  return path;
}

static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page > 0 ? page : 1);
  g_autofree char *last = g_strdup_printf ("%d", page > 0 ? page : 9999);
  const char *argv[] = { "pdftotext", "-layout", "-f", first, "-l", last, path, "-", NULL };
  char *text = run_tool (argv);
  /* -layout keeps lines but pads with spaces; collapse them for matching. */
  char *collapsed = stride_i18n_collapse_space (text);

  g_free (text);
  return collapsed;
}

/* The text in reading order (pdftotext without -layout), which follows a
 * column down before the next: for boxes set in two columns. */
static char *
pdf_reading_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  char *text = run_tool (argv);
  char *collapsed = stride_i18n_collapse_space (text);

  g_free (text);
  return collapsed;
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    {
      g_printerr ("%s\n", haystack);
      g_error ("expected “%s” in the text above", needle);
    }
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    {
      g_printerr ("%s\n", haystack);
      g_error ("did not expect “%s” in the text above", needle);
    }
}

static StrideDocument *
build (FixtureKind  kind,
       StridePaper  paper,
       gboolean     sheet,
       Fixture    **out_fixture)
{
  Fixture *fixture = fixture_new (kind, paper);
  StrideDocument *doc = sheet ? stride_sheet_build (&fixture->input)
                              : stride_report_build (&fixture->input);

  *out_fixture = fixture;
  return doc;
}

/* ---------------------------------------------------------------- content */

/* What a screen reader reads of the preview: each page's text, in order,
 * the same words the PDF holds, page by page. */
static void
test_page_text (void)
{
  Fixture *fixture;
  g_autoptr(StrideDocument) doc = build (FIXTURE_TYPICAL, STRIDE_PAPER_A4, TRUE, &fixture);
  g_autofree char *first = stride_document_get_page_text (doc, 0);
  g_autofree char *beyond = stride_document_get_page_text (doc,
                                                           stride_document_get_n_pages (doc));
  g_autoptr(GString) all = g_string_new (NULL);

  assert_contains (first, "Your home exercise plan");
  assert_contains (first, "Wall sit at 60°");
  assert_contains (first, "Stand with your back against a wall");
  g_assert_cmpstr (beyond, ==, "");
  for (guint i = 0; i < stride_document_get_n_pages (doc); i++)
    {
      g_autofree char *page = stride_document_get_page_text (doc, i);

      g_string_append (all, page);
    }
  /* In reading order: the exercises before the pain rules before the box. */
  assert_contains (all->str, "See a doctor if…");
  g_assert_true (strstr (all->str, "Wall sit at 60°") < strstr (all->str, "Your pain rules"));
  g_assert_true (strstr (all->str, "Your pain rules") < strstr (all->str, "See a doctor if…"));
  fixture_free (fixture);
}

/* No red flag question is required: a triage of "none" that rests on
 * questions nobody asked says so, rather than "no red flags". */
static void
test_report_red_flags_not_all_screened (void)
{
  Fixture *fixture = fixture_new (FIXTURE_TYPICAL, STRIDE_PAPER_A4);
  StrideVisit *visit = g_ptr_array_index (fixture->assessment->visits,
                                          fixture->assessment->visits->len - 1);
  g_autoptr(StrideDocument) doc = NULL;
  g_autofree char *first = NULL;

  stride_answers_unset (visit->answers, "fever", STRIDE_SIDE_NONE);
  stride_answers_unset (visit->answers, "cold-pale-foot", STRIDE_SIDE_NONE);
  doc = stride_report_build (&fixture->input);
  first = stride_document_get_page_text (doc, 0);
  assert_contains (first, "Red flags not all screened");
  assert_contains (first, "No red flag found in the questions answered; 2 screening questions "
                          "were not asked.");
  g_assert_null (strstr (first, "No red flags"));
  g_clear_object (&doc);
  g_clear_pointer (&first, g_free);

  /* One left: the singular. */
  stride_answers_set (visit->answers, "fever", STRIDE_SIDE_NONE, "no");
  doc = stride_report_build (&fixture->input);
  first = stride_document_get_page_text (doc, 0);
  assert_contains (first, "1 screening question was not asked.");
  fixture_free (fixture);
}

static void
test_report_content (void)
{
  Fixture *fixture;
  g_autoptr(StrideDocument) doc = build (FIXTURE_TYPICAL, STRIDE_PAPER_A4, FALSE, &fixture);
  g_autofree char *path = write_pdf (doc, "typical-report.pdf");
  g_autofree char *text = pdf_text (path, 0);
  g_autofree char *first = pdf_text (path, 1);

  /* The triage box comes first, before the history. */
  assert_contains (first, "Clinician report");
  assert_contains (first, "Anna Example");
  assert_contains (first, "24 November 2026");
  assert_contains (first, "Sam Physio");
  assert_contains (first, "No red flags: no referral needed");
  g_assert_true (strstr (first, "No red flags") < strstr (first, "History"));

  /* Findings with reasons and rule ids. */
  assert_contains (text, "Irritability: Low [LS-IRRITABILITY]");
  /* The history as the protocol words it. */
  assert_contains (text, "Around or behind the kneecap; Outside of the knee");
  assert_contains (text, "1 September 2026");
  assert_contains (text, "8 km");
  assert_contains (text, "Settles within 1 to 24 hours. [LS-IRRITABILITY]");
  assert_contains (text, "Pain-monitoring rules: kept (stricter patellofemoral rule)");
  /* The movement table: values with units, LSI, the involved side marked,
   * "not tested" written out. */
  assert_contains (text, "(involved)");
  assert_contains (text, "Single-leg squat to 60° 11 reps 12 reps 91.7 % L 1 · R 0");
  assert_contains (text, "Single-leg heel raise 30 reps 31 reps 96.8 %");
  assert_contains (text, "Repeated single-leg hops not tested 20 hops");
  assert_contains (text, "Hops ≥ 10 each side, pain ≤ 2 Not tested");
  assert_contains (text, "Likely: Patellofemoral pain (PR-PFP)");
  assert_contains (text, "Stairs provoke it. [PR-PFP]");
  assert_contains (text, "Phase 2: build capacity (follow-up decision: hold)");
  /* The plan with doses, the running plan, education, progress. */
  assert_contains (text, "Wall sit at 60°");
  assert_contains (text, "5 × 45 s");
  assert_contains (text, "3 × 10 each side");
  assert_contains (text, "Modified running (RP-MODIFY)");
  assert_contains (text, "No single run longer than 8.8 km");
  assert_contains (text, "Pain is a guide, not a sign of damage. (pain-is-a-guide)");
  assert_contains (text, "Pain over time");
  assert_contains (text, "LSI: Single-leg squat to 60°");
  assert_contains (text, "90 %");
  assert_contains (text, "24 Nov 26 4 ▼−2 2 ▼−2 Low");
  assert_contains (text, "8 December 2026");
  assert_contains (text, "Clinician’s signature");
  g_assert_cmpint (pdf_pages (path), >=, 2);

  fixture_free (fixture);
}

static void
test_sheet_content (void)
{
  Fixture *fixture;
  g_autoptr(StrideDocument) doc = build (FIXTURE_TYPICAL, STRIDE_PAPER_A4, TRUE, &fixture);
  g_autofree char *path = write_pdf (doc, "typical-sheet.pdf");
  g_autofree char *text = pdf_text (path, 0);
  int pages = pdf_pages (path);

  assert_contains (text, "Your home exercise plan");
  assert_contains (text, "1. Wall sit at 60°");
  assert_contains (text, "Slide down until your knees are bent to about 60 degrees.");
  assert_contains (text, "5 holds of 45 seconds, every day");
  assert_contains (text, "3 sets of 10 on each leg, 2 or 3 times a week");
  assert_contains (text, "Take care: Stop if the pain goes above 5.");
  assert_contains (text, "Mon Tue Wed Thu Fri Sat Sun");
  assert_contains (text, "Fine");
  assert_contains (text, "Acceptable");
  assert_contains (text, "Too much");
  assert_contains (text, "The next-morning rule:");
  assert_contains (text, "Keep your usual runs.");
  assert_contains (text, "No run longer than 8.8 km.");
  assert_contains (text, "Pain is a guide, not a sign of damage.");
  assert_contains (text, "Next appointment 8 December 2026");
  assert_contains (text, "12 High Street, Springfield");
  /* No clinician's jargon on the patient's sheet. */
  assert_lacks (text, "LS-MONITOR");
  assert_lacks (text, "RP-MODIFY");
  assert_lacks (text, "LSI");

  /* The "See a doctor if…" box is on the sheet, whole on one page. */
  {
    int box_page = 0;

    for (int p = 1; p <= pages; p++)
      {
        g_autofree char *page = pdf_text (path, p);

        if (strstr (page, "See a doctor if…") != NULL)
          {
            box_page = p;
            assert_contains (page, "If it cannot wait");
          }
      }
    g_assert_cmpint (box_page, >, 0);
  }
  fixture_free (fixture);
}

static void
test_urgent (void)
{
  Fixture *fixture;
  g_autoptr(StrideDocument) sheet = build (FIXTURE_URGENT, STRIDE_PAPER_A4, TRUE, &fixture);
  g_autoptr(StrideDocument) report = stride_report_build (&fixture->input);
  g_autofree char *sheet_path = write_pdf (sheet, "urgent-sheet.pdf");
  g_autofree char *report_path = write_pdf (report, "urgent-report.pdf");
  g_autofree char *first = pdf_text (sheet_path, 1);
  g_autofree char *report_first = pdf_text (report_path, 1);

  /* The sheet leads with the referral, then the (phase 1) exercises. */
  assert_contains (first, "Please see a doctor within the next few days");
  assert_contains (first, "Your knee gets stuck and will not straighten fully.");
  assert_contains (first, "Your exercises");
  g_assert_true (strstr (first, "Please see a doctor") < strstr (first, "Your exercises"));

  assert_contains (report_first, "Urgent referral: a doctor within days");
  assert_contains (report_first, "Locked knee (RF-LOCKED): urgent referral, restriction: phase 1 "
                                 "only.");
  assert_contains (report_first, "[RF-LOCKED]");
  {
    g_autofree char *all = pdf_text (report_path, 0);

    assert_contains (all, "not tested: knee locked");
  }
  g_assert_true (strstr (report_first, "Urgent referral") < strstr (report_first, "History"));
  fixture_free (fixture);
}

static void
test_emergency (void)
{
  Fixture *fixture;
  g_autoptr(StrideDocument) sheet = build (FIXTURE_EMERGENCY, STRIDE_PAPER_A4, TRUE, &fixture);
  g_autoptr(StrideDocument) report = stride_report_build (&fixture->input);
  g_autofree char *path = write_pdf (sheet, "emergency-sheet.pdf");
  g_autofree char *report_path = write_pdf (report, "emergency-report.pdf");
  /* The notice sets its boxes in two columns. */
  g_autofree char *text = pdf_reading_text (path);
  g_autofree char *report_text = pdf_text (report_path, 0);

  /* One page, no exercises: where to go, today; RF-PE calls an ambulance. */
  g_assert_cmpint (pdf_pages (path), ==, 1);
  g_assert_cmpuint (stride_document_get_n_pages (sheet), ==, 1);
  assert_contains (text, "Referral notice");
  assert_contains (text, "Call an ambulance now");
  assert_contains (text, "This can be a sign of an infection in the joint.");
  assert_contains (text, "Where to go:");
  assert_contains (text, "Northside Physio");
  assert_contains (text, "12 High Street, Springfield");
  assert_lacks (text, "Your exercises");
  assert_lacks (text, "Tick each day");
  assert_lacks (text, "Your running plan");
  /* Rules §1: every sheet ends with the warning signs, this one too. */
  assert_contains (text, "See a doctor if…");
  assert_contains (text, "Your calf is swollen, tender or tight.");
  g_assert_true (strstr (text, "See a doctor if…") > strstr (text, "Do not do any exercises"));
  assert_lacks (text, "Questions about your knee or your exercises?");

  assert_contains (report_text, "Emergency referral: same day");
  assert_contains (report_text, "Possible septic arthritis (RF-SEPTIC)");
  assert_contains (report_text, "[RF-PE]");
  assert_contains (report_text, "No exercise programme: the red flags above come first.");
  fixture_free (fixture);
}

static void
test_referral_without_ambulance (void)
{
  Fixture *fixture = fixture_new (FIXTURE_EMERGENCY, STRIDE_PAPER_A4);
  StrideFindings *findings = g_ptr_array_index (fixture->findings, fixture->findings->len - 1);
  g_autoptr(StrideDocument) sheet = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  /* Septic arthritis alone: the emergency department, not an ambulance. */
  g_ptr_array_remove_index (findings->red_flags, 1);
  sheet = stride_sheet_build (&fixture->input);
  path = write_pdf (sheet, "emergency-septic.pdf");
  text = pdf_text (path, 0);
  assert_contains (text, "Get medical care today");
  assert_contains (text, "Go to an emergency department today.");
  assert_lacks (text, "Call an ambulance");
  fixture_free (fixture);
}

/* ---------------------------------------------------------------- PDF */

static void
test_page_sizes_and_metadata (void)
{
  struct { StridePaper paper; const char *size; } cases[] = {
    { STRIDE_PAPER_A4, "Page size: 595.276 x 841.89 pts (A4)" },
    { STRIDE_PAPER_LETTER, "Page size: 612 x 792 pts (letter)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture *fixture;
      g_autoptr(StrideDocument) doc = build (FIXTURE_TYPICAL, cases[i].paper, TRUE, &fixture);
      g_autofree char *name = g_strdup_printf ("size-%u.pdf", i);
      g_autofree char *path = write_pdf (doc, name);
      const char *argv[] = { "pdfinfo", "-isodates", path, NULL };
      g_autofree char *raw = run_tool (argv);
      g_autofree char *info = stride_i18n_collapse_space (raw);
      double width, height;

      assert_contains (info, cases[i].size);
      assert_contains (info, "Title: Your home exercise plan");
      assert_contains (info, "Author: Northside Physio");
      assert_contains (info, "Subject: Home exercises, pain rules and running plan");
      assert_contains (info, "Creator: Stride " PACKAGE_VERSION);
      assert_contains (info, "CreationDate: 2026-11-24T10:00:00Z");

      stride_document_get_page_size (doc, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, i == 0 ? 595.2756 : 612.0, 0.01);
      g_assert_cmpfloat_with_epsilon (height, i == 0 ? 841.8898 : 792.0, 0.01);
      fixture_free (fixture);
    }
}

static void
test_fonts_embedded (void)
{
  Fixture *fixture;
  g_autoptr(StrideDocument) doc = build (FIXTURE_LONG, STRIDE_PAPER_A4, FALSE, &fixture);
  g_autofree char *path = write_pdf (doc, "fonts.pdf");
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *fonts = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  /* name, type…, emb, sub, uni: every font embedded, and the family is ours. */
  assert_contains (fonts, "+OpenSans ");
  assert_contains (fonts, "+OpenSans-Bold ");
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      fields = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      n = g_strv_length (fields);
      g_assert_cmpuint (n, >=, 6);
      if (g_strcmp0 (fields[n - 1], "") == 0)
        n--;
      /* …emb sub uni object ID */
      g_assert_cmpstr (fields[n - 5], ==, "yes");
      assert_lacks (fields[0], "DejaVu");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 2);
  fixture_free (fixture);
}

static void
test_reproducible (void)
{
  Fixture *fixture;
  g_autoptr(StrideDocument) doc = build (FIXTURE_TYPICAL, STRIDE_PAPER_A4, FALSE, &fixture);
  g_autoptr(StrideDocument) again = stride_report_build (&fixture->input);
  g_autofree char *a = write_pdf (doc, "same-1.pdf");
  g_autofree char *b = write_pdf (again, "same-2.pdf");
  g_autofree char *bytes_a = NULL;
  g_autofree char *bytes_b = NULL;
  gsize len_a, len_b;

  g_assert_true (g_file_get_contents (a, &bytes_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (b, &bytes_b, &len_b, NULL));
  g_assert_cmpmem (bytes_a, len_a, bytes_b, len_b);
  fixture_free (fixture);
}

/* PDFs hold NUL bytes: strstr would stop at the first. */
static gboolean
bytes_contain (const char *bytes,
               gsize       len,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (bytes + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_outline (void)
{
  Fixture *fixture;
  g_autoptr(StrideDocument) doc = build (FIXTURE_TYPICAL, STRIDE_PAPER_A4, FALSE, &fixture);
  g_autofree char *path = write_pdf (doc, "outline.pdf");
  g_autofree char *bytes = NULL;
  gsize len;
  const char *sections[] = { "/Title (Triage)", "/Title (Movement tolerance)",
                             "/Title (Return-to-run criteria)", "/Title (Exercise plan)",
                             "/Title (Progress over visits)", "/Outlines" };

  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_assert_true (bytes_contain (bytes, len, sections[i]));
  fixture_free (fixture);
}

/* ---------------------------------------------------------------- pagination */

/* Every word inside the margins: the long visit, the maximum plan. */
static void
check_margins (const char *path,
               double      margin)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *html = run_tool (argv);
  g_autoptr(GRegex) page_re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">|"
                                           "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                           "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                           0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  double width = 0, height = 0;
  guint words = 0;

  g_regex_match (page_re, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *w = g_match_info_fetch (match, 1);

      if (w != NULL && *w != '\0')
        {
          g_autofree char *h = g_match_info_fetch (match, 2);

          width = g_ascii_strtod (w, NULL);
          height = g_ascii_strtod (h, NULL);
        }
      else
        {
          g_autofree char *x0 = g_match_info_fetch (match, 3);
          g_autofree char *y0 = g_match_info_fetch (match, 4);
          g_autofree char *x1 = g_match_info_fetch (match, 5);
          g_autofree char *y1 = g_match_info_fetch (match, 6);
          g_autofree char *word = g_match_info_fetch (match, 7);

          if (g_ascii_strtod (x0, NULL) < margin - 0.5
              || g_ascii_strtod (x1, NULL) > width - margin + 0.5
              || g_ascii_strtod (y0, NULL) < margin - 0.5
              || g_ascii_strtod (y1, NULL) > height - margin + 0.5)
            g_error ("“%s” at (%s, %s)–(%s, %s) is outside the %.1f pt margins of %s", word, x0,
                     y0, x1, y1, margin, path);
          words++;
        }
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (words, >, 100);
}

static void
test_long_visit_margins (void)
{
  StridePaper papers[] = { STRIDE_PAPER_A4, STRIDE_PAPER_LETTER };

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    for (int sheet = 0; sheet <= 1; sheet++)
      {
        Fixture *fixture;
        g_autoptr(StrideDocument) doc = build (FIXTURE_LONG, papers[p], sheet, &fixture);
        g_autofree char *name = g_strdup_printf ("long-%u-%d.pdf", p, sheet);
        g_autofree char *path = write_pdf (doc, name);
        g_autofree char *text = pdf_text (path, 0);
        double margin;

        stride_document_get_margins (doc, &margin);
        g_assert_cmpfloat (margin, >=, 15 * 72 / 25.4);
        g_assert_cmpfloat (margin, <=, 18 * 72 / 25.4);
        check_margins (path, margin);

        /* The long names are there, whole, escaped. */
        assert_contains (text, "Montgomery-Worthington");
        assert_contains (text, "& <Sons>");
        if (sheet)
          {
            assert_contains (text, "6. Lateral band walk");
            assert_contains (text, "Start here");
            assert_contains (text, "5 × (walk 3 min, jog 3 min)");
          }
        else
          {
            assert_contains (text, "Clinician overrides");
            assert_contains (text, "Classic history.");
            assert_contains (text, "Amendments");
            assert_contains (text, "corrected the calf raise count");
          }
        fixture_free (fixture);
      }
}

/* Text far longer than any page: cut with an ellipsis where it cannot
 * break, flowed over pages where it can; never past the margins. */
static void
test_huge_text (void)
{
  for (int sheet = 0; sheet <= 1; sheet++)
    {
      Fixture *fixture = fixture_new (FIXTURE_LONG, STRIDE_PAPER_A4);
      StrideVisit *visit = g_ptr_array_index (fixture->assessment->visits,
                                              fixture->assessment->visits->len - 1);
      StridePlanItem *item = g_ptr_array_index (fixture->plan->items, 0);
      StrideOverride *override = g_ptr_array_index (visit->overrides, 0);
      GString *huge = g_string_new (NULL);
      g_autoptr(StrideDocument) doc = NULL;
      g_autofree char *name = g_strdup_printf ("huge-%d.pdf", sheet);
      g_autofree char *path = NULL;

      for (int i = 0; i < 900; i++)
        g_string_append_printf (huge, "word%d ", i);
      g_string_append (huge, "Averyveryverylongwordwithoutanyspacesthatmustbreaksomewhereinthemiddle"
                             "becauseitiswiderthanthewholecolumnofthetableandthepage");

      g_free (override->reason);
      override->reason = g_strdup (huge->str);
      g_free (visit->notes);
      visit->notes = g_strdup (huge->str);
      g_free (item->note);
      item->note = g_strdup (huge->str);
      g_free (fixture->assessment->patient->name);
      fixture->assessment->patient->name = g_strndup (huge->str, 400);
      fixture->input.clinic.contact = "12 High Street\nSpringfield\n01234 567890";

      doc = sheet ? stride_sheet_build (&fixture->input) : stride_report_build (&fixture->input);
      path = write_pdf (doc, name);
      check_margins (path, 15 * 72 / 25.4);
      g_string_free (huge, TRUE);
      fixture_free (fixture);
    }
}

static void
test_table_header_repeats (void)
{
  g_autoptr(StrideDocument) doc = stride_document_new (STRIDE_PAPER_A4, 10);
  StrideTable *table;
  g_autofree char *path = NULL;
  int pages;

  stride_document_add_heading (doc, 1, "A long table");
  table = stride_document_add_table (doc, 3);
  stride_table_set_column (table, 0, "Name column", 2, STRIDE_ALIGN_LEFT);
  stride_table_set_column (table, 1, "Value column", 1, STRIDE_ALIGN_RIGHT);
  stride_table_set_column (table, 2, "Note column", 3, STRIDE_ALIGN_LEFT);
  for (int i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Row %d", i);
      g_autofree char *value = g_strdup_printf ("%d cm", i * 3);
      const char *cells[] = { name, value, i % 7 == 0 ? "a note that wraps onto a second line "
                                                        "because it is long enough to need it"
                                                      : "short", NULL };

      stride_table_add_row (table, cells);
    }
  path = write_pdf (doc, "table.pdf");
  pages = pdf_pages (path);
  g_assert_cmpint (pages, >=, 3);

  /* Every page of the table starts with its header row. */
  for (int p = 1; p <= pages; p++)
    {
      g_autofree char *text = pdf_text (path, p);

      assert_contains (text, "Name column Value column Note column");
    }
  check_margins (path, 15 * 72 / 25.4);
}

static void
test_history_20 (void)
{
  Fixture *fixture;
  g_autoptr(StrideDocument) doc = build (FIXTURE_HISTORY_20, STRIDE_PAPER_A4, FALSE, &fixture);
  g_autofree char *path = write_pdf (doc, "history20.pdf");
  g_autofree char *text = pdf_text (path, 0);

  /* Every visit is in the table, the changes of 2 points or more marked. */
  for (guint i = 0; i < fixture->assessment->visits->len; i++)
    {
      StrideVisit *visit = g_ptr_array_index (fixture->assessment->visits, i);
      g_autofree char *date = stride_report_format_short_date (&visit->date);

      assert_contains (text, date);
    }
  assert_contains (text, "7 ▲+5 5 ▲+5");
  assert_contains (text, "LSI: Isometric quadriceps strength");
  check_margins (path, 15 * 72 / 25.4);
  fixture_free (fixture);
}

/* Body text on the patient's sheet is at least 12 pt: the words' boxes are
 * at least the line height of 12 pt Open Sans (1.36 em). */
static void
test_sheet_body_size (void)
{
  Fixture *fixture;
  g_autoptr(StrideDocument) doc = build (FIXTURE_TYPICAL, STRIDE_PAPER_A4, TRUE, &fixture);
  g_autofree char *path = write_pdf (doc, "body-size.pdf");
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *html = run_tool (argv);
  /* A step, a caution, a warning sign, the pain rule, the running plan. */
  const char *words[] = { "Slide", "Take", "becomes", "next-morning", "usual", NULL };

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" "
                                                  "yMax=\"([0-9.]+)\">%s<", words[i]);
      g_autoptr(GRegex) re = g_regex_new (pattern, 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      guint found = 0;

      g_regex_match (re, html, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *y0 = g_match_info_fetch (match, 1);
          g_autofree char *y1 = g_match_info_fetch (match, 2);
          double height = g_ascii_strtod (y1, NULL) - g_ascii_strtod (y0, NULL);

          if (height < 12 * 1.36 - 0.1)
            g_error ("“%s” is set at about %.1f pt, under 12 pt", words[i], height / 1.36);
          found++;
          g_match_info_next (match, NULL);
        }
      if (found == 0)
        g_error ("“%s” not found on the sheet", words[i]);
    }
  fixture_free (fixture);
}

static int
page_of (const char *path,
         int         pages,
         const char *needle)
{
  for (int p = 1; p <= pages; p++)
    {
      g_autofree char *text = pdf_text (path, p);

      if (strstr (text, needle) != NULL)
        return p;
    }
  return 0;
}

/* Walk a heading, a box and a card down the page one line at a time: none
 * is ever split or left at the foot of a page without what follows it. */
static void
test_keep_together (void)
{
  gboolean crossed = FALSE;

  for (int filler = 30; filler <= 62; filler += 2)
    {
      g_autoptr(StrideDocument) doc = stride_document_new (STRIDE_PAPER_A4, 10);
      const char *box[] = { "Box line one.", "Box line two.", "Box line three.", "Box end.",
                            NULL };
      const char *steps[] = { "Step one.", "Step two.", NULL };
      StrideCard card = { 0 };
      g_autofree char *name = g_strdup_printf ("keep-%d.pdf", filler);
      g_autofree char *path = NULL;
      int pages;

      for (int i = 0; i < filler; i++)
        {
          g_autofree char *line = g_strdup_printf ("Filler line %d.", i);

          stride_document_add_text (doc, line, NULL);
        }
      stride_document_add_heading (doc, 1, "Lonely heading");
      stride_document_add_text (doc, "Text under the heading.", NULL);
      stride_document_add_box (doc, STRIDE_TONE_INFO, 1, "Box title", 0, box, 0);
      card.title = "Card title";
      card.steps = steps;
      card.dose_markup = "<b>Card dose</b>";
      card.figure_width = 130;
      card.figure_height = 110;
      stride_document_add_card (doc, &card);

      path = write_pdf (doc, name);
      pages = pdf_pages (path);
      g_assert_cmpint (pages, ==, (int) stride_document_get_n_pages (doc));
      g_assert_cmpint (page_of (path, pages, "Lonely heading"), ==,
                       page_of (path, pages, "Text under the heading."));
      g_assert_cmpint (page_of (path, pages, "Box title"), ==, page_of (path, pages, "Box end."));
      g_assert_cmpint (page_of (path, pages, "Card title"), ==,
                       page_of (path, pages, "Card dose"));
      if (page_of (path, pages, "Lonely heading") == 2)
        crossed = TRUE;
      check_margins (path, 15 * 72 / 25.4);
    }

  /* The walk did reach the page break. */
  g_assert_true (crossed);
}

static void
test_draw_page_any_context (void)
{
  Fixture *fixture;
  g_autoptr(StrideDocument) doc = build (FIXTURE_TYPICAL, STRIDE_PAPER_A4, TRUE, &fixture);
  guint pages = stride_document_get_n_pages (doc);
  double width, height;

  /* A preview: an image surface at a scale, as the GUI draws it. */
  stride_document_get_page_size (doc, &width, &height);
  for (guint i = 0; i < pages; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                             (int) (width / 2), (int) (height / 2));
      cairo_t *cr = cairo_create (surface);
      unsigned char *data;
      int stride, dark = 0;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 0.5, 0.5);
      stride_document_draw_page (doc, cr, i);
      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < (int) (height / 2); y++)
        for (int x = 0; x < (int) (width / 2); x++)
          if ((data[y * stride + x * 4 + 1]) < 128)
            dark++;
      /* Something was drawn, and no large dark areas (toner). */
      g_assert_cmpint (dark, >, 1000);
      g_assert_cmpint (dark, <, (int) (width * height / 4 * 0.12));

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  fixture_free (fixture);
}

/* stride-cli opens a document's fonts ahead, on a thread, while it reads its
 * data: the lists it opens are the fonts the documents ask for, as they are
 * built and drawn. A font left out costs its time later; one too many costs
 * it for nothing. */
static void
test_preload_lists_the_fonts_in_use (void)
{
  for (int sheet = 0; sheet < 2; sheet++)
    {
      g_autoptr(GHashTable) preloaded = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
      g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTableIter iter;
      const char *name;

      stride_document_record_fonts (preloaded);
      if (sheet)
        stride_sheet_preload_fonts ();
      else
        stride_report_preload_fonts ();
      stride_document_record_fonts (used);
      for (FixtureKind kind = FIXTURE_TYPICAL; kind <= FIXTURE_HISTORY_20; kind++)
        {
          Fixture *fixture;
          g_autoptr(StrideDocument) doc = build (kind, STRIDE_PAPER_A4, sheet, &fixture);
          cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
          cairo_t *cr = cairo_create (surface);

          for (guint i = 0; i < stride_document_get_n_pages (doc); i++)
            stride_document_draw_page (doc, cr, i);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          fixture_free (fixture);
        }
      stride_document_record_fonts (NULL);

      g_hash_table_iter_init (&iter, used);
      while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
        if (!g_hash_table_contains (preloaded, name))
          g_error ("the %s uses “%s”, which its preload list lacks",
                   sheet ? "sheet" : "report", name);
      g_hash_table_iter_init (&iter, preloaded);
      while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
        if (!g_hash_table_contains (used, name))
          g_error ("the %s’s preload list opens “%s”, which no %s uses",
                   sheet ? "sheet" : "report", name, sheet ? "sheet" : "report");
    }
}

/* cairo 1.16 parses the outline's link positions with strtod: a locale with a
 * decimal comma once made every write fail. */
static void
test_write_in_decimal_comma_locale (void)
{
  Fixture *fixture;
  g_autoptr(StrideDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_free (saved);
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }
  doc = build (FIXTURE_TYPICAL, STRIDE_PAPER_A4, FALSE, &fixture);
  path = write_pdf (doc, "german.pdf");
  setlocale (LC_ALL, saved);
  g_free (saved);

  text = pdf_text (path, 0);
  assert_contains (text, "Triage");
  fixture_free (fixture);
}

/* The real pipeline on the engine's typical case: prepare, build, let go of
 * the input and the library, and the pages still draw (the preview draws
 * long after the documents were made). */
static void
test_real_pipeline (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("STRIDE_SOURCE_DIR"), "tests", "cases",
                                            "typical-pfp.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideProtocol) protocol = stride_protocol_load_default (&error);
  g_autoptr(StrideAssessment) assessment = NULL;
  StrideLibrary *library;
  StrideEducation *education;
  StrideReportInput input = { 0 };
  g_autoptr(StrideDocument) report = NULL;
  g_autoptr(StrideDocument) sheet = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  assessment = stride_document_read_file (path, protocol, &error);
  g_assert_no_error (error);
  library = stride_library_load_default (&error);
  g_assert_no_error (error);
  education = stride_education_load_default (&error);
  g_assert_no_error (error);

  g_assert_true (stride_report_input_prepare (&input, assessment, protocol, library, education,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (input.findings->len, ==, assessment->visits->len);
  g_assert_nonnull (input.plan);
  input.clinic.name = "Northside Physio";
  report = stride_report_build (&input);
  sheet = stride_sheet_build (&input);
  stride_report_input_clear (&input);
  g_object_unref (library);
  g_object_unref (education);

  for (guint i = 0; i < stride_document_get_n_pages (sheet); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 420);
      cairo_t *cr = cairo_create (surface);

      cairo_scale (cr, 0.5, 0.5);
      stride_document_draw_page (sheet, cr, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  out = write_pdf (sheet, "real-sheet.pdf");
  text = pdf_text (out, 0);
  assert_contains (text, "Your home exercise plan");
  assert_contains (text, "Take care:");
  g_free (out);
  g_free (text);
  out = write_pdf (report, "real-report.pdf");
  text = pdf_text (out, 0);
  assert_contains (text, "Patellofemoral pain");
  check_margins (out, 15 * 72 / 25.4);
}

static void
test_dose_in_words (void)
{
  g_autoptr(StridePlanItem) item = stride_plan_item_new ("x");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  item->sets = 3;
  item->reps = 10;
  item->frequency = g_strdup ("every-other-day");
  a = stride_report_dose_in_words (item);
  g_assert_cmpstr (a, ==, "3 sets of 10, every other day");

  item->reps = 0;
  item->sets = 1;
  item->seconds = 30;
  item->each_side = TRUE;
  g_free (item->frequency);
  item->frequency = g_strdup ("daily");
  b = stride_report_dose_in_words (item);
  g_assert_cmpstr (b, ==, "1 hold of 30 seconds on each leg, every day");

  item->sets = 0;
  item->seconds = 1200;
  item->each_side = FALSE;
  g_free (item->frequency);
  item->frequency = g_strdup ("3-per-week");
  c = stride_report_dose_in_words (item);
  g_assert_cmpstr (c, ==, "20 minutes, 3 times a week");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  stride_i18n_init ();

  tmp_dir = g_dir_make_tmp ("stride-report-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/report/report-content", test_report_content);
  g_test_add_func ("/report/red-flags-not-all-screened", test_report_red_flags_not_all_screened);
  g_test_add_func ("/report/page-text", test_page_text);
  g_test_add_func ("/report/sheet-content", test_sheet_content);
  g_test_add_func ("/report/sheet-body-size", test_sheet_body_size);
  g_test_add_func ("/report/urgent", test_urgent);
  g_test_add_func ("/report/emergency-referral-notice", test_emergency);
  g_test_add_func ("/report/referral-without-ambulance", test_referral_without_ambulance);
  g_test_add_func ("/report/page-sizes-and-metadata", test_page_sizes_and_metadata);
  g_test_add_func ("/report/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/report/reproducible", test_reproducible);
  g_test_add_func ("/report/outline", test_outline);
  g_test_add_func ("/report/long-visit-margins", test_long_visit_margins);
  g_test_add_func ("/report/huge-text", test_huge_text);
  g_test_add_func ("/report/table-header-repeats", test_table_header_repeats);
  g_test_add_func ("/report/history-20-visits", test_history_20);
  g_test_add_func ("/report/keep-together", test_keep_together);
  g_test_add_func ("/report/draw-page-any-context", test_draw_page_any_context);
  g_test_add_func ("/report/preload-lists-the-fonts-in-use", test_preload_lists_the_fonts_in_use);
  g_test_add_func ("/report/dose-in-words", test_dose_in_words);
  g_test_add_func ("/report/real-pipeline", test_real_pipeline);
  g_test_add_func ("/report/write-in-decimal-comma-locale", test_write_in_decimal_comma_locale);

  status = g_test_run ();

  if (g_getenv ("STRIDE_KEEP_PDFS") == NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (tmp_dir);
    }
  g_free (tmp_dir);
  return status;
}
