/* store-test-util.h: deterministic visits for the store's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-store.h"

G_BEGIN_DECLS

StrideVisit           *store_test_make_visit   (guint                        seed);
StrideFindingsSummary *store_test_make_summary (guint                        seed);
gboolean               store_test_visits_equal (const StrideVisit           *a,
                                                const StrideVisit           *b,
                                                char                       **out_why);
void                   store_test_assert_visit_equal (const StrideVisit     *a,
                                                      const StrideVisit     *b);
char                  *store_test_make_tmp_dir (const char                  *name);
void                   store_test_remove_tree  (const char                  *path);

G_END_DECLS
