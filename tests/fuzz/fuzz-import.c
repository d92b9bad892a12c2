/* fuzz-import.c: libFuzzer target for importing a patient record (an
 * assessment document) into the database: the document reader, then the
 * store's all-or-nothing import, which must never leave a half patient.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <glib/gstdio.h>

#include "stride-document.h"
#include "stride-protocol.h"
#include "stride-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static StrideStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stride-fuzz-import-XXXXXX", &error);
  g_autofree char *path = NULL;
  StrideStore *store;

  g_assert (dir != NULL);
  path = g_build_filename (dir, "stride.db", NULL);
  store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &error);
  g_assert (store != NULL);
  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static StrideProtocol *protocol;
  static StrideStore *store;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideAssessment) assessment = NULL;
  gint64 before, after, patient_id = 0;

  if (protocol == NULL)
    {
      protocol = stride_protocol_load_default (NULL);
      store = open_store ();
    }

  assessment = stride_document_read_bytes ("fuzz.xml", bytes, protocol, &error);
  if (assessment == NULL)
    return 0;

  before = stride_store_count_patients (store, NULL);
  if (stride_store_import_assessment (store, assessment, &patient_id, &error))
    {
      after = stride_store_count_patients (store, NULL);
      g_assert (after == before + 1);
      /* Keep the database small: the next run starts from the same state. */
      g_assert (stride_store_delete_patient (store, patient_id, NULL));
    }
  else
    {
      after = stride_store_count_patients (store, NULL);
      g_assert (after == before);
    }

  return 0;
}
