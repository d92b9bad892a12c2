/* stride-cli-evaluate.h: stride-cli evaluate FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-cli.h"

G_BEGIN_DECLS

int stride_cli_evaluate (const StrideCliGlobals  *globals,
                         int                      argc,
                         char                   **argv);

G_END_DECLS
