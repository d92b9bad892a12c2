/* stride-validate.c: check any Stride data file, told apart by its root element
 *
 * The file is first read with the hardened reader (so a hostile file is
 * refused before anything else looks at it), then handed to the loader of
 * its kind, which validates it against its schema and checks its content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-document.h"
#include "stride-i18n.h"
#include "stride-library.h"
#include "stride-protocol.h"
#include "stride-validate.h"
#include "stride-xml.h"

/**
 * stride_file_kind_to_string:
 *
 * Returns: "protocol", "library", "assessment" or "unknown"
 */
const char *
stride_file_kind_to_string (StrideFileKind kind)
{
  switch (kind)
    {
    case STRIDE_FILE_KIND_PROTOCOL:
      return "protocol";
    case STRIDE_FILE_KIND_LIBRARY:
      return "library";
    case STRIDE_FILE_KIND_ASSESSMENT:
      return "assessment";
    case STRIDE_FILE_KIND_UNKNOWN:
    default:
      return "unknown";
    }
}

static StrideFileKind
kind_of_root (const char *name)
{
  if (g_str_equal (name, "protocol"))
    return STRIDE_FILE_KIND_PROTOCOL;
  if (g_str_equal (name, "assessment"))
    return STRIDE_FILE_KIND_ASSESSMENT;
  if (g_str_equal (name, "library"))
    return STRIDE_FILE_KIND_LIBRARY;
  return STRIDE_FILE_KIND_UNKNOWN;
}

/* Loader errors come in other domains; the messages already read FILE:LINE: … */
static gboolean
check_kind (const char      *path,
            StrideFileKind   kind,
            GError         **error)
{
  switch (kind)
    {
    case STRIDE_FILE_KIND_PROTOCOL:
      {
        g_autoptr(StrideProtocol) protocol = stride_protocol_new_from_file (path, error);

        return protocol != NULL;
      }
    case STRIDE_FILE_KIND_ASSESSMENT:
      {
        g_autoptr(StrideAssessment) assessment = stride_document_read_file (path, NULL, error);

        return assessment != NULL;
      }
    case STRIDE_FILE_KIND_LIBRARY:
      {
        /* Links to exercises of the shipped library's other files resolve. */
        g_autoptr(StrideLibrary) library = stride_library_new_from_file (path, error);

        return library != NULL;
      }
    case STRIDE_FILE_KIND_UNKNOWN:
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/**
 * stride_validate_file:
 * @path: a protocol, exercise library or assessment document
 * @out_kind: (out) (optional): what the file is, by its root element
 * @error: return location for an error reading "FILE:LINE: message"
 *
 * Returns: %TRUE when @path is a valid file of a kind Stride reads
 */
gboolean
stride_validate_file (const char      *path,
                      StrideFileKind  *out_kind,
                      GError         **error)
{
  xmlDoc *doc;
  xmlNode *root;
  StrideFileKind kind;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_kind != NULL)
    *out_kind = STRIDE_FILE_KIND_UNKNOWN;

  doc = stride_xml_read_file (path, STRIDE_XML_DEFAULT_MAX_SIZE, error);
  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  kind = kind_of_root ((const char *) root->name);
  if (kind == STRIDE_FILE_KIND_UNKNOWN)
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_ROOT, path, root,
                            /* TRANSLATORS: %s is an XML element name */
                            _("the root element <%s> is not that of a Stride protocol "
                              "(<protocol>), exercise library (<library>) or assessment "
                              "document (<assessment>)"),
                            (const char *) root->name);
      xmlFreeDoc (doc);
      return FALSE;
    }
  xmlFreeDoc (doc);

  if (out_kind != NULL)
    *out_kind = kind;

  return check_kind (path, kind, error);
}
