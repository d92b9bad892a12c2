/* main.c: stride-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "stride-cli.h"
#include "stride-i18n.h"
#include "stride-process.h"

int
main (int   argc,
      char *argv[])
{
  /* Before anything else: a core dump would hold patient records. */
  stride_disable_core_dumps ();

  setlocale (LC_ALL, "");
  stride_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  return stride_cli_main (argc, argv);
}
