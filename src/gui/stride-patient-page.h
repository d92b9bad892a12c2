/* stride-patient-page.h: one patient: details, progress, visits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_PATIENT_PAGE (stride_patient_page_get_type ())

G_DECLARE_FINAL_TYPE (StridePatientPage, stride_patient_page, STRIDE, PATIENT_PAGE, GtkWidget)

gboolean       stride_patient_page_load           (StridePatientPage *self,
                                                   StrideStore       *store,
                                                   gint64             patient_id,
                                                   GError           **error);
gboolean       stride_patient_page_reload         (StridePatientPage *self,
                                                   GError           **error);
gint64         stride_patient_page_get_patient_id (StridePatientPage *self);
const StridePatient *stride_patient_page_get_patient (StridePatientPage *self);
GPtrArray     *stride_patient_page_get_history    (StridePatientPage *self);
guint          stride_patient_page_get_n_chart_series (StridePatientPage *self);

G_END_DECLS
