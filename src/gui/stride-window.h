/* stride-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stride-application.h"
#include "stride-patient-page.h"
#include "stride-store.h"
#include "stride-visit-view.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_WINDOW (stride_window_get_type ())

G_DECLARE_FINAL_TYPE (StrideWindow, stride_window, STRIDE, WINDOW, AdwApplicationWindow)

StrideWindow      *stride_window_new                (StrideApplication *application);
StrideStore       *stride_window_get_store          (StrideWindow      *self);
StrideVisitView   *stride_window_get_visit_view     (StrideWindow      *self);
StridePatientPage *stride_window_get_patient_page   (StrideWindow      *self);
GListModel        *stride_window_get_patients       (StrideWindow      *self);
gboolean           stride_window_show_patient       (StrideWindow      *self,
                                                     gint64             patient_id);
gint64             stride_window_add_sample_patient (StrideWindow      *self,
                                                     GError           **error);
gint64             stride_window_new_visit          (StrideWindow      *self,
                                                     gint64             patient_id,
                                                     StrideVisitKind    kind);
gboolean           stride_window_open_visit         (StrideWindow      *self,
                                                     gint64             visit_id,
                                                     const char        *step);
gboolean           stride_window_export_record      (StrideWindow      *self,
                                                     gint64             patient_id,
                                                     const char        *path,
                                                     GError           **error);
gint64             stride_window_import_record      (StrideWindow      *self,
                                                     const char        *path,
                                                     GError           **error);
void               stride_window_offer_import       (StrideWindow      *self,
                                                     const char        *path);
gboolean           stride_window_finalise_visit     (StrideWindow      *self,
                                                     GError           **error);
void               stride_window_reopen_store        (StrideWindow       *self);
guint              stride_window_amend_visit         (StrideWindow       *self,
                                                      const char         *reason,
                                                      GError            **error);
gboolean           stride_window_flush_draft        (StrideWindow      *self);
gboolean           stride_window_has_pending_save   (StrideWindow      *self);
const char        *stride_window_get_last_error     (StrideWindow      *self);

G_END_DECLS
