/* stride-patient-dialog.h: a new patient, or a patient's details edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stride-visit.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_PATIENT_DIALOG (stride_patient_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StridePatientDialog, stride_patient_dialog, STRIDE, PATIENT_DIALOG, AdwWindow)

StridePatientDialog *stride_patient_dialog_new         (const StridePatient *patient);
StridePatient       *stride_patient_dialog_get_patient (StridePatientDialog *self,
                                                        GError             **error);
void                 stride_patient_dialog_set_error   (StridePatientDialog *self,
                                                        const char          *message);
GtkWidget           *stride_patient_dialog_get_field   (StridePatientDialog *self,
                                                        const char          *name);

G_END_DECLS
