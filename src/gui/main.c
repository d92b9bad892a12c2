/* main.c: the Stride application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-application.h"
#include "stride-i18n.h"
#include "stride-process.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StrideApplication) app = NULL;

  /* Before anything else: a core dump would hold patient records. */
  stride_disable_core_dumps ();

  setlocale (LC_ALL, "");
  stride_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  app = stride_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
