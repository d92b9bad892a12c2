/* stride-cli-validate.c: stride-cli validate FILE…
 *
 * Checks protocols, exercise libraries and assessment documents, told apart
 * by their root element. Prints "FILE: ok (KIND)" for each good file; for a
 * bad one "FILE:LINE: message" on stderr. Exit 0 all good, 1 any bad, 2 usage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-cli-validate.h"
#include "stride-i18n.h"
#include "stride-validate.h"

static const char *
kind_label (StrideFileKind kind)
{
  switch (kind)
    {
    case STRIDE_FILE_KIND_PROTOCOL:
      return _("protocol");
    case STRIDE_FILE_KIND_LIBRARY:
      return _("exercise library");
    case STRIDE_FILE_KIND_ASSESSMENT:
      return _("assessment document");
    case STRIDE_FILE_KIND_UNKNOWN:
    default:
      return _("unknown");
    }
}

int
stride_cli_validate (const StrideCliGlobals  *globals,
                     int                      argc,
                     char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean quiet = FALSE;
  int status = STRIDE_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print nothing for good files"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE…"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Check protocols, exercise libraries and assessment documents "
                                  "(told apart by their root element).\n"
                                  "Prints “FILE: ok” for a good file and “FILE:LINE: message” on "
                                  "stderr for a bad one."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 all files good, 1 a file is bad, "
                                      "2 usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      stride_cli_usage_error ("validate", "%s", error->message);
      return STRIDE_CLI_EXIT_USAGE;
    }

  if (argc < 2)
    {
      stride_cli_usage_error ("validate", _("no file given"));
      return STRIDE_CLI_EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) file_error = NULL;
      StrideFileKind kind;

      if (stride_validate_file (argv[i], &kind, &file_error))
        {
          if (!quiet)
            /* TRANSLATORS: a file name, then what it is (protocol, assessment document…) */
            g_print (_("%s: ok (%s)\n"), argv[i], kind_label (kind));
        }
      else
        {
          g_printerr ("%s\n", file_error->message);
          status = STRIDE_CLI_EXIT_BAD_INPUT;
        }
    }

  return status;
}
