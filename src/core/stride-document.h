/* stride-document.h: assessment documents (a patient and their visits as XML)
 *
 * The format is described in docs/assessment-format.md and its schema is
 * data/schemas/assessment.rng. Reading goes through the hardened reader
 * (stride-xml.h) and checks every answer against the protocol; errors are
 * in the STRIDE_XML_ERROR domain and read "FILE:LINE: message".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "stride-protocol.h"
#include "stride-visit.h"

G_BEGIN_DECLS

#define STRIDE_DOCUMENT_NAMESPACE "https://stride.github.io/ns/assessment/1"
#define STRIDE_DOCUMENT_VERSION   "1"
#define STRIDE_DOCUMENT_SCHEMA    "/io/github/stride/Stride/data/schemas/assessment.rng"

StrideAssessment *stride_document_read_file  (const char        *path,
                                              StrideProtocol    *protocol,
                                              GError           **error);
StrideAssessment *stride_document_read_bytes (const char        *display_name,
                                              GBytes            *bytes,
                                              StrideProtocol    *protocol,
                                              GError           **error);
char             *stride_document_to_string  (StrideAssessment  *assessment,
                                              GError           **error);
gboolean          stride_document_write_file (StrideAssessment  *assessment,
                                              const char        *path,
                                              GError           **error);

G_END_DECLS
