/* test-cli-report.c: stride-cli report and stride-cli sheet, as a user runs
 * them, on the engine's fixture visits (tests/cases)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "stride-i18n.h"

static char *tmp_dir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

static void
run_argv (Run               *run,
          const char *const *argv,
          const char *const *env_extra)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int wait_status;

  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i += 2)
    env = g_environ_setenv (env, env_extra[i], env_extra[i + 1], TRUE);
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &run->out,
                     &run->err, &wait_status, &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
case_path (const char *name)
{
  return g_build_filename (g_getenv ("STRIDE_SOURCE_DIR"), "tests", "cases", name, NULL);
}

static char *
out_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Runs stride-cli with the arguments given and a fixed date. */
static void
cli (Run               *run,
     const char        *command,
     const char        *input,
     const char        *output,
     const char *const *more,
     const char *const *env)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("STRIDE_CLI"));
  g_ptr_array_add (argv, (char *) command);
  if (input != NULL)
    g_ptr_array_add (argv, (char *) input);
  if (output != NULL)
    {
      g_ptr_array_add (argv, (char *) "-o");
      g_ptr_array_add (argv, (char *) output);
    }
  g_ptr_array_add (argv, (char *) "--date");
  g_ptr_array_add (argv, (char *) "2026-11-24T10:00:00Z");
  for (guint i = 0; more != NULL && more[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) more[i]);
  g_ptr_array_add (argv, NULL);
  run_argv (run, (const char *const *) argv->pdata, env);
  g_ptr_array_free (argv, TRUE);
}

/* The text of page @page, or of every page when it is 0. */
static char *
pdf_page_text (const char *path,
               int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", number, "-l", number, path, "-", NULL };
  const char *all[] = { "pdftotext", "-layout", path, "-", NULL };
  Run run = { 0 };
  char *text;

  run_argv (&run, page > 0 ? argv : all, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = stride_i18n_collapse_space (run.out);
  run_clear (&run);
  return text;
}

static char *
pdf_text (const char *path)
{
  return pdf_page_text (path, 0);
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", "-isodates", path, NULL };
  Run run = { 0 };
  char *text;

  run_argv (&run, argv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = stride_i18n_collapse_space (run.out);
  run_clear (&run);
  return text;
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

static void
test_report_typical (void)
{
  g_autofree char *input = case_path ("typical-pfp.xml");
  g_autofree char *output = out_path ("typical-report.pdf");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *more[] = { "--clinic", "Northside Physio", "--clinic-contact",
                         "12 High Street, Springfield", "--paper", "a4", NULL };
  Run run = { 0 };

  cli (&run, "report", input, output, more, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  text = pdf_text (output);
  assert_contains (text, "Clinician report");
  assert_contains (text, "Anna Example");
  assert_contains (text, "No red flags: no referral needed");
  assert_contains (text, "Likely: Patellofemoral pain (PR-PFP)");
  assert_contains (text, "[LS-IRRITABILITY]");
  assert_contains (text, "Single-leg squat to 60°");
  assert_contains (text, "(involved)");
  assert_contains (text, "Phase 2: build capacity");
  assert_contains (text, "Modified running (RP-MODIFY)");
  assert_contains (text, "Northside Physio, 12 High Street, Springfield");

  info = pdf_info (output);
  assert_contains (info, "Author: Northside Physio");
  assert_contains (info, "Page size: 595.276 x 841.89 pts (A4)");
  assert_contains (info, "CreationDate: 2026-11-24T10:00:00Z");
}

/* The report of @name in tests/cases, as text; @more: extra options. */
static char *
case_report_text (const char        *name,
                  const char *const *more)
{
  g_autofree char *file = g_strdup_printf ("%s.xml", name);
  g_autofree char *input = case_path (file);
  g_autofree char *pdf = g_strdup_printf ("%s-report.pdf", name);
  g_autofree char *output = out_path (pdf);
  Run run = { 0 };

  cli (&run, "report", input, output, more, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  return pdf_text (output);
}

/* The headline is as urgent as the flags: RF-PE calls an ambulance, RF-SCFE
 * needs its X-ray the same day; `no running` shows beside `phase 1 only`. */
static void
test_report_triage_headline (void)
{
  g_autofree char *pe = case_report_text ("pe-ambulance", NULL);
  g_autofree char *scfe = case_report_text ("scfe-limp", NULL);
  g_autofree char *bone = case_report_text ("override-no-running", NULL);

  assert_contains (pe, "Emergency referral: call an ambulance now");
  assert_lacks (pe, "Emergency referral: same day");
  assert_contains (scfe, "Urgent referral: hip X-ray the same day");
  assert_lacks (scfe, "a doctor within days");
  assert_contains (scfe, "Plan restriction: no running; phase 1 only");
  assert_contains (scfe, "(RF-SCFE): urgent referral, restriction: no running; phase 1 only.");
  assert_contains (bone, "Plan restriction: no running; phase 1 only");
}

/* The German report of @name from the built catalogue, or NULL when the
 * catalogue or the locale is missing. */
static char *
case_report_text_de (const char *name)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "de", "LC_MESSAGES", "stride.mo", NULL);
  g_autofree char *file = g_strdup_printf ("%s.xml", name);
  g_autofree char *input = case_path (file);
  g_autofree char *pdf = g_strdup_printf ("%s-report-de.pdf", name);
  g_autofree char *output = out_path (pdf);
  const char *env[] = { "STRIDE_LOCALEDIR", localedir, "LC_ALL", "C.UTF-8", NULL };
  const char *more[] = { "--lang", "de", NULL };
  Run run = { 0 };

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    return NULL;
  cli (&run, "report", input, output, more, env);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  return pdf_text (output);
}

/* Overrides in words, with the value computed; no raw ids in any language. */
static void
test_report_overrides (void)
{
  g_autofree char *text = case_report_text ("override-no-running", NULL);
  g_autofree char *german = case_report_text_de ("override-no-running");

  assert_contains (text, "Overridden by the clinician: Routine referral (computed: Urgent "
                         "referral).");
  assert_contains (text, "Overridden by the clinician: Phase 2 (computed: Phase 1).");
  assert_contains (text, "What Computed Set to Reason");
  assert_contains (text, "Phase Phase 1 Phase 2 MRI clear");
  assert_contains (text, "Triage Urgent referral Routine referral MRI on");
  assert_contains (text, "No emergency or urgent red flag (not met)");
  assert_lacks (text, "red-flags");
  assert_lacks (text, "clinician: routine");

  if (german == NULL)
    {
      g_test_skip ("the German catalogue is not built");
      return;
    }
  assert_contains (german, "Vom Therapeuten geändert: Routineüberweisung");
  assert_lacks (german, "geändert: routine");
  assert_lacks (german, " phase 2 ");
  assert_lacks (german, " triage ");
  assert_lacks (german, "red-flags");
}

/* A reason the planner gives twice for one exercise is printed once: the
 * box squat's Why once repeated the PH-DONE sentence back to back. */
static void
test_report_reasons_once (void)
{
  g_autofree char *text = case_report_text ("phase-done", NULL);

  assert_contains (text, "Finished phase 3: keep up");
  assert_lacks (text, "back. [PH-DONE]; Finished phase 3");
  /* Nor twice in the Phase section, from the phase and the follow-up. */
  assert_contains (text, "Hold phase 3. [PH-FU]");
  assert_lacks (text, "Hold phase 3. [PH-FU] Hold phase 3.");
}

/* Rule ids in brackets stay on one line: never "[PH-" then "FU]". */
static void
test_report_rule_ids_unbroken (void)
{
  static const char *const cases[] = { "followup-progress", "phase-done", "override-no-running",
                                       "walk-run-back-stage", "scfe-limp", NULL };
  g_autoptr(GRegex) split = g_regex_new ("\\[[A-Z]+(-[A-Z0-9]+)*- ", 0, 0, NULL);

  for (guint i = 0; cases[i] != NULL; i++)
    {
      g_autofree char *text = case_report_text (cases[i], NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (split, text, 0, &match))
        {
          g_autofree char *found = g_match_info_fetch (match, 0);

          g_error ("%s: a rule id split across lines: “%s”", cases[i], found);
        }
    }
}

/* The running plan says each fact once, as a sentence: no lower-case
 * detail line repeating the stage, the limit or the advice. */
static void
test_report_running_facts_once (void)
{
  g_autofree char *walkrun = case_report_text ("walk-run-back-stage", NULL);
  g_autofree char *holds = case_report_text ("pt-volleyball", NULL);
  g_autofree char *done = case_report_text ("phase-done", NULL);
  g_autofree char *none = case_report_text ("override-no-running", NULL);

  assert_contains (walkrun, "Stage 2 of 5: 5 × (walk 3 min, jog 3 min)");
  assert_lacks (walkrun, "stage 2: 5 ×");
  assert_contains (holds, "Modified running (RP-MODIFY) Keep the current runs. No single run");
  assert_lacks (holds, "keep the current runs, on flat ground");
  assert_contains (done, "Walk-run finished: usual running again");
  assert_lacks (done, "usual running, within the spike limit");
  assert_lacks (done, "Stage 5 of 5");
  assert_lacks (none, "no running; cross-training");
}

/* Numbers as `stride-cli evaluate` prints them: running.detail's 2.25 km,
 * every LSI with one decimal. */
static void
test_report_numbers_agree (void)
{
  g_autofree char *text = case_report_text ("typical-pfp", NULL);
  g_autofree char *followup = case_report_text ("walk-run-back-stage", NULL);

  assert_contains (text, "Runs shortened to 15 min or 2.25 km");
  assert_contains (text, "50.0 %");
  assert_contains (text, "72.7 %");
  assert_contains (text, "88.0 %");
  assert_lacks (text, " 50 %");
  assert_lacks (text, " 88 %");
  assert_contains (followup, "75.0 % (MT-HOP)");
  assert_contains (followup, "83.3");
}

typedef struct
{
  double x0, y0, x1, y1;
  char  *text;
} Word;

static void
word_free (Word *word)
{
  g_free (word->text);
  g_free (word);
}

/* A chart's value labels keep clear of its dashed 90 % line: no label's box
 * holds the line's height (the middle of the "90 %" label beside it). */
static void
test_report_chart_labels_clear (void)
{
  g_autofree char *input = case_path ("walk-run-back-stage.xml");
  g_autofree char *output = out_path ("walk-run-back-stage-charts.pdf");
  const char *bbox[] = { "pdftotext", "-bbox", output, "-", NULL };
  g_autoptr(GRegex) word_re = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                           "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)"
                                           "</word>", 0, 0, NULL);
  g_auto(GStrv) pages = NULL;
  guint checked = 0;
  Run run = { 0 };

  cli (&run, "report", input, output, NULL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run_argv (&run, bbox, NULL);
  g_assert_cmpint (run.status, ==, 0);
  pages = g_strsplit (run.out, "<page ", -1);
  run_clear (&run);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (word_re, pages[p], 0, &match);
      while (g_match_info_matches (match))
        {
          Word *word = g_new0 (Word, 1);
          g_autofree char *x0 = g_match_info_fetch (match, 1);
          g_autofree char *y0 = g_match_info_fetch (match, 2);
          g_autofree char *x1 = g_match_info_fetch (match, 3);
          g_autofree char *y1 = g_match_info_fetch (match, 4);

          word->x0 = g_ascii_strtod (x0, NULL);
          word->y0 = g_ascii_strtod (y0, NULL);
          word->x1 = g_ascii_strtod (x1, NULL);
          word->y1 = g_ascii_strtod (y1, NULL);
          word->text = g_match_info_fetch (match, 5);
          g_ptr_array_add (words, word);
          g_match_info_next (match, NULL);
        }

      /* Each "90 %" label marks a chart's line, at its right. */
      for (guint i = 0; i + 1 < words->len; i++)
        {
          Word *ninety = g_ptr_array_index (words, i);
          Word *percent = g_ptr_array_index (words, i + 1);
          double line_y = (ninety->y0 + ninety->y1) / 2;

          if (g_strcmp0 (ninety->text, "90") != 0 || g_strcmp0 (percent->text, "%") != 0
              || fabs (percent->y0 - ninety->y0) > 0.5)
            continue;
          for (guint j = 0; j < words->len; j++)
            {
              Word *label = g_ptr_array_index (words, j);

              if (!g_regex_match_simple ("^[0-9]+\\.[0-9]$", label->text, 0, 0)
                  || label->x1 > ninety->x0 || label->x0 < ninety->x0 - 140
                  || fabs (label->y0 - ninety->y0) > 60)
                continue;
              checked++;
              if (label->y0 < line_y && label->y1 > line_y)
                g_error ("page %u: the value label “%s” (y %.1f–%.1f) crosses the 90 %% line "
                         "at y %.1f", p, label->text, label->y0, label->y1, line_y);
            }
        }
    }
  g_assert_cmpuint (checked, >, 0);
}

/* A follow-up's History shows the episode's items carried from the earlier
 * visit, marked so with its date, as the engine judged them. */
static void
test_report_carried_history (void)
{
  g_autofree char *text = case_report_text ("followup-progress", NULL);
  g_autofree char *initial = case_report_text ("typical-pfp", NULL);

  assert_contains (text, "Start of this episode of knee pain 15 September 2026 (carried from the "
                         "visit of 27 Oct 26)");
  assert_contains (text, "Painful knee Left (carried from the visit of 27 Oct 26)");
  assert_contains (text, "Pain location Around or behind the kneecap (carried from the visit of "
                         "27 Oct 26)");
  assert_contains (text, "Running at present yes");
  assert_lacks (text, "Running at present yes (carried");
  assert_lacks (initial, "carried from");
}

static void
test_sheet_typical_letter (void)
{
  g_autofree char *input = case_path ("typical-pfp.xml");
  g_autofree char *output = out_path ("typical-sheet.pdf");
  g_autofree char *again = out_path ("typical-sheet-again.pdf");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *bytes_a = NULL;
  g_autofree char *bytes_b = NULL;
  gsize len_a, len_b;
  const char *more[] = { "--paper", "letter", NULL };
  Run run = { 0 };

  cli (&run, "sheet", input, output, more, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  text = pdf_text (output);
  assert_contains (text, "Your home exercise plan");
  assert_contains (text, "Take care:");
  assert_contains (text, "every day");
  assert_contains (text, "See a doctor if…");
  assert_contains (text, "Fine");
  assert_lacks (text, "LS-MONITOR");
  info = pdf_info (output);
  assert_contains (info, "Page size: 612 x 792 pts (letter)");
  assert_contains (info, "Creator: Stride " PACKAGE_VERSION);

  /* The same input and date: the same bytes. */
  cli (&run, "sheet", input, again, more, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (output, &bytes_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (again, &bytes_b, &len_b, NULL));
  g_assert_cmpmem (bytes_a, len_a, bytes_b, len_b);
}

/* The text in reading order (pdftotext without -layout), which follows a
 * column down before the next: for boxes set in two columns. */
static char *
pdf_reading_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  Run run = { 0 };
  char *text;

  run_argv (&run, argv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = stride_i18n_collapse_space (run.out);
  run_clear (&run);
  return text;
}

static void
test_sheet_emergency (void)
{
  static const char *const cases[] = { "pe-ambulance.xml", "dvt.xml", "ottawa-55.xml",
                                       "septic-injection.xml", "override-triage-emergency.xml" };
  static const char *const langs[] = { "en", "de", "es" };
  static const char *const papers[] = { "a4", "letter" };
  g_autofree char *input = case_path ("pe-ambulance.xml");
  g_autofree char *output = out_path ("pe-sheet.pdf");
  g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po",
                                                 NULL);
  const char *env[] = { "STRIDE_LOCALEDIR", localedir, NULL };
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  Run run = { 0 };

  cli (&run, "sheet", input, output, NULL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* One page (documents.md): what to do now, then, as on every sheet
   * (rules §1), the warning signs end it. Its boxes are set in two
   * columns: read them in reading order. */
  info = pdf_info (output);
  assert_contains (info, "Pages: 1 ");
  text = pdf_reading_text (output);
  assert_contains (text, "Referral notice");
  assert_lacks (text, "Your exercises");
  assert_contains (text, "Call an ambulance now");
  assert_contains (text, "Where to go:");
  assert_contains (text, "Do not do any exercises or run until a doctor has seen you.");
  assert_contains (text, "See a doctor if…");
  g_assert_true (strstr (text, "See a doctor if…") > strstr (text, "Do not do any exercises"));
  g_assert_true (strstr (text, "If it cannot wait") > strstr (text, "See a doctor if…"));

  /* One page in every language and on both papers, with the clinic's
   * name and contact too. */
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        {
          g_autofree char *path = case_path (cases[c]);
          g_autofree char *name = g_strdup_printf ("notice-%u-%s-%s.pdf", c, langs[l],
                                                   papers[p]);
          g_autofree char *notice = out_path (name);
          g_autofree char *notice_info = NULL;
          const char *more[] = { "--lang", langs[l], "--paper", papers[p],
                                 "--clinic", "Northside Physio",
                                 "--clinic-contact", "12 High Street, Springfield", NULL };

          cli (&run, "sheet", path, notice, more, env);
          g_assert_cmpint (run.status, ==, 0);
          run_clear (&run);
          notice_info = pdf_info (notice);
          if (strstr (notice_info, "Pages: 1 ") == NULL)
            g_error ("%s (%s, %s): the referral notice is not one page", cases[c], langs[l],
                     papers[p]);
        }
}

/* A clinician who raises the triage to emergency sends the patient for
 * medical care today (rules §1): no programme is printed, not even the plan
 * kept before, and the sheet is a referral notice that still says what was
 * found and where to go, with no red flag to name. */
static void
test_triage_raised_to_emergency (void)
{
  g_autofree char *report = case_report_text ("override-triage-emergency", NULL);
  g_autofree char *input = case_path ("override-triage-emergency.xml");
  g_autofree char *output = out_path ("override-triage-emergency-sheet.pdf");
  g_autofree char *sheet = NULL;
  Run run = { 0 };

  assert_contains (report, "Emergency referral: same day");
  assert_contains (report, "No exercise programme: the emergency referral above comes first.");
  assert_contains (report, "The clinician raised the triage to an emergency referral");
  assert_lacks (report, "Edited by the clinician from the suggested plan.");
  assert_lacks (report, "Modified running");

  cli (&run, "sheet", input, output, NULL, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  sheet = pdf_reading_text (output);
  assert_contains (sheet, "Get medical care today");
  assert_contains (sheet, "Your physio found signs that a doctor needs to check today.");
  assert_contains (sheet, "Go to an emergency department today.");
  assert_lacks (sheet, "Your exercises");
}

/* Rules §2: with PR-PFP the stricter patellofemoral rule decides instead of
 * the general one; the sheet says one rule, the same in the pain scale's
 * caption, under it and in "Good to know". */
static void
test_sheet_one_pain_rule (void)
{
  g_autofree char *pfp_input = case_path ("both-knees.xml");
  g_autofree char *pfp_output = out_path ("both-knees-sheet.pdf");
  g_autofree char *general_input = case_path ("itbs-marathon.xml");
  g_autofree char *general_output = out_path ("itbs-marathon-sheet.pdf");
  g_autofree char *pfp = NULL;
  g_autofree char *general = NULL;
  Run run = { 0 };

  cli (&run, "sheet", pfp_input, pfp_output, NULL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  pfp = pdf_text (pfp_output);
  assert_contains (pfp, "The pain rules for pain around the kneecap");
  assert_contains (pfp, "back to normal within an hour");
  assert_lacks (pfp, "by next morning");
  assert_lacks (pfp, "By the next morning your knee should be back to how it usually is.");

  cli (&run, "sheet", general_input, general_output, NULL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  general = pdf_text (general_output);
  assert_contains (general, "By the next morning your knee should be back to how it usually is.");
  assert_lacks (general, "The pain rules for pain around the kneecap");
  assert_lacks (general, "within an hour");
}

/* Rules §7: the walk-run plan gives the RP-SPIKE single-run limit, as
 * evaluate and the report do, and says that volume comes back within it
 * after stage 5; PH-DONE's maintenance plan is said in plain words (§4). */
static void
test_sheet_walkrun_limit (void)
{
  static const struct { const char *name; const char *limit; } cases[] = {
    { "itbs-marathon.xml", "No run longer than 35.2 km." },
    { "walk-run-stage-5.xml", "No run longer than 5.5 km." },
    { "phase-done.xml", "No run longer than 13.2 km." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *input = case_path (cases[i].name);
      g_autofree char *name = g_strdup_printf ("walkrun-%u.pdf", i);
      g_autofree char *output = out_path (name);
      g_autofree char *text = NULL;
      Run run = { 0 };

      cli (&run, "sheet", input, output, NULL, NULL);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
      text = pdf_text (output);
      assert_contains (text, "Your running plan");
      assert_contains (text, cases[i].limit);
      assert_contains (text, "After stage 5, build up your runs slowly");
      if (g_str_equal (cases[i].name, "phase-done.xml"))
        {
          assert_contains (text, "twice a week for at least 3 more months");
          /* Finished: "Start here" is on the row after stage 5, not on 5. */
          assert_contains (text, "Start here");
          assert_lacks (text, "continuously Start here");
        }
      else
        assert_lacks (text, "You have finished the return-to-running programme.");
      if (g_str_equal (cases[i].name, "walk-run-stage-5.xml"))
        assert_contains (text, "continuously Start here");
    }
}

/* Rules §1: the urgent box says "only the gentle exercises" only when the
 * plan is held to phase 1; a routine referral is shown too, near the top. */
static void
test_sheet_referral_matches_plan (void)
{
  static const struct { const char *name; const char *says; const char *never; } cases[] = {
    { "inflammatory.xml",
      "Until then, you can go on with the exercises and the running plan below.",
      "only do the gentle exercises" },
    { "fracture-late.xml",
      "Until then, only do the gentle exercises below.", "running plan below" },
    { "persistent.xml", "Please see your doctor when you can", "only do the gentle exercises" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *input = case_path (cases[i].name);
      g_autofree char *name = g_strdup_printf ("referral-%u.pdf", i);
      g_autofree char *output = out_path (name);
      g_autofree char *first_page = NULL;
      Run run = { 0 };

      cli (&run, "sheet", input, output, NULL, NULL);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
      first_page = pdf_page_text (output, 1);
      assert_contains (first_page, cases[i].says);
      assert_lacks (first_page, cases[i].never);
      g_assert_true (strstr (first_page, cases[i].says) < strstr (first_page, "Your exercises"));
    }

  {
    g_autofree char *output = out_path ("referral-2.pdf");
    g_autofree char *first_page = pdf_page_text (output, 1);

    assert_contains (first_page, "Your knee has not got better as much as we hoped.");
    assert_contains (first_page, "This is not urgent.");
  }
}

/* Words whose boxes (pdftotext -bbox) intersect on one page: text drawn over
 * text. Returns a description of the first such pair, or NULL. */
static char *
pdf_overlapping_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autoptr(GRegex) word = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                        "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                        0, 0, NULL);
  g_auto(GStrv) pages = NULL;
  Run run = { 0 };
  char *found = NULL;

  run_argv (&run, argv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  pages = g_strsplit (run.out, "<page ", -1);
  for (guint p = 1; pages[p] != NULL && found == NULL; p++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double) * 4);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

      g_regex_match (word, pages[p], 0, &match);
      while (g_match_info_matches (match))
        {
          double box[4];

          for (int i = 0; i < 4; i++)
            {
              g_autofree char *number = g_match_info_fetch (match, i + 1);

              box[i] = g_ascii_strtod (number, NULL);
            }
          g_array_append_vals (boxes, box, 1);
          g_ptr_array_add (texts, g_match_info_fetch (match, 5));
          g_match_info_next (match, NULL);
        }
      for (guint i = 0; i < boxes->len && found == NULL; i++)
        for (guint j = i + 1; j < boxes->len && found == NULL; j++)
          {
            const double *a = (const double *) (boxes->data + i * sizeof (double) * 4);
            const double *b = (const double *) (boxes->data + j * sizeof (double) * 4);

            /* Half a point of tolerance for the glyphs' side bearings. */
            if (MIN (a[2], b[2]) - MAX (a[0], b[0]) > 0.5
                && MIN (a[3], b[3]) - MAX (a[1], b[1]) > 0.5)
              found = g_strdup_printf ("page %u: “%s” overlaps “%s”", p,
                                       (char *) g_ptr_array_index (texts, i),
                                       (char *) g_ptr_array_index (texts, j));
          }
    }
  run_clear (&run);
  return found;
}

/* The pain scale's captions never run into the text under the picture, in
 * any language or paper: the Spanish 4–5 caption wraps to four lines. */
static void
test_sheet_captions_fit (void)
{
  static const char *const cases[] = { "itbs-marathon.xml", "typical-pfp.xml" };
  static const char *const langs[] = { "en", "de", "es" };
  static const char *const papers[] = { "a4", "letter" };
  g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po",
                                                 NULL);
  const char *env[] = { "STRIDE_LOCALEDIR", localedir, NULL };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        {
          g_autofree char *input = case_path (cases[c]);
          g_autofree char *name = g_strdup_printf ("captions-%u-%s-%s.pdf", c, langs[l],
                                                   papers[p]);
          g_autofree char *output = out_path (name);
          g_autofree char *overlap = NULL;
          const char *more[] = { "--lang", langs[l], "--paper", papers[p], NULL };
          Run run = { 0 };

          cli (&run, "sheet", input, output, more, env);
          g_assert_cmpint (run.status, ==, 0);
          run_clear (&run);
          overlap = pdf_overlapping_words (output);
          if (overlap != NULL)
            g_error ("%s (%s, %s): %s", cases[c], langs[l], papers[p], overlap);
        }
}

static void
test_sheet_language (void)
{
  g_autofree char *input = case_path ("typical-pfp.xml");
  g_autofree char *output = out_path ("typical-sheet-de.pdf");
  g_autofree char *text = NULL;
  const char *more[] = { "--lang", "de", NULL };
  Run run = { 0 };

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      /* build-aux/test generates it; a bare machine may not have it. */
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }
  setlocale (LC_ALL, "");

  cli (&run, "sheet", input, output, more, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* The patient's language for the day names of the tick boxes. */
  text = pdf_text (output);
  assert_contains (text, "Mo Di Mi Do Fr Sa So");

  /* And for the words, from the built catalogue; a C.UTF-8 parent once kept
   * the child in English (GLib decides once per process whether to
   * translate). */
  {
    g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po",
                                                   NULL);
    g_autofree char *mo = g_build_filename (localedir, "de", "LC_MESSAGES", "stride.mo", NULL);
    const char *env[] = { "STRIDE_LOCALEDIR", localedir, "LC_ALL", "C.UTF-8", NULL };
    g_autofree char *german = NULL;

    if (g_file_test (mo, G_FILE_TEST_EXISTS))
      {
        cli (&run, "sheet", input, output, more, env);
        g_assert_cmpint (run.status, ==, 0);
        run_clear (&run);
        german = pdf_text (output);
        assert_contains (german, "Ihr Übungsplan für zu Hause");
        assert_lacks (german, "Your home exercise plan");
      }
  }
}

/* --db and --visit: print a visit kept in the database. */
static void
test_report_from_database (void)
{
  g_autofree char *input = case_path ("typical-pfp.xml");
  g_autofree char *db = out_path ("stride.db");
  g_autofree char *output = out_path ("db-report.pdf");
  g_autofree char *text = NULL;
  const char *import[] = { g_getenv ("STRIDE_CLI"), "--db", db, "import", input, NULL };
  const char *report[] = { g_getenv ("STRIDE_CLI"), "--db", db, "report", "--visit", "1",
                           "-o", output, "--date", "2026-11-24", NULL };
  const char *both[] = { g_getenv ("STRIDE_CLI"), "--db", db, "sheet", input, "--visit", "1",
                         "-o", output, NULL };
  const char *missing[] = { g_getenv ("STRIDE_CLI"), "--db", db, "sheet", "--visit", "99",
                            "-o", output, NULL };
  Run run = { 0 };

  run_argv (&run, import, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run_argv (&run, report, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  text = pdf_text (output);
  assert_contains (text, "Clinician report");
  assert_contains (text, "Anna Example");
  assert_contains (text, "Likely: Patellofemoral pain (PR-PFP)");

  run_argv (&run, both, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_argv (&run, missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "99");
  run_clear (&run);
}

static void
test_usage_errors (void)
{
  g_autofree char *input = case_path ("typical-pfp.xml");
  g_autofree char *output = out_path ("never.pdf");
  g_autofree char *missing = out_path ("no-such-file.xml");
  const char *bad_paper[] = { "--paper", "a5", NULL };
  const char *bad_date[] = { "--date", "yesterday", NULL };
  Run run = { 0 };

  /* No -o. */
  cli (&run, "sheet", input, NULL, NULL, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "-o FILE");
  run_clear (&run);

  cli (&run, "report", input, output, bad_paper, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "a5");
  run_clear (&run);

  cli (&run, "report", input, output, bad_date, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "yesterday");
  run_clear (&run);

  /* A missing document is bad input, named in the message. */
  cli (&run, "report", missing, output, NULL, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "no-such-file.xml");
  run_clear (&run);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmp_dir = g_dir_make_tmp ("stride-cli-report-XXXXXX", NULL);

  g_test_add_func ("/cli-report/report-typical", test_report_typical);
  g_test_add_func ("/cli-report/report-triage-headline", test_report_triage_headline);
  g_test_add_func ("/cli-report/report-overrides", test_report_overrides);
  g_test_add_func ("/cli-report/triage-raised-to-emergency", test_triage_raised_to_emergency);
  g_test_add_func ("/cli-report/report-reasons-once", test_report_reasons_once);
  g_test_add_func ("/cli-report/report-rule-ids-unbroken", test_report_rule_ids_unbroken);
  g_test_add_func ("/cli-report/report-running-facts-once", test_report_running_facts_once);
  g_test_add_func ("/cli-report/report-numbers-agree", test_report_numbers_agree);
  g_test_add_func ("/cli-report/report-chart-labels-clear", test_report_chart_labels_clear);
  g_test_add_func ("/cli-report/report-carried-history", test_report_carried_history);
  g_test_add_func ("/cli-report/sheet-typical-letter", test_sheet_typical_letter);
  g_test_add_func ("/cli-report/sheet-emergency", test_sheet_emergency);
  g_test_add_func ("/cli-report/sheet-one-pain-rule", test_sheet_one_pain_rule);
  g_test_add_func ("/cli-report/sheet-walkrun-limit", test_sheet_walkrun_limit);
  g_test_add_func ("/cli-report/sheet-referral-matches-plan", test_sheet_referral_matches_plan);
  g_test_add_func ("/cli-report/sheet-captions-fit", test_sheet_captions_fit);
  g_test_add_func ("/cli-report/sheet-language", test_sheet_language);
  g_test_add_func ("/cli-report/report-from-database", test_report_from_database);
  g_test_add_func ("/cli-report/usage-errors", test_usage_errors);

  status = g_test_run ();

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
