/* stride-history-page.c: the history step of an assessment
 *
 * The questions and their grouping live in ui/stride-history-page.ui; the
 * rows take their wording and editors from the protocol.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-history-page.h"

struct _StrideHistoryPage
{
  StrideItemsPage parent_instance;
};

G_DEFINE_FINAL_TYPE (StrideHistoryPage, stride_history_page, STRIDE_TYPE_ITEMS_PAGE)

static void
stride_history_page_class_init (StrideHistoryPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/stride-history-page.ui");
}

static void
stride_history_page_init (StrideHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
