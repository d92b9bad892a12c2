/* stride-visit-view.h: the steps of one visit, from history to documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stride-findings.h"
#include "stride-items-page.h"
#include "stride-visit.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_VISIT_VIEW (stride_visit_view_get_type ())

G_DECLARE_FINAL_TYPE (StrideVisitView, stride_visit_view, STRIDE, VISIT_VIEW, GtkWidget)

GtkWidget        *stride_visit_view_new              (void);
void              stride_visit_view_load             (StrideVisitView  *self,
                                                      StrideAssessment *assessment,
                                                      const char       *step);
StrideAssessment *stride_visit_view_get_assessment   (StrideVisitView  *self);
StrideVisit      *stride_visit_view_get_visit        (StrideVisitView  *self);
StrideFindings   *stride_visit_view_get_findings     (StrideVisitView  *self);
const char       *stride_visit_view_get_step         (StrideVisitView  *self);
void              stride_visit_view_set_step         (StrideVisitView  *self,
                                                      const char       *step);
StrideItemsPage  *stride_visit_view_get_items_page   (StrideVisitView  *self,
                                                      const char       *step);
GtkWidget        *stride_visit_view_get_page         (StrideVisitView  *self,
                                                      const char       *step);
guint             stride_visit_view_count_missing    (StrideVisitView  *self,
                                                      const char       *step);
gboolean          stride_visit_view_get_banner_shown (StrideVisitView  *self);
const char       *stride_visit_view_get_banner_text  (StrideVisitView  *self);
void              stride_visit_view_set_saved_text   (StrideVisitView  *self,
                                                      const char       *text);
void              stride_visit_view_visit_changed    (StrideVisitView  *self);
void              stride_visit_view_mark_final       (StrideVisitView  *self);
gboolean          stride_visit_view_is_amending      (StrideVisitView  *self);
void              stride_visit_view_end_amending     (StrideVisitView  *self);
void              stride_visit_view_set_amendments   (StrideVisitView  *self,
                                                      GPtrArray        *amendments);

const char * const *stride_visit_view_list_steps     (void);

G_END_DECLS
