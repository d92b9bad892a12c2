/* stride-exercise-chooser.h: pick an exercise from the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STRIDE_TYPE_EXERCISE_CHOOSER (stride_exercise_chooser_get_type ())

G_DECLARE_FINAL_TYPE (StrideExerciseChooser, stride_exercise_chooser, STRIDE, EXERCISE_CHOOSER,
                      AdwWindow)

StrideExerciseChooser *stride_exercise_chooser_new        (int                    phase);
void                   stride_exercise_chooser_set_filter (StrideExerciseChooser *self,
                                                           const char            *text,
                                                           int                    phase,
                                                           const char            *target);
guint                  stride_exercise_chooser_get_n_shown (StrideExerciseChooser *self);
gboolean               stride_exercise_chooser_choose     (StrideExerciseChooser *self,
                                                           const char            *exercise_id);

G_END_DECLS
