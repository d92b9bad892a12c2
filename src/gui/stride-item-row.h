/* stride-item-row.h: one protocol item as a row with its editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stride-answers.h"
#include "stride-protocol.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_ITEM_ROW (stride_item_row_get_type ())

G_DECLARE_FINAL_TYPE (StrideItemRow, stride_item_row, STRIDE, ITEM_ROW, AdwActionRow)

GtkWidget        *stride_item_row_new           (const char    *item_id);
const char       *stride_item_row_get_item_id   (StrideItemRow *self);
const StrideItem *stride_item_row_get_item      (StrideItemRow *self);
void              stride_item_row_set_answers   (StrideItemRow *self,
                                                 StrideAnswers *answers);
StrideAnswers    *stride_item_row_get_answers   (StrideItemRow *self);
void              stride_item_row_set_previous  (StrideItemRow *self,
                                                 StrideAnswers *previous);
gboolean          stride_item_row_is_answered   (StrideItemRow *self);
gboolean          stride_item_row_is_required   (StrideItemRow *self);
GtkWidget        *stride_item_row_get_editor    (StrideItemRow *self,
                                                 StrideSide     side);
const char       *stride_item_row_get_error     (StrideItemRow *self,
                                                 StrideSide     side);
const char       *stride_item_row_get_previous_text (StrideItemRow *self);
gboolean          stride_item_row_enter_text    (StrideItemRow *self,
                                                 StrideSide     side,
                                                 const char    *text);

G_END_DECLS
