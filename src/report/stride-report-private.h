/* stride-report-private.h: helpers shared by the report and the sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-report.h"

G_BEGIN_DECLS

StrideVisit          *stride_report_current_visit    (const StrideReportInput *input);
StrideFindings       *stride_report_current_findings (const StrideReportInput *input);
const char           *stride_report_clinician        (const StrideReportInput *input);
char                 *stride_report_format_number    (double                   value);
char                 *stride_report_format_decimal   (double                   value,
                                                      int                      digits);
char                 *stride_report_format_lsi       (double                   lsi);
StrideTone            stride_report_triage_tone      (StrideTriage             triage);
const char           *stride_report_walkrun_stage    (int                      stage);
const StrideExercise *stride_report_lookup_exercise  (const StrideReportInput *input,
                                                      const char              *exercise_id);
gboolean              stride_report_lookup_education (const StrideReportInput *input,
                                                      const char              *education_id,
                                                      StrideEducationText     *out);
char                **stride_report_warning_signs    (const StrideReportInput *input);
void                  stride_report_setup_document   (StrideDocument          *doc,
                                                      const StrideReportInput *input,
                                                      const char              *title,
                                                      const char              *subject);

G_END_DECLS
