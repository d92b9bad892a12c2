/* stride-store-test-writer: saves visits in a loop, for the crash and
 * concurrency tests
 *
 *   stride-store-test-writer DB FIRST_SEED COUNT
 *
 * Saves COUNT visits (0: until killed) of one patient, each a new visit made
 * from its seed (store_test_make_visit()), every third one finalised, and
 * after each save has returned prints "VISIT_ID SEED STATUS" and flushes.
 * Whatever it printed must be in the database, whenever it is killed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "store-test-util.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StridePatient) patient = stride_patient_new ();
  guint64 first_seed, count;
  gint64 patient_id;

  if (argc != 4
      || !g_ascii_string_to_unsigned (argv[2], 10, 0, G_MAXUINT32, &first_seed, NULL)
      || !g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT32, &count, NULL))
    {
      fprintf (stderr, "usage: %s DB FIRST_SEED COUNT\n", argv[0]);
      return 2;
    }

  store = stride_store_open (argv[1], STRIDE_STORE_OPEN_NONE, &error);
  if (store == NULL)
    {
      fprintf (stderr, "open: %s\n", error->message);
      return 1;
    }

  patient->name = g_strdup_printf ("Writer %" G_GUINT64_FORMAT, first_seed);
  patient_id = stride_store_create_patient (store, patient, &error);
  if (patient_id == 0)
    {
      fprintf (stderr, "patient: %s\n", error->message);
      return 1;
    }

  for (guint64 i = 0; count == 0 || i < count; i++)
    {
      guint seed = (guint) (first_seed + i);
      g_autoptr(StrideVisit) visit = store_test_make_visit (seed);
      g_autoptr(StrideFindingsSummary) summary = store_test_make_summary (seed);
      gboolean ok;

      if (seed % 3 == 0)
        ok = stride_store_finalise_visit (store, patient_id, visit, summary, &error);
      else
        ok = stride_store_save_draft (store, patient_id, visit, summary, &error);

      if (!ok)
        {
          fprintf (stderr, "save: %s\n", error->message);
          return 1;
        }

      printf ("%s %u %s\n", visit->id, seed, stride_visit_status_to_string (visit->status));
      fflush (stdout);
    }

  return 0;
}
