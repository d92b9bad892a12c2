/* stride-data.h: the core's run-time data (protocol, library, schemas, education)
 *
 * Compiled into stride-core as a GResource under STRIDE_DATA_RESOURCE_PREFIX.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STRIDE_DATA_RESOURCE_PREFIX "/io/github/stride/Stride/data/"

void    stride_data_ensure (void);
GBytes *stride_data_lookup (const char  *name,
                            GError     **error);

G_END_DECLS
