/* fuzz-document-roundtrip.c: any bytes given to the assessment document reader are
 * refused cleanly or read; whatever is read writes out and reads back the same
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stride-document.h"
#include "stride-xml.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static StrideProtocol *protocol;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  /* A critical or warning is a bug the fuzzer must report. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  protocol = stride_protocol_load_default (&error);
  if (protocol == NULL)
    g_error ("%s", error->message);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideAssessment) assessment = NULL;
  g_autoptr(StrideAssessment) again = NULL;
  g_autoptr(GBytes) written_bytes = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  assessment = stride_document_read_bytes ("fuzz.xml", bytes, protocol, &error);
  if (assessment == NULL)
    {
      /* Every refusal names the file. */
      if (error == NULL || !g_str_has_prefix (error->message, "fuzz.xml"))
        abort ();
      return 0;
    }

  written = stride_document_to_string (assessment, &error);
  if (written == NULL)
    abort ();

  written_bytes = g_bytes_new (written, strlen (written));
  again = stride_document_read_bytes ("written.xml", written_bytes, protocol, &error);
  if (again == NULL)
    {
      g_printerr ("written document refused: %s\n%s\n", error->message, written);
      abort ();
    }

  rewritten = stride_document_to_string (again, &error);
  if (rewritten == NULL || strcmp (written, rewritten) != 0)
    abort ();

  return 0;
}
