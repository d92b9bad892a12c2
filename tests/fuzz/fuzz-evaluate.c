/* fuzz-evaluate.c: libFuzzer target for the clinical engine, fed through the
 * assessment document reader: any document the reader accepts is evaluated,
 * and the findings print as evaluate keys without a comma in any number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "stride-document.h"
#include "stride-engine.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static StrideProtocol *protocol;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideAssessment) assessment = NULL;
  g_autoptr(StrideFindings) findings = NULL;
  g_autoptr(GString) out = NULL;

  if (protocol == NULL)
    protocol = stride_protocol_load_default (NULL);
  g_assert (protocol != NULL);

  assessment = stride_document_read_bytes ("fuzz.xml", bytes, protocol, &error);
  if (assessment == NULL)
    return 0;

  findings = stride_engine_evaluate (protocol, assessment, &error);
  g_assert ((findings == NULL) != (error == NULL));
  if (findings == NULL)
    return 0;

  out = g_string_new (NULL);
  stride_engine_format_keys (findings, TRUE, out);
  stride_engine_format_extra_keys (findings, out);
  g_assert (strstr (out->str, "triage: ") == out->str);
  g_assert (findings->rtr->len == 8);

  return 0;
}
