/* stride-cli-report.h: stride-cli report and stride-cli sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-cli.h"

G_BEGIN_DECLS

int stride_cli_report (const StrideCliGlobals  *globals,
                       int                      argc,
                       char                   **argv);
int stride_cli_sheet  (const StrideCliGlobals  *globals,
                       int                      argc,
                       char                   **argv);

G_END_DECLS
