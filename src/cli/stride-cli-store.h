/* stride-cli-store.h: what the database subcommands share, and the
 * subcommands themselves (each in its own stride-cli-<name>.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stride-cli.h"
#include "stride-store.h"

G_BEGIN_DECLS

/* Opens --db PATH or the default database; prints why not on stderr. */
StrideStore *stride_cli_open_store   (const StrideCliGlobals  *globals);
/* Parses a patient or visit id given on the command line; prints a usage
 * error and returns 0 when it is not one. */
gint64       stride_cli_parse_id     (const char              *command,
                                      const char              *what,
                                      const char              *text);
/* Prints "stride-cli: MESSAGE" on stderr and returns the exit status for it. */
int          stride_cli_fail         (const GError            *error);

int stride_cli_patients (const StrideCliGlobals *globals, int argc, char **argv);
int stride_cli_history  (const StrideCliGlobals *globals, int argc, char **argv);
int stride_cli_backup   (const StrideCliGlobals *globals, int argc, char **argv);
int stride_cli_restore  (const StrideCliGlobals *globals, int argc, char **argv);
int stride_cli_import   (const StrideCliGlobals *globals, int argc, char **argv);
int stride_cli_export   (const StrideCliGlobals *globals, int argc, char **argv);

G_END_DECLS
