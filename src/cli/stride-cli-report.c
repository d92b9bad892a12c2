/* stride-cli-report.c: stride-cli report FILE -o OUT.pdf and
 * stride-cli sheet FILE -o OUT.pdf
 *
 * Reads an assessment document, evaluates every visit, takes the kept plan
 * or the planner's suggestion and writes the clinician report or the home
 * exercise sheet as PDF. The sheet is printed in the patient's language (from
 * the document, or --lang); the report in the clinician's (the locale, or
 * --lang). The language is switched in this process only, after the paper
 * size has been taken from the clinician's locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <unistd.h>

#include "stride-cli-report.h"
#include "stride-cli-store.h"
#include "stride-document.h"
#include "stride-i18n.h"
#include "stride-report.h"

typedef struct
{
  char *output;
  char *paper;
  char *lang;
  char *date;
  char *clinic_name;
  char *clinic_contact;
  char *clinician;
  char *visit;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->output);
  g_free (options->paper);
  g_free (options->lang);
  g_free (options->date);
  g_free (options->clinic_name);
  g_free (options->clinic_contact);
  g_free (options->clinician);
  g_free (options->visit);
}

/* An installed locale for @lang ("de", "es_MX"…), for dates and numbers in
 * the patient's language; C.UTF-8 when none is (gettext still reads
 * LANGUAGE there). The process's own locale is left as it was. */
static char *
find_locale (const char *lang)
{
  static const struct { const char *lang; const char *locales[4]; } known[] = {
    { "en", { "en_GB.UTF-8", "en_US.UTF-8", NULL, NULL } },
    { "de", { "de_DE.UTF-8", "de_AT.UTF-8", "de_CH.UTF-8", NULL } },
    { "es", { "es_ES.UTF-8", "es_MX.UTF-8", "es_AR.UTF-8", NULL } },
  };
  g_autofree char *base = g_strndup (lang, strcspn (lang, "_.@"));
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_free);
  char *found = NULL;

  if (strchr (lang, '_') != NULL)
    g_ptr_array_add (candidates, g_strdup_printf ("%.*s.UTF-8", (int) strcspn (lang, ".@"),
                                                  lang));
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (known[i].lang, base))
      for (guint j = 0; known[i].locales[j] != NULL; j++)
        g_ptr_array_add (candidates, g_strdup (known[i].locales[j]));
  if (strlen (base) == 2)
    g_ptr_array_add (candidates, g_strdup_printf ("%s_%c%c.UTF-8", base,
                                                  g_ascii_toupper (base[0]),
                                                  g_ascii_toupper (base[1])));

  for (guint i = 0; i < candidates->len && found == NULL; i++)
    if (setlocale (LC_ALL, g_ptr_array_index (candidates, i)) != NULL)
      found = g_strdup (g_ptr_array_index (candidates, i));
  setlocale (LC_ALL, saved);
  g_ptr_array_unref (candidates);

  return found != NULL ? found : g_strdup ("C.UTF-8");
}

/* Runs this command again in a child process in @lang: GLib decides once per
 * process whether to translate at all (no for C.UTF-8 or a language without
 * a catalogue), so switching languages in-process can leave the sheet in the
 * wrong one. The child gets the paper already resolved from the clinician's
 * locale. Returns only when the exec fails. */
static void
exec_in_language (const StrideCliGlobals *globals,
                  const char             *command,
                  char                  **original_argv,
                  const char             *lang,
                  StridePaper             paper)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *locale = find_locale (lang);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();

  if (self == NULL)
    return;

  g_ptr_array_add (argv, self);
  if (globals->db_path != NULL)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, globals->db_path);
    }
  g_ptr_array_add (argv, (char *) command);
  for (guint i = 1; original_argv[i] != NULL; i++)
    g_ptr_array_add (argv, original_argv[i]);
  g_ptr_array_add (argv, (char *) "--paper");
  g_ptr_array_add (argv, (char *) stride_paper_to_string (paper));
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "LANGUAGE", lang, TRUE);
  env = g_environ_setenv (env, "LC_ALL", locale, TRUE);
  env = g_environ_setenv (env, "STRIDE_CLI_LANGUAGE_SET", lang, TRUE);
  execve (self, (char **) argv->pdata, env);
}

static gboolean
current_language_is (const char *lang)
{
  const char *const *names = g_get_language_names ();
  gsize n = strcspn (lang, "_.@");

  if (names[0] == NULL)
    return FALSE;
  /* The C locale prints the messages as written: in English. */
  if ((g_str_equal (names[0], "C") || g_str_has_prefix (names[0], "C.")
       || g_str_equal (names[0], "POSIX"))
      && n == 2 && strncmp (lang, "en", 2) == 0)
    return TRUE;
  return strncmp (names[0], lang, n) == 0
         && (names[0][n] == '\0' || names[0][n] == '_' || names[0][n] == '.');
}

static GDateTime *
parse_date (const char  *text,
            GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *date;
  const char *epoch;

  if (text != NULL)
    {
      date = g_date_time_new_from_iso8601 (text, utc);
      if (date == NULL)
        {
          /* A date alone means midnight UTC. */
          g_autofree char *midnight = g_strdup_printf ("%sT00:00:00Z", text);

          date = g_date_time_new_from_iso8601 (midnight, utc);
        }
      if (date == NULL)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("--date: “%s” is not an ISO 8601 date such as 2026-11-24T10:00:00Z"),
                     text);
      return date;
    }

  /* The reproducible-builds convention. */
  epoch = g_getenv ("SOURCE_DATE_EPOCH");
  if (epoch != NULL && *epoch != '\0')
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (end != NULL && *end == '\0')
        return g_date_time_new_from_unix_utc (seconds);
    }
  return g_date_time_new_now_utc ();
}

/* The clinic as the app's preferences have it, when the schema is there. */
static void
read_clinic_settings (Options *options)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL)
    return;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return;
  settings = g_settings_new_full (schema, NULL, NULL);
  if (options->clinic_name == NULL)
    options->clinic_name = g_settings_get_string (settings, "clinic-name");
  if (options->clinic_contact == NULL)
    options->clinic_contact = g_settings_get_string (settings, "clinic-contact");
  if (options->clinician == NULL)
    options->clinician = g_settings_get_string (settings, "clinician-name");
}

/* A language whose catalogue is missing (not installed, or not built yet in
 * a build tree) prints in English, with dates in the language's words: say
 * so, rather than hand over a document in the wrong language without a
 * word. */
static void
warn_if_untranslated (const char *lang)
{
  const char *probe = N_("Your home exercise plan");

  if (lang == NULL || *lang == '\0' || g_str_has_prefix (lang, "en") || g_str_equal (lang, "C"))
    return;
  if (g_strcmp0 (_(probe), probe) == 0)
    g_printerr (_("stride-cli: no translation into “%s” is installed: printing in English\n"),
                lang);
}

/* The fonts load on a thread of their own while the data is read; every
 * way out of run() waits for it, so that nothing else is using Pango when
 * the document is built or the process ends. */
typedef GThread FontPreload;

static gpointer
preload_fonts (gpointer sheet)
{
  if (GPOINTER_TO_INT (sheet))
    stride_sheet_preload_fonts ();
  else
    stride_report_preload_fonts ();
  return NULL;
}

static void
font_preload_wait (FontPreload *thread)
{
  if (thread != NULL)
    g_thread_join (thread);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FontPreload, font_preload_wait)

static int
run (const StrideCliGlobals  *globals,
     const char              *command,
     gboolean                 sheet,
     int                      argc,
     char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(StrideProtocol) protocol = NULL;
  g_autoptr(StrideAssessment) assessment = NULL;
  g_autoptr(StrideLibrary) library = NULL;
  g_autoptr(StrideEducation) education = NULL;
  g_autoptr(StrideDocument) doc = NULL;
  g_autoptr(FontPreload) fonts = NULL;
  StrideReportInput input = { 0 };
  StridePaper paper = STRIDE_PAPER_AUTOMATIC;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GPtrArray) amendments = NULL;
  gint64 visit_id = 0;
  const char *lang;
  Options options = { 0 };
  int status = STRIDE_CLI_EXIT_OK;
  g_auto(GStrv) original_argv = g_strdupv (argv);
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write the PDF to FILE"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options.paper,
      N_("Paper size: a4, letter or auto (from the locale; the default)"), N_("SIZE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &options.lang,
      sheet ? N_("Language of the sheet (default: the patient’s, from the document)")
            : N_("Language of the report (default: the locale’s)"), N_("LANG") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &options.date,
      N_("Creation date in UTC, e.g. 2026-11-24T10:00:00Z (default: $SOURCE_DATE_EPOCH or "
         "now); the same input and date give the same bytes"), N_("DATE") },
    { "clinic", 0, 0, G_OPTION_ARG_STRING, &options.clinic_name,
      N_("Clinic name (default: from the app’s preferences)"), N_("NAME") },
    { "clinic-contact", 0, 0, G_OPTION_ARG_STRING, &options.clinic_contact,
      N_("Clinic address and phone (default: from the app’s preferences)"), N_("TEXT") },
    { "clinician", 0, 0, G_OPTION_ARG_STRING, &options.clinician,
      N_("Clinician, when the visit names none (default: from the app’s preferences)"),
      N_("NAME") },
    { "visit", 0, 0, G_OPTION_ARG_STRING, &options.visit,
      N_("Print visit ID of the database (--db) instead of a document"), N_("ID") },
    { NULL }
  };

  context = g_option_context_new (_("FILE | --visit ID"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, sheet
                                ? _("Write the patient’s home exercise sheet for the last visit "
                                    "of an assessment document as PDF; with an emergency "
                                    "triage, a referral notice instead.")
                                : _("Write the clinician report for the last visit of an "
                                    "assessment document as PDF, with progress over the "
                                    "earlier visits."));
  g_option_context_set_description (context, _("Exit status: 0 success, 1 bad input, "
                                               "2 usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      stride_cli_usage_error (command, "%s", error->message);
      options_clear (&options);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (options.visit != NULL ? argc != 1 : argc != 2)
    {
      stride_cli_usage_error (command, options.visit != NULL
                                       ? _("give either a document or --visit, not both")
                                       : argc < 2 ? _("no assessment document given")
                                                  : _("give one assessment document"));
      options_clear (&options);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (options.visit != NULL)
    {
      visit_id = stride_cli_parse_id (command, "visit", options.visit);
      if (visit_id == 0)
        {
          options_clear (&options);
          return STRIDE_CLI_EXIT_USAGE;
        }
    }
  if (options.output == NULL)
    {
      stride_cli_usage_error (command, _("no output file given: use -o FILE"));
      options_clear (&options);
      return STRIDE_CLI_EXIT_USAGE;
    }
  if (options.paper != NULL)
    {
      paper = stride_paper_from_string (options.paper, &error);
      if (error != NULL)
        {
          stride_cli_usage_error (command, "%s", error->message);
          options_clear (&options);
          return STRIDE_CLI_EXIT_USAGE;
        }
    }
  created = parse_date (options.date, &error);
  if (created == NULL)
    {
      stride_cli_usage_error (command, "%s", error->message);
      options_clear (&options);
      return STRIDE_CLI_EXIT_USAGE;
    }

  /* The paper follows the clinician's locale, before any switch. */
  paper = stride_paper_resolve (paper);

  /* This process draws no other text: it needs no system font configuration.
   * The fonts open while the data is read. */
  stride_document_fonts_only_for_documents ();
  fonts = g_thread_new ("fonts", preload_fonts, GINT_TO_POINTER (sheet));

  protocol = stride_protocol_load_default (&error);
  if (protocol == NULL)
    goto failed;
  if (visit_id != 0)
    {
      g_autoptr(GPtrArray) stored = NULL;

      store = stride_cli_open_store (globals);
      if (store == NULL)
        {
          options_clear (&options);
          return STRIDE_CLI_EXIT_BAD_INPUT;
        }
      assessment = stride_store_load_assessment (store, visit_id, &error);
      if (assessment == NULL)
        goto failed;
      stored = stride_store_list_amendments (store, visit_id, &error);
      if (stored == NULL)
        goto failed;
      amendments = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < stored->len; i++)
        g_ptr_array_add (amendments, stride_amendment_describe (g_ptr_array_index (stored, i)));
    }
  else
    {
      assessment = stride_document_read_file (argv[1], protocol, &error);
      if (assessment == NULL)
        goto failed;
    }

  lang = options.lang != NULL ? options.lang
         : sheet && assessment->patient != NULL ? assessment->patient->language : NULL;
  if (lang != NULL && *lang != '\0' && !current_language_is (lang)
      && g_strcmp0 (g_getenv ("STRIDE_CLI_LANGUAGE_SET"), lang) != 0)
    {
      /* Nothing is written yet; the child does it all again in its language.
       * The font thread ends first: Pango starting a thread while the process
       * execs fails, and aborts. */
      font_preload_wait (g_steal_pointer (&fonts));
      g_clear_object (&store);
      exec_in_language (globals, command, original_argv, lang, paper);
      g_printerr (_("stride-cli: cannot switch to “%s”: printing in the current language\n"),
                  lang);
    }

  warn_if_untranslated (lang);

  library = stride_library_load_default (&error);
  if (library == NULL)
    goto failed;
  education = stride_education_load_default (&error);
  if (education == NULL)
    goto failed;

  if (!stride_report_input_prepare (&input, assessment, protocol, library, education, &error))
    goto failed;

  read_clinic_settings (&options);
  input.clinic.name = options.clinic_name;
  input.clinic.contact = options.clinic_contact;
  input.clinic.clinician = options.clinician;
  input.paper = paper;
  input.amendments = amendments;

  font_preload_wait (g_steal_pointer (&fonts));
  doc = sheet ? stride_sheet_build (&input) : stride_report_build (&input);
  if (!stride_document_write_pdf (doc, options.output, created, &error))
    goto failed;

  stride_report_input_clear (&input);
  options_clear (&options);
  return status;

failed:
  g_printerr ("%s\n", error->message);
  if (input.findings != NULL)
    stride_report_input_clear (&input);
  options_clear (&options);
  return STRIDE_CLI_EXIT_BAD_INPUT;
}

int
stride_cli_report (const StrideCliGlobals  *globals,
                   int                      argc,
                   char                   **argv)
{
  return run (globals, "report", FALSE, argc, argv);
}

int
stride_cli_sheet (const StrideCliGlobals  *globals,
                  int                      argc,
                  char                   **argv)
{
  return run (globals, "sheet", TRUE, argc, argv);
}
