/* stride-document-preview.h: a printed document's pages on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "stride-layout.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_DOCUMENT_PREVIEW (stride_document_preview_get_type ())

G_DECLARE_FINAL_TYPE (StrideDocumentPreview, stride_document_preview, STRIDE, DOCUMENT_PREVIEW,
                      GtkWidget)

GtkWidget      *stride_document_preview_new          (void);
void            stride_document_preview_set_document (StrideDocumentPreview *self,
                                                      StrideDocument        *document);
StrideDocument *stride_document_preview_get_document (StrideDocumentPreview *self);
void            stride_document_preview_set_page     (StrideDocumentPreview *self,
                                                      guint                  page);
guint           stride_document_preview_get_page     (StrideDocumentPreview *self);
guint           stride_document_preview_get_n_pages  (StrideDocumentPreview *self);

G_END_DECLS
