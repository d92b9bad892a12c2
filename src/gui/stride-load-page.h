/* stride-load-page.h: the load sensitivity step of an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-items-page.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_LOAD_PAGE (stride_load_page_get_type ())

G_DECLARE_FINAL_TYPE (StrideLoadPage, stride_load_page, STRIDE, LOAD_PAGE, StrideItemsPage)

G_END_DECLS
