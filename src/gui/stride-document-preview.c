/* stride-document-preview.c: a printed document's pages on screen
 *
 * Draws a page with the report's own stride_document_draw_page(), the one
 * function the PDF and the printer use, scaled to the widget's width. The
 * page stays white paper in a dark style: it shows what will be printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stride-document-preview.h"

struct _StrideDocumentPreview
{
  GtkWidget       parent_instance;

  StrideDocument *document;
  guint           page;
};

G_DEFINE_FINAL_TYPE (StrideDocumentPreview, stride_document_preview, GTK_TYPE_WIDGET)

#define PREVIEW_MARGIN 16.0

static void
page_geometry (StrideDocumentPreview *self,
               int                    width,
               double                *scale,
               double                *page_w,
               double                *page_h)
{
  stride_document_get_page_size (self->document, page_w, page_h);
  *scale = MAX (width - 2 * PREVIEW_MARGIN, 50) / *page_w;
}

static void
stride_document_preview_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  StrideDocumentPreview *self = STRIDE_DOCUMENT_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double scale, page_w, page_h;
  cairo_t *cr;

  if (self->document == NULL || stride_document_get_n_pages (self->document) == 0)
    return;

  page_geometry (self, width, &scale, &page_w, &page_h);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* A soft shadow, then the paper. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, PREVIEW_MARGIN + 2, PREVIEW_MARGIN + 3, page_w * scale, page_h * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, PREVIEW_MARGIN, PREVIEW_MARGIN, page_w * scale, page_h * scale);
  cairo_fill (cr);

  cairo_translate (cr, PREVIEW_MARGIN, PREVIEW_MARGIN);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, page_w, page_h);
  cairo_clip (cr);
  stride_document_draw_page (self->document, cr,
                             MIN (self->page, stride_document_get_n_pages (self->document) - 1));
  cairo_destroy (cr);
}

static GtkSizeRequestMode
stride_document_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
stride_document_preview_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  StrideDocumentPreview *self = STRIDE_DOCUMENT_PREVIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
      return;
    }

  if (self->document == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  {
    double scale, page_w, page_h;

    page_geometry (self, for_size > 0 ? for_size : 640, &scale, &page_w, &page_h);
    *minimum = *natural = (int) (page_h * scale + 2 * PREVIEW_MARGIN + 4);
  }
}

static void
update_description (StrideDocumentPreview *self)
{
  g_autofree char *text = NULL;
  g_autofree char *page_text = NULL;

  if (self->document == NULL)
    return;

  /* TRANSLATORS: the preview's accessible description: a title and "page 1 of 2" */
  text = g_strdup_printf (_("%s, page %u of %u"), stride_document_get_title (self->document),
                          self->page + 1, stride_document_get_n_pages (self->document));
  /* The page is a picture: its text, as its description, lets a screen
   * reader user check the document before printing it. */
  page_text = stride_document_get_page_text (self->document, self->page);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, page_text, -1);
}

static void
stride_document_preview_dispose (GObject *object)
{
  StrideDocumentPreview *self = STRIDE_DOCUMENT_PREVIEW (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (stride_document_preview_parent_class)->dispose (object);
}

static void
stride_document_preview_class_init (StrideDocumentPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = stride_document_preview_dispose;
  widget_class->snapshot = stride_document_preview_snapshot;
  widget_class->measure = stride_document_preview_measure;
  widget_class->get_request_mode = stride_document_preview_get_request_mode;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "document-preview");
}

static void
stride_document_preview_init (StrideDocumentPreview *self)
{
}

GtkWidget *
stride_document_preview_new (void)
{
  return g_object_new (STRIDE_TYPE_DOCUMENT_PREVIEW, NULL);
}

/**
 * stride_document_preview_set_document:
 * @self: the preview
 * @document: (nullable): the document to show, from its first page
 */
void
stride_document_preview_set_document (StrideDocumentPreview *self,
                                      StrideDocument        *document)
{
  g_return_if_fail (STRIDE_IS_DOCUMENT_PREVIEW (self));

  g_set_object (&self->document, document);
  self->page = 0;
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * stride_document_preview_get_document:
 * @self: the preview
 *
 * Returns: (transfer none) (nullable): the document shown
 */
StrideDocument *
stride_document_preview_get_document (StrideDocumentPreview *self)
{
  g_return_val_if_fail (STRIDE_IS_DOCUMENT_PREVIEW (self), NULL);

  return self->document;
}

void
stride_document_preview_set_page (StrideDocumentPreview *self,
                                  guint                  page)
{
  g_return_if_fail (STRIDE_IS_DOCUMENT_PREVIEW (self));

  if (self->document == NULL)
    return;
  self->page = MIN (page, MAX (stride_document_get_n_pages (self->document), 1) - 1);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
stride_document_preview_get_page (StrideDocumentPreview *self)
{
  g_return_val_if_fail (STRIDE_IS_DOCUMENT_PREVIEW (self), 0);

  return self->page;
}

guint
stride_document_preview_get_n_pages (StrideDocumentPreview *self)
{
  g_return_val_if_fail (STRIDE_IS_DOCUMENT_PREVIEW (self), 0);

  return self->document != NULL ? stride_document_get_n_pages (self->document) : 0;
}
