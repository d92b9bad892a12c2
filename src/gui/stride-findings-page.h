/* stride-findings-page.h: what the engine worked out, with the clinician's overrides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stride-entry-row.h"
#include "stride-findings.h"
#include "stride-visit.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_FINDINGS_PAGE (stride_findings_page_get_type ())

G_DECLARE_FINAL_TYPE (StrideFindingsPage, stride_findings_page, STRIDE, FINDINGS_PAGE,
                      AdwPreferencesPage)

void            stride_findings_page_update           (StrideFindingsPage *self,
                                                       StrideVisit        *visit,
                                                       StrideFindings     *findings);
const char     *stride_findings_page_get_error        (StrideFindingsPage *self);
char           *stride_findings_page_get_conclusions  (StrideFindingsPage *self);
AdwComboRow    *stride_findings_page_get_override_row (StrideFindingsPage *self,
                                                       const char         *what);
StrideEntryRow *stride_findings_page_get_reason_row   (StrideFindingsPage *self);

G_END_DECLS
