/* test-engine-locale.c: numbers survive a German locale, which writes 1,5
 *
 * Reads tests/cases/typical-pfp.xml under de_DE.UTF-8, writes it and reads it
 * back, and evaluates both: the answers, the kept plan and the evaluate keys
 * must be the same, with a dot in every number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "stride-document.h"
#include "stride-engine.h"

static void
test_german_round_trip (void)
{
  g_autofree char *path = g_build_filename (STRIDE_SOURCE_DIR, "tests", "cases",
                                            "typical-pfp.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideProtocol) protocol = NULL;
  g_autoptr(StrideAssessment) first = NULL;
  g_autoptr(StrideAssessment) second = NULL;
  g_autoptr(StrideFindings) f1 = NULL;
  g_autoptr(StrideFindings) f2 = NULL;
  g_autoptr(GString) k1 = g_string_new (NULL);
  g_autoptr(GString) k2 = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lsi = NULL;
  StrideVisit *v1, *v2;
  double km;

  /* The point of the test: a locale whose decimal separator is a comma. */
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  protocol = stride_protocol_load_default (&error);
  g_assert_no_error (error);
  first = stride_document_read_file (path, protocol, &error);
  g_assert_no_error (error);

  v1 = stride_assessment_get_current (first);
  g_assert_true (stride_answers_get_number (v1->answers, "pain-onset-km", STRIDE_SIDE_NONE, &km));
  g_assert_cmpfloat (km, ==, 3.0);
  g_assert_nonnull (v1->plan);
  g_assert_cmpfloat (v1->plan->running.spike_limit_km, ==, 13.2);
  g_assert_cmpfloat (v1->plan->running.shortened_km, ==, 2.25);

  text = stride_document_to_string (first, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (text, "13,2"));
  g_assert_null (strstr (text, "2,25"));
  bytes = g_bytes_new (text, strlen (text));
  second = stride_document_read_bytes ("round-trip.xml", bytes, protocol, &error);
  g_assert_no_error (error);

  v2 = stride_assessment_get_current (second);
  g_assert_true (stride_answers_equal (v1->answers, v2->answers));
  g_assert_true (stride_plan_equal (v1->plan, v2->plan));

  f1 = stride_engine_evaluate (protocol, first, &error);
  g_assert_no_error (error);
  f2 = stride_engine_evaluate (protocol, second, &error);
  g_assert_no_error (error);
  stride_engine_format_keys (f1, FALSE, k1);
  stride_engine_format_extra_keys (f1, k1);
  stride_engine_format_keys (f2, FALSE, k2);
  stride_engine_format_extra_keys (f2, k2);
  g_assert_cmpstr (k1->str, ==, k2->str);
  g_assert_nonnull (strstr (k1->str, "lsi.MT-SLS: 50.0\n"));
  g_assert_nonnull (strstr (k1->str, "lsi.MT-BRIDGE: 72.7\n"));

  lsi = stride_engine_format_lsi (87.5);
  g_assert_cmpstr (lsi, ==, "87.5");
  g_free (lsi);
  /* Half up, never half to even: 31.25 → 31.3 */
  lsi = stride_engine_format_lsi (5 * 100.0 / 16);
  g_assert_cmpstr (lsi, ==, "31.3");
  g_free (lsi);
  lsi = stride_engine_format_lsi (-2.25);
  g_assert_cmpstr (lsi, ==, "-2.3");

  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/engine/locale/german-round-trip", test_german_round_trip);

  return g_test_run ();
}
