/* stride-xml.h: the one hardened way Stride reads XML from outside
 *
 * Every XML file Stride reads (protocol, exercise library, assessment
 * documents, record imports) goes through here: a size cap checked before
 * parsing, XML_PARSE_NONET, no entity substitution, no DTD loading or
 * default attributes, no XInclude, no HUGE, an external-entity loader that
 * refuses, any DOCTYPE rejected, and validation against a RelaxNG schema
 * compiled from a trusted GResource, never one the document names.
 *
 * Errors read "FILE:LINE: message" (FILE as given by the caller), so a
 * clinician can find the place in the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define STRIDE_XML_ERROR (stride_xml_error_quark ())

typedef enum
{
  STRIDE_XML_ERROR_IO,          /* cannot open or read the file */
  STRIDE_XML_ERROR_TOO_LARGE,   /* over the size cap; nothing was parsed */
  STRIDE_XML_ERROR_EMPTY,       /* an empty file */
  STRIDE_XML_ERROR_MALFORMED,   /* not well-formed XML, invalid UTF-8, NUL bytes, too deep */
  STRIDE_XML_ERROR_DTD,         /* a DOCTYPE, internal subset or entity declaration */
  STRIDE_XML_ERROR_ROOT,        /* the wrong root element or namespace */
  STRIDE_XML_ERROR_SCHEMA,      /* the RelaxNG schema rejects it */
  STRIDE_XML_ERROR_VERSION,     /* an unknown format version */
  STRIDE_XML_ERROR_INVALID,     /* valid XML with a wrong value: range, type, duplicate id, link */
} StrideXmlError;

/* 8 MiB: far above any real protocol, library or record, far below harm. */
#define STRIDE_XML_DEFAULT_MAX_SIZE (8 * 1024 * 1024)

/* libxml2's own limit without XML_PARSE_HUGE; reported in our words. */
#define STRIDE_XML_MAX_DEPTH 256

/* No attribute of ours (ids, dates, numbers) comes near this. */
#define STRIDE_XML_MAX_ATTRIBUTE_SIZE (16 * 1024)

GQuark   stride_xml_error_quark  (void);

xmlDoc  *stride_xml_read_file    (const char   *path,
                                  gsize         max_size,
                                  GError      **error);
xmlDoc  *stride_xml_read_bytes   (const char   *display_name,
                                  GBytes       *bytes,
                                  gsize         max_size,
                                  GError      **error);
gboolean stride_xml_validate     (xmlDoc       *doc,
                                  const char   *display_name,
                                  const char   *schema_resource,
                                  GError      **error);
void     stride_xml_set_error    (GError      **error,
                                  StrideXmlError code,
                                  const char   *display_name,
                                  xmlNode      *node,
                                  const char   *format,
                                  ...) G_GNUC_PRINTF (5, 6);
char    *stride_xml_get_prop     (xmlNode      *node,
                                  const char   *name);
char    *stride_xml_get_text     (xmlNode      *node);
xmlNode *stride_xml_first_child  (xmlNode      *node,
                                  const char   *name);

/* Added by the documents work. */
xmlNode *stride_xml_next_element (xmlNode      *node,
                                  const char   *name);
guint    stride_xml_get_line     (xmlNode      *node);
gboolean stride_xml_check_root   (xmlDoc       *doc,
                                  const char   *display_name,
                                  const char   *ns_uri,
                                  const char   *name,
                                  GError      **error);

G_END_DECLS
