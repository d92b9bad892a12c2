/* main.c: stride-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include "stride-cli.h"
#include "stride-i18n.h"

int
main (int   argc,
      char *argv[])
{
  struct rlimit no_core = { 0, 0 };

  /* A core dump could hold patient records. */
  setrlimit (RLIMIT_CORE, &no_core);

  setlocale (LC_ALL, "");
  stride_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  return stride_cli_main (argc, argv);
}
