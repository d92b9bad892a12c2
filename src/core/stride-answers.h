/* stride-answers.h: one visit's answers, keyed by protocol item and side
 *
 * Values are kept in their canonical text form, the same as in assessment
 * documents and the database:
 *   yes/no      "yes" or "no"
 *   scale       "0" … "10"
 *   number      g_ascii_dtostr() form, a dot as decimal separator
 *   choice      the choice id
 *   multi       the chosen ids, space-separated, in protocol order
 *   date        ISO 8601 "YYYY-MM-DD"
 *   text        free text
 * A missing answer means "not answered" / "not tested", never 0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "stride-types.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_ANSWERS (stride_answers_get_type ())

G_DECLARE_FINAL_TYPE (StrideAnswers, stride_answers, STRIDE, ANSWERS, GObject)

StrideAnswers *stride_answers_new          (void);
StrideAnswers *stride_answers_copy         (StrideAnswers  *self);
void           stride_answers_set          (StrideAnswers  *self,
                                            const char     *item,
                                            StrideSide      side,
                                            const char     *value);
void           stride_answers_unset        (StrideAnswers  *self,
                                            const char     *item,
                                            StrideSide      side);
const char    *stride_answers_get          (StrideAnswers  *self,
                                            const char     *item,
                                            StrideSide      side);
gboolean       stride_answers_has          (StrideAnswers  *self,
                                            const char     *item,
                                            StrideSide      side);
gboolean       stride_answers_get_bool     (StrideAnswers  *self,
                                            const char     *item,
                                            StrideSide      side,
                                            gboolean       *out_value);
gboolean       stride_answers_is_yes       (StrideAnswers  *self,
                                            const char     *item,
                                            StrideSide      side);
gboolean       stride_answers_get_number   (StrideAnswers  *self,
                                            const char     *item,
                                            StrideSide      side,
                                            double         *out_value);
gboolean       stride_answers_get_date     (StrideAnswers  *self,
                                            const char     *item,
                                            StrideSide      side,
                                            GDate          *out_date);
gboolean       stride_answers_has_choice   (StrideAnswers  *self,
                                            const char     *item,
                                            StrideSide      side,
                                            const char     *choice);
guint          stride_answers_get_size     (StrideAnswers  *self);
GPtrArray     *stride_answers_list_keys    (StrideAnswers  *self);
gboolean       stride_answers_equal        (StrideAnswers  *a,
                                            StrideAnswers  *b);

/* A key as listed by stride_answers_list_keys(): "item" or "item:left". */
char          *stride_answers_make_key     (const char     *item,
                                            StrideSide      side);
gboolean       stride_answers_split_key    (const char     *key,
                                            char          **out_item,
                                            StrideSide     *out_side);

G_END_DECLS
