/* stride-process.h: settings of the running process that protect patient data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean stride_disable_core_dumps (void);

G_END_DECLS
