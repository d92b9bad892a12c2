/* fuzz-xml.c: libFuzzer target for the hardened reader itself, with every
 * shipped schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "stride-xml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char * const schemas[] = {
  "/io/github/stride/Stride/data/schemas/assessment.rng",
  "/io/github/stride/Stride/data/schemas/protocol.rng",
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;

  doc = stride_xml_read_bytes ("fuzz.xml", bytes, STRIDE_XML_DEFAULT_MAX_SIZE, &error);
  g_assert ((doc == NULL) != (error == NULL));
  if (doc == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (schemas); i++)
    {
      g_autoptr(GError) schema_error = NULL;

      if (!stride_xml_validate (doc, "fuzz.xml", schemas[i], &schema_error))
        g_assert (schema_error != NULL);
    }

  xmlFreeDoc (doc);
  return 0;
}
