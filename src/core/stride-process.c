/* stride-process.c: settings of the running process that protect patient data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/resource.h>

#include "stride-process.h"

/**
 * stride_disable_core_dumps:
 *
 * Sets both the soft and the hard limit of core dump size to 0, so that a
 * crash writes no core file: it would hold the patient records in memory.
 * Lowering the hard limit too keeps a child process from raising it again.
 * Both main()s call this first.
 *
 * Returns: %TRUE when core dumps are now off
 */
gboolean
stride_disable_core_dumps (void)
{
  const struct rlimit none = { 0, 0 };
  struct rlimit now;

  if (setrlimit (RLIMIT_CORE, &none) != 0)
    {
      /* Cannot fail when lowering, but do not leave core dumps on if it did:
       * a soft limit of 0 is still enough. */
      if (getrlimit (RLIMIT_CORE, &now) != 0)
        return FALSE;
      now.rlim_cur = 0;
      if (setrlimit (RLIMIT_CORE, &now) != 0)
        return FALSE;
    }

  return getrlimit (RLIMIT_CORE, &now) == 0 && now.rlim_cur == 0;
}
