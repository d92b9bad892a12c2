/* stride-gui-accessible.h: accessible names as a screen reader should hear them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  stride_gui_accessible_init            (void);
void  stride_gui_accessible_set_name        (GtkWidget  *widget,
                                             const char *name);
char *stride_gui_accessible_strip_mnemonic  (const char *text);

G_END_DECLS
