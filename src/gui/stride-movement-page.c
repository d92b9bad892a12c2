/* stride-movement-page.c: the movement tolerance step of an assessment
 *
 * The questions and their grouping live in ui/stride-movement-page.ui; the
 * rows take their wording and editors from the protocol.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-movement-page.h"

struct _StrideMovementPage
{
  StrideItemsPage parent_instance;
};

G_DEFINE_FINAL_TYPE (StrideMovementPage, stride_movement_page, STRIDE_TYPE_ITEMS_PAGE)

static void
stride_movement_page_class_init (StrideMovementPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/stride-movement-page.ui");
}

static void
stride_movement_page_init (StrideMovementPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
