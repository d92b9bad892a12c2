/* test-protocol.c: the assessment protocol and the values its items accept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "stride-protocol.h"
#include "stride-xml.h"

static StrideProtocol *
load (void)
{
  g_autoptr(GError) error = NULL;
  StrideProtocol *protocol = stride_protocol_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (protocol);
  return protocol;
}

static void
test_protocol_loads (void)
{
  g_autoptr(StrideProtocol) protocol = load ();
  GPtrArray *items = stride_protocol_get_items (protocol);
  const char * const *sections = stride_protocol_get_section_ids (protocol);
  const char * const expected_sections[] = {
    "history", "red-flags", "load-sensitivity", "movement-tolerance", "follow-up", NULL,
  };

  g_assert_cmpuint (items->len, >, 100);
  g_assert_cmpstrv (sections, expected_sections);

  for (guint i = 0; i < items->len; i++)
    {
      const StrideItem *item = g_ptr_array_index (items, i);

      g_assert_true (g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*$", item->id, 0, 0));
      g_assert_true (*item->label != '\0');
      g_assert_nonnull (item->section_title);
      g_assert_true (stride_protocol_lookup (protocol, item->id) == item);
      for (guint j = 0; item->rules[j] != NULL; j++)
        g_assert_true (g_regex_match_simple ("^(RF|LS|MT|PH|PR|RP)-[A-Z0-9-]+$",
                                             item->rules[j], 0, 0));
    }
}

/* Every item the engine reads, with its type and side: a rename in the XML breaks here. */
static void
test_protocol_engine_items (void)
{
  g_autoptr(StrideProtocol) protocol = load ();
  const struct { const char *id; StrideItemType type; gboolean per_side; } expected[] = {
    { "worst-pain", STRIDE_ITEM_SCALE, FALSE },
    { "pain-at-rest", STRIDE_ITEM_SCALE, FALSE },
    { "involved-side", STRIDE_ITEM_CHOICE, FALSE },
    { "injury", STRIDE_ITEM_YES_NO, FALSE },
    { "injury-date", STRIDE_ITEM_DATE, FALSE },
    { "mt-sls-reps", STRIDE_ITEM_NUMBER, TRUE },
    { "mt-sls-pain", STRIDE_ITEM_SCALE, TRUE },
    { "mt-walk-minutes", STRIDE_ITEM_NUMBER, FALSE },
    { "mt-walk-source", STRIDE_ITEM_CHOICE, FALSE },
    { "mt-hopdist-cm", STRIDE_ITEM_NUMBER, TRUE },
    { "mt-quad-strength", STRIDE_ITEM_NUMBER, TRUE },
    { "mt-noble", STRIDE_ITEM_CHOICE, TRUE },
    { "pain-location", STRIDE_ITEM_MULTI, FALSE },
    { "monitor-broken-sessions", STRIDE_ITEM_NUMBER, FALSE },
    { "usual-volume-reached", STRIDE_ITEM_YES_NO, FALSE },
    { "continuous-run-minutes", STRIDE_ITEM_NUMBER, FALSE },
    { "longest-run-30d", STRIDE_ITEM_NUMBER, FALSE },
    { "normal-hip-exam", STRIDE_ITEM_YES_NO, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const StrideItem *item = stride_protocol_lookup (protocol, expected[i].id);

      g_assert_nonnull (item);
      g_assert_cmpint (item->type, ==, expected[i].type);
      g_assert_cmpint (item->per_side, ==, expected[i].per_side);
    }

  g_assert_true (stride_protocol_lookup (protocol, "worst-pain")->required);
  g_assert_true (stride_protocol_lookup (protocol, "involved-side")->carried);
  g_assert_true (stride_protocol_lookup (protocol, "injury-date")->carried);
  g_assert_false (stride_protocol_lookup (protocol, "running-now")->carried);
  g_assert_false (stride_protocol_lookup (protocol, "longest-run-30d")->carried);
  g_assert_false (stride_protocol_lookup (protocol, "worst-pain")->carried);
  g_assert_true (stride_item_reads_rule (stride_protocol_lookup (protocol, "worst-pain"),
                                         "LS-IRRITABILITY"));
  g_assert_cmpstr (stride_protocol_get_choice_label (protocol, "involved-side", "both"), ==,
                   "Both");
}

static void
test_protocol_check_value (void)
{
  g_autoptr(StrideProtocol) protocol = load ();
  const struct
  {
    const char *item;
    StrideSide  side;
    const char *value;
    gboolean    ok;
    int         code;
  } cases[] = {
    { "worst-pain", STRIDE_SIDE_NONE, "0", TRUE, 0 },
    { "worst-pain", STRIDE_SIDE_NONE, "10", TRUE, 0 },
    { "worst-pain", STRIDE_SIDE_NONE, "11", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "worst-pain", STRIDE_SIDE_NONE, "-1", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "worst-pain", STRIDE_SIDE_NONE, "6.5", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "worst-pain", STRIDE_SIDE_LEFT, "6", FALSE, STRIDE_PROTOCOL_ERROR_SIDE },
    { "mt-sls-reps", STRIDE_SIDE_NONE, "6", FALSE, STRIDE_PROTOCOL_ERROR_SIDE },
    { "mt-sls-reps", STRIDE_SIDE_RIGHT, "9", TRUE, 0 },
    { "mt-sls-reps", STRIDE_SIDE_RIGHT, "9.5", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "mt-sls-reps", STRIDE_SIDE_RIGHT, "51", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "longest-run-30d", STRIDE_SIDE_NONE, "15.5", TRUE, 0 },
    { "longest-run-30d", STRIDE_SIDE_NONE, "15,5", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "longest-run-30d", STRIDE_SIDE_NONE, "15.55", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "longest-run-30d", STRIDE_SIDE_NONE, "1e2", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "longest-run-30d", STRIDE_SIDE_NONE, "nan", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "longest-run-30d", STRIDE_SIDE_NONE, "", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "longest-run-30d", STRIDE_SIDE_NONE, "15.", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "injury", STRIDE_SIDE_NONE, "yes", TRUE, 0 },
    { "injury", STRIDE_SIDE_NONE, "true", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "involved-side", STRIDE_SIDE_NONE, "both", TRUE, 0 },
    { "involved-side", STRIDE_SIDE_NONE, "middle", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "pain-location", STRIDE_SIDE_NONE, "around-kneecap lateral", TRUE, 0 },
    { "pain-location", STRIDE_SIDE_NONE, "lateral lateral", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "pain-location", STRIDE_SIDE_NONE, "", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "injury-date", STRIDE_SIDE_NONE, "2026-11-20", TRUE, 0 },
    { "injury-date", STRIDE_SIDE_NONE, "2026-02-30", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "injury-date", STRIDE_SIDE_NONE, "20.11.2026", FALSE, STRIDE_PROTOCOL_ERROR_VALUE },
    { "goals", STRIDE_SIDE_NONE, "Run the Berlin marathon", TRUE, 0 },
    { "no-such-item", STRIDE_SIDE_NONE, "1", FALSE, STRIDE_PROTOCOL_ERROR_UNKNOWN_ITEM },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = stride_protocol_check_value (protocol, cases[i].item, cases[i].side,
                                                 cases[i].value, &error);

      g_test_message ("%s=%s", cases[i].item, cases[i].value);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, STRIDE_PROTOCOL_ERROR, cases[i].code);
          g_assert_nonnull (strstr (error->message, cases[i].item));
        }
    }
}

static void
test_protocol_required (void)
{
  g_autoptr(StrideProtocol) protocol = load ();
  g_autoptr(StrideAnswers) answers = stride_answers_new ();
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  const char *required[][2] = {
    { "involved-side", "left" }, { "injury", "no" }, { "running-now", "yes" },
    { "worst-pain", "5" }, { "pain-at-rest", "0" }, { "pain-limits-daily", "no" },
    { "night-pain", "none" }, { "settle-time", "under-1h" }, { "next-morning", "same" },
  };

  missing = stride_protocol_missing_required (protocol, answers);
  g_assert_cmpuint (missing->len, ==, G_N_ELEMENTS (required));
  g_assert_false (stride_protocol_check_answers (protocol, answers, &error));
  g_assert_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_REQUIRED);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    stride_answers_set (answers, required[i][0], STRIDE_SIDE_NONE, required[i][1]);
  g_assert_true (stride_protocol_check_answers (protocol, answers, &error));
  g_assert_no_error (error);

  stride_answers_set (answers, "mt-sls-reps", STRIDE_SIDE_LEFT, "12,5");
  g_assert_false (stride_protocol_check_answers (protocol, answers, &error));
  g_assert_error (error, STRIDE_PROTOCOL_ERROR, STRIDE_PROTOCOL_ERROR_VALUE);
}

static void
test_protocol_bad_files (void)
{
  const struct { const char *xml; int code; } cases[] = {
    { "<protocol xmlns='https://stride.github.io/ns/protocol/1' version='1'>"
      "<section id='history'><title>H</title><group id='g'><title>G</title>"
      "<item id='a' type='yes-no'><label>A</label></item>"
      "<item id='a' type='yes-no'><label>A again</label></item>"
      "</group></section></protocol>", STRIDE_XML_ERROR_INVALID },
    { "<protocol xmlns='https://stride.github.io/ns/protocol/1' version='1'>"
      "<section id='history'><title>H</title><group id='g'><title>G</title>"
      "<item id='a' type='number' min='5' max='1'><label>A</label></item>"
      "</group></section></protocol>", STRIDE_XML_ERROR_INVALID },
    { "<protocol xmlns='https://stride.github.io/ns/protocol/1' version='1'>"
      "<section id='history'><title>H</title><group id='g'><title>G</title>"
      "<item id='a' type='choice'><label>A</label></item>"
      "</group></section></protocol>", STRIDE_XML_ERROR_INVALID },
    { "<protocol xmlns='https://stride.github.io/ns/protocol/1' version='1'>"
      "<section id='elsewhere'><title>H</title></section></protocol>", STRIDE_XML_ERROR_SCHEMA },
    { "<library xmlns='https://stride.github.io/ns/protocol/1' version='1'/>",
      STRIDE_XML_ERROR_ROOT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].xml, strlen (cases[i].xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(StrideProtocol) protocol = stride_protocol_new_from_bytes ("bad.xml", bytes,
                                                                           &error);

      g_assert_null (protocol);
      g_assert_error (error, STRIDE_XML_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "bad.xml:"));
    }
}

static void
test_protocol_from_file (void)
{
  g_autofree char *path = g_build_filename (STRIDE_SOURCE_DIR, "data", "protocol",
                                            "protocol.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideProtocol) protocol = stride_protocol_new_from_file (path, &error);
  g_autoptr(StrideProtocol) builtin = load ();

  g_assert_no_error (error);
  g_assert_cmpuint (stride_protocol_get_items (protocol)->len, ==,
                    stride_protocol_get_items (builtin)->len);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/protocol/loads", test_protocol_loads);
  g_test_add_func ("/protocol/engine-items", test_protocol_engine_items);
  g_test_add_func ("/protocol/check-value", test_protocol_check_value);
  g_test_add_func ("/protocol/required", test_protocol_required);
  g_test_add_func ("/protocol/bad-files", test_protocol_bad_files);
  g_test_add_func ("/protocol/from-file", test_protocol_from_file);

  return g_test_run ();
}
