/* stride-validate.h: check any Stride data file, told apart by its root element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STRIDE_FILE_KIND_UNKNOWN,
  STRIDE_FILE_KIND_PROTOCOL,      /* <protocol>: data/protocol/protocol.xml */
  STRIDE_FILE_KIND_LIBRARY,       /* <library>: a file of data/exercises/ */
  STRIDE_FILE_KIND_ASSESSMENT,    /* <assessment>: docs/assessment-format.md */
} StrideFileKind;

const char *stride_file_kind_to_string (StrideFileKind   kind);
gboolean    stride_validate_file       (const char      *path,
                                        StrideFileKind  *out_kind,
                                        GError         **error);

G_END_DECLS
