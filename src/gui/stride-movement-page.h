/* stride-movement-page.h: the movement tolerance step of an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-items-page.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_MOVEMENT_PAGE (stride_movement_page_get_type ())

G_DECLARE_FINAL_TYPE (StrideMovementPage, stride_movement_page, STRIDE, MOVEMENT_PAGE,
                      StrideItemsPage)

G_END_DECLS
