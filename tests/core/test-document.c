/* test-document.c: assessment documents lose nothing on the way out and back
 * in (also under a German locale, which writes 1,5), and the documented
 * example reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "stride-document.h"
#include "stride-xml.h"

/* Text that tries everything a writer can get wrong. */
#define AWKWARD "Ärger & <Öl> \"quoted\" 'single' ]]> \t tab\r\nCRLF\nend  "

static StrideProtocol *
get_protocol (void)
{
  static StrideProtocol *protocol;

  if (protocol == NULL)
    {
      g_autoptr(GError) error = NULL;

      protocol = stride_protocol_load_default (&error);
      g_assert_no_error (error);
    }

  return protocol;
}

static StrideReason *
reason (const char *rule,
        const char *item,
        const char *text)
{
  return stride_reason_new (rule, item, text);
}

static StrideAssessment *
make_full_assessment (void)
{
  StrideAssessment *a = stride_assessment_new ();
  StridePatient *p = a->patient;
  StrideVisit *first = stride_visit_new ();
  StrideVisit *second = stride_visit_new ();
  StridePlan *plan = stride_plan_new ();
  StridePlanItem *item;

  p->id = g_strdup ("42");
  p->name = g_strdup ("Anna Müller-Lüdenscheidt & <Co>");
  g_date_set_dmy (&p->birth_date, 12, G_DATE_APRIL, 1990);
  p->sex = g_strdup ("female");
  p->language = g_strdup ("de");
  p->contact = g_strdup ("anna@example.org\n+49 30 1234567");
  p->notes = g_strdup (AWKWARD);

  first->id = g_strdup ("v1");
  g_date_set_dmy (&first->date, 10, G_DATE_NOVEMBER, 2026);
  first->kind = STRIDE_VISIT_INITIAL;
  first->status = STRIDE_VISIT_FINAL;
  first->clinician = g_strdup ("Dr. Ö. Example");
  stride_answers_set (first->answers, "involved-side", STRIDE_SIDE_NONE, "left");
  stride_answers_set (first->answers, "injury", STRIDE_SIDE_NONE, "no");
  stride_answers_set (first->answers, "running-now", STRIDE_SIDE_NONE, "yes");
  stride_answers_set (first->answers, "worst-pain", STRIDE_SIDE_NONE, "7");
  stride_answers_set (first->answers, "pain-at-rest", STRIDE_SIDE_NONE, "0");
  stride_answers_set (first->answers, "pain-limits-daily", STRIDE_SIDE_NONE, "no");
  stride_answers_set (first->answers, "night-pain", STRIDE_SIDE_NONE, "none");
  stride_answers_set (first->answers, "settle-time", STRIDE_SIDE_NONE, "1-24h");
  stride_answers_set (first->answers, "next-morning", STRIDE_SIDE_NONE, "same");
  g_ptr_array_add (a->visits, first);

  second->id = g_strdup ("v2");
  g_date_set_dmy (&second->date, 24, G_DATE_NOVEMBER, 2026);
  second->kind = STRIDE_VISIT_FOLLOW_UP;
  second->status = STRIDE_VISIT_DRAFT;
  stride_answers_set (second->answers, "worst-pain", STRIDE_SIDE_NONE, "4");
  stride_answers_set (second->answers, "onset-date", STRIDE_SIDE_NONE, "2026-09-30");
  stride_answers_set (second->answers, "pain-location", STRIDE_SIDE_NONE,
                      "around-kneecap lateral");
  stride_answers_set (second->answers, "weekly-distance", STRIDE_SIDE_NONE, "32.5");
  stride_answers_set (second->answers, "longest-run-30d", STRIDE_SIDE_NONE, "15");
  stride_answers_set (second->answers, "mt-quad-strength", STRIDE_SIDE_LEFT, "412.75");
  stride_answers_set (second->answers, "mt-quad-strength", STRIDE_SIDE_RIGHT, "388.5");
  stride_answers_set (second->answers, "mt-sls-reps", STRIDE_SIDE_LEFT, "9");
  stride_answers_set (second->answers, "mt-sls-reps", STRIDE_SIDE_RIGHT, "10");
  stride_answers_set (second->answers, "goals", STRIDE_SIDE_NONE, AWKWARD);
  g_ptr_array_add (second->overrides, stride_override_new ("phase", "2", "tolerates load well"));
  g_ptr_array_add (second->overrides, stride_override_new ("triage", "urgent", AWKWARD));
  g_ptr_array_add (second->overrides, stride_override_new ("presentation", "mixed PR-PFP PR-ITBS",
                                                         "both patterns fit"));

  item = stride_plan_item_new ("wall-sit-60");
  item->sets = 5;
  item->seconds = 45;
  item->frequency = g_strdup ("daily");
  item->note = g_strdup ("heavier & longer");
  g_ptr_array_add (item->reasons, reason ("PH-1", "worst-pain", "Pain 7/10 at worst."));
  g_ptr_array_add (plan->items, item);
  item = stride_plan_item_new ("step-down");
  item->sets = 3;
  item->reps = 12;
  item->each_side = TRUE;
  item->frequency = g_strdup ("3-per-week");
  g_ptr_array_add (plan->items, item);

  g_free (plan->running.rule_id);
  plan->running.rule_id = g_strdup ("RP-WALKRUN");
  plan->running.walkrun_stage = 3;
  plan->running.has_spike_limit = TRUE;
  plan->running.spike_limit_km = 16.5;
  plan->running.has_shortened = TRUE;
  plan->running.shortened_minutes = 22.5;
  plan->running.shortened_km = 1.0 / 3.0;   /* every digit must survive */
  plan->running.paused = TRUE;
  plan->running.detail = g_strdup ("stage 3: run 2 min, walk 1 min × 8");
  g_ptr_array_add (plan->running.advice, g_strdup ("flat-ground"));
  g_ptr_array_add (plan->running.advice, g_strdup ("cadence"));
  g_ptr_array_add (plan->running.reasons, reason ("RP-SPIKE", "longest-run-30d", "15 km × 1.1"));
  g_ptr_array_add (plan->running.reasons, reason ("RP-WALKRUN", NULL, ""));
  g_ptr_array_add (plan->education, g_strdup ("pain-is-a-guide"));
  g_ptr_array_add (plan->education, g_strdup ("load-and-rest"));
  g_date_set_dmy (&plan->next_review, 8, G_DATE_DECEMBER, 2026);
  plan->maintenance = TRUE;
  plan->edited = TRUE;
  second->plan = plan;
  second->notes = g_strdup ("");
  g_ptr_array_add (a->visits, second);

  return a;
}

static void
assert_dates_equal (const GDate *a,
                    const GDate *b)
{
  g_assert_cmpint (g_date_valid (a), ==, g_date_valid (b));
  if (g_date_valid (a))
    g_assert_cmpint (g_date_compare (a, b), ==, 0);
}

static void
assert_reasons_equal (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const StrideReason *ra = g_ptr_array_index (a, i);
      const StrideReason *rb = g_ptr_array_index (b, i);

      g_assert_cmpstr (ra->rule_id, ==, rb->rule_id);
      g_assert_cmpstr (ra->item, ==, rb->item);
      g_assert_cmpstr (ra->text, ==, rb->text);
    }
}

static void
assert_assessments_equal (StrideAssessment *a,
                          StrideAssessment *b)
{
  g_assert_cmpstr (a->patient->id, ==, b->patient->id);
  g_assert_cmpstr (a->patient->name, ==, b->patient->name);
  assert_dates_equal (&a->patient->birth_date, &b->patient->birth_date);
  g_assert_cmpstr (a->patient->sex, ==, b->patient->sex);
  g_assert_cmpstr (a->patient->language, ==, b->patient->language);
  g_assert_cmpstr (a->patient->contact, ==, b->patient->contact);
  g_assert_cmpstr (a->patient->notes, ==, b->patient->notes);

  g_assert_cmpuint (a->visits->len, ==, b->visits->len);
  for (guint i = 0; i < a->visits->len; i++)
    {
      StrideVisit *va = g_ptr_array_index (a->visits, i);
      StrideVisit *vb = g_ptr_array_index (b->visits, i);

      g_assert_cmpstr (va->id, ==, vb->id);
      assert_dates_equal (&va->date, &vb->date);
      g_assert_cmpint (va->kind, ==, vb->kind);
      g_assert_cmpint (va->status, ==, vb->status);
      g_assert_cmpstr (va->clinician, ==, vb->clinician);
      g_assert_cmpstr (va->notes, ==, vb->notes);
      g_assert_true (stride_answers_equal (va->answers, vb->answers));

      g_assert_cmpuint (va->overrides->len, ==, vb->overrides->len);
      for (guint j = 0; j < va->overrides->len; j++)
        {
          const StrideOverride *oa = g_ptr_array_index (va->overrides, j);
          const StrideOverride *ob = g_ptr_array_index (vb->overrides, j);

          g_assert_cmpstr (oa->what, ==, ob->what);
          g_assert_cmpstr (oa->value, ==, ob->value);
          g_assert_cmpstr (oa->reason, ==, ob->reason);
        }

      g_assert_cmpint (va->plan != NULL, ==, vb->plan != NULL);
      if (va->plan != NULL)
        {
          g_assert_true (stride_plan_equal (va->plan, vb->plan));
          /* stride_plan_equal leaves out the reasons and compares doubles with ==. */
          assert_reasons_equal (va->plan->running.reasons, vb->plan->running.reasons);
          for (guint j = 0; j < va->plan->items->len; j++)
            {
              const StridePlanItem *ia = g_ptr_array_index (va->plan->items, j);
              const StridePlanItem *ib = g_ptr_array_index (vb->plan->items, j);

              assert_reasons_equal (ia->reasons, ib->reasons);
            }
        }
    }
}

static void
round_trip (void)
{
  g_autoptr(StrideAssessment) original = make_full_assessment ();
  g_autoptr(StrideAssessment) back = NULL;
  g_autoptr(StrideAssessment) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stride-doc-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "anna.xml", NULL);
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  g_autofree char *on_disk = NULL;
  GStatBuf st;

  g_assert_true (stride_document_write_file (original, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_test_message ("%s", on_disk);
  /* Numbers with a dot, whatever the locale. */
  g_assert_nonnull (strstr (on_disk, "spike-limit-km=\"16.5\""));
  g_assert_nonnull (strstr (on_disk, "shortened-minutes=\"22.5\""));
  g_assert_nonnull (strstr (on_disk, ">32.5</answer>"));
  g_assert_null (strstr (on_disk, "16,5"));

  back = stride_document_read_file (path, get_protocol (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  assert_assessments_equal (original, back);
  g_assert_cmpfloat (((StrideVisit *) g_ptr_array_index (back->visits, 1))->plan
                       ->running.shortened_km, ==, 1.0 / 3.0);

  /* Writing what was read gives the same bytes: the format is stable. */
  text = stride_document_to_string (original, &error);
  g_assert_no_error (error);
  text_again = stride_document_to_string (back, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, text_again);
  g_assert_cmpstr (text, ==, on_disk);

  /* Overwriting is atomic and keeps the mode. */
  g_assert_true (stride_document_write_file (back, path, &error));
  g_assert_no_error (error);
  again = stride_document_read_file (path, NULL, &error);
  g_assert_no_error (error);
  assert_assessments_equal (original, again);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_document_round_trip (void)
{
  round_trip ();
}

static void
test_document_round_trip_german (void)
{
  char buffer[32];
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  /* build-aux/test generates de_DE.UTF-8; without it this test proves nothing. */
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
  g_snprintf (buffer, sizeof buffer, "%.1f", 1.5);
  g_assert_cmpstr (buffer, ==, "1,5");

  round_trip ();
  setlocale (LC_ALL, saved);
}

static void
test_document_minimal (void)
{
  g_autoptr(StrideAssessment) original = stride_assessment_new ();
  g_autoptr(StrideAssessment) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  StrideVisit *visit = stride_visit_new ();
  char *text;

  /* Nothing optional: no patient fields, a draft with no answers and no plan. */
  visit->id = g_strdup ("1");
  g_date_set_dmy (&visit->date, 1, G_DATE_JANUARY, 2027);
  g_ptr_array_add (original->visits, visit);

  text = stride_document_to_string (original, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (text, strlen (text));
  back = stride_document_read_bytes ("minimal.xml", bytes, NULL, &error);
  g_assert_no_error (error);
  assert_assessments_equal (original, back);
  g_assert_null (back->patient->name);
  g_assert_null (((StrideVisit *) g_ptr_array_index (back->visits, 0))->plan);
}

static void
test_document_no_date (void)
{
  g_autoptr(StrideAssessment) a = stride_assessment_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stride-doc-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "undated.xml", NULL);
  StrideVisit *visit = stride_visit_new ();

  visit->id = g_strdup ("v1");
  g_ptr_array_add (a->visits, visit);
  g_assert_false (stride_document_write_file (a, path, &error));
  g_assert_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "visit “v1” has no date and cannot be written");
  /* Nothing was written. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A file Stride would refuse to read is not written, and an old file stays. */
static void
test_document_refuses_unreadable (void)
{
  g_autoptr(StrideAssessment) a = stride_assessment_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stride-doc-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.xml", NULL);
  g_autofree char *contents = NULL;
  StrideVisit *visit = stride_visit_new ();

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  visit->id = g_strdup ("v1");
  g_date_set_dmy (&visit->date, 1, G_DATE_JANUARY, 2027);
  stride_answers_set (visit->answers, "worst-pain", STRIDE_SIDE_NONE, "12");
  g_ptr_array_add (a->visits, visit);

  g_assert_false (stride_document_write_file (a, path, &error));
  g_assert_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "not written, it would not read back: "));
  g_assert_nonnull (strstr (error->message, "item “worst-pain”: “12” must be a whole number from 0 to 10"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_error (&error);

  /* An id the format does not allow. */
  stride_answers_set (visit->answers, "worst-pain", STRIDE_SIDE_NONE, "2");
  g_free (visit->id);
  visit->id = g_strdup ("visit one");
  g_assert_false (stride_document_write_file (a, path, &error));
  g_assert_nonnull (strstr (error->message, "attribute “id” of <visit>: “visit one”"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Control characters cannot be in XML 1.0: they become U+FFFD rather than
 * making a file that cannot be read back. */
static void
test_document_control_characters (void)
{
  g_autoptr(StrideAssessment) a = stride_assessment_new ();
  g_autoptr(StrideAssessment) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  StrideVisit *visit = stride_visit_new ();
  char *text;

  a->patient->notes = g_strdup ("bell\a escape\x1b bad\xff end");
  visit->id = g_strdup ("v1");
  g_date_set_dmy (&visit->date, 1, G_DATE_JANUARY, 2027);
  g_ptr_array_add (a->visits, visit);

  text = stride_document_to_string (a, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (text, strlen (text));
  back = stride_document_read_bytes ("control.xml", bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->patient->notes, ==, "bell\xef\xbf\xbd escape\xef\xbf\xbd bad\xef\xbf\xbd end");
}

/* The complete example of docs/assessment-format.md reads, with the answers it shows. */
static void
test_document_documented_example (void)
{
  g_autofree char *page_path = g_build_filename (g_getenv ("STRIDE_SOURCE_DIR"), "docs",
                                                 "assessment-format.md", NULL);
  g_autofree char *page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StrideAssessment) a = NULL;
  const char *start, *end;
  StrideVisit *current;

  g_assert_true (g_file_get_contents (page_path, &page, NULL, &error));
  g_assert_no_error (error);
  start = strstr (page, "<!-- complete example -->\n```xml\n");
  g_assert_nonnull (start);
  start = strchr (strchr (start, '\n') + 1, '\n') + 1;
  end = strstr (start, "```");
  g_assert_nonnull (end);

  bytes = g_bytes_new (start, (gsize) (end - start));
  a = stride_document_read_bytes ("assessment-format.md", bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->visits->len, ==, 2);
  current = stride_assessment_get_current (a);
  g_assert_cmpstr (current->id, ==, "v2");
  g_assert_cmpstr (stride_answers_get (current->answers, "mt-sls-reps", STRIDE_SIDE_LEFT), ==,
                   "8");
  g_assert_nonnull (current->plan);
  g_assert_cmpfloat (current->plan->running.spike_limit_km, ==, 16.5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/document/round-trip", test_document_round_trip);
  g_test_add_func ("/document/round-trip-german", test_document_round_trip_german);
  g_test_add_func ("/document/minimal", test_document_minimal);
  g_test_add_func ("/document/no-date", test_document_no_date);
  g_test_add_func ("/document/refuses-unreadable", test_document_refuses_unreadable);
  g_test_add_func ("/document/control-characters", test_document_control_characters);
  g_test_add_func ("/document/documented-example", test_document_documented_example);

  return g_test_run ();
}
