/* stride-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STRIDE_TYPE_PREFERENCES_WINDOW (stride_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (StridePreferencesWindow, stride_preferences_window,
                      STRIDE, PREFERENCES_WINDOW, AdwPreferencesWindow)

StridePreferencesWindow *stride_preferences_window_new (GSettings *settings);

G_END_DECLS
