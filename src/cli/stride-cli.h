/* stride-cli.h: stride-cli's global options and subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes, documented in --help. */
#define STRIDE_CLI_EXIT_OK        0
#define STRIDE_CLI_EXIT_BAD_INPUT 1
#define STRIDE_CLI_EXIT_USAGE     2

typedef struct
{
  char *db_path;   /* --db PATH, or NULL for the default database */
} StrideCliGlobals;

typedef int (*StrideCliCommandFunc) (const StrideCliGlobals  *globals,
                                     int                      argc,
                                     char                   **argv);

typedef struct
{
  const char           *name;
  const char           *summary;   /* untranslated; translated when printed */
  StrideCliCommandFunc  run;
} StrideCliCommand;

int  stride_cli_main        (int     argc,
                             char  **argv);
void stride_cli_usage_error (const char *command,
                             const char *format,
                             ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
