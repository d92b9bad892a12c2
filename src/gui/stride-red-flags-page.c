/* stride-red-flags-page.c: the red flags step of an assessment
 *
 * The questions and their grouping live in ui/stride-red-flags-page.ui; the
 * rows take their wording and editors from the protocol.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-red-flags-page.h"

struct _StrideRedFlagsPage
{
  StrideItemsPage parent_instance;
};

G_DEFINE_FINAL_TYPE (StrideRedFlagsPage, stride_red_flags_page, STRIDE_TYPE_ITEMS_PAGE)

static void
stride_red_flags_page_class_init (StrideRedFlagsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/stride-red-flags-page.ui");
}

static void
stride_red_flags_page_init (StrideRedFlagsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
