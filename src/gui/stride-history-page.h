/* stride-history-page.h: the history step of an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-items-page.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_HISTORY_PAGE (stride_history_page_get_type ())

G_DECLARE_FINAL_TYPE (StrideHistoryPage, stride_history_page, STRIDE, HISTORY_PAGE, StrideItemsPage)

G_END_DECLS
