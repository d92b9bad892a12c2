/* stride-i18n.c: gettext set-up shared by every layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "stride-i18n.h"

/* A program run from the build tree (tests, `_build/src/cli/stride-cli`,
 * build-aux/run) has no installed catalogues yet: use the ones the build made. */
static char *
uninstalled_localedir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_dir = g_canonicalize_filename (STRIDE_BUILD_DIR, NULL);
  g_autofree char *prefix = g_strconcat (build_dir, G_DIR_SEPARATOR_S, NULL);
  g_autofree char *po_dir = g_build_filename (build_dir, "po", NULL);

  if (exe == NULL || !g_str_has_prefix (exe, prefix) || !g_file_test (po_dir, G_FILE_TEST_IS_DIR))
    return NULL;

  return g_steal_pointer (&po_dir);
}

/**
 * stride_i18n_init:
 *
 * Binds Stride's gettext domain to its locale directory, in UTF-8. Safe to
 * call more than once. `STRIDE_LOCALEDIR` overrides the installed location; a
 * program run from the build tree finds the catalogues the build made.
 */
void
stride_i18n_init (void)
{
  const char *localedir = g_getenv ("STRIDE_LOCALEDIR");
  g_autofree char *uninstalled = NULL;
  g_autofree char *domain = NULL;

  if (localedir == NULL)
    localedir = uninstalled = uninstalled_localedir ();

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

struct _StrideLanguageSwitch
{
  locale_t  locale;        /* this thread's locale while switched */
  locale_t  previous;      /* what uselocale() had before */
  char     *language;      /* $LANGUAGE before, when it was set */
  gboolean  set_language;
};

/* An installed locale for @lang ("de", "es_MX"…), or NULL. */
static locale_t
locale_for (const char *lang,
            locale_t    base)
{
  static const struct { const char *lang; const char *names[4]; } known[] = {
    { "en", { "en_GB.UTF-8", "en_US.UTF-8", "C.UTF-8", NULL } },
    { "de", { "de_DE.UTF-8", "de_AT.UTF-8", "de_CH.UTF-8", NULL } },
    { "es", { "es_ES.UTF-8", "es_MX.UTF-8", "es_AR.UTF-8", NULL } },
  };
  const int mask = LC_MESSAGES_MASK | LC_TIME_MASK | LC_NUMERIC_MASK | LC_PAPER_MASK;
  g_autofree char *base_lang = g_strndup (lang, strcspn (lang, "_.@"));
  g_autofree char *own = NULL;
  locale_t loc;

  if (strchr (lang, '_') != NULL)
    {
      own = g_strdup_printf ("%.*s.UTF-8", (int) strcspn (lang, ".@"), lang);
      loc = newlocale (mask, own, base);
      if (loc != (locale_t) 0)
        return loc;
    }
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      if (!g_str_equal (known[i].lang, base_lang))
        continue;
      for (guint j = 0; known[i].names[j] != NULL; j++)
        {
          loc = newlocale (mask, known[i].names[j], base);
          if (loc != (locale_t) 0)
            return loc;
        }
    }
  return (locale_t) 0;
}

/**
 * stride_i18n_switch_language:
 * @lang: a language code such as "de" or "es_MX"
 *
 * Switches the calling thread's messages, dates and numbers to @lang until
 * stride_i18n_restore_language(), so that one document (the patient's sheet)
 * can be laid out in another language than the interface. Only the calling
 * thread's locale changes (uselocale()); `LANGUAGE`, which glibc lets override
 * any locale, is set for the switch only when the environment has it.
 * Texts loaded before the switch (library, education) stay in their language:
 * load them again while switched.
 *
 * Returns: (nullable): what to restore, or %NULL when no locale for @lang is
 *   installed (nothing was changed)
 */
StrideLanguageSwitch *
stride_i18n_switch_language (const char *lang)
{
  StrideLanguageSwitch *saved;
  locale_t base;
  locale_t loc;
  const char *language;

  g_return_val_if_fail (lang != NULL && *lang != '\0', NULL);

  base = duplocale (LC_GLOBAL_LOCALE);
  if (base == (locale_t) 0)
    return NULL;
  loc = locale_for (lang, base);
  if (loc == (locale_t) 0)
    {
      freelocale (base);
      return NULL;
    }

  saved = g_new0 (StrideLanguageSwitch, 1);
  saved->locale = loc;
  saved->previous = uselocale (loc);
  language = g_getenv ("LANGUAGE");
  if (language != NULL && *language != '\0')
    {
      saved->language = g_strdup (language);
      saved->set_language = TRUE;
      g_setenv ("LANGUAGE", lang, TRUE);
    }
  return saved;
}

/**
 * stride_i18n_restore_language:
 * @saved: (transfer full) (nullable): what stride_i18n_switch_language() returned
 *
 * Goes back to the language in use before the switch.
 */
void
stride_i18n_restore_language (StrideLanguageSwitch *saved)
{
  if (saved == NULL)
    return;
  if (saved->set_language)
    g_setenv ("LANGUAGE", saved->language, TRUE);
  uselocale (saved->previous);
  freelocale (saved->locale);
  g_free (saved->language);
  g_free (saved);
}
