/* stride-patient-item.h: one row of the patient list, made when shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_PATIENT_ITEM (stride_patient_item_get_type ())

G_DECLARE_FINAL_TYPE (StridePatientItem, stride_patient_item, STRIDE, PATIENT_ITEM, GObject)

StridePatientItem *stride_patient_item_new         (StrideStore       *store,
                                                    gint64             id);
gint64             stride_patient_item_get_id      (StridePatientItem *self);
const char        *stride_patient_item_get_name    (StridePatientItem *self);
const char        *stride_patient_item_get_details (StridePatientItem *self);
gboolean           stride_patient_item_get_has_draft (StridePatientItem *self);

G_END_DECLS
