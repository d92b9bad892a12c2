/* stride-paper.h: paper sizes for printed documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STRIDE_PAPER_AUTOMATIC,
  STRIDE_PAPER_A4,
  STRIDE_PAPER_LETTER,
} StridePaper;

typedef struct
{
  double width_pt;
  double height_pt;
} StridePaperSize;

StridePaper      stride_paper_from_string   (const char   *name,
                                             GError      **error);
const char      *stride_paper_to_string     (StridePaper   paper);
StridePaper      stride_paper_resolve       (StridePaper   paper);
StridePaperSize  stride_paper_get_size      (StridePaper   paper);

G_END_DECLS
