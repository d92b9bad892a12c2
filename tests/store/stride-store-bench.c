/* stride-store-bench: how fast the store is at 100,000 patients
 *
 *   stride-store-bench [N_PATIENTS N_VISITS]
 *
 * Generates N_PATIENTS patients (default 100,000) and N_VISITS visits
 * (default 500,000) in a temporary directory, in batched transactions,
 * through the store's own API, then prints exactly:
 *
 *   insert: N visits/s
 *   search p50: X ms
 *   search p99: X ms
 *   history: X ms
 *   size: X MiB
 *
 * Search is timed over a mix of what people type: prefixes of 1 to 5
 * letters, a part from the middle of a name, accented and unaccented forms,
 * two words; each query asks for the first 200 ids (a screenful and more of
 * the patient list). History is the mean time to list one patient's visits
 * with their key measures. Details go to stderr. The directory is removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "stride-store-private.h"

#define BATCH 2000
#define SEARCH_LIMIT 200
#define N_SEARCHES 4000
#define N_HISTORIES 2000

static const char *const first_names[] = {
  "Anna", "Ana", "Anne", "Annika", "Ben", "Bernd", "Björn", "Carla", "Carlos", "Chloé",
  "Clara", "Daniel", "Dörte", "Elena", "Élodie", "Emil", "Emma", "Erik", "Eva", "Felix",
  "Franziska", "François", "Gabriel", "Greta", "Hannah", "Hugo", "Ines", "Inés", "Jan",
  "Jens", "Joaquín", "Jonas", "José", "Julia", "Jürgen", "Karin", "Klaus", "Lea", "Léa",
  "Lena", "Leon", "Lucía", "Luis", "Lukas", "Łukasz", "Maja", "Marco", "María", "Marie",
  "Mario", "Martina", "Max", "Mia", "Miguel", "Mónica", "Nina", "Noah", "Ole", "Olga",
  "Oskar", "Pablo", "Paul", "Pedro", "Petra", "Rafael", "Renée", "Rosa", "Ruth", "Sara",
  "Sebastián", "Sofía", "Sophie", "Søren", "Stefan", "Susanne", "Thomas", "Tomás", "Ulla",
  "Uwe", "Valentina", "Vera", "Víctor", "Wiebke", "Xavier", "Yvonne", "Zoë", "Zoe",
};

static const char *const surnames[] = {
  "Müller", "Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
  "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
  "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann",
  "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze",
  "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs",
  "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "García", "Fernández",
  "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
  "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso",
  "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez",
  "Serrano", "Blanco", "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro",
  "Ortiz", "Rubio", "Marín", "Sanz", "Núñez", "Iglesias", "Medina", "Garrido", "Cortés",
  "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto", "Smith", "Jones",
  "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
  "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes",
  "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner",
  "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker",
  "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker",
  "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter",
  "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards",
  "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson",
  "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt",
  "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight",
  "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Dixon",
  "Fletcher", "Dvořák", "Novák", "Svoboda", "Nielsen", "Jensen", "Hansen", "Pedersen",
  "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen",
  "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
  "Møller", "Mortensen", "Østergaard", "Dupont", "Durand", "Lefèvre", "Lefebvre", "Moreau",
  "Laurent", "Simon", "Michel", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier",
  "Girard", "Bonnet", "François", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
  "Chevalier", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo",
  "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa",
  "Giordano", "Rizzo", "Lombardi", "Moretti", "Kowalski", "Wiśniewski", "Wójcik",
  "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski",
  "Łukasiewicz", "O’Brien", "O’Connor", "Ní Bhriain", "McCarthy", "Van der Berg",
  "De Vries", "Van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "De Boer",
  "Mulder", "De Groot", "Bos", "Vos", "Peeters", "Hendriks", "Yılmaz", "Kaya", "Demir",
  "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan",
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
percentile (GArray *times,
            double  p)
{
  guint index;

  g_array_sort (times, compare_doubles);
  index = (guint) (p * (times->len - 1) + 0.5);
  return g_array_index (times, double, MIN (index, times->len - 1));
}

/* CPU time of this thread in ms: shows how much of a slow wall-clock figure
 * was waiting for a CPU on a busy machine. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
die (const char *what,
     GError     *error)
{
  fprintf (stderr, "stride-store-bench: %s: %s\n", what, error != NULL ? error->message : "");
  exit (1);
}

static char *
make_name (GRand *rand)
{
  const char *first = first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
  const char *last = surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))];

  /* One in ten has a double surname. */
  if (g_rand_int_range (rand, 0, 10) == 0)
    return g_strdup_printf ("%s %s-%s", first, last,
                            surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))]);

  return g_strdup_printf ("%s %s", first, last);
}

/* A visit of the size the protocol gives: about 30 answers, a plan of 4
 * exercises, 6 tests in the summary. */
static StrideVisit *
make_visit (GRand *rand,
            guint  index)
{
  StrideVisit *visit = stride_visit_new ();
  StridePlan *plan = stride_plan_new ();
  static const char *const sides_items[] = { "test.sls", "test.hop", "test.step-down",
                                             "test.bridge", "test.squat" };

  g_date_set_dmy (&visit->date, 1 + g_rand_int_range (rand, 0, 28),
                  1 + g_rand_int_range (rand, 0, 12), 2020 + g_rand_int_range (rand, 0, 7));
  visit->kind = index % 5 == 0 ? STRIDE_VISIT_INITIAL : STRIDE_VISIT_FOLLOW_UP;
  visit->clinician = g_strdup ("K. Berg");

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *item = g_strdup_printf ("history.q%02u", i);
      g_autofree char *value = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 11));

      stride_answers_set (visit->answers, item, STRIDE_SIDE_NONE, value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sides_items); i++)
    {
      g_autofree char *left = g_strdup_printf ("%d", g_rand_int_range (rand, 5, 30));
      g_autofree char *right = g_strdup_printf ("%d", g_rand_int_range (rand, 5, 30));

      stride_answers_set (visit->answers, sides_items[i], STRIDE_SIDE_LEFT, left);
      stride_answers_set (visit->answers, sides_items[i], STRIDE_SIDE_RIGHT, right);
    }
  stride_answers_set (visit->answers, "history.notes", STRIDE_SIDE_NONE,
                      "Pain around the kneecap after 20 minutes of running downhill.");

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("EX-%02d", g_rand_int_range (rand, 0, 40));
      StridePlanItem *item = stride_plan_item_new (id);

      item->sets = 3;
      item->reps = 12;
      item->frequency = g_strdup ("daily");
      g_ptr_array_add (plan->items, item);
    }
  g_ptr_array_add (plan->running.advice, g_strdup ("flat-ground"));
  g_ptr_array_add (plan->education, g_strdup ("ED-LOAD"));
  g_ptr_array_add (plan->education, g_strdup ("ED-PAIN"));
  visit->plan = plan;
  return visit;
}

static StrideFindingsSummary *
make_summary (GRand *rand)
{
  StrideFindingsSummary *summary = stride_findings_summary_new ();
  static const char *const tests[] = { "MT-WALK", "MT-SLS", "MT-HOP", "MT-STEP", "MT-BRIDGE",
                                       "MT-SQUAT" };

  summary->has_worst_pain = TRUE;
  summary->worst_pain = g_rand_int_range (rand, 0, 11);
  summary->has_run_pain = TRUE;
  summary->run_pain = g_rand_int_range (rand, 0, 11);
  summary->has_irritability = TRUE;
  summary->irritability = (StrideIrritability) g_rand_int_range (rand, 0, 3);
  summary->phase = (StridePhase) g_rand_int_range (rand, 1, 4);
  summary->rtr_total = 7;
  summary->rtr_met = g_rand_int_range (rand, 0, 8);
  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      StrideSummaryTest *test = stride_summary_test_new (tests[i]);

      test->tested[STRIDE_SIDE_LEFT] = test->tested[STRIDE_SIDE_RIGHT] = TRUE;
      test->value[STRIDE_SIDE_LEFT] = g_rand_int_range (rand, 5, 30);
      test->value[STRIDE_SIDE_RIGHT] = g_rand_int_range (rand, 5, 30);
      test->has_lsi = TRUE;
      test->lsi = test->value[STRIDE_SIDE_LEFT] / test->value[STRIDE_SIDE_RIGHT] * 100.0;
      g_ptr_array_add (summary->tests, test);
    }

  return summary;
}

/* What people type: prefixes of 1–5 letters (as written, or without the
 * accents), a part from the middle, a first name and the start of a surname. */
static char *
make_query (GRand *rand)
{
  const char *name = g_rand_boolean (rand)
                     ? surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))]
                     : first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
  glong length = g_utf8_strlen (name, -1);
  int kind = g_rand_int_range (rand, 0, 10);
  g_autofree char *plain = stride_store_fold_name (name);

  if (kind < 6)
    {
      /* A prefix of 1–5 letters, half of them typed without accents. */
      glong n = MIN (length, g_rand_int_range (rand, 1, 6));
      const char *source = g_rand_boolean (rand) ? name : plain;

      return g_utf8_substring (source, 0, MIN (n, g_utf8_strlen (source, -1)));
    }
  if (kind < 9 && length >= 5)
    {
      /* 3 or 4 letters from the middle. */
      glong n = g_rand_int_range (rand, 3, 5);
      glong start = g_rand_int_range (rand, 1, (gint32) (length - n + 1));

      return g_utf8_substring (g_rand_boolean (rand) ? name : plain, start, start + n);
    }

  {
    const char *last = surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))];
    g_autofree char *start = g_utf8_substring (last, 0, MIN (2, g_utf8_strlen (last, -1)));

    return g_strdup_printf ("%s %s", name, start);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  g_autoptr(GArray) patient_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) search_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) history_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint64 n_patients = 100000, n_visits = 500000;
  gint64 start, elapsed;
  double visits_per_second, history_total = 0.0;
  guint64 total_results = 0;
  gboolean reuse = FALSE;
  struct rusage usage_before, usage_after;
  GStatBuf st;
  double size_mib;

  if (argc == 3)
    {
      if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXUINT32, &n_patients, NULL)
          || !g_ascii_string_to_unsigned (argv[2], 10, 0, G_MAXUINT32, &n_visits, NULL))
        {
          fprintf (stderr, "usage: %s [N_PATIENTS N_VISITS]\n", argv[0]);
          return 2;
        }
    }
  else if (argc != 1)
    {
      fprintf (stderr, "usage: %s [N_PATIENTS N_VISITS]\n", argv[0]);
      return 2;
    }

  /* STRIDE_STORE_BENCH_DB=FILE keeps the generated database there, and a
   * second run with the same FILE measures it again without regenerating. */
  if (g_getenv ("STRIDE_STORE_BENCH_DB") != NULL)
    path = g_strdup (g_getenv ("STRIDE_STORE_BENCH_DB"));
  else
    {
      dir = g_dir_make_tmp ("stride-bench-XXXXXX", &error);
      if (dir == NULL)
        die ("temporary directory", error);
      path = g_build_filename (dir, "stride.db", NULL);
    }
  store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &error);
  if (store == NULL)
    die ("open", error);
  if (stride_store_count_patients (store, NULL) > 0)
    {
      /* Reuse what a run before generated. */
      g_autoptr(GArray) all = stride_store_search_ids (store, "", 0, &error);

      if (all == NULL)
        die ("reuse", error);
      g_array_append_vals (patient_ids, all->data, all->len);
      n_patients = all->len;
      n_visits = 0;
      reuse = TRUE;
    }

  /* Patients. */
  start = g_get_monotonic_time ();
  for (guint64 i = 0; !reuse && i < n_patients; i++)
    {
      g_autoptr(StridePatient) patient = stride_patient_new ();
      gint64 id;

      if (i % BATCH == 0 && !stride_store_batch_begin (store, &error))
        die ("batch", error);
      patient->name = make_name (rand);
      g_date_set_dmy (&patient->birth_date, 1 + g_rand_int_range (rand, 0, 28),
                      1 + g_rand_int_range (rand, 0, 12), 1950 + g_rand_int_range (rand, 0, 55));
      patient->language = g_strdup ("en");
      id = stride_store_create_patient (store, patient, &error);
      if (id == 0)
        die ("patient", error);
      g_array_append_val (patient_ids, id);
      if ((i + 1) % BATCH == 0 || i + 1 == n_patients)
        {
          if (!stride_store_batch_commit (store, &error))
            die ("commit", error);
        }
    }
  fprintf (stderr, "patients: %" G_GUINT64_FORMAT " in %.1f s\n", n_patients,
           (g_get_monotonic_time () - start) / 1e6);

  /* Visits, spread over the patients, most of them final. */
  start = g_get_monotonic_time ();
  for (guint64 i = 0; i < n_visits; i++)
    {
      g_autoptr(StrideVisit) visit = make_visit (rand, (guint) i);
      g_autoptr(StrideFindingsSummary) summary = make_summary (rand);
      gint64 patient_id = g_array_index (patient_ids, gint64,
                                         g_rand_int_range (rand, 0, (gint32) n_patients));
      gboolean ok;

      if (i % BATCH == 0 && !stride_store_batch_begin (store, &error))
        die ("batch", error);
      if (i % 10 == 0)
        ok = stride_store_save_draft (store, patient_id, visit, summary, &error);
      else
        ok = stride_store_finalise_visit (store, patient_id, visit, summary, &error);
      if (!ok)
        die ("visit", error);
      if ((i + 1) % BATCH == 0 || i + 1 == n_visits)
        {
          if (!stride_store_batch_commit (store, &error))
            die ("commit", error);
        }
      if ((i + 1) % 50000 == 0)
        fprintf (stderr, "visits: %" G_GUINT64_FORMAT "…\n", i + 1);
    }
  elapsed = g_get_monotonic_time () - start;
  visits_per_second = n_visits > 0 ? n_visits / MAX (elapsed / 1e6, 1e-6) : 0.0;
  fprintf (stderr, "visits: %" G_GUINT64_FORMAT " in %.1f s\n", n_visits, elapsed / 1e6);

  /* Reopen, as the app would, with the checks on open. */
  g_clear_object (&store);
  start = g_get_monotonic_time ();
  store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &error);
  if (store == NULL)
    die ("reopen", error);
  fprintf (stderr, "open with quick_check: %.0f ms\n", (g_get_monotonic_time () - start) / 1e3);

  /* Warm up the page cache with a few queries first, as a running app has. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *query = make_query (rand);
      g_autoptr(GArray) ids = stride_store_search_ids (store, query, SEARCH_LIMIT, &error);

      if (ids == NULL)
        die ("search", error);
    }

  getrusage (RUSAGE_SELF, &usage_before);
  for (guint i = 0; i < N_SEARCHES; i++)
    {
      g_autofree char *query = make_query (rand);
      g_autoptr(GArray) ids = NULL;
      double ms, cpu;

      cpu = thread_cpu_ms ();
      start = g_get_monotonic_time ();
      ids = stride_store_search_ids (store, query, SEARCH_LIMIT, &error);
      ms = (g_get_monotonic_time () - start) / 1e3;
      cpu = thread_cpu_ms () - cpu;
      g_array_append_val (search_cpu, cpu);
      if (ids == NULL)
        die ("search", error);
      total_results += ids->len;
      g_array_append_val (search_times, ms);
      if (g_getenv ("STRIDE_STORE_BENCH_VERBOSE") != NULL && ms > 1.0)
        fprintf (stderr, "slow search: “%s” %.3f ms (CPU %.3f ms), %u ids\n", query, ms, cpu,
                 ids->len);
    }

  getrusage (RUSAGE_SELF, &usage_after);
  fprintf (stderr, "search: %ld voluntary and %ld involuntary context switches, "
           "%ld page faults needing I/O\n",
           usage_after.ru_nvcsw - usage_before.ru_nvcsw,
           usage_after.ru_nivcsw - usage_before.ru_nivcsw,
           usage_after.ru_majflt - usage_before.ru_majflt);

  for (guint i = 0; i < N_HISTORIES; i++)
    {
      gint64 patient_id = g_array_index (patient_ids, gint64,
                                         g_rand_int_range (rand, 0, (gint32) n_patients));
      g_autoptr(GPtrArray) history = NULL;
      double ms;

      start = g_get_monotonic_time ();
      history = stride_store_list_history (store, patient_id, &error);
      ms = (g_get_monotonic_time () - start) / 1e3;
      if (history == NULL)
        die ("history", error);
      history_total += ms;
      g_array_append_val (history_times, ms);
    }

  /* Saving a draft as the clinician types: one durable transaction each. */
  {
    g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(StrideVisit) visit = make_visit (rand, 1);
    g_autoptr(StrideFindingsSummary) summary = make_summary (rand);
    gint64 patient_id = g_array_index (patient_ids, gint64, 0);

    for (guint i = 0; i < 200; i++)
      {
        g_autofree char *value = g_strdup_printf ("%u", i % 11);
        double ms;

        stride_answers_set (visit->answers, "history.q00", STRIDE_SIDE_NONE, value);
        start = g_get_monotonic_time ();
        if (!stride_store_save_draft (store, patient_id, visit, summary, &error))
          die ("draft", error);
        ms = (g_get_monotonic_time () - start) / 1e3;
        g_array_append_val (save_times, ms);
      }
    fprintf (stderr, "draft save (durable): p50 %.3f ms, p99 %.3f ms\n",
             percentile (save_times, 0.5), percentile (save_times, 0.99));
  }

  /* Deleting a patient for good: index merge and WAL truncation included. */
  for (guint i = 0; i < 3; i++)
    {
      start = g_get_monotonic_time ();
      if (!stride_store_delete_patient (store, g_array_index (patient_ids, gint64, 1 + i), &error))
        die ("delete", error);
      g_array_remove_index (patient_ids, 1 + i);
      fprintf (stderr, "delete for good: %.0f ms\n", (g_get_monotonic_time () - start) / 1e3);
    }

  g_clear_object (&store);   /* checkpoints the WAL into the file */
  if (g_stat (path, &st) != 0)
    die ("size", NULL);
  size_mib = st.st_size / (1024.0 * 1024.0);

  fprintf (stderr, "search: %u queries, %.1f ids each on average, max %.3f ms\n",
           N_SEARCHES, (double) total_results / N_SEARCHES, percentile (search_times, 1.0));
  fprintf (stderr, "search CPU time: p50 %.3f ms, p99 %.3f ms\n", percentile (search_cpu, 0.5),
           percentile (search_cpu, 0.99));
  fprintf (stderr, "history: p50 %.3f ms, p99 %.3f ms\n", percentile (history_times, 0.5),
           percentile (history_times, 0.99));

  printf ("insert: %.0f visits/s\n", visits_per_second);
  printf ("search p50: %.3f ms\n", percentile (search_times, 0.5));
  printf ("search p99: %.3f ms\n", percentile (search_times, 0.99));
  printf ("history: %.3f ms\n", history_total / N_HISTORIES);
  printf ("size: %.1f MiB\n", size_mib);

  if (dir != NULL)
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }

  return 0;
}
