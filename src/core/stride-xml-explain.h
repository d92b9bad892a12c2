/* stride-xml-explain.h: say what is wrong when a RelaxNG schema refuses a node
 * (internal to stride-xml.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

char *stride_xml_explain (xmlDoc     *rng,
                          xmlNode    *node,
                          const char *libxml_message);

char *stride_xml_explain_document (xmlDoc   *rng,
                                   xmlDoc   *doc,
                                   xmlNode **out_node);

G_END_DECLS
