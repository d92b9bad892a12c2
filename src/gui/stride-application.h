/* stride-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STRIDE_TYPE_APPLICATION (stride_application_get_type ())

G_DECLARE_FINAL_TYPE (StrideApplication, stride_application, STRIDE, APPLICATION, AdwApplication)

StrideApplication *stride_application_new              (void);
const char        *stride_application_get_database_path (StrideApplication *self);
GSettings         *stride_application_get_settings      (StrideApplication *self);

G_END_DECLS
