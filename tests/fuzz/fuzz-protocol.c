/* fuzz-protocol.c: libFuzzer target for protocol files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "stride-protocol.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideProtocol) protocol = NULL;

  protocol = stride_protocol_new_from_bytes ("fuzz.xml", bytes, &error);
  g_assert ((protocol == NULL) != (error == NULL));

  return 0;
}
