/* test-process.c: stride_disable_core_dumps()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/resource.h>

#include "stride-process.h"

static void
test_core_dumps_off (void)
{
  struct rlimit limit = { RLIM_INFINITY, RLIM_INFINITY };

  /* Start from core dumps on (as far as this process may), so the test can
   * fail: the soft limit is raised up to the hard one. */
  g_assert_cmpint (getrlimit (RLIMIT_CORE, &limit), ==, 0);
  limit.rlim_cur = limit.rlim_max;
  g_assert_cmpint (setrlimit (RLIMIT_CORE, &limit), ==, 0);

  g_assert_true (stride_disable_core_dumps ());

  g_assert_cmpint (getrlimit (RLIMIT_CORE, &limit), ==, 0);
  g_assert_cmpuint (limit.rlim_cur, ==, 0);
  g_assert_cmpuint (limit.rlim_max, ==, 0);

  /* Idempotent: calling it again (a second main, a re-exec) still succeeds. */
  g_assert_true (stride_disable_core_dumps ());
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/process/core-dumps-off", test_core_dumps_off);
  return g_test_run ();
}
