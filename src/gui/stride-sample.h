/* stride-sample.h: a sample patient with three visits, for a first start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-visit.h"

G_BEGIN_DECLS

StrideAssessment *stride_sample_assessment (const GDate *today);

G_END_DECLS
