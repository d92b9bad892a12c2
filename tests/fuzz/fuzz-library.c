/* fuzz-library.c: libFuzzer target for exercise library files (the loader
 * also checks ids, progression links and chains, and parses the figures)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "stride-library.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideLibrary) library = NULL;

  library = stride_library_new_from_bytes ("fuzz.xml", bytes, &error);
  g_assert ((library == NULL) != (error == NULL));
  if (library != NULL)
    {
      GPtrArray *exercises = stride_library_get_exercises (library);

      for (guint i = 0; i < exercises->len; i++)
        {
          const StrideExercise *exercise = g_ptr_array_index (exercises, i);

          g_assert (stride_library_lookup (library, exercise->id) == exercise);
        }
    }

  return 0;
}
