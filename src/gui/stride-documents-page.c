/* stride-documents-page.c: preview, print and save the report and the sheet
 *
 * The preview, the printer and the PDF all draw with the report's
 * stride_document_draw_page(). Default file names carry the date, never
 * the patient's name: files travel as mail attachments and sit in
 * recent-file lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stride-document-preview.h"
#include "stride-documents-page.h"
#include "stride-gui-accessible.h"

struct _StrideDocumentsPage
{
  GtkWidget              parent_instance;

  GtkStackSwitcher      *switcher;
  GtkStack              *preview_stack;
  StrideDocumentPreview *report_preview;
  StrideDocumentPreview *sheet_preview;
  GtkLabel              *page_label;
  GtkRevealer           *status_revealer;
  GtkLabel              *status_label;
  GtkRevealer           *contact_revealer;
  GSettings             *settings;
};

G_DEFINE_FINAL_TYPE (StrideDocumentsPage, stride_documents_page, GTK_TYPE_WIDGET)

static StrideDocumentPreview *
shown_preview (StrideDocumentsPage *self)
{
  return STRIDE_DOCUMENT_PREVIEW (gtk_stack_get_visible_child (self->preview_stack));
}

static void
update_page_label (StrideDocumentsPage *self)
{
  StrideDocumentPreview *preview = shown_preview (self);
  guint n = stride_document_preview_get_n_pages (preview);
  guint page = stride_document_preview_get_page (preview);
  g_autofree char *text = NULL;

  if (n > 0)
    /* TRANSLATORS: the page shown in the preview */
    text = g_strdup_printf (_("Page %u of %u"), page + 1, n);
  gtk_label_set_text (self->page_label, text != NULL ? text : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.previous-page", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.next-page", page + 1 < n);
}

static void
move_page (StrideDocumentsPage *self,
           int                  delta)
{
  StrideDocumentPreview *preview = shown_preview (self);
  int page = (int) stride_document_preview_get_page (preview) + delta;

  if (page < 0 || page >= (int) stride_document_preview_get_n_pages (preview))
    return;
  stride_document_preview_set_page (preview, page);
  update_page_label (self);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_page (STRIDE_DOCUMENTS_PAGE (widget), -1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_page (STRIDE_DOCUMENTS_PAGE (widget), 1);
}

/**
 * stride_documents_page_set_documents:
 * @self: the page
 * @report: (nullable): the clinician report
 * @sheet: (nullable): the home exercise sheet (or referral notice)
 */
void
stride_documents_page_set_documents (StrideDocumentsPage *self,
                                     StrideDocument      *report,
                                     StrideDocument      *sheet)
{
  g_return_if_fail (STRIDE_IS_DOCUMENTS_PAGE (self));

  stride_document_preview_set_document (self->report_preview, report);
  stride_document_preview_set_document (self->sheet_preview, sheet);
  update_page_label (self);
}

/**
 * stride_documents_page_set_status:
 * @self: the page
 * @text: (nullable): a line above the preview, e.g. why the documents
 *   could not be made, or that the visit is final
 */
void
stride_documents_page_set_status (StrideDocumentsPage *self,
                                  const char          *text)
{
  g_return_if_fail (STRIDE_IS_DOCUMENTS_PAGE (self));

  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->status_revealer, text != NULL);
}

/**
 * stride_documents_page_get_shown:
 * @self: the page
 *
 * Returns: "report" or "sheet"
 */
const char *
stride_documents_page_get_shown (StrideDocumentsPage *self)
{
  g_return_val_if_fail (STRIDE_IS_DOCUMENTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->preview_stack);
}

void
stride_documents_page_show (StrideDocumentsPage *self,
                            const char          *which)
{
  g_return_if_fail (STRIDE_IS_DOCUMENTS_PAGE (self));

  gtk_stack_set_visible_child_name (self->preview_stack, which);
  update_page_label (self);
}

/**
 * stride_documents_page_get_document:
 * @self: the page
 * @which: "report" or "sheet"
 *
 * Returns: (transfer none) (nullable): the document
 */
StrideDocument *
stride_documents_page_get_document (StrideDocumentsPage *self,
                                    const char          *which)
{
  g_return_val_if_fail (STRIDE_IS_DOCUMENTS_PAGE (self), NULL);

  return stride_document_preview_get_document (g_str_equal (which, "sheet")
                                               ? self->sheet_preview
                                               : self->report_preview);
}

/**
 * stride_documents_page_default_file_name:
 * @which: "report" or "sheet"
 *
 * Returns: (transfer full): a file name with today's date and no name
 */
char *
stride_documents_page_default_file_name (const char *which)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  if (g_str_equal (which, "sheet"))
    /* TRANSLATORS: default file name of the home exercise sheet; %s is a date */
    return g_strdup_printf (_("stride-sheet-%s.pdf"), date);
  /* TRANSLATORS: default file name of the clinician report; %s is a date */
  return g_strdup_printf (_("stride-report-%s.pdf"), date);
}

/**
 * stride_documents_page_save_pdf:
 * @self: the page
 * @which: "report" or "sheet"
 * @path: the file to write
 * @error: where to say why it failed
 *
 * Returns: %TRUE when written
 */
gboolean
stride_documents_page_save_pdf (StrideDocumentsPage  *self,
                                const char           *which,
                                const char           *path,
                                GError              **error)
{
  StrideDocument *document;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (STRIDE_IS_DOCUMENTS_PAGE (self), FALSE);

  document = stride_documents_page_get_document (self, which);
  if (document == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   _("There is no document to save yet."));
      return FALSE;
    }

  return stride_document_write_pdf (document, path, now, error);
}

static void
on_save_response (GtkNativeDialog     *chooser,
                  int                  response,
                  StrideDocumentsPage *self)
{
  const char *which = g_object_get_data (G_OBJECT (chooser), "stride-which");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        stride_documents_page_set_status (self, _("Choose a file on this computer."));
      else if (!stride_documents_page_save_pdf (self, which, path, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The PDF could not be saved: %s"),
                                                      error->message);

          stride_documents_page_set_status (self, message);
        }
      else
        {
          g_autofree char *basename = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Saved as %s"), basename);

          stride_documents_page_set_status (self, message);
        }
    }

  g_object_unref (chooser);
}

/**
 * stride_documents_page_choose_pdf:
 * @self: the page
 *
 * Asks where to save the document shown, then saves it.
 */
void
stride_documents_page_choose_pdf (StrideDocumentsPage *self)
{
  GtkFileChooserNative *chooser;
  const char *which = stride_documents_page_get_shown (self);
  g_autofree char *name = stride_documents_page_default_file_name (which);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (STRIDE_IS_DOCUMENTS_PAGE (self));

  chooser = gtk_file_chooser_native_new (g_str_equal (which, "sheet")
                                         ? _("Save the Home Sheet as PDF")
                                         : _("Save the Report as PDF"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "stride-which", (gpointer) which);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                StrideDocument    *document)
{
  gtk_print_operation_set_n_pages (operation, stride_document_get_n_pages (document));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              StrideDocument    *document)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  /* The print context's units are points (set below), origin at the paper's
   * top left with the full page: the same space the PDF is drawn in. */
  stride_document_draw_page (document, cr, page);
}

static gboolean
run_print (StrideDocumentsPage      *self,
           GtkPrintOperationAction   action,
           const char               *export_path,
           GError                  **error)
{
  StrideDocument *document;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double width_pt, height_pt;
  GtkPrintOperationResult result;

  document = stride_documents_page_get_document (self, stride_documents_page_get_shown (self));
  if (document == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   _("There is no document to print yet."));
      return FALSE;
    }

  stride_document_get_page_size (document, &width_pt, &height_pt);
  paper = gtk_paper_size_new_custom ("stride", _("Document size"), width_pt, height_pt,
                                     GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, stride_document_get_title (document));
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  /* The operation runs a main loop of its own, in which the page may lay the
   * documents out again (the preferences changed): it prints the document
   * shown when it started, and keeps it alive until it is done. */
  g_object_set_data_full (G_OBJECT (operation), "stride-document", g_object_ref (document),
                          g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), document);

  result = gtk_print_operation_run (operation, action,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * stride_documents_page_print:
 * @self: the page
 * @error: where to say why it failed
 *
 * Prints the document shown through the system print dialog.
 *
 * Returns: %FALSE when printing failed
 */
gboolean
stride_documents_page_print (StrideDocumentsPage  *self,
                             GError              **error)
{
  g_return_val_if_fail (STRIDE_IS_DOCUMENTS_PAGE (self), FALSE);

  return run_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, error);
}

/**
 * stride_documents_page_print_to_file:
 * @self: the page
 * @path: a PDF file
 * @error: where to say why it failed
 *
 * Runs the print operation of the document shown without a dialog,
 * exporting to @path: the same pages the printer gets.
 *
 * Returns: %FALSE when it failed
 */
gboolean
stride_documents_page_print_to_file (StrideDocumentsPage  *self,
                                     const char           *path,
                                     GError              **error)
{
  g_return_val_if_fail (STRIDE_IS_DOCUMENTS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return run_print (self, GTK_PRINT_OPERATION_ACTION_EXPORT, path, error);
}

static void
on_stack_changed (StrideDocumentsPage *self)
{
  update_page_label (self);
}

/* Shown while the preferences hold no clinic contact for the sheet, and
 * gone as soon as one is typed there. */
static void
update_contact_notice (StrideDocumentsPage *self)
{
  g_autofree char *contact = g_settings_get_string (self->settings, "clinic-contact");

  gtk_revealer_set_reveal_child (self->contact_revealer, *g_strstrip (contact) == '\0');
}

static void
stride_documents_page_dispose (GObject *object)
{
  StrideDocumentsPage *self = STRIDE_DOCUMENTS_PAGE (object);
  GtkWidget *child;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_DOCUMENTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (stride_documents_page_parent_class)->dispose (object);
}

/* The switcher's tab of the document shown. */
static GtkWidget *
shown_tab (StrideDocumentsPage *self)
{
  for (GtkWidget *tab = gtk_widget_get_first_child (GTK_WIDGET (self->switcher)); tab != NULL;
       tab = gtk_widget_get_next_sibling (tab))
    if (GTK_IS_TOGGLE_BUTTON (tab) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tab)))
      return tab;
  return NULL;
}

/* Coming into the page, the focus goes to the tab of the document shown, as
 * in any tab list: it went to the first tab, "Report" or not, so a screen
 * reader announced one document while the other was on screen. */
static gboolean
stride_documents_page_focus (GtkWidget        *widget,
                             GtkDirectionType  direction)
{
  StrideDocumentsPage *self = STRIDE_DOCUMENTS_PAGE (widget);
  GtkWidget *tab;

  if (direction == GTK_DIR_TAB_FORWARD && gtk_widget_get_focus_child (widget) == NULL)
    {
      tab = shown_tab (self);
      if (tab != NULL && gtk_widget_grab_focus (tab))
        return TRUE;
    }
  return GTK_WIDGET_CLASS (stride_documents_page_parent_class)->focus (widget, direction);
}

static void
stride_documents_page_class_init (StrideDocumentsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = stride_documents_page_dispose;
  widget_class->focus = stride_documents_page_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/"
                                               "stride-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideDocumentsPage, switcher);
  gtk_widget_class_bind_template_child (widget_class, StrideDocumentsPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, StrideDocumentsPage, report_preview);
  gtk_widget_class_bind_template_child (widget_class, StrideDocumentsPage, sheet_preview);
  gtk_widget_class_bind_template_child (widget_class, StrideDocumentsPage, page_label);
  gtk_widget_class_bind_template_child (widget_class, StrideDocumentsPage, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, StrideDocumentsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, StrideDocumentsPage, contact_revealer);

  gtk_widget_class_install_action (widget_class, "documents.previous-page", NULL,
                                   previous_page_action);
  gtk_widget_class_install_action (widget_class, "documents.next-page", NULL, next_page_action);
}

/* GTK 4.8 names a stack page by its raw title, "_Report": name it as shown. */
static void
name_stack_pages (StrideDocumentsPage *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->preview_stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      g_autofree char *shown = stride_gui_accessible_strip_mnemonic (
        gtk_stack_page_get_title (GTK_STACK_PAGE (page)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      shown, -1);
    }
}

static void
stride_documents_page_init (StrideDocumentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->preview_stack, "notify::visible-child",
                            G_CALLBACK (on_stack_changed), self);
  name_stack_pages (self);
  update_page_label (self);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::clinic-contact",
                           G_CALLBACK (update_contact_notice), self, G_CONNECT_SWAPPED);
  update_contact_notice (self);
}
