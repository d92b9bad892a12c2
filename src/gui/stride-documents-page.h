/* stride-documents-page.h: preview, print and save the report and the sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stride-layout.h"
#include "stride-visit.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_DOCUMENTS_PAGE (stride_documents_page_get_type ())

G_DECLARE_FINAL_TYPE (StrideDocumentsPage, stride_documents_page, STRIDE, DOCUMENTS_PAGE,
                      GtkWidget)

void            stride_documents_page_set_documents     (StrideDocumentsPage *self,
                                                         StrideDocument      *report,
                                                         StrideDocument      *sheet);
void            stride_documents_page_set_assessment    (StrideDocumentsPage *self,
                                                         StrideAssessment    *assessment);
const char     *stride_documents_page_get_sheet_language (StrideDocumentsPage *self);
void            stride_documents_page_set_status        (StrideDocumentsPage *self,
                                                         const char          *text);
const char     *stride_documents_page_get_shown         (StrideDocumentsPage *self);
void            stride_documents_page_show              (StrideDocumentsPage *self,
                                                         const char          *which);
StrideDocument *stride_documents_page_get_document      (StrideDocumentsPage *self,
                                                         const char          *which);
char           *stride_documents_page_default_file_name (const char          *which);
gboolean        stride_documents_page_save_pdf          (StrideDocumentsPage *self,
                                                         const char          *which,
                                                         const char          *path,
                                                         GError             **error);
void            stride_documents_page_choose_pdf        (StrideDocumentsPage *self);
gboolean        stride_documents_page_print             (StrideDocumentsPage *self,
                                                         GError             **error);

G_END_DECLS
