/* test-xml.c: the hardened XML reader refuses every hostile input with a
 * clear "FILE:LINE: message", reads nothing outside the document, and keeps
 * its errors to itself (nothing through libxml2's global handlers)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "stride-xml.h"

#define TEST_NS "https://stride.github.io/ns/test/1"
#define TEST_SCHEMA "/io/github/stride/Stride/tests/test-xml.rng"

static guint global_messages;

static void
count_generic (void       *ctx,
               const char *msg,
               ...)
{
  global_messages++;
}

static void
count_structured (void        *ctx,
                  xmlErrorPtr  err)
{
  global_messages++;
}

static xmlDoc *
parse_string (const char  *text,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return stride_xml_read_bytes ("test.xml", bytes, 0, error);
}

/* Parses @text, expects @code and exactly @message. */
static void
assert_refused (const char     *text,
                gsize           length,
                StrideXmlError  code,
                const char     *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;

  doc = stride_xml_read_bytes ("test.xml", bytes, 0, &error);
  g_assert_null (doc);
  g_assert_error (error, STRIDE_XML_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_xml_valid (void)
{
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;
  xmlNode *root, *thing;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *missing = NULL;

  doc = parse_string ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<things xmlns=\"" TEST_NS "\" version=\"1\">\n"
                      "  <!-- a comment -->\n"
                      "  <thing id=\"a\" count=\"3\">Ärger &amp; Öl</thing>\n"
                      "  <thing id=\"b\"><![CDATA[<raw>]]></thing>\n"
                      "</things>\n", &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  g_assert_true (stride_xml_validate (doc, "test.xml", TEST_SCHEMA, &error));
  g_assert_no_error (error);
  /* The compiled schema is cached: a second validation uses it. */
  g_assert_true (stride_xml_validate (doc, "test.xml", TEST_SCHEMA, &error));
  g_assert_no_error (error);

  root = xmlDocGetRootElement (doc);
  thing = stride_xml_first_child (root, "thing");
  g_assert_nonnull (thing);
  g_assert_cmpuint (stride_xml_get_line (thing), ==, 4);
  id = stride_xml_get_prop (thing, "id");
  g_assert_cmpstr (id, ==, "a");
  missing = stride_xml_get_prop (thing, "nope");
  g_assert_null (missing);
  text = stride_xml_get_text (thing);
  g_assert_cmpstr (text, ==, "Ärger & Öl");

  thing = stride_xml_next_element (thing->next, "thing");
  g_assert_nonnull (thing);
  g_clear_pointer (&text, g_free);
  text = stride_xml_get_text (thing);
  g_assert_cmpstr (text, ==, "<raw>");
  g_assert_null (stride_xml_next_element (thing->next, "thing"));
  g_assert_null (stride_xml_first_child (root, "nothing"));
  g_assert_null (stride_xml_first_child (NULL, "thing"));
  g_assert_null (stride_xml_get_text (NULL));

  xmlFreeDoc (doc);
}

static void
test_xml_set_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  xmlDoc *doc;
  xmlNode *thing;

  doc = parse_string ("<things xmlns=\"" TEST_NS "\" version=\"1\">\n\n"
                      "<thing id=\"x\"/></things>", &error);
  g_assert_no_error (error);
  thing = stride_xml_first_child (xmlDocGetRootElement (doc), "thing");

  stride_xml_set_error (&error, STRIDE_XML_ERROR_INVALID, "a.xml", thing,
                        "item “%s” is unknown", "x");
  g_assert_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "a.xml:3: item “x” is unknown");

  stride_xml_set_error (&error2, STRIDE_XML_ERROR_VERSION, "a.xml", NULL, "no line");
  g_assert_cmpstr (error2->message, ==, "a.xml: no line");
  xmlFreeDoc (doc);
}

static void
test_xml_empty (void)
{
  assert_refused ("", 0, STRIDE_XML_ERROR_EMPTY, "test.xml: the file is empty");
  assert_refused ("  \n\n", 4, STRIDE_XML_ERROR_EMPTY,
                  "test.xml:3: the file holds no XML element");
}

static void
test_xml_malformed (void)
{
  const char *mismatch = "<things>\n<thing>\n</things>\n";
  const char *truncated = "<things xmlns=\"" TEST_NS "\" version=\"1\">\n<thing id=\"a\">";
  const char *undefined = "<things>\n&nbsp;</things>";
  const char *extra = "<things/>\n<things/>";

  assert_refused (mismatch, strlen (mismatch), STRIDE_XML_ERROR_MALFORMED,
                  "test.xml:3: not well-formed XML: Opening and ending tag mismatch: "
                  "thing line 2 and things");
  assert_refused (truncated, strlen (truncated), STRIDE_XML_ERROR_MALFORMED,
                  "test.xml:2: not well-formed XML: Premature end of data in tag thing line 2");
  assert_refused (undefined, strlen (undefined), STRIDE_XML_ERROR_MALFORMED,
                  "test.xml:2: not well-formed XML: Entity 'nbsp' not defined");
  assert_refused (extra, strlen (extra), STRIDE_XML_ERROR_MALFORMED,
                  "test.xml:2: not well-formed XML: extra content after the root element");
}

static void
test_xml_bad_bytes (void)
{
  static const char nul[] = "<things>\n\n<thing>a\0b</thing></things>";
  static const char latin1[] = "<things>\n<thing>M\xfcller</thing></things>";
  static const char overlong[] = "<things>\xc0\xaf</things>";
  const char *declared = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<things/>";

  assert_refused (nul, sizeof nul - 1, STRIDE_XML_ERROR_MALFORMED,
                  "test.xml:3: a NUL byte in the text (not allowed in XML)");
  assert_refused (latin1, sizeof latin1 - 1, STRIDE_XML_ERROR_MALFORMED,
                  "test.xml:2: invalid UTF-8 (byte 0xFC); Stride reads UTF-8 only");
  assert_refused (overlong, sizeof overlong - 1, STRIDE_XML_ERROR_MALFORMED,
                  "test.xml:1: invalid UTF-8 (byte 0xC0); Stride reads UTF-8 only");
  assert_refused (declared, strlen (declared), STRIDE_XML_ERROR_MALFORMED,
                  "test.xml:1: the file declares the encoding “ISO-8859-1”; "
                  "Stride reads UTF-8 only");
}

#define DTD_MESSAGE "a DOCTYPE declaration is not allowed " \
                    "(Stride reads no DTDs and no entity declarations)"

static void
test_xml_doctype (void)
{
  const char *laughs =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<lolz>&lol9;</lolz>\n";
  const char *passwd =
    "<?xml version=\"1.0\"?>\n\n"
    "<!DOCTYPE things [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<things>&xxe;</things>\n";
  const char *external_dtd =
    "<!DOCTYPE things SYSTEM \"http://example.invalid/things.dtd\">\n<things/>";
  const char *bare = "<?xml version=\"1.0\"?>\n<!DOCTYPE things>\n<things/>";
  const char *parameter =
    "<!DOCTYPE t [ <!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p; ]>\n<t/>";

  assert_refused (laughs, strlen (laughs), STRIDE_XML_ERROR_DTD, "test.xml:2: " DTD_MESSAGE);
  assert_refused (passwd, strlen (passwd), STRIDE_XML_ERROR_DTD, "test.xml:3: " DTD_MESSAGE);
  assert_refused (external_dtd, strlen (external_dtd), STRIDE_XML_ERROR_DTD,
                  "test.xml:1: " DTD_MESSAGE);
  assert_refused (bare, strlen (bare), STRIDE_XML_ERROR_DTD, "test.xml:2: " DTD_MESSAGE);
  assert_refused (parameter, strlen (parameter), STRIDE_XML_ERROR_DTD,
                  "test.xml:1: " DTD_MESSAGE);
}

static char *
nested (guint depth)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n");

  for (guint i = 0; i < depth; i++)
    g_string_append (text, "<a>");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "</a>");
  return g_string_free (text, FALSE);
}

static void
test_xml_depth (void)
{
  g_autofree char *deepest_allowed = nested (STRIDE_XML_MAX_DEPTH);
  g_autofree char *too_deep = nested (STRIDE_XML_MAX_DEPTH + 1);
  g_autofree char *very_deep = nested (10000);
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;

  doc = parse_string (deepest_allowed, &error);
  g_assert_no_error (error);
  xmlFreeDoc (doc);

  assert_refused (too_deep, strlen (too_deep), STRIDE_XML_ERROR_MALFORMED,
                  "test.xml:2: elements are nested more than 256 deep");
  assert_refused (very_deep, strlen (very_deep), STRIDE_XML_ERROR_MALFORMED,
                  "test.xml:2: elements are nested more than 256 deep");
}

static void
test_xml_huge_attribute (void)
{
  GString *text = g_string_new ("<things>\n<thing id=\"");
  g_autofree char *at_limit = NULL;
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;

  for (guint i = 0; i < STRIDE_XML_MAX_ATTRIBUTE_SIZE; i++)
    g_string_append_c (text, 'x');
  at_limit = g_strconcat (text->str, "\"/></things>", NULL);
  doc = parse_string (at_limit, &error);
  g_assert_no_error (error);
  xmlFreeDoc (doc);

  g_string_append (text, "y\"/></things>");
  assert_refused (text->str, text->len, STRIDE_XML_ERROR_INVALID,
                  "test.xml:2: attribute “id” of <thing> is too long (16385 bytes, at most 16384)");
  g_string_free (text, TRUE);
}

static void
test_xml_size_cap (void)
{
  const char *text = "<things xmlns=\"" TEST_NS "\" version=\"1\"/>";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stride-xml-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "things.xml", NULL);
  g_autofree char *expected = NULL;
  xmlDoc *doc;

  g_assert_null (stride_xml_read_bytes ("test.xml", bytes, 20, &error));
  g_assert_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_TOO_LARGE);
  expected = g_strdup_printf ("test.xml: the file is too large (%zu bytes, at most 20)",
                              strlen (text));
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_null (stride_xml_read_file (path, 20, &error));
  g_assert_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Exactly at the cap is fine. */
  doc = stride_xml_read_file (path, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_true (stride_xml_validate (doc, path, TEST_SCHEMA, &error));
  g_assert_no_error (error);
  xmlFreeDoc (doc);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_xml_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stride-xml-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.xml", NULL);
  g_autofree char *expected = NULL;

  g_assert_null (stride_xml_read_file (missing, 0, &error));
  g_assert_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_IO);
  expected = g_strdup_printf ("%s: cannot open the file: No such file or directory", missing);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_null (stride_xml_read_file (dir, 0, &error));
  g_assert_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_IO);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s: not a regular file", dir);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* A device that never ends is refused before reading. */
  g_assert_null (stride_xml_read_file ("/dev/zero", 0, &error));
  g_assert_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_IO);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_xml_schema (void)
{
  struct
  {
    const char     *text;
    StrideXmlError  code;
    const char     *message;
  } cases[] = {
    { "<things xmlns=\"" TEST_NS "\" version=\"1\">\n<thing id=\"a\" count=\"-2\"/></things>",
      STRIDE_XML_ERROR_SCHEMA,
      "test.xml:2: does not match the schema: Invalid attribute count for element thing" },
    { "<things xmlns=\"" TEST_NS "\" version=\"1\">\n\n<other/></things>",
      STRIDE_XML_ERROR_SCHEMA,
      "test.xml:3: <other> is not allowed here in <things> (unknown, repeated or out of order)" },
    { "<things xmlns=\"" TEST_NS "\" version=\"2\"/>",
      STRIDE_XML_ERROR_SCHEMA,
      "test.xml:1: attribute “version” of <things>: “2” is not one of 1" },
    { "<things xmlns=\"" TEST_NS "\" version=\"1\">\n<thing/></things>",
      STRIDE_XML_ERROR_SCHEMA,
      "test.xml:2: <thing> lacks the required attribute “id”" },
    { "<things xmlns=\"" TEST_NS "\" version=\"1\" colour=\"red\"/>",
      STRIDE_XML_ERROR_SCHEMA,
      "test.xml:1: <things> takes no attribute “colour”" },
    { "<?xml version=\"1.0\"?>\n<protocol xmlns=\"" TEST_NS "\" version=\"1\"/>",
      STRIDE_XML_ERROR_ROOT,
      "test.xml:2: the root element is <protocol>, expected <things>" },
    { "<things version=\"1\"/>",
      STRIDE_XML_ERROR_ROOT,
      "test.xml:1: the root element <things> must be in the namespace "
      "“" TEST_NS "” (it has “”)" },
    /* XInclude is never processed: the element stays and the schema refuses it. */
    { "<things xmlns=\"" TEST_NS "\" version=\"1\">\n"
      "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" "
      "parse=\"text\"/></things>",
      STRIDE_XML_ERROR_SCHEMA,
      "test.xml:2: <xi:include> is not allowed here in <things> (unknown, repeated or out of "
      "order)" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      xmlDoc *doc = parse_string (cases[i].text, &error);

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_no_error (error);
      g_assert_false (stride_xml_validate (doc, "test.xml", TEST_SCHEMA, &error));
      g_assert_error (error, STRIDE_XML_ERROR, (int) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      xmlFreeDoc (doc);
    }
}

static void
test_xml_missing_schema (void)
{
  g_autoptr(GError) error = NULL;
  xmlDoc *doc = parse_string ("<things/>", &error);

  g_assert_no_error (error);
  g_assert_false (stride_xml_validate (doc, "test.xml", "/io/github/stride/Stride/nope.rng",
                                       &error));
  g_assert_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_IO);
  xmlFreeDoc (doc);
}

/* Errors go only to the caller: never through libxml2's global handlers
 * (which print on stderr and are shared by every thread). */
static void
test_xml_no_global_errors (void)
{
  const char *inputs[] = {
    "<things>\n<thing>\n</things>\n",
    "<!DOCTYPE t [ <!ENTITY e SYSTEM \"file:///etc/passwd\"> ]><t>&e;</t>",
    "<t>&undefined;</t>",
    "<t a=\"1\" a=\"2\"/>",
    "<p:t/>",
    "<things xmlns=\"" TEST_NS "\" version=\"1\"><thing/></things>",
  };

  global_messages = 0;
  xmlSetGenericErrorFunc (NULL, count_generic);
  xmlSetStructuredErrorFunc (NULL, count_structured);

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      xmlDoc *doc = parse_string (inputs[i], &error);

      if (doc != NULL)
        {
          g_assert_false (stride_xml_validate (doc, "test.xml", TEST_SCHEMA, &error));
          xmlFreeDoc (doc);
        }
      g_assert_nonnull (error);
    }

  xmlSetGenericErrorFunc (NULL, NULL);
  xmlSetStructuredErrorFunc (NULL, NULL);
  g_assert_cmpuint (global_messages, ==, 0);
}

/* Each thread sees its own first error, never another's. */
static gpointer
parse_in_thread (gpointer data)
{
  guint n = GPOINTER_TO_UINT (data);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *name = g_strdup_printf ("thread-%u.xml", n);
      xmlDoc *doc;

      /* The mismatch is on line n + 2. */
      text = g_strdup_printf ("<things xmlns=\"" TEST_NS "\" version=\"1\">%s<thing id=\"t%u\">"
                              "</wrong>", n % 2 ? "\n" : "\n", n);
      for (guint i = 0; i < n; i++)
        {
          char *longer = g_strconcat ("\n", text, NULL);

          g_free (text);
          text = longer;
        }
      bytes = g_bytes_new (text, strlen (text));
      doc = stride_xml_read_bytes (name, bytes, 0, &error);
      g_assert_null (doc);
      expected = g_strdup_printf ("%s:%u: not well-formed XML: Opening and ending tag mismatch: "
                                  "thing line %u and wrong", name, n + 2, n + 2);
      g_assert_cmpstr (error->message, ==, expected);
    }

  return NULL;
}

static void
test_xml_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("parse", parse_in_thread, GUINT_TO_POINTER (i));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/xml/valid", test_xml_valid);
  g_test_add_func ("/xml/set-error", test_xml_set_error);
  g_test_add_func ("/xml/empty", test_xml_empty);
  g_test_add_func ("/xml/malformed", test_xml_malformed);
  g_test_add_func ("/xml/bad-bytes", test_xml_bad_bytes);
  g_test_add_func ("/xml/doctype", test_xml_doctype);
  g_test_add_func ("/xml/depth", test_xml_depth);
  g_test_add_func ("/xml/huge-attribute", test_xml_huge_attribute);
  g_test_add_func ("/xml/size-cap", test_xml_size_cap);
  g_test_add_func ("/xml/file-errors", test_xml_file_errors);
  g_test_add_func ("/xml/schema", test_xml_schema);
  g_test_add_func ("/xml/missing-schema", test_xml_missing_schema);
  g_test_add_func ("/xml/no-global-errors", test_xml_no_global_errors);
  g_test_add_func ("/xml/threads", test_xml_threads);

  return g_test_run ();
}
