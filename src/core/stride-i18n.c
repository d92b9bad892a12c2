/* stride-i18n.c: gettext set-up shared by every layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "stride-i18n.h"

/**
 * stride_i18n_init:
 *
 * Binds Stride's gettext domain to its locale directory, in UTF-8. Safe to
 * call more than once. `STRIDE_LOCALEDIR` overrides the installed location so
 * that tests and uninstalled runs find the catalogues in the build tree.
 */
void
stride_i18n_init (void)
{
  const char *localedir = g_getenv ("STRIDE_LOCALEDIR");

  g_autofree char *domain = NULL;

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* GLib decides once, on the first g_dgettext(), whether to translate at all,
   * and under C.UTF-8 with a text domain set it decides never: a later switch
   * to the patient's language (stride-cli sheet --lang de) would then print
   * English. Make that first call while the default domain is "messages",
   * which GLib always translates. */
  domain = g_strdup (textdomain (NULL));
  textdomain ("messages");
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  if (domain != NULL)
    textdomain (domain);
}

/**
 * stride_i18n_collapse_space:
 * @text: text from a data file
 *
 * xgettext collapses runs of white space in XML text to one space and trims the
 * ends; a runtime lookup must do the same to the msgid or it will miss.
 *
 * Returns: (transfer full): the collapsed text
 */
char *
stride_i18n_collapse_space (const char *text)
{
  GString *out;
  gboolean in_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          in_space = TRUE;
          continue;
        }
      if (in_space && out->len > 0)
        g_string_append_c (out, ' ');
      in_space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * stride_i18n_data_text:
 * @text: already collapsed text from a data file
 *
 * Translates text that came from Stride's data XML (protocol, exercise
 * library) in the current language.
 *
 * Returns: (transfer none): the translation, or @text
 */
const char *
stride_i18n_data_text (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (*text == '\0')
    return text;

  return g_dgettext (GETTEXT_PACKAGE, text);
}
