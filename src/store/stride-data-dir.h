/* stride-data-dir.h: where Stride keeps its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *stride_data_dir_default_path      (void);
char     *stride_data_dir_default_database  (void);
gboolean  stride_data_dir_ensure_parent     (const char  *file_path,
                                             GError     **error);

G_END_DECLS
