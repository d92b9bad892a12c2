/* test-education.c: the education texts and "See a doctor if…" signs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "stride-education.h"
#include "stride-xml.h"

/* Every red flag of rules §1, in the order of its table. */
static const char *const red_flags[] = {
  "RF-SEPTIC", "RF-NEUROVASC", "RF-COMPARTMENT", "RF-DVT", "RF-PE", "RF-DEFORMITY",
  "RF-EXTENSOR", "RF-OTTAWA", "RF-FRACTURE-LATE", "RF-LOCKED", "RF-HAEMARTHROSIS",
  "RF-INSTABILITY", "RF-BONE-STRESS", "RF-HIP-STRESS", "RF-SCFE", "RF-MALIGNANCY",
  "RF-INFLAMMATORY", "RF-EFFUSION", "RF-SEVERE", "RF-PERSISTENT",
};

/* The points of rules §8 the planner hands out. */
static const char *const points[] = {
  "pain-is-a-guide", "pain-rules", "pain-rules-pfp", "keep-moving", "keep-going",
  "load-spike", "rest-days", "terrain", "footwear", "cross-training", "growing-knees",
};

static StrideEducation *
load (void)
{
  g_autoptr(GError) error = NULL;
  StrideEducation *education = stride_education_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (education);
  return education;
}

static void
test_points (void)
{
  g_autoptr(StrideEducation) education = load ();
  const StrideEducationPoint *pfp;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      const StrideEducationPoint *point = stride_education_lookup (education, points[i]);

      g_test_message ("%s", points[i]);
      g_assert_nonnull (point);
      g_assert_cmpstr (point->title, !=, "");
      g_assert_cmpuint (g_strv_length (point->texts), >=, 1);
    }

  /* The zones and the next-morning rule, in patient words. */
  {
    const StrideEducationPoint *rules = stride_education_lookup (education, "pain-rules");
    g_autofree char *all = g_strjoinv (" ", rules->texts);

    g_assert_nonnull (strstr (all, "0 to 3 is safe"));
    g_assert_nonnull (strstr (all, "4 to 5 is acceptable"));
    g_assert_nonnull (strstr (all, "Above 5 is too much"));
    g_assert_nonnull (strstr (all, "next morning"));
  }

  pfp = stride_education_lookup (education, "pain-rules-pfp");
  g_assert_cmpstr (pfp->pattern, ==, "PR-PFP");
  {
    g_autofree char *all = g_strjoinv (" ", pfp->texts);

    /* The stricter rule: never above 5, back within an hour, aim below 2. */
    g_assert_nonnull (strstr (all, "never let it go above 5"));
    g_assert_nonnull (strstr (all, "within an hour"));
    g_assert_nonnull (strstr (all, "below 2"));
  }
  g_assert_cmpstr (stride_education_lookup (education, "growing-knees")->pattern, ==,
                   "PR-APOPHYSITIS");
  g_assert_null (stride_education_lookup (education, "no-such-point"));
}

/* Rules §7: the weekly "10 % rule" is not supported and is never printed. */
static void
test_no_weekly_ten_percent (void)
{
  g_autoptr(StrideEducation) education = load ();
  GPtrArray *all = stride_education_get_points (education);

  for (guint i = 0; i < all->len; i++)
    {
      const StrideEducationPoint *point = g_ptr_array_index (all, i);

      for (guint t = 0; point->texts[t] != NULL; t++)
        {
          g_autofree char *lower = g_utf8_strdown (point->texts[t], -1);

          g_assert_null (strstr (lower, "10%"));
          g_assert_null (strstr (lower, "10 %"));
          g_assert_null (strstr (lower, "ten percent"));
          g_assert_null (strstr (lower, "per week"));
          g_assert_null (strstr (lower, "weekly"));
        }
    }
}

static void
test_warnings_cover_every_red_flag (void)
{
  g_autoptr(StrideEducation) education = load ();
  GPtrArray *warnings = stride_education_get_warnings (education);

  g_assert_cmpuint (warnings->len, >=, 8);
  for (guint f = 0; f < G_N_ELEMENTS (red_flags); f++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < warnings->len && !found; i++)
        {
          const StrideWarningSign *sign = g_ptr_array_index (warnings, i);

          found = g_strv_contains ((const char * const *) sign->rules, red_flags[f]);
        }
      g_test_message ("%s", red_flags[f]);
      g_assert_true (found);
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      const StrideWarningSign *sign = g_ptr_array_index (warnings, i);

      g_assert_cmpuint (strlen (sign->text), >, 10);
      g_assert_cmpuint (strlen (sign->text), <, 200);
    }
}

static void
test_duplicate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "education",
                                                 "bad-duplicate.xml", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:7: “a” appears twice (first on line 3)",
                                               path);
  g_autoptr(StrideEducation) education = stride_education_new_from_file (path, &error);

  g_assert_null (education);
  g_assert_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/education/points", test_points);
  g_test_add_func ("/education/no-weekly-ten-percent", test_no_weekly_ten_percent);
  g_test_add_func ("/education/warnings-cover-every-red-flag", test_warnings_cover_every_red_flag);
  g_test_add_func ("/education/duplicate", test_duplicate);

  return g_test_run ();
}
