/* test-library.c: the shipped exercise library and the loader's checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "stride-figure.h"
#include "stride-library.h"
#include "stride-xml.h"

static StrideLibrary *
load_shipped (void)
{
  g_autoptr(GError) error = NULL;
  StrideLibrary *library = stride_library_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

static void
test_shipped_loads (void)
{
  g_autoptr(StrideLibrary) library = load_shipped ();
  GPtrArray *exercises = stride_library_get_exercises (library);

  g_assert_cmpuint (exercises->len, >=, 40);
  g_assert_nonnull (stride_library_lookup (library, "wall-sit-60"));
  g_assert_nonnull (stride_library_lookup (library, "walk-run"));
  g_assert_null (stride_library_lookup (library, "no-such-exercise"));
}

/* Every field of rules §6 on every entry. */
static void
test_shipped_fields (void)
{
  g_autoptr(StrideLibrary) library = load_shipped ();
  GPtrArray *exercises = stride_library_get_exercises (library);

  for (guint i = 0; i < exercises->len; i++)
    {
      const StrideExercise *e = g_ptr_array_index (exercises, i);
      guint n_steps;

      g_test_message ("%s", e->id);
      g_assert_nonnull (e->name);
      g_assert_cmpstr (e->name, !=, "");
      g_assert_cmpuint (e->phases & ~(guint) 0xe, ==, 0);
      g_assert_cmpuint (e->phases, !=, 0);
      g_assert_cmpuint (g_strv_length (e->patterns), >=, 1);
      g_assert_cmpuint (g_strv_length (e->targets), >=, 1);
      g_assert_cmpuint (g_strv_length (e->equipment), >=, 1);
      g_assert_nonnull (e->load);
      g_assert_nonnull (e->frequency);
      g_assert_nonnull (e->dose_text);
      g_assert_cmpuint (strlen (e->dose_text), >, 5);
      /* A countable dose, except the programmes dosed by the running plan. */
      if (g_strcmp0 (e->load, "running") != 0 && g_strcmp0 (e->frequency, "within-runs") != 0)
        g_assert_true (e->reps > 0 || e->seconds > 0);
      n_steps = g_strv_length (e->steps);
      g_assert_cmpuint (n_steps, >=, 2);
      g_assert_cmpuint (n_steps, <=, 4);
      for (guint s = 0; s < n_steps; s++)
        g_assert_cmpuint (strlen (e->steps[s]), <, 160);
      g_assert_nonnull (e->caution);
      g_assert_cmpstr (e->caution, !=, "");
      g_assert_nonnull (e->figure);
      g_assert_nonnull (stride_figure_get_key_pose (e->figure));
    }
}

static gboolean
any (StrideLibrary *library,
     gboolean     (*match) (const StrideExercise *, const char *),
     const char    *what)
{
  GPtrArray *exercises = stride_library_get_exercises (library);

  for (guint i = 0; i < exercises->len; i++)
    {
      if (match (g_ptr_array_index (exercises, i), what))
        return TRUE;
    }
  return FALSE;
}

static gboolean
names_pattern (const StrideExercise *e,
               const char           *pattern)
{
  /* Named explicitly, not only through "all". */
  return g_strv_contains ((const char * const *) e->patterns, pattern);
}

static gboolean
has_load (const StrideExercise *e,
          const char           *load)
{
  return g_strcmp0 (e->load, load) == 0;
}

static void
test_shipped_coverage (void)
{
  g_autoptr(StrideLibrary) library = load_shipped ();
  GPtrArray *exercises = stride_library_get_exercises (library);
  const char *targets[] = {
    "quadriceps", "hip-abductors", "gluteals", "calf", "hamstrings", "trunk", "running-skill",
    "fitness", "patellar-tendon",
  };
  const char *patterns[] = { "PR-PFP", "PR-ITBS", "PR-PT", "PR-APOPHYSITIS" };
  const char *loads[] = { "isometric", "heavy-slow", "plyometric", "cross-training", "running",
                          "drill" };

  for (int phase = 1; phase <= 3; phase++)
    {
      guint n = 0;

      for (guint i = 0; i < exercises->len; i++)
        n += stride_exercise_in_phase (g_ptr_array_index (exercises, i), phase);
      g_test_message ("phase %d: %u exercises", phase, n);
      g_assert_cmpuint (n, >=, 10);
    }

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_test_message ("target %s", targets[i]);
      g_assert_true (any (library, stride_exercise_has_target, targets[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_test_message ("pattern %s", patterns[i]);
      g_assert_true (any (library, names_pattern, patterns[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    {
      g_test_message ("load %s", loads[i]);
      g_assert_true (any (library, has_load, loads[i]));
    }

  /* The pieces the planner names by id. */
  g_assert_nonnull (stride_library_lookup (library, "walk-run"));
  g_assert_nonnull (stride_library_lookup (library, "bike"));
  g_assert_nonnull (stride_library_lookup (library, "pool-run"));
  g_assert_nonnull (stride_library_lookup (library, "elliptical"));
}

/* An independent walk of every chain: each link resolves, and following
 * links from anywhere ends within as many steps as there are exercises. */
static void
test_shipped_chains (void)
{
  g_autoptr(StrideLibrary) library = load_shipped ();
  GPtrArray *exercises = stride_library_get_exercises (library);
  guint n_links = 0;

  for (guint i = 0; i < exercises->len; i++)
    {
      for (int pass = 0; pass < 2; pass++)
        {
          const StrideExercise *e = g_ptr_array_index (exercises, i);
          guint steps = 0;

          while (e != NULL)
            {
              const char *next = pass == 0 ? e->progression : e->regression;

              if (next == NULL)
                break;
              n_links++;
              e = stride_library_lookup (library, next);
              g_assert_nonnull (e);
              steps++;
              g_assert_cmpuint (steps, <=, exercises->len);
            }
        }
    }

  /* Links exist at all (a library with none would pass the loop above). */
  g_assert_cmpuint (n_links, >=, 30);
}

/* A progression and a regression should point at each other's level. */
static void
test_shipped_links_sensible (void)
{
  g_autoptr(StrideLibrary) library = load_shipped ();
  GPtrArray *exercises = stride_library_get_exercises (library);

  for (guint i = 0; i < exercises->len; i++)
    {
      const StrideExercise *e = g_ptr_array_index (exercises, i);

      g_assert_cmpstr (e->progression, !=, e->id);
      g_assert_cmpstr (e->regression, !=, e->id);
      if (e->progression != NULL && e->regression != NULL)
        g_assert_cmpstr (e->progression, !=, e->regression);
    }
}

/* No body point of any pose sinks below the floor line. */
static void
test_shipped_figures_above_floor (void)
{
  g_autoptr(StrideLibrary) library = load_shipped ();
  GPtrArray *exercises = stride_library_get_exercises (library);

  for (guint i = 0; i < exercises->len; i++)
    {
      const StrideExercise *e = g_ptr_array_index (exercises, i);

      if (!e->figure->floor)
        continue;
      for (guint p = 0; p < e->figure->poses->len; p++)
        {
          StrideFigureSkeleton skeleton;

          stride_figure_pose_compute (e->figure, g_ptr_array_index (e->figure->poses, p),
                                      &skeleton);
          for (int k = 0; k < STRIDE_N_POINTS; k++)
            {
              if (skeleton.y[k] < 0)
                g_test_message ("%s pose %u: %s at %.2f", e->id, p,
                                stride_figure_point_to_string (k), skeleton.y[k]);
              g_assert_cmpfloat (skeleton.y[k], >=, 0);
            }
        }
    }
}

/* The kinematics: a standing pose is upright and as tall as the proportions. */
static void
test_figure_kinematics (void)
{
  StrideFigure figure = { .view = STRIDE_FIGURE_VIEW_SIDE };
  StrideFigurePose pose = { .anchor = STRIDE_POINT_NEAR_ANKLE, .x = 0, .y = 1 };
  StrideFigureSkeleton s;

  stride_figure_pose_compute (&figure, &pose, &s);
  g_assert_cmpfloat_with_epsilon (s.x[STRIDE_POINT_PELVIS], 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.y[STRIDE_POINT_PELVIS],
                                  1 + STRIDE_FIGURE_THIGH + STRIDE_FIGURE_SHANK, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.y[STRIDE_POINT_NECK],
                                  s.y[STRIDE_POINT_PELVIS] + STRIDE_FIGURE_TRUNK, 1e-9);
  /* The foot points forwards, the heel is below the ankle. */
  g_assert_cmpfloat (s.x[STRIDE_POINT_NEAR_TOE], >, 1.5);
  g_assert_cmpfloat (s.y[STRIDE_POINT_NEAR_HEEL], <, 1);

  /* Hip and knee at 90 degrees: the thigh points forwards, the shin down. */
  pose.anchor = STRIDE_POINT_PELVIS;
  pose.y = 0;
  pose.hip[STRIDE_LIMB_NEAR] = 90;
  pose.knee[STRIDE_LIMB_NEAR] = 90;
  stride_figure_pose_compute (&figure, &pose, &s);
  g_assert_cmpfloat_with_epsilon (s.x[STRIDE_POINT_NEAR_KNEE], STRIDE_FIGURE_THIGH, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.y[STRIDE_POINT_NEAR_KNEE], 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.x[STRIDE_POINT_NEAR_ANKLE], STRIDE_FIGURE_THIGH, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.y[STRIDE_POINT_NEAR_ANKLE], -STRIDE_FIGURE_SHANK, 1e-9);

  /* The front view mirrors the far limbs: abduction spreads the legs apart. */
  figure.view = STRIDE_FIGURE_VIEW_FRONT;
  pose.hip[STRIDE_LIMB_NEAR] = pose.hip[STRIDE_LIMB_FAR] = 20;
  pose.knee[STRIDE_LIMB_NEAR] = 0;
  stride_figure_pose_compute (&figure, &pose, &s);
  g_assert_cmpfloat (s.x[STRIDE_POINT_NEAR_ANKLE], >, 1.5);
  g_assert_cmpfloat (s.x[STRIDE_POINT_FAR_ANKLE], <, -1.5);
  g_assert_cmpfloat_with_epsilon (s.y[STRIDE_POINT_NEAR_ANKLE], s.y[STRIDE_POINT_FAR_ANKLE], 1e-9);
}

static void
test_single_file_links_to_shipped (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (STRIDE_SOURCE_DIR, "data", "exercises",
                                            "phase-2.xml", NULL);
  g_autoptr(StrideLibrary) library = stride_library_new_from_file (path, &error);

  /* phase-2.xml links back to phase-1 exercises: those resolve in the shipped library. */
  g_assert_no_error (error);
  g_assert_nonnull (stride_library_lookup (library, "box-squat"));
  g_assert_null (stride_library_lookup (library, "quad-set"));
}

static void
test_files_make_the_shipped_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideLibrary) shipped = load_shipped ();
  g_autoptr(GDir) dir = NULL;
  g_autofree char *dir_path = g_build_filename (STRIDE_SOURCE_DIR, "data", "exercises", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(StrideLibrary) library = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".xml"))
        g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
    }
  g_ptr_array_add (paths, NULL);

  library = stride_library_new_from_files ((const char * const *) paths->pdata, &error);
  g_assert_no_error (error);
  /* Every file is in the resource: the same exercises either way. */
  g_assert_cmpuint (stride_library_get_exercises (library)->len, ==,
                    stride_library_get_exercises (shipped)->len);
}

static void
test_good_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "library", "good.xml",
                                                 NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(StrideLibrary) library = stride_library_new_from_files (paths, &error);
  const StrideExercise *b;

  g_assert_no_error (error);
  g_assert_cmpuint (stride_library_get_exercises (library)->len, ==, 3);
  b = stride_library_lookup (library, "b");
  g_assert_cmpstr (b->progression, ==, "c");
  g_assert_cmpstr (b->regression, ==, "a");
  g_assert_cmpint (b->sets, ==, 3);
  g_assert_cmpint (b->reps, ==, 10);
  g_assert_cmpstr (b->frequency, ==, "daily");
  g_assert_cmpstr (b->dose_text, ==, "3 sets of 10");
  g_assert_cmpstr (b->steps[1], ==, "Then that.");
  g_assert_true (stride_exercise_in_phase (b, 1));
  g_assert_false (stride_exercise_in_phase (b, 2));
  g_assert_true (stride_exercise_has_pattern (b, "PR-ITBS"));
}

typedef struct
{
  const char *file;
  int         code;
  const char *message;   /* after "PATH:" */
} BadCase;

static const BadCase bad_cases[] = {
  { "bad-duplicate.xml", STRIDE_XML_ERROR_INVALID,
    "17: exercise “a” appears twice (first at @PATH@:3)" },
  { "bad-dangling.xml", STRIDE_XML_ERROR_INVALID,
    "14: exercise “b”: progression “no-such-exercise” is not in the library" },
  { "bad-dangling-regression.xml", STRIDE_XML_ERROR_INVALID,
    "6: exercise “a”: regression “missing” is not in the library" },
  { "bad-circular.xml", STRIDE_XML_ERROR_INVALID,
    "6: circular progression chain: a → b → c → a" },
  { "bad-circular-regression.xml", STRIDE_XML_ERROR_INVALID,
    "6: circular regression chain: a → b → a" },
  { "bad-self-link.xml", STRIDE_XML_ERROR_INVALID,
    "6: circular progression chain: a → a" },
  { "bad-figure.xml", STRIDE_XML_ERROR_INVALID,
    "8: <pose> anchor=\"left-elbow\": not a body point" },
  { "bad-figure-number.xml", STRIDE_XML_ERROR_INVALID,
    "8: <pose> knee=\"lots\": expected a number from -360 to 360" },
  { "bad-figure-attribute.xml", STRIDE_XML_ERROR_INVALID,
    "8: <pose>: unknown attribute “kneee”" },
  { "bad-schema.xml", STRIDE_XML_ERROR_SCHEMA, NULL },
};

static void
test_bad_fixture (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "library", bad->file,
                                                 NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(StrideLibrary) library = stride_library_new_from_files (paths, &error);

  g_assert_null (library);
  g_assert_error (error, STRIDE_XML_ERROR, bad->code);
  g_test_message ("%s", error->message);
  if (bad->message != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (bad->message, "@PATH@", -1);
      g_autofree char *tail = g_strjoinv (path, parts);
      g_autofree char *expected = g_strdup_printf ("%s:%s", path, tail);

      g_assert_cmpstr (error->message, ==, expected);
    }
  else
    {
      /* Still FILE:LINE: message. */
      g_autofree char *prefix = g_strdup_printf ("%s:", path);

      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_true (g_ascii_isdigit (error->message[strlen (prefix)]));
    }

  /* The single-file entry point reports the same. */
  g_clear_error (&error);
  g_assert_null (stride_library_new_from_file (path, &error));
  g_assert_error (error, STRIDE_XML_ERROR, bad->code);
}

static void
test_default_shared (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideLibrary) a = stride_library_get_default (&error);
  g_autoptr(StrideLibrary) b = stride_library_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_assert_true (a == b);
  g_assert_cmpuint (stride_library_get_exercises (a)->len, >=, 40);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideLibrary) library = stride_library_new_from_file ("/nonexistent/library.xml",
                                                                   &error);

  g_assert_null (library);
  g_assert_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_IO);
}

static void
test_wrong_root (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("<protocol/>", 11);
  g_autoptr(StrideLibrary) library = stride_library_new_from_bytes ("x.xml", bytes, &error);

  g_assert_null (library);
  g_assert_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_ROOT);
  g_assert_true (g_str_has_prefix (error->message, "x.xml:1: "));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/library/shipped/loads", test_shipped_loads);
  g_test_add_func ("/library/shipped/fields", test_shipped_fields);
  g_test_add_func ("/library/shipped/coverage", test_shipped_coverage);
  g_test_add_func ("/library/shipped/no-dangling-or-circular-link", test_shipped_chains);
  g_test_add_func ("/library/shipped/links-sensible", test_shipped_links_sensible);
  g_test_add_func ("/library/shipped/figures-above-floor", test_shipped_figures_above_floor);
  g_test_add_func ("/library/figure-kinematics", test_figure_kinematics);
  g_test_add_func ("/library/single-file", test_single_file_links_to_shipped);
  g_test_add_func ("/library/files", test_files_make_the_shipped_library);
  g_test_add_func ("/library/good-fixture", test_good_fixture);
  g_test_add_func ("/library/wrong-root", test_wrong_root);
  g_test_add_func ("/library/missing-file", test_missing_file);
  g_test_add_func ("/library/default-shared", test_default_shared);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/library/bad/%s", bad_cases[i].file);

      g_test_add_data_func (name, &bad_cases[i], test_bad_fixture);
    }

  return g_test_run ();
}
