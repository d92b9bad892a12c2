/* report-fixtures.h: visits, findings and plans filled by hand, for the
 * report tests and the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-report.h"

G_BEGIN_DECLS

typedef enum
{
  FIXTURE_TYPICAL,     /* PFP, phase 2, 3 visits */
  FIXTURE_LONG,        /* long names, maximum plan, many flags, 8 visits */
  FIXTURE_URGENT,      /* RF-LOCKED: urgent, phase 1 only */
  FIXTURE_EMERGENCY,   /* RF-SEPTIC and RF-PE */
  FIXTURE_HISTORY_20,  /* 20 visits */
} FixtureKind;

typedef struct
{
  StrideAssessment      *assessment;
  GPtrArray             *findings;
  StridePlan            *plan;
  GPtrArray             *amendments;
  StrideReportInput      input;
} Fixture;

Fixture *fixture_new  (FixtureKind  kind,
                       StridePaper  paper);
void     fixture_free (Fixture     *fixture);

extern const StrideDocumentSources fixture_sources;

G_END_DECLS
