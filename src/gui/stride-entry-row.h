/* stride-entry-row.h: a titled row with a text field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STRIDE_TYPE_ENTRY_ROW (stride_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (StrideEntryRow, stride_entry_row, STRIDE, ENTRY_ROW, AdwActionRow)

GtkWidget *stride_entry_row_new            (void);
GtkWidget *stride_entry_row_get_entry      (StrideEntryRow *self);
void       stride_entry_row_set_error      (StrideEntryRow *self,
                                            const char     *message);

G_END_DECLS
