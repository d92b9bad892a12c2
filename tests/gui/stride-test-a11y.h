/* stride-test-a11y.h: accessibility assertions shared by the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

guint stride_test_assert_inputs_labelled (GtkWidget *root);
guint stride_test_assert_tab_stops_named (GtkWindow *window);
void  stride_test_require_display        (void);
void  stride_test_iterate_main_loop      (void);
char *stride_test_isolate_user_dirs     (void);
void  stride_test_reuse_user_dirs        (const char *root);

G_END_DECLS
