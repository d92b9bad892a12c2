/* stride-load-page.c: the load sensitivity step of an assessment
 *
 * The questions and their grouping live in ui/stride-load-page.ui; the
 * rows take their wording and editors from the protocol.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-load-page.h"

struct _StrideLoadPage
{
  StrideItemsPage parent_instance;
};

G_DEFINE_FINAL_TYPE (StrideLoadPage, stride_load_page, STRIDE_TYPE_ITEMS_PAGE)

static void
stride_load_page_class_init (StrideLoadPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/stride-load-page.ui");
}

static void
stride_load_page_init (StrideLoadPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
