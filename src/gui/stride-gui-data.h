/* stride-gui-data.h: the protocol and exercise library the screens share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-protocol.h"

G_BEGIN_DECLS

StrideProtocol *stride_gui_get_protocol (void);

const char     *stride_gui_item_group_title (const StrideItem *item);
char           *stride_gui_format_value (const StrideItem *item,
                                         const char       *value);

char           *stride_gui_format_value_plain (const StrideItem *item,
                                               const char       *value);

G_END_DECLS
