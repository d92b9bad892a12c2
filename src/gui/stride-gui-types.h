/* stride-gui-types.h: registers the widget types that .ui files name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void stride_gui_ensure_types (void);

G_END_DECLS
