/* store-test-util.c: deterministic visits for the store's tests
 *
 * A seed gives the same visit every time, so a process that only printed
 * the seed lets another check what was saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "store-test-util.h"

StrideVisit *
store_test_make_visit (guint seed)
{
  StrideVisit *visit = stride_visit_new ();
  GRand *rand = g_rand_new_with_seed (seed);
  guint n_answers = 5 + g_rand_int_range (rand, 0, 40);
  StridePlan *plan;

  g_date_set_dmy (&visit->date, 1 + seed % 28, 1 + seed % 12, 2020 + seed % 6);
  visit->kind = seed % 3 == 0 ? STRIDE_VISIT_INITIAL : STRIDE_VISIT_FOLLOW_UP;
  visit->clinician = g_strdup_printf ("Clinician %u", seed % 7);
  visit->notes = seed % 2 ? g_strdup_printf ("Notes for seed %u: “quoted”, ümlaut, 1.5 km", seed)
                          : NULL;

  for (guint i = 0; i < n_answers; i++)
    {
      g_autofree char *item = g_strdup_printf ("item.%u", g_rand_int_range (rand, 0, 60));
      g_autofree char *value = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 11));
      StrideSide side = (StrideSide) g_rand_int_range (rand, 0, 3);

      stride_answers_set (visit->answers, item, side, value);
    }
  stride_answers_set (visit->answers, "history.text", STRIDE_SIDE_NONE,
                      "Free text with ' and \" and ; -- and a\nnew line");

  if (seed % 4 == 1)
    g_ptr_array_add (visit->overrides, stride_override_new ("phase", "2", "clinical judgement"));
  if (seed % 5 == 2)
    g_ptr_array_add (visit->overrides, stride_override_new ("triage", "routine", "seen by GP"));

  if (seed % 3 != 2)
    {
      plan = stride_plan_new ();
      for (guint i = 0; i < 1 + seed % 4; i++)
        {
          g_autofree char *id = g_strdup_printf ("EX-%u", (seed + i) % 9);
          StridePlanItem *item = stride_plan_item_new (id);

          item->sets = 3;
          item->reps = 8 + (int) i;
          item->each_side = i % 2 == 0;
          item->frequency = g_strdup ("daily");
          item->note = i == 1 ? g_strdup ("heavier") : NULL;
          g_ptr_array_add (plan->items, item);
        }
      g_free (plan->running.rule_id);
      plan->running.rule_id = g_strdup (seed % 2 ? "RP-WALKRUN" : "RP-MODIFY");
      plan->running.walkrun_stage = seed % 2 ? 1 + (int) (seed % 5) : 0;
      plan->running.has_spike_limit = seed % 2 == 0;
      plan->running.spike_limit_km = seed % 2 == 0 ? 5.5 + seed % 10 : 0.0;
      plan->running.has_shortened = seed % 6 == 0;
      plan->running.shortened_minutes = seed % 6 == 0 ? 22.5 : 0.0;
      plan->running.shortened_km = seed % 6 == 0 ? 3.75 : 0.0;
      plan->running.paused = seed % 7 == 0;
      plan->running.detail = g_strdup_printf ("Run %u min", 10 + seed % 20);
      g_ptr_array_add (plan->running.advice, g_strdup ("flat-ground"));
      if (seed % 2)
        g_ptr_array_add (plan->running.advice, g_strdup ("cadence"));
      g_ptr_array_add (plan->education, g_strdup ("ED-LOAD"));
      g_ptr_array_add (plan->education, g_strdup ("ED-PAIN"));
      g_date_set_dmy (&plan->next_review, 1 + (seed + 14) % 28, 1 + seed % 12, 2026);
      plan->maintenance = seed % 11 == 0;
      plan->edited = seed % 2 == 0;
      visit->plan = plan;
    }

  g_rand_free (rand);
  return visit;
}

StrideFindingsSummary *
store_test_make_summary (guint seed)
{
  StrideFindingsSummary *summary = stride_findings_summary_new ();
  StrideSummaryTest *test;

  summary->has_worst_pain = TRUE;
  summary->worst_pain = seed % 11;
  summary->has_run_pain = seed % 2 == 0;
  summary->run_pain = seed % 2 == 0 ? (seed / 2) % 11 : 0.0;
  summary->has_irritability = TRUE;
  summary->irritability = (StrideIrritability) (seed % 3);
  summary->phase = (StridePhase) (seed % 4);
  summary->triage = (StrideTriage) (seed % 2);
  summary->rtr_total = 7;
  summary->rtr_met = seed % 8;

  test = stride_summary_test_new ("MT-SLS");
  test->tested[STRIDE_SIDE_LEFT] = TRUE;
  test->value[STRIDE_SIDE_LEFT] = 10 + seed % 15;
  test->tested[STRIDE_SIDE_RIGHT] = TRUE;
  test->value[STRIDE_SIDE_RIGHT] = 20;
  test->has_lsi = TRUE;
  test->lsi = test->value[STRIDE_SIDE_LEFT] / 20.0 * 100.0;
  g_ptr_array_add (summary->tests, test);

  test = stride_summary_test_new ("MT-HOP");
  test->tested[STRIDE_SIDE_LEFT] = seed % 2 == 0;
  test->value[STRIDE_SIDE_LEFT] = seed % 2 == 0 ? 92.5 : 0.0;
  g_ptr_array_add (summary->tests, test);

  return summary;
}

gboolean
store_test_visits_equal (const StrideVisit  *a,
                         const StrideVisit  *b,
                         char              **out_why)
{
  const char *why = NULL;

  if (g_date_valid (&a->date) != g_date_valid (&b->date)
      || (g_date_valid (&a->date) && g_date_compare (&a->date, &b->date) != 0))
    why = "date";
  else if (a->kind != b->kind)
    why = "kind";
  else if (g_strcmp0 (a->clinician, b->clinician) != 0)
    why = "clinician";
  else if (g_strcmp0 (a->notes, b->notes) != 0)
    why = "notes";
  else if (!stride_answers_equal (a->answers, b->answers))
    why = "answers";
  else if (a->overrides->len != b->overrides->len)
    why = "number of overrides";
  else if ((a->plan == NULL) != (b->plan == NULL)
           || (a->plan != NULL && !stride_plan_equal (a->plan, b->plan)))
    why = "plan";

  for (guint i = 0; why == NULL && i < a->overrides->len; i++)
    {
      const StrideOverride *oa = g_ptr_array_index (a->overrides, i);
      const StrideOverride *ob = g_ptr_array_index (b->overrides, i);

      if (g_strcmp0 (oa->what, ob->what) != 0 || g_strcmp0 (oa->value, ob->value) != 0
          || g_strcmp0 (oa->reason, ob->reason) != 0)
        why = "override";
    }

  if (out_why != NULL)
    *out_why = g_strdup (why);
  return why == NULL;
}

void
store_test_assert_visit_equal (const StrideVisit *a,
                               const StrideVisit *b)
{
  g_autofree char *why = NULL;

  if (!store_test_visits_equal (a, b, &why))
    g_error ("visits differ in their %s", why);
}

char *
store_test_make_tmp_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("stride-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_recursive (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_recursive (child);
          g_object_unref (info);
        }
    }

  g_file_delete (file, NULL, NULL);
}

void
store_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  remove_recursive (file);
}
