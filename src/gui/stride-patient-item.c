/* stride-patient-item.c: one row of the patient list, made when shown
 *
 * The list model holds only row ids; an item reads its summary from the
 * store when the list view asks for it, i.e. for the rows on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stride-patient-item.h"

struct _StridePatientItem
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *details;
  gboolean has_draft;
};

G_DEFINE_FINAL_TYPE (StridePatientItem, stride_patient_item, G_TYPE_OBJECT)

static void
stride_patient_item_finalize (GObject *object)
{
  StridePatientItem *self = STRIDE_PATIENT_ITEM (object);

  g_free (self->name);
  g_free (self->details);

  G_OBJECT_CLASS (stride_patient_item_parent_class)->finalize (object);
}

static void
stride_patient_item_class_init (StridePatientItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stride_patient_item_finalize;
}

static void
stride_patient_item_init (StridePatientItem *self)
{
}

static char *
format_date (const GDate *date)
{
  char buf[32];

  g_date_strftime (buf, sizeof buf, "%x", date);
  return g_strdup (buf);
}

/**
 * stride_patient_item_new:
 * @store: the store to read the row from
 * @id: a patient id
 *
 * Returns: (transfer full): the row; a patient deleted meanwhile shows as such
 */
StridePatientItem *
stride_patient_item_new (StrideStore *store,
                         gint64       id)
{
  StridePatientItem *self = g_object_new (STRIDE_TYPE_PATIENT_ITEM, NULL);
  g_autoptr(StridePatientSummary) summary = NULL;
  g_autoptr(GString) details = g_string_new (NULL);

  self->id = id;
  summary = store != NULL ? stride_store_get_patient_summary (store, id, NULL) : NULL;
  if (summary == NULL)
    {
      self->name = g_strdup (_("Patient no longer on record"));
      self->details = g_strdup ("");
      return self;
    }

  self->name = g_strdup (summary->name);
  self->has_draft = summary->has_draft;
  if (g_date_valid (&summary->birth_date))
    {
      g_autofree char *born = format_date (&summary->birth_date);

      g_string_append_printf (details, _("Born %s"), born);
    }
  if (details->len > 0)
    g_string_append (details, " · ");
  g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "%u visit", "%u visits",
                                                summary->n_visits), summary->n_visits);
  if (g_date_valid (&summary->last_visit))
    {
      g_autofree char *last = format_date (&summary->last_visit);

      g_string_append_printf (details, " · %s", last);
    }
  if (summary->has_draft)
    g_string_append_printf (details, " · %s", _("visit in progress"));
  self->details = g_string_free (g_steal_pointer (&details), FALSE);

  return self;
}

gint64
stride_patient_item_get_id (StridePatientItem *self)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_ITEM (self), 0);

  return self->id;
}

const char *
stride_patient_item_get_name (StridePatientItem *self)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_ITEM (self), NULL);

  return self->name;
}

const char *
stride_patient_item_get_details (StridePatientItem *self)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_ITEM (self), NULL);

  return self->details;
}

gboolean
stride_patient_item_get_has_draft (StridePatientItem *self)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_ITEM (self), FALSE);

  return self->has_draft;
}
