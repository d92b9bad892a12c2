/* stride-library.h: the exercise library (data/exercises/, one file per group)
 *
 * CONTRACT (implemented by the library work): entries carry every field of
 * rules §6 and their illustration as data (stride-figure.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "stride-types.h"

G_BEGIN_DECLS

typedef struct _StrideFigure StrideFigure;   /* stride-figure.h */

typedef struct
{
  char          *id;            /* "wall-sit-60" */
  char          *name;          /* translated */
  guint          phases;        /* bit mask: 1 << 1 for phase 1, 1 << 2, 1 << 3 */
  char         **patterns;      /* "PR-PFP", "PR-ITBS", "PR-PT", "PR-APOPHYSITIS"; "all" */
  char         **targets;       /* "quadriceps", "hip-abductors", "gluteals", "calf",
                                   "hamstrings", "trunk", "running-skill", "fitness", … */
  char         **equipment;     /* "none", "wall", "step", "box", "band", … */
  int            sets, reps, seconds;  /* the default dose */
  gboolean       each_side;
  char          *frequency;     /* as StridePlanItem.frequency */
  char          *dose_text;     /* translated, the dose as the library words it */
  char          *progression;   /* (nullable) id */
  char          *regression;    /* (nullable) id */
  char         **steps;         /* translated, 2–4 short steps for the patient */
  char          *caution;       /* translated */
  StrideFigure  *figure;        /* the illustration */
  /* Added by the library work: */
  char          *load;          /* the kind of loading the planner reads: "isometric",
                                   "range", "strength", "heavy-slow", "decline",
                                   "plyometric", "drill", "cross-training", "running",
                                   "stretch" */
  char          *file;          /* the file it came from, for messages */
  guint          line;          /* its line there */
} StrideExercise;

#define STRIDE_TYPE_LIBRARY (stride_library_get_type ())

G_DECLARE_FINAL_TYPE (StrideLibrary, stride_library, STRIDE, LIBRARY, GObject)

StrideLibrary        *stride_library_load_default  (GError        **error);
StrideLibrary        *stride_library_new_from_file (const char     *path,
                                                    GError        **error);
const StrideExercise *stride_library_lookup        (StrideLibrary  *self,
                                                    const char     *exercise_id);
GPtrArray            *stride_library_get_exercises (StrideLibrary  *self);

/* Added by the library work. */
#define STRIDE_LIBRARY_NS "https://stride.github.io/ns/library/1"
#define STRIDE_LIBRARY_SCHEMA_RESOURCE "/io/github/stride/Stride/data/schemas/library.rng"

StrideLibrary        *stride_library_get_default    (GError       **error);
StrideLibrary        *stride_library_new_from_bytes (const char    *display_name,
                                                     GBytes        *bytes,
                                                     GError       **error);
StrideLibrary        *stride_library_new_from_files (const char * const *paths,
                                                     GError       **error);
gboolean              stride_exercise_in_phase     (const StrideExercise *exercise,
                                                    int             phase);
gboolean              stride_exercise_has_pattern  (const StrideExercise *exercise,
                                                    const char     *pattern);
gboolean              stride_exercise_has_target   (const StrideExercise *exercise,
                                                    const char     *target);

G_END_DECLS
