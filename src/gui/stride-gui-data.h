/* stride-gui-data.h: the protocol and exercise library the screens share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-education.h"
#include "stride-findings.h"
#include "stride-library.h"
#include "stride-protocol.h"
#include "stride-visit.h"

G_BEGIN_DECLS

StrideProtocol  *stride_gui_get_protocol  (void);
StrideLibrary   *stride_gui_get_library   (void);
StrideEducation *stride_gui_get_education (void);

const char     *stride_gui_item_group_title (const StrideItem *item);
char           *stride_gui_format_value (const StrideItem *item,
                                         const char       *value);

char           *stride_gui_format_value_plain (const StrideItem *item,
                                               const char       *value);

StrideFindings *stride_gui_evaluate           (StrideAssessment *assessment);
StridePlan     *stride_gui_suggest_plan       (StrideAssessment *assessment,
                                               StrideFindings   *findings);

G_END_DECLS
