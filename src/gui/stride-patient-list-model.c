/* stride-patient-list-model.c: the patient list as row ids from the store
 *
 * A GListModel over a GArray of patient ids: a search of 100,000 patients
 * costs one SQL query and an array of 800 kB, and row objects are made only
 * for the rows the list view shows (stride_patient_item_new()). An empty
 * query lists patients by recent activity, so the recent ones come first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-patient-item.h"
#include "stride-patient-list-model.h"

struct _StridePatientListModel
{
  GObject      parent_instance;

  StrideStore *store;
  GArray      *ids;     /* gint64 */
  char        *query;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StridePatientListModel, stride_patient_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return STRIDE_TYPE_PATIENT_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return STRIDE_PATIENT_LIST_MODEL (model)->ids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  StridePatientListModel *self = STRIDE_PATIENT_LIST_MODEL (model);

  if (position >= self->ids->len)
    return NULL;

  return stride_patient_item_new (self->store, g_array_index (self->ids, gint64, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
stride_patient_list_model_finalize (GObject *object)
{
  StridePatientListModel *self = STRIDE_PATIENT_LIST_MODEL (object);

  g_clear_object (&self->store);
  g_array_unref (self->ids);
  g_free (self->query);

  G_OBJECT_CLASS (stride_patient_list_model_parent_class)->finalize (object);
}

static void
stride_patient_list_model_class_init (StridePatientListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stride_patient_list_model_finalize;
}

static void
stride_patient_list_model_init (StridePatientListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->query = g_strdup ("");
}

/**
 * stride_patient_list_model_new:
 * @store: (nullable): the store; %NULL gives an empty list
 *
 * Returns: (transfer full): an empty model; call set_query() or reload()
 */
StridePatientListModel *
stride_patient_list_model_new (StrideStore *store)
{
  StridePatientListModel *self = g_object_new (STRIDE_TYPE_PATIENT_LIST_MODEL, NULL);

  g_return_val_if_fail (store == NULL || STRIDE_IS_STORE (store), NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  return self;
}

static void
replace_ids (StridePatientListModel *self,
             GArray                 *ids)
{
  guint removed = self->ids->len;

  g_array_unref (self->ids);
  self->ids = ids;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, ids->len);
}

/**
 * stride_patient_list_model_set_query:
 * @self: the model
 * @query: what the clinician typed; empty lists everyone, most recent first
 *
 * Returns: %TRUE when the list now shows the matches
 */
gboolean
stride_patient_list_model_set_query (StridePatientListModel  *self,
                                     const char              *query,
                                     GError                 **error)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  g_free (self->query);
  self->query = g_strstrip (g_strdup (query));
  return stride_patient_list_model_reload (self, error);
}

const char *
stride_patient_list_model_get_query (StridePatientListModel *self)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_LIST_MODEL (self), NULL);

  return self->query;
}

/**
 * stride_patient_list_model_reload:
 * @self: the model
 *
 * Reads the ids again, after a patient was added, changed or deleted.
 *
 * Returns: %TRUE on success
 */
gboolean
stride_patient_list_model_reload (StridePatientListModel  *self,
                                  GError                 **error)
{
  GArray *ids;

  g_return_val_if_fail (STRIDE_IS_PATIENT_LIST_MODEL (self), FALSE);

  if (self->store == NULL)
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  else if (self->query[0] == '\0')
    ids = stride_store_recent_patient_ids (self->store, 0, error);
  else
    ids = stride_store_search_ids (self->store, self->query, 0, error);

  if (ids == NULL)
    return FALSE;

  replace_ids (self, ids);
  return TRUE;
}

/**
 * stride_patient_list_model_get_id:
 * @self: the model
 * @position: a row
 *
 * Returns: the patient id at @position, 0 when out of range
 */
gint64
stride_patient_list_model_get_id (StridePatientListModel *self,
                                  guint                   position)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_LIST_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}
