/* bench-report: how long the printed documents take, and how much memory
 *
 *   bench-report [--runs N] [--cli STRIDE-CLI --document FILE --floor PDF-FLOOR]
 *
 * In-process: the median time to build and write both documents (report and
 * sheet) for a typical visit and for a patient with 20 visits, and the peak
 * resident memory of a process doing it. The visits are filled by hand, with
 * a small library of our own whose cards have no figures; with --document,
 * that document too, as stride-cli prints it: read, judged by the engine,
 * with the exercise library's own figures. Whole processes, side by side in one
 * run: `stride-cli sheet FILE` against pdf-floor (../shared/bench/pdf-floor.c,
 * copied here), with the ratio of their medians. A program that prints
 * figures, not a test; build it with --buildtype=release for the targets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "report-fixtures.h"
#include "stride-document.h"
#include "stride-education.h"
#include "stride-i18n.h"
#include "stride-library.h"
#include "stride-protocol.h"

extern char **environ;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  if (times->len == 0)
    return 0;
  if (times->len % 2 == 1)
    return g_array_index (times, double, times->len / 2);
  return (g_array_index (times, double, times->len / 2 - 1)
          + g_array_index (times, double, times->len / 2)) / 2;
}

/* Runs argv to completion; returns its wall time in ms, its peak RSS in KiB. */
static double
rusage_cpu_ms (const struct rusage *usage)
{
  return usage->ru_utime.tv_sec * 1000.0 + usage->ru_utime.tv_usec / 1000.0
         + usage->ru_stime.tv_sec * 1000.0 + usage->ru_stime.tv_usec / 1000.0;
}

/* CPU time is what the machine's other load disturbs least. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
run_process (char *const *argv,
             long        *max_rss_kib,
             double      *cpu_ms)
{
  pid_t pid;
  int status;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();

  if (posix_spawn (&pid, argv[0], NULL, NULL, argv, environ) != 0)
    g_error ("cannot run %s", argv[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed (status %d)", argv[0], status);
  *max_rss_kib = usage.ru_maxrss;
  *cpu_ms = rusage_cpu_ms (&usage);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The child: builds and writes both documents `runs` times, prints the first
 * run's time and the median of the others. */
static int
time_documents (const StrideReportInput *input,
                int                      runs)
{
  g_autofree char *dir = g_dir_make_tmp ("stride-bench-XXXXXX", NULL);
  g_autofree char *report_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *sheet_path = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 24, 10, 0, 0);
  double first = 0;
  guint pages = 0;

  for (int i = 0; i < runs + 1; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = process_cpu_ms ();
      g_autoptr(StrideDocument) report = stride_report_build (input);
      g_autoptr(StrideDocument) sheet = stride_sheet_build (input);
      double ms, cpu;

      if (!stride_document_write_pdf (report, report_path, date, NULL)
          || !stride_document_write_pdf (sheet, sheet_path, date, NULL))
        g_error ("cannot write the documents");
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu = process_cpu_ms () - cpu_start;
      pages = stride_document_get_n_pages (report) + stride_document_get_n_pages (sheet);
      if (i == 0)
        first = ms;
      else
        {
          g_array_append_val (times, ms);
          g_array_append_val (cpu_times, cpu);
        }
    }

  g_print ("%.2f %.2f %u %.2f\n", first, median (times), pages, median (cpu_times));
  g_unlink (report_path);
  g_unlink (sheet_path);
  g_rmdir (dir);
  return 0;
}

static int
time_fixture (FixtureKind kind,
              int         runs)
{
  Fixture *fixture = fixture_new (kind, STRIDE_PAPER_A4);
  int status = time_documents (&fixture->input, runs);

  fixture_free (fixture);
  return status;
}

/* The document as stride-cli prints it, with no clinic preferences. */
static int
time_document (const char *path,
               int         runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideProtocol) protocol = stride_protocol_load_default (&error);
  g_autoptr(StrideLibrary) library = NULL;
  g_autoptr(StrideEducation) education = NULL;
  g_autoptr(StrideAssessment) assessment = NULL;
  StrideReportInput input = { 0 };
  int status;

  if (protocol != NULL)
    library = stride_library_load_default (&error);
  if (library != NULL)
    education = stride_education_load_default (&error);
  if (education != NULL)
    assessment = stride_document_read_file (path, protocol, &error);
  if (assessment == NULL
      || !stride_report_input_prepare (&input, assessment, protocol, library, education, &error))
    g_error ("%s: %s", path, error->message);
  input.paper = STRIDE_PAPER_A4;

  status = time_documents (&input, runs);
  stride_report_input_clear (&input);
  return status;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 20;
  char *scenario = NULL;
  char *cli = NULL;
  char *document = NULL;
  char *floor_path = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs per measurement (default 20)", "N" },
    { "scenario", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &scenario, NULL, NULL },
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli, "stride-cli to time", "PATH" },
    { "document", 0, 0, G_OPTION_ARG_FILENAME, &document, "Assessment document for it", "FILE" },
    { "floor", 0, 0, G_OPTION_ARG_FILENAME, &floor_path, "pdf-floor to compare with", "PATH" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  stride_i18n_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (scenario != NULL && g_str_equal (scenario, "document") && document != NULL)
    return time_document (document, runs);
  if (scenario != NULL)
    return time_fixture (g_str_equal (scenario, "history20") ? FIXTURE_HISTORY_20
                                                             : FIXTURE_TYPICAL, runs);

  g_print ("In-process, both documents (build, lay out, write PDF), %d runs after a first:\n",
           runs);
  g_print ("  typical, history20: visits filled by hand, with a small library of our own "
           "and no figures\n");
  if (document != NULL)
    g_print ("  document: %s, read and judged as stride-cli does, with the library's "
             "figures\n", document);
  for (int s = 0; s < (document != NULL ? 3 : 2); s++)
    {
      static const char *const scenarios[] = { "typical", "history20", "document" };
      const char *name = scenarios[s];
      g_autofree char *runs_text = g_strdup_printf ("%d", runs);
      char *child[] = { argv[0], (char *) "--scenario", (char *) name, (char *) "--runs",
                        runs_text, document != NULL ? (char *) "--document" : NULL, document,
                        NULL };
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      int status;
      double first, med, cpu;
      guint pages;
      long rss = 0;
      gint64 start = g_get_monotonic_time ();
      struct rusage usage;
      pid_t pid;
      int fds[2];
      posix_spawn_file_actions_t actions;
      char buffer[256] = { 0 };

      child[0] = self;
      if (pipe (fds) != 0)
        g_error ("pipe");
      posix_spawn_file_actions_init (&actions);
      posix_spawn_file_actions_adddup2 (&actions, fds[1], 1);
      posix_spawn_file_actions_addclose (&actions, fds[0]);
      if (posix_spawn (&pid, self, &actions, NULL, child, environ) != 0)
        g_error ("cannot run myself");
      posix_spawn_file_actions_destroy (&actions);
      close (fds[1]);
      if (read (fds[0], buffer, sizeof buffer - 1) <= 0)
        g_error ("no figures from the scenario");
      close (fds[0]);
      if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status))
        g_error ("scenario %s failed", name);
      rss = usage.ru_maxrss;
      if (sscanf (buffer, "%lf %lf %u %lf", &first, &med, &pages, &cpu) != 4)
        g_error ("bad figures: %s", buffer);
      g_print ("  %-10s median %7.2f ms wall, %7.2f ms CPU   first run %7.2f ms   %2u pages   "
               "peak RSS %6.1f MiB   (%.0f ms in all)\n", name, med, cpu, first, pages,
               rss / 1024.0, (g_get_monotonic_time () - start) / 1000.0);
    }
  g_print ("  target: both documents for a typical visit in <= 30 ms (typical, and document "
           "when given)\n");

  if (cli != NULL && document != NULL && floor_path != NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("stride-bench-XXXXXX", NULL);
      g_autofree char *sheet_out = g_build_filename (dir, "sheet.pdf", NULL);
      g_autofree char *floor_out = g_build_filename (dir, "floor.pdf", NULL);
      char *cli_argv[] = { cli, (char *) "sheet", document, (char *) "-o", sheet_out,
                           (char *) "--date", (char *) "2026-11-24T10:00:00Z", NULL };
      char *floor_argv[] = { floor_path, floor_out, NULL };
      g_autoptr(GArray) cli_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cli_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      long cli_rss = 0, floor_rss = 0, rss;
      double cpu;

      /* Warm the page cache once, then alternate so both see the same machine. */
      run_process (cli_argv, &rss, &cpu);
      run_process (floor_argv, &rss, &cpu);
      for (int i = 0; i < runs; i++)
        {
          double ms = run_process (cli_argv, &rss, &cpu);

          g_array_append_val (cli_times, ms);
          g_array_append_val (cli_cpu, cpu);
          cli_rss = MAX (cli_rss, rss);
          ms = run_process (floor_argv, &rss, &cpu);
          g_array_append_val (floor_times, ms);
          g_array_append_val (floor_cpu, cpu);
          floor_rss = MAX (floor_rss, rss);
        }

      {
        double cli_median = median (cli_times);
        double floor_median = median (floor_times);
        double cli_cpu_median = median (cli_cpu);
        double floor_cpu_median = median (floor_cpu);

        g_print ("Whole processes, %d alternating runs each:\n", runs);
        g_print ("  stride-cli sheet   median %7.2f ms wall, %7.2f ms CPU   peak RSS %6.1f MiB\n",
                 cli_median, cli_cpu_median, cli_rss / 1024.0);
        g_print ("  pdf-floor          median %7.2f ms wall, %7.2f ms CPU   peak RSS %6.1f MiB\n",
                 floor_median, floor_cpu_median, floor_rss / 1024.0);
        g_print ("  ratio              %.2f× wall, %.2f× CPU (target: within 2×)\n",
                 cli_median / floor_median, cli_cpu_median / floor_cpu_median);
      }
      g_unlink (sheet_out);
      g_unlink (floor_out);
      g_rmdir (dir);
    }
  else
    g_print ("(Give --cli, --document and --floor to time stride-cli sheet against pdf-floor.)\n");

  g_free (scenario);
  g_free (cli);
  g_free (document);
  g_free (floor_path);
  return 0;
}
