/* stride-red-flags-page.h: the red flags step of an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-items-page.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_RED_FLAGS_PAGE (stride_red_flags_page_get_type ())

G_DECLARE_FINAL_TYPE (StrideRedFlagsPage, stride_red_flags_page, STRIDE, RED_FLAGS_PAGE,
                      StrideItemsPage)

G_END_DECLS
