/* stride-engine-history.h: the findings of every visit of an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-engine.h"

G_BEGIN_DECLS

GPtrArray *stride_engine_evaluate_each (StrideProtocol    *protocol,
                                        StrideAssessment  *assessment,
                                        GError           **error);

G_END_DECLS
