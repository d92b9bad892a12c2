/* stride-education.h: what the home sheet teaches (data/education.xml)
 *
 * The education points of rules §8 and the "See a doctor if…" warning signs
 * of rules §1, in plain patient words, translated on load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STRIDE_EDUCATION_NS "https://stride.github.io/ns/education/1"
#define STRIDE_EDUCATION_SCHEMA_RESOURCE "/io/github/stride/Stride/data/schemas/education.rng"

typedef struct
{
  char  *id;        /* "pain-is-a-guide" */
  char  *pattern;   /* (nullable) "PR-PFP" when only for that presentation */
  char  *title;     /* translated */
  char **texts;     /* translated paragraphs */
} StrideEducationPoint;

typedef struct
{
  char  *id;        /* "warn-hot-knee" */
  char **rules;     /* the red flags it stands for: "RF-SEPTIC" … */
  char  *text;      /* translated; follows "See a doctor if…" */
} StrideWarningSign;

#define STRIDE_TYPE_EDUCATION (stride_education_get_type ())

G_DECLARE_FINAL_TYPE (StrideEducation, stride_education, STRIDE, EDUCATION, GObject)

StrideEducation            *stride_education_load_default   (GError         **error);
StrideEducation            *stride_education_new_from_file  (const char      *path,
                                                             GError         **error);
StrideEducation            *stride_education_new_from_bytes (const char      *display_name,
                                                             GBytes          *bytes,
                                                             GError         **error);
const StrideEducationPoint *stride_education_lookup         (StrideEducation *self,
                                                             const char      *id);
GPtrArray                  *stride_education_get_points     (StrideEducation *self);
GPtrArray                  *stride_education_get_warnings   (StrideEducation *self);

G_END_DECLS
