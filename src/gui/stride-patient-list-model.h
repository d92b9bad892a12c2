/* stride-patient-list-model.h: the patient list as row ids from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_PATIENT_LIST_MODEL (stride_patient_list_model_get_type ())

G_DECLARE_FINAL_TYPE (StridePatientListModel, stride_patient_list_model,
                      STRIDE, PATIENT_LIST_MODEL, GObject)

StridePatientListModel *stride_patient_list_model_new       (StrideStore            *store);
gboolean                stride_patient_list_model_set_query (StridePatientListModel *self,
                                                             const char             *query,
                                                             GError                **error);
const char             *stride_patient_list_model_get_query (StridePatientListModel *self);
gboolean                stride_patient_list_model_reload    (StridePatientListModel *self,
                                                             GError                **error);
gint64                  stride_patient_list_model_get_id    (StridePatientListModel *self,
                                                             guint                   position);

G_END_DECLS
