/* main.c: the Stride application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/resource.h>

#include "stride-application.h"
#include "stride-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StrideApplication) app = NULL;
  struct rlimit no_core = { 0, 0 };

  /* A core dump of Stride would hold patient records. */
  setrlimit (RLIMIT_CORE, &no_core);

  setlocale (LC_ALL, "");
  stride_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  app = stride_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
