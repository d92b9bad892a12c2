/* stride-plan-page.h: the visit's plan: exercises, running, education, review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stride-findings.h"
#include "stride-visit.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_PLAN_PAGE (stride_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (StridePlanPage, stride_plan_page, STRIDE, PLAN_PAGE, AdwPreferencesPage)

void       stride_plan_page_update        (StridePlanPage *self,
                                           StrideVisit    *visit,
                                           StrideFindings *findings);
gboolean   stride_plan_page_add_exercise  (StridePlanPage *self,
                                           const char     *exercise_id);
GtkWidget *stride_plan_page_get_item_row  (StridePlanPage *self,
                                           guint           index);
GtkWidget *stride_plan_page_get_dose_spin (StridePlanPage *self,
                                           guint           index,
                                           const char     *which);
GtkWindow *stride_plan_page_get_chooser   (StridePlanPage *self);

G_END_DECLS
