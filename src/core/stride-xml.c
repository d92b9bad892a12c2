/* stride-xml.c: the one hardened way Stride reads XML from outside
 *
 * Layers of defence, each cheap:
 *  1. the size is checked before a byte is parsed (fstat, then a bounded read);
 *  2. NUL bytes and invalid UTF-8 are refused with their line before libxml2
 *     sees them;
 *  3. libxml2 runs without NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE and with
 *     NONET, behind an external-entity loader that refuses everything;
 *  4. our SAX hooks stop the parser at the first DOCTYPE, so no entity is
 *     ever declared and billion-laughs or quadratic blow-up die before any
 *     expansion; they also stop it at an attribute over the size limit or an
 *     element nested too deep;
 *  5. errors are collected per parse (the context's structured handler, never
 *     the global one), so two threads never mix their messages and nothing
 *     goes to stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "stride-i18n.h"
#include "stride-xml.h"
#include "stride-xml-explain.h"

G_DEFINE_QUARK (stride-xml-error-quark, stride_xml_error)

/* What libxml2 may do for us: nothing that reaches outside the document.
 * Short text nodes are stored compactly (fewer allocations when every process
 * reads the protocol and library): the trees we read are never modified. */
#define STRIDE_XML_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES \
                                  | XML_PARSE_NOXINCNODE | XML_PARSE_IGNORE_ENC | XML_PARSE_COMPACT)

typedef struct
{
  const char *display_name;
  GError     *error;   /* the first error; later ones are consequences */
} ParseState;

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  /* Returning NULL makes libxml2 report an I/O error; the DOCTYPE hook has
   * normally stopped the parse long before anything asks for a URL. */
  return NULL;
}

static void
stride_xml_init (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialised, 1);
    }
}

/* Removes the trailing newline libxml2 puts on its messages. */
static char *
clean_message (const char *message)
{
  char *text = g_strdup (message != NULL ? message : "");

  return g_strstrip (text);
}

static void
set_error_at_line (GError         **error,
                   StrideXmlError   code,
                   const char      *display_name,
                   guint            line,
                   const char      *message)
{
  if (line > 0)
    g_set_error (error, STRIDE_XML_ERROR, code, "%s:%u: %s", display_name, line, message);
  else
    g_set_error (error, STRIDE_XML_ERROR, code, "%s: %s", display_name, message);
}

static void
state_fail (ParseState     *state,
            StrideXmlError  code,
            guint           line,
            const char     *message)
{
  if (state->error != NULL)
    return;

  set_error_at_line (&state->error, code, state->display_name, line, message);
}

static ParseState *
state_from_ctx (void *ctx)
{
  xmlParserCtxtPtr ctxt = ctx;

  return ctxt->_private;
}

static void
on_parse_error (void        *ctx,
                xmlErrorPtr  err)
{
  ParseState *state = state_from_ctx (ctx);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (err == NULL || err->level < XML_ERR_ERROR || state->error != NULL)
    return;

  /* We stopped the parser ourselves and already said why. */
  if (err->code == XML_ERR_USER_STOP)
    return;

  text = clean_message (err->message);
  if (err->code == XML_ERR_DOCUMENT_EMPTY)
    {
      state_fail (state, STRIDE_XML_ERROR_EMPTY, (guint) MAX (err->line, 0),
                  _("the file holds no XML element"));
      return;
    }

  if (g_str_has_prefix (text, "Excessive depth"))
    {
      message = g_strdup_printf (_("elements are nested more than %d deep"),
                                 STRIDE_XML_MAX_DEPTH);
      state_fail (state, STRIDE_XML_ERROR_MALFORMED, (guint) MAX (err->line, 0), message);
      return;
    }

  if (err->code == XML_ERR_DOCUMENT_END && g_str_has_prefix (text, "Extra content"))
    {
      state_fail (state, STRIDE_XML_ERROR_MALFORMED, (guint) MAX (err->line, 0),
                  _("not well-formed XML: extra content after the root element"));
      return;
    }

  /* TRANSLATORS: %s is libxml2's description of the problem, in English */
  message = g_strdup_printf (_("not well-formed XML: %s"), text);
  state_fail (state, STRIDE_XML_ERROR_MALFORMED, (guint) MAX (err->line, 0), message);
}

static void
refuse_dtd (void *ctx)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseState *state = state_from_ctx (ctx);

  state_fail (state, STRIDE_XML_ERROR_DTD, xmlSAX2GetLineNumber (ctx),
              _("a DOCTYPE declaration is not allowed "
                "(Stride reads no DTDs and no entity declarations)"));
  xmlStopParser (ctxt);
}

static void
on_internal_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  refuse_dtd (ctx);
}

static void
on_entity_decl (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  refuse_dtd (ctx);
}

static xmlEntityPtr
on_get_entity (void          *ctx,
               const xmlChar *name)
{
  /* Only the five predefined entities exist; libxml2 handles those itself. */
  return xmlGetPredefinedEntity (name);
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseState *state = state_from_ctx (ctx);

  /* nameNr counts the open ancestors of this element. */
  if (ctxt->nameNr >= STRIDE_XML_MAX_DEPTH)
    {
      g_autofree char *message = g_strdup_printf (_("elements are nested more than %d deep"),
                                                  STRIDE_XML_MAX_DEPTH);

      state_fail (state, STRIDE_XML_ERROR_MALFORMED, xmlSAX2GetLineNumber (ctx), message);
      xmlStopParser (ctxt);
      return;
    }

  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar *value = attributes[i * 5 + 3];
      const xmlChar *end = attributes[i * 5 + 4];
      gsize length = (gsize) (end - value);

      if (length > STRIDE_XML_MAX_ATTRIBUTE_SIZE)
        {
          g_autofree char *message = NULL;

          /* TRANSLATORS: an XML attribute, its element, its size and the limit */
          /* %llu, not G_GSIZE_FORMAT: xgettext cuts a msgid at a macro */
          message = g_strdup_printf (_("attribute “%s” of <%s> is too long "
                                       "(%llu bytes, at most %d)"),
                                     (const char *) attributes[i * 5],
                                     (const char *) localname,
                                     (unsigned long long) length,
                                     STRIDE_XML_MAX_ATTRIBUTE_SIZE);
          state_fail (state, STRIDE_XML_ERROR_INVALID, xmlSAX2GetLineNumber (ctx), message);
          xmlStopParser (ctxt);
          return;
        }
    }

  xmlSAX2StartElementNs (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);
}

static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
    }

  return line;
}

/* NUL bytes and invalid UTF-8 get our own message, with the line. */
static gboolean
check_text (const char  *display_name,
            const char  *data,
            gsize        size,
            GError     **error)
{
  const char *nul = memchr (data, '\0', size);
  const char *end = NULL;
  gsize checked;

  checked = nul != NULL ? (gsize) (nul - data) : size;
  if (!g_utf8_validate_len (data, checked, &end))
    {
      g_autofree char *message = NULL;

      /* TRANSLATORS: %02X is the offending byte in hexadecimal */
      message = g_strdup_printf (_("invalid UTF-8 (byte 0x%02X); Stride reads UTF-8 only"),
                                 (guint) (guchar) *end);
      set_error_at_line (error, STRIDE_XML_ERROR_MALFORMED, display_name,
                         line_at (data, (gsize) (end - data)), message);
      return FALSE;
    }

  if (nul != NULL)
    {
      set_error_at_line (error, STRIDE_XML_ERROR_MALFORMED, display_name,
                         line_at (data, (gsize) (nul - data)),
                         _("a NUL byte in the text (not allowed in XML)"));
      return FALSE;
    }

  return TRUE;
}

/* The bytes are known to be UTF-8 by now, and libxml2 is told to ignore the
 * declaration (its converters report through the global handler). A file
 * that declares another encoding is refused: it was not written for us. */
static gboolean
check_encoding_declaration (const char  *display_name,
                            const char  *data,
                            gsize        size,
                            GError     **error)
{
  g_autofree char *head = NULL;
  g_autofree char *message = NULL;
  const char *end;
  const char *p;
  const char *value;
  gsize value_length;
  char quote;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (size < 5 || memcmp (data, "<?xml", 5) != 0)
    return TRUE;

  head = g_strndup (data, MIN (size, 256));
  end = strstr (head, "?>");
  if (end == NULL)
    return TRUE;   /* libxml2 reports the broken declaration */

  p = strstr (head, "encoding");
  if (p == NULL || p > end)
    return TRUE;

  p += strlen ("encoding");
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
    p++;
  if (*p != '=')
    return TRUE;
  p++;
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
    p++;
  quote = *p;
  if (quote != '"' && quote != '\'')
    return TRUE;
  value = p + 1;
  value_length = strcspn (value, quote == '"' ? "\"" : "'");
  if (value + value_length > end)
    return TRUE;

  if ((value_length == 5 && g_ascii_strncasecmp (value, "UTF-8", 5) == 0)
      || (value_length == 4 && g_ascii_strncasecmp (value, "UTF8", 4) == 0))
    return TRUE;

  {
    g_autofree char *name = g_strndup (value, MIN (value_length, 40));

    message = g_strdup_printf (_("the file declares the encoding “%s”; "
                                 "Stride reads UTF-8 only"), name);
  }
  set_error_at_line (error, STRIDE_XML_ERROR_MALFORMED, display_name, 1, message);
  return FALSE;
}

static gsize
effective_max (gsize max_size)
{
  if (max_size == 0)
    max_size = STRIDE_XML_DEFAULT_MAX_SIZE;

  /* libxml2 takes an int size. */
  return MIN (max_size, (gsize) G_MAXINT - 1);
}

static void
set_too_large (GError     **error,
               const char  *display_name,
               guint64      size,
               gsize        max_size)
{
  g_autofree char *message = NULL;

  /* TRANSLATORS: the two numbers are sizes in bytes */
  message = g_strdup_printf (_("the file is too large (%llu bytes, at most %llu)"),
                             (unsigned long long) size, (unsigned long long) max_size);
  set_error_at_line (error, STRIDE_XML_ERROR_TOO_LARGE, display_name, 0, message);
}

/**
 * stride_xml_read_bytes:
 * @display_name: the name used in error messages (usually the path)
 * @bytes: the document
 * @max_size: the size cap in bytes; 0 for %STRIDE_XML_DEFAULT_MAX_SIZE
 * @error: return location for a #StrideXmlError
 *
 * Parses @bytes with every defence this file describes. The document is not
 * validated: call stride_xml_validate() next. The tree is for reading only
 * (short text is stored compactly): do not modify it.
 *
 * Returns: (transfer full): the document, free with xmlFreeDoc(), or %NULL
 */
xmlDoc *
stride_xml_read_bytes (const char  *display_name,
                       GBytes      *bytes,
                       gsize        max_size,
                       GError     **error)
{
  ParseState state = { display_name, NULL };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  const char *data;
  gsize size = 0;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stride_xml_init ();
  max_size = effective_max (max_size);

  data = g_bytes_get_data (bytes, &size);
  if (size > max_size)
    {
      set_too_large (error, display_name, size, max_size);
      return NULL;
    }

  if (size == 0)
    {
      set_error_at_line (error, STRIDE_XML_ERROR_EMPTY, display_name, 0,
                         _("the file is empty"));
      return NULL;
    }

  if (!check_text (display_name, data, size, error)
      || !check_encoding_declaration (display_name, data, size, error))
    return NULL;

  ctxt = xmlCreateMemoryParserCtxt (data, (int) size);
  if (ctxt == NULL)
    {
      set_error_at_line (error, STRIDE_XML_ERROR_IO, display_name, 0,
                         _("out of memory while reading"));
      return NULL;
    }

  ctxt->_private = &state;
  ctxt->sax->serror = on_parse_error;
  ctxt->sax->error = NULL;
  ctxt->sax->warning = NULL;
  ctxt->sax->fatalError = NULL;
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->externalSubset = on_internal_subset;
  ctxt->sax->entityDecl = on_entity_decl;
  ctxt->sax->getEntity = on_get_entity;
  ctxt->sax->getParameterEntity = on_get_entity;
  ctxt->sax->startElementNs = on_start_element;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;
  xmlCtxtUseOptions (ctxt, STRIDE_XML_PARSE_OPTIONS);

  xmlParseDocument (ctxt);
  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;

  if (state.error == NULL && (!ctxt->wellFormed || doc == NULL))
    {
      /* libxml2 failed without a message we kept: say something useful. */
      set_error_at_line (&state.error, STRIDE_XML_ERROR_MALFORMED, display_name,
                         ctxt->input != NULL ? (guint) ctxt->input->line : 0,
                         _("not well-formed XML"));
    }

  if (state.error == NULL && !ctxt->nsWellFormed)
    set_error_at_line (&state.error, STRIDE_XML_ERROR_MALFORMED, display_name, 0,
                       _("not well-formed XML: a namespace error"));

  /* Belt and braces: the hooks above stop any DOCTYPE before this point. */
  if (state.error == NULL && (doc->intSubset != NULL || doc->extSubset != NULL))
    set_error_at_line (&state.error, STRIDE_XML_ERROR_DTD, display_name, 0,
                       _("a DOCTYPE declaration is not allowed "
                         "(Stride reads no DTDs and no entity declarations)"));

  xmlFreeParserCtxt (ctxt);

  if (state.error != NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_propagate_error (error, state.error);
      return NULL;
    }

  return doc;
}

/**
 * stride_xml_read_file:
 * @path: the file
 * @max_size: the size cap in bytes; 0 for %STRIDE_XML_DEFAULT_MAX_SIZE
 * @error: return location for a #StrideXmlError
 *
 * Reads @path (a regular file, at most @max_size bytes: checked before any
 * parsing) and parses it like stride_xml_read_bytes(), naming it @path in
 * error messages.
 *
 * Returns: (transfer full): the document, free with xmlFreeDoc(), or %NULL
 */
xmlDoc *
stride_xml_read_file (const char  *path,
                      gsize        max_size,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  struct stat st;
  char *buffer;
  gsize length = 0;
  gsize capacity;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  max_size = effective_max (max_size);

  /* O_NONBLOCK: a FIFO must not hang us; it is refused below anyway. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s is the system's reason, e.g. “No such file or directory” */
      message = g_strdup_printf (_("cannot open the file: %s"), g_strerror (saved));
      set_error_at_line (error, STRIDE_XML_ERROR_IO, path, 0, message);
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      set_error_at_line (error, STRIDE_XML_ERROR_IO, path, 0, _("not a regular file"));
      close (fd);
      return NULL;
    }

  if ((guint64) st.st_size > max_size)
    {
      set_too_large (error, path, (guint64) st.st_size, max_size);
      close (fd);
      return NULL;
    }

  /* Read at most max_size + 1 bytes: a file growing under us is caught too. */
  capacity = (gsize) st.st_size + 1;
  buffer = g_malloc (capacity);
  for (;;)
    {
      gssize n;

      if (length == capacity)
        {
          if (capacity > max_size)
            break;
          capacity = MIN (capacity * 2, max_size + 1);
          buffer = g_realloc (buffer, capacity);
        }

      n = read (fd, buffer + length, capacity - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("cannot read the file: %s"), g_strerror (saved));
          set_error_at_line (error, STRIDE_XML_ERROR_IO, path, 0, message);
          g_free (buffer);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  close (fd);

  if (length > max_size)
    {
      set_too_large (error, path, length, max_size);
      g_free (buffer);
      return NULL;
    }

  bytes = g_bytes_new_take (buffer, length);
  return stride_xml_read_bytes (path, bytes, max_size, error);
}

/* Compiled schemas, by resource path; compiled once, used read-only. */
typedef struct
{
  xmlRelaxNGPtr  schema;
  char          *root_ns;     /* the start element's namespace, "" for none */
  char          *root_name;   /* NULL when the start is not a plain element */
  xmlDoc        *rng;         /* the schema as a document, to explain its errors */
} CachedSchema;

static GMutex schema_lock;
static GHashTable *schema_cache;

typedef struct
{
  char    *message;
  guint    line;
  xmlNode *node;      /* (nullable) the instance node at fault */
} FirstError;

static void
on_schema_error (void        *data,
                 xmlErrorPtr  err)
{
  FirstError *first = data;

  if (err == NULL || err->level < XML_ERR_ERROR || first->message != NULL)
    return;

  first->message = clean_message (err->message);
  first->line = err->line > 0 ? (guint) err->line : 0;
  if (err->node != NULL)
    {
      long line = xmlGetLineNo (err->node);

      first->node = err->node;
      if (line > 0)
        first->line = (guint) line;
    }
}

static char *
nearest_ns (xmlNode *node)
{
  for (; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    {
      char *ns = stride_xml_get_prop (node, "ns");

      if (ns != NULL)
        return ns;
    }

  return g_strdup ("");
}

/* The root element a schema expects, when its <start> is a plain <element>. */
static void
find_schema_root (GBytes       *bytes,
                  CachedSchema *cached)
{
  g_autoptr(GError) error = NULL;
  xmlDoc *doc = stride_xml_read_bytes ("schema", bytes, 0, &error);
  xmlNode *root;
  xmlNode *element = NULL;

  if (doc == NULL)
    return;

  root = xmlDocGetRootElement (doc);
  if (xmlStrEqual (root->name, (const xmlChar *) "element"))
    element = root;
  else if (xmlStrEqual (root->name, (const xmlChar *) "grammar"))
    element = stride_xml_first_child (stride_xml_first_child (root, "start"), "element");

  if (element != NULL && xmlHasProp (element, (const xmlChar *) "name"))
    {
      g_autofree char *name = stride_xml_get_prop (element, "name");

      if (strchr (name, ':') == NULL)
        {
          cached->root_name = g_steal_pointer (&name);
          cached->root_ns = nearest_ns (element);
        }
    }

  cached->rng = doc;
}

static CachedSchema *
lookup_schema (const char  *schema_resource,
               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  FirstError first = { NULL, 0, NULL };
  xmlRelaxNGParserCtxtPtr pctxt;
  CachedSchema *cached;
  gconstpointer data;
  gsize size = 0;

  g_mutex_lock (&schema_lock);
  if (schema_cache == NULL)
    schema_cache = g_hash_table_new (g_str_hash, g_str_equal);
  cached = g_hash_table_lookup (schema_cache, schema_resource);
  g_mutex_unlock (&schema_lock);
  if (cached != NULL)
    return cached;

  bytes = g_resources_lookup_data (schema_resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_IO,
                   _("cannot load the schema %s: %s"), schema_resource, local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  xmlRelaxNGSetParserStructuredErrors (pctxt, on_schema_error, &first);

  g_mutex_lock (&schema_lock);
  cached = g_hash_table_lookup (schema_cache, schema_resource);
  if (cached == NULL)
    {
      xmlRelaxNGPtr schema = xmlRelaxNGParse (pctxt);

      if (schema == NULL)
        {
          g_set_error (error, STRIDE_XML_ERROR, STRIDE_XML_ERROR_IO,
                       _("the schema %s does not compile: %s"), schema_resource,
                       first.message != NULL ? first.message : "?");
        }
      else
        {
          cached = g_new0 (CachedSchema, 1);
          cached->schema = schema;
          find_schema_root (bytes, cached);
          g_hash_table_insert (schema_cache, g_strdup (schema_resource), cached);
        }
    }
  g_mutex_unlock (&schema_lock);

  xmlRelaxNGFreeParserCtxt (pctxt);
  g_free (first.message);
  return cached;
}

/**
 * stride_xml_check_root:
 * @doc: a document
 * @display_name: the name used in error messages
 * @ns_uri: (nullable): the expected namespace; %NULL or "" for none
 * @name: the expected local name of the root element
 * @error: return location for %STRIDE_XML_ERROR_ROOT
 *
 * Returns: %TRUE when the root element is @name in @ns_uri
 */
gboolean
stride_xml_check_root (xmlDoc      *doc,
                       const char  *display_name,
                       const char  *ns_uri,
                       const char  *name,
                       GError     **error)
{
  xmlNode *root;
  const char *found_ns;
  g_autofree char *message = NULL;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (ns_uri == NULL)
    ns_uri = "";

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      set_error_at_line (error, STRIDE_XML_ERROR_ROOT, display_name, 0,
                         _("the file holds no XML element"));
      return FALSE;
    }

  found_ns = root->ns != NULL && root->ns->href != NULL ? (const char *) root->ns->href : "";
  if (g_str_equal ((const char *) root->name, name) && g_str_equal (found_ns, ns_uri))
    return TRUE;

  if (!g_str_equal ((const char *) root->name, name))
    /* TRANSLATORS: both are XML element names */
    message = g_strdup_printf (_("the root element is <%s>, expected <%s>"),
                               (const char *) root->name, name);
  else if (*ns_uri == '\0')
    message = g_strdup_printf (_("the root element <%s> must not have a namespace "
                                 "(it has “%s”)"), name, found_ns);
  else
    message = g_strdup_printf (_("the root element <%s> must be in the namespace "
                                 "“%s” (it has “%s”)"), name, ns_uri, found_ns);

  set_error_at_line (error, STRIDE_XML_ERROR_ROOT, display_name,
                     stride_xml_get_line (root), message);
  return FALSE;
}

/**
 * stride_xml_validate:
 * @doc: a document from stride_xml_read_file() or stride_xml_read_bytes()
 * @display_name: the name used in error messages
 * @schema_resource: the GResource path of a RelaxNG schema
 * @error: return location for a #StrideXmlError
 *
 * Validates @doc against the schema at @schema_resource (compiled once and
 * cached). A root element other than the schema's start element gives
 * %STRIDE_XML_ERROR_ROOT; any other violation %STRIDE_XML_ERROR_SCHEMA with
 * the line of the offending element.
 *
 * Returns: %TRUE when @doc is valid
 */
gboolean
stride_xml_validate (xmlDoc      *doc,
                     const char  *display_name,
                     const char  *schema_resource,
                     GError     **error)
{
  CachedSchema *cached;
  xmlRelaxNGValidCtxtPtr vctxt;
  FirstError first = { NULL, 0, NULL };
  int result;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (schema_resource != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stride_xml_init ();
  cached = lookup_schema (schema_resource, error);
  if (cached == NULL)
    return FALSE;

  if (cached->root_name != NULL
      && !stride_xml_check_root (doc, display_name, cached->root_ns, cached->root_name, error))
    return FALSE;

  vctxt = xmlRelaxNGNewValidCtxt (cached->schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, on_schema_error, &first);
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (result != 0)
    {
      g_autofree char *message = NULL;

      if (first.node != NULL && first.message != NULL && cached->rng != NULL)
        message = stride_xml_explain (cached->rng, first.node, first.message);
      else if (cached->rng != NULL)
        {
          /* libxml2 did not say where: look for the first element at fault. */
          xmlNode *node = NULL;

          message = stride_xml_explain_document (cached->rng, doc, &node);
          if (message != NULL)
            first.line = stride_xml_get_line (node);
        }
      if (message == NULL)
        /* TRANSLATORS: %s is libxml2's description of the problem, in English */
        message = g_strdup_printf (_("does not match the schema: %s"),
                                   first.message != NULL ? first.message : "?");
      set_error_at_line (error, STRIDE_XML_ERROR_SCHEMA, display_name, first.line, message);
      g_free (first.message);
      return FALSE;
    }

  g_free (first.message);
  return TRUE;
}

/**
 * stride_xml_set_error:
 * @error: return location for an error
 * @code: the #StrideXmlError code
 * @display_name: the file's name in the message
 * @node: (nullable): the node at fault, for its line
 * @format: printf format of the message
 *
 * Sets @error to "FILE:LINE: message" (or "FILE: message" without a line).
 */
void
stride_xml_set_error (GError         **error,
                      StrideXmlError   code,
                      const char      *display_name,
                      xmlNode         *node,
                      const char      *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  set_error_at_line (error, code, display_name, stride_xml_get_line (node), message);
}

/**
 * stride_xml_get_line:
 * @node: (nullable): a node
 *
 * Returns: the line @node starts on, or 0 when unknown
 */
guint
stride_xml_get_line (xmlNode *node)
{
  long line;

  if (node == NULL)
    return 0;

  line = xmlGetLineNo (node);
  return line > 0 ? (guint) line : 0;
}

/**
 * stride_xml_get_prop:
 * @node: an element
 * @name: an attribute name without a namespace
 *
 * Returns: (transfer full) (nullable): the value, free with g_free(), or
 *   %NULL when the attribute is absent
 */
char *
stride_xml_get_prop (xmlNode    *node,
                     const char *name)
{
  xmlChar *value;
  char *copy;

  g_return_val_if_fail (name != NULL, NULL);

  if (node == NULL)
    return NULL;

  value = xmlGetNoNsProp (node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/**
 * stride_xml_get_text:
 * @node: (nullable): an element
 *
 * Returns: (transfer full) (nullable): the text content of @node ("" when it
 *   has none), free with g_free(); %NULL when @node is %NULL
 */
char *
stride_xml_get_text (xmlNode *node)
{
  xmlChar *value;
  char *copy;

  if (node == NULL)
    return NULL;

  value = xmlNodeGetContent (node);
  copy = g_strdup (value != NULL ? (const char *) value : "");
  xmlFree (value);
  return copy;
}

/**
 * stride_xml_next_element:
 * @node: (nullable): a node
 * @name: (nullable): a local name, or %NULL for any element
 *
 * Returns: (transfer none) (nullable): @node itself or its first following
 *   sibling that is an element called @name
 */
xmlNode *
stride_xml_next_element (xmlNode    *node,
                         const char *name)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE
          && (name == NULL || xmlStrEqual (node->name, (const xmlChar *) name)))
        return node;
    }

  return NULL;
}

/**
 * stride_xml_first_child:
 * @node: (nullable): an element
 * @name: (nullable): a local name, or %NULL for any element
 *
 * Returns: (transfer none) (nullable): the first child element of @node
 *   called @name
 */
xmlNode *
stride_xml_first_child (xmlNode    *node,
                        const char *name)
{
  if (node == NULL)
    return NULL;

  return stride_xml_next_element (node->children, name);
}
