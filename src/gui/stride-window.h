/* stride-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stride-application.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_WINDOW (stride_window_get_type ())

G_DECLARE_FINAL_TYPE (StrideWindow, stride_window, STRIDE, WINDOW, AdwApplicationWindow)

StrideWindow *stride_window_new (StrideApplication *application);

G_END_DECLS
