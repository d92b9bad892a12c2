/* fuzz-document.c: libFuzzer target for assessment documents and record
 * imports (the same reader), checked against the shipped protocol.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "stride-document.h"
#include "stride-protocol.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static StrideProtocol *protocol;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  StrideAssessment *assessment;

  if (protocol == NULL)
    protocol = stride_protocol_load_default (NULL);
  g_assert (protocol != NULL);

  assessment = stride_document_read_bytes ("fuzz.xml", bytes, protocol, &error);
  g_assert ((assessment == NULL) != (error == NULL));
  if (assessment != NULL)
    {
      /* What was read must write back out. */
      g_autofree char *text = stride_document_to_string (assessment, NULL);

      g_assert (text != NULL);
      stride_assessment_free (assessment);
    }

  return 0;
}
