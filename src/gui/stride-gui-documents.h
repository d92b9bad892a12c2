/* stride-gui-documents.h: the report and the sheet of the visit on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-layout.h"
#include "stride-visit.h"

G_BEGIN_DECLS

gboolean stride_gui_build_documents (StrideAssessment  *assessment,
                                     GPtrArray         *amendments,
                                     StrideDocument   **out_report,
                                     StrideDocument   **out_sheet,
                                     GError           **error);

G_END_DECLS
