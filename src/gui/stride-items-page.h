/* stride-items-page.h: a step of the assessment made of protocol items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stride-answers.h"
#include "stride-item-row.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_ITEMS_PAGE (stride_items_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (StrideItemsPage, stride_items_page, STRIDE, ITEMS_PAGE,
                          AdwPreferencesPage)

struct _StrideItemsPageClass
{
  AdwPreferencesPageClass parent_class;
};

const char    *stride_items_page_get_section      (StrideItemsPage *self);
void           stride_items_page_set_answers      (StrideItemsPage *self,
                                                   StrideAnswers   *answers,
                                                   StrideAnswers   *previous);
GPtrArray     *stride_items_page_get_rows         (StrideItemsPage *self);
StrideItemRow *stride_items_page_get_row          (StrideItemsPage *self,
                                                   const char      *item_id);
guint          stride_items_page_count_missing    (StrideItemsPage *self);
guint          stride_items_page_count_invalid    (StrideItemsPage *self);
guint          stride_items_page_count_unasked    (StrideItemsPage *self);
gboolean       stride_items_page_focus_first_missing (StrideItemsPage *self);
guint          stride_items_page_answer_rest_no      (StrideItemsPage *self);

void           stride_gui_widen_preferences_page     (GtkWidget       *widget);

G_END_DECLS
