/* stride-window.c: the main window: patient list, patient, visit steps
 *
 * The window owns the store. It saves the visit being entered as a draft
 * within a second of each change (debounced), and remembers in a small
 * session file (no patient data: a visit id and a step name) which visit
 * was open, so after a crash or a kill the draft reopens where the
 * clinician was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stride-document.h"
#include "stride-gui-data.h"
#include "stride-patient-dialog.h"
#include "stride-patient-item.h"
#include "stride-patient-list-model.h"
#include "stride-patient-page.h"
#include "stride-sample.h"
#include "stride-visit-view.h"
#include "stride-window.h"

/* A change is on disk within a second: saved after this much quiet. */
#define DRAFT_SAVE_DELAY_MS 400

struct _StrideWindow
{
  AdwApplicationWindow    parent_instance;

  StrideStore            *store;
  StridePatientListModel *patients;
  gint64                  visit_patient_id;
  guint                   save_timeout;
  char                   *last_error;

  AdwToastOverlay        *toast_overlay;
  AdwLeaflet             *leaflet;
  GtkSearchEntry         *search_entry;
  GtkStack               *patients_stack;
  GtkLabel               *list_heading;
  GtkListView            *patient_list;
  AdwStatusPage          *patients_empty;
  GtkStack               *content_stack;
  AdwWindowTitle         *content_title;
  AdwStatusPage          *welcome_page;
  StridePatientPage      *patient_page;
  GtkStack               *main_stack;
  StrideVisitView        *visit_view;
};

G_DEFINE_FINAL_TYPE (StrideWindow, stride_window, ADW_TYPE_APPLICATION_WINDOW)

static void open_store (StrideWindow *self);
static void show_amendments (StrideWindow *self);

StrideWindow *
stride_window_new (StrideApplication *application)
{
  StrideWindow *self;

  g_return_val_if_fail (STRIDE_IS_APPLICATION (application), NULL);

  self = g_object_new (STRIDE_TYPE_WINDOW, "application", application, NULL);
  open_store (self);
  return self;
}

static void
show_error (StrideWindow *self,
            const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->last_error);
  self->last_error = g_strdup (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* --- Session: which draft was open, and at which step ------------------ */

static char *
session_path (void)
{
  return g_build_filename (g_get_user_state_dir (), APPLICATION_ID, "session.ini", NULL);
}

static void
session_write (StrideWindow *self,
               gint64        visit_id,
               const char   *step)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = session_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL);
  if (visit_id > 0)
    {
      g_key_file_set_string (keyfile, "session", "database", stride_store_get_path (self->store));
      g_key_file_set_int64 (keyfile, "session", "open-visit", visit_id);
      g_key_file_set_string (keyfile, "session", "step", step != NULL ? step : "");
    }
  else
    g_key_file_remove_group (keyfile, "session", NULL);

  g_mkdir_with_parents (dir, 0700);
  if (!g_key_file_save_to_file (keyfile, path, &error))
    g_warning ("Cannot remember the open visit: %s", error->message);
}

static gint64
current_visit_id (StrideWindow *self)
{
  StrideVisit *visit = self->visit_view != NULL
                       ? stride_visit_view_get_visit (self->visit_view) : NULL;

  return visit != NULL && visit->id != NULL ? g_ascii_strtoll (visit->id, NULL, 10) : 0;
}

/* --- Drafts --------------------------------------------------------------- */

static StrideFindingsSummary *
make_summary (StrideFindings *findings,
              StrideAnswers  *answers)
{
  StrideFindingsSummary *summary = findings != NULL
                                   ? stride_findings_summary_new_from_findings (findings)
                                   : stride_findings_summary_new ();

  summary->has_worst_pain = stride_answers_get_number (answers, "worst-pain", STRIDE_SIDE_NONE,
                                                      &summary->worst_pain);
  summary->has_run_pain = stride_answers_get_number (answers, "pain-during-running",
                                                    STRIDE_SIDE_NONE, &summary->run_pain);
  return summary;
}

static gboolean
save_draft_now (StrideWindow *self)
{
  StrideVisit *visit = self->visit_view != NULL
                       ? stride_visit_view_get_visit (self->visit_view) : NULL;
  g_autoptr(StrideFindingsSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;
  g_autofree char *saved = NULL;

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (self->store == NULL || visit == NULL || visit->status == STRIDE_VISIT_FINAL)
    return TRUE;

  summary = make_summary (stride_visit_view_get_findings (self->visit_view), visit->answers);
  if (!stride_store_save_draft (self->store, self->visit_patient_id, visit, summary, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The draft could not be saved: %s"),
                                                  error->message);

      stride_visit_view_set_saved_text (self->visit_view, message);
      show_error (self, message);
      return FALSE;
    }

  now = g_date_time_new_now_local ();
  time = g_date_time_format (now, "%X");
  /* TRANSLATORS: %s is a time of day */
  saved = g_strdup_printf (_("Draft saved at %s"), time);
  stride_visit_view_set_saved_text (self->visit_view, saved);
  return TRUE;
}

static gboolean
on_save_timeout (gpointer user_data)
{
  StrideWindow *self = user_data;

  self->save_timeout = 0;
  save_draft_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_visit_changed (StrideVisitView *view,
                  StrideWindow    *self)
{
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (DRAFT_SAVE_DELAY_MS, on_save_timeout, self);
}

static void
on_visit_step_changed (StrideVisitView *view,
                       StrideWindow    *self)
{
  gint64 id = current_visit_id (self);

  if (id > 0 && stride_visit_view_get_visit (view)->status == STRIDE_VISIT_DRAFT)
    session_write (self, id, stride_visit_view_get_step (view));
}

/* --- Patients ------------------------------------------------------------- */

static void
update_patients_state (StrideWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->patients));
  const char *query = stride_patient_list_model_get_query (self->patients);

  if (n == 0 && query[0] == '\0')
    gtk_stack_set_visible_child_name (self->patients_stack, "empty");
  else if (n == 0)
    gtk_stack_set_visible_child_name (self->patients_stack, "no-results");
  else
    {
      g_autofree char *heading = NULL;

      if (query[0] == '\0')
        heading = g_strdup (_("Recent patients"));
      else
        heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u patient found",
                                                "%u patients found", n), n);
      gtk_label_set_text (self->list_heading, heading);
      gtk_stack_set_visible_child_name (self->patients_stack, "list");
    }
}

static void
reload_patients (StrideWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!stride_patient_list_model_reload (self->patients, &error))
    show_error (self, error->message);
  update_patients_state (self);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   StrideWindow   *self)
{
  g_autoptr(GError) error = NULL;

  if (!stride_patient_list_model_set_query (self->patients,
                                            gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    show_error (self, error->message);
  update_patients_state (self);
}

/**
 * stride_window_show_patient:
 * @self: the window
 * @patient_id: a patient
 *
 * Returns: %TRUE when the patient is shown
 */
gboolean
stride_window_show_patient (StrideWindow *self,
                            gint64        patient_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STRIDE_IS_WINDOW (self), FALSE);

  if (self->store == NULL
      || !stride_patient_page_load (self->patient_page, self->store, patient_id, &error))
    {
      if (error != NULL)
        show_error (self, error->message);
      return FALSE;
    }

  adw_window_title_set_title (self->content_title,
                              stride_patient_page_get_patient (self->patient_page)->name);
  gtk_stack_set_visible_child_name (self->content_stack, "patient");
  gtk_stack_set_visible_child_name (self->main_stack, "browse");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  return TRUE;
}

/* Enter in the search field opens the first patient found. */
static void
on_search_activate (GtkSearchEntry *entry,
                    StrideWindow   *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->patients)) > 0)
    stride_window_show_patient (self, stride_patient_list_model_get_id (self->patients, 0));
}

static void
on_patient_activated (GtkListView  *list,
                      guint         position,
                      StrideWindow *self)
{
  stride_window_show_patient (self, stride_patient_list_model_get_id (self->patients, position));
}

static void
setup_patient_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_use_markup (GTK_LABEL (name), FALSE);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
bind_patient_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  StridePatientItem *patient = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (GTK_LABEL (name), stride_patient_item_get_name (patient));
  gtk_label_set_text (GTK_LABEL (details), stride_patient_item_get_details (patient));
  accessible = g_strdup_printf ("%s, %s", stride_patient_item_get_name (patient),
                                stride_patient_item_get_details (patient));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  /* The row around it is what the keyboard focuses, and GTK 4.8 gives it no
   * name of its own: a screen reader said nothing on Tab into the list. */
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_new_patient_save (StridePatientDialog *dialog,
                     StridePatient       *patient,
                     StrideWindow        *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->store == NULL)
    {
      stride_patient_dialog_set_error (dialog, _("No patient database is open."));
      return;
    }

  id = stride_store_create_patient (self->store, patient, &error);
  if (id == 0)
    {
      stride_patient_dialog_set_error (dialog, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reload_patients (self);
  stride_window_show_patient (self, id);
}

static void
new_patient_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);
  StridePatientDialog *dialog = stride_patient_dialog_new (NULL);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "save", G_CALLBACK (on_new_patient_save), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * stride_window_add_sample_patient:
 * @self: the window
 * @error: where to say why it failed
 *
 * Stores the sample patient with three final visits and shows it.
 *
 * Returns: the new patient's id, or 0
 */
gint64
stride_window_add_sample_patient (StrideWindow  *self,
                                  GError       **error)
{
  g_autoptr(StrideAssessment) sample = NULL;
  g_autoptr(StrideAssessment) judged = stride_assessment_new ();
  GDate date;
  gint64 id;

  g_return_val_if_fail (STRIDE_IS_WINDOW (self), 0);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No patient database is open."));
      return 0;
    }

  today (&date);
  sample = stride_sample_assessment (&date);
  id = stride_store_create_patient (self->store, sample->patient, error);
  if (id == 0)
    return 0;

  stride_patient_free (judged->patient);
  judged->patient = stride_patient_copy (sample->patient);
  for (guint i = 0; i < sample->visits->len; i++)
    {
      StrideVisit *visit = g_ptr_array_index (sample->visits, i);
      g_autoptr(StrideFindings) findings = NULL;
      g_autoptr(StrideFindingsSummary) summary = NULL;

      /* Each visit is judged with the visits before it, as at the time. */
      g_ptr_array_add (judged->visits, stride_visit_copy (visit));
      findings = stride_gui_evaluate (judged);
      if (findings != NULL && visit->plan == NULL)
        visit->plan = stride_gui_suggest_plan (judged, findings);
      summary = make_summary (findings, visit->answers);
      visit->status = STRIDE_VISIT_DRAFT;
      if (!stride_store_finalise_visit (self->store, id, visit, summary, error))
        return 0;
      g_ptr_array_remove_index (judged->visits, judged->visits->len - 1);
      g_ptr_array_add (judged->visits, stride_visit_copy (visit));
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reload_patients (self);
  stride_window_show_patient (self, id);
  return id;
}

static void
add_sample_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (stride_window_add_sample_patient (self, &error) == 0)
    show_error (self, error->message);
}

/* --- Visits --------------------------------------------------------------- */

/**
 * stride_window_open_visit:
 * @self: the window
 * @visit_id: a stored visit
 * @step: (nullable): the step to show
 *
 * Returns: %TRUE when the visit is shown
 */
gboolean
stride_window_open_visit (StrideWindow *self,
                          gint64        visit_id,
                          const char   *step)
{
  g_autoptr(GError) error = NULL;
  StrideAssessment *assessment;
  StrideVisit *visit;
  gint64 patient_id = 0;

  g_return_val_if_fail (STRIDE_IS_WINDOW (self), FALSE);

  if (self->store == NULL)
    return FALSE;

  save_draft_now (self);
  visit = stride_store_load_visit (self->store, visit_id, &patient_id, &error);
  if (visit == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  stride_visit_free (visit);

  assessment = stride_store_load_assessment (self->store, visit_id, &error);
  if (assessment == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  /* Other drafts of the patient are not history. */
  for (guint i = assessment->visits->len - 1; i > 0; i--)
    if (((StrideVisit *) g_ptr_array_index (assessment->visits, i - 1))->status
        == STRIDE_VISIT_DRAFT)
      g_ptr_array_remove_index (assessment->visits, i - 1);

  self->visit_patient_id = patient_id;
  stride_visit_view_load (STRIDE_VISIT_VIEW (stride_window_get_visit_view (self)), assessment,
                          step);
  visit = stride_visit_view_get_visit (self->visit_view);
  stride_visit_view_set_saved_text (self->visit_view,
                                    visit->status == STRIDE_VISIT_FINAL
                                    ? _("This visit is final: it is shown as it was finalised.")
                                    : _("Every change is saved as a draft."));
  show_amendments (self);
  gtk_stack_set_visible_child_name (self->main_stack, "visit");
  if (visit->status == STRIDE_VISIT_DRAFT)
    session_write (self, visit_id, stride_visit_view_get_step (self->visit_view));
  return TRUE;
}

/**
 * stride_window_new_visit:
 * @self: the window
 * @patient_id: the patient
 * @kind: an initial assessment or a follow-up (prefilled from the last
 *   final visit, whose answers are shown beside the inputs)
 *
 * Returns: the new draft's id, or 0
 */
gint64
stride_window_new_visit (StrideWindow    *self,
                         gint64           patient_id,
                         StrideVisitKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideAssessment) record = NULL;
  g_autoptr(StrideVisit) visit = stride_visit_new ();
  StrideVisit *last = NULL;
  StrideApplication *app;

  g_return_val_if_fail (STRIDE_IS_WINDOW (self), 0);

  if (self->store == NULL)
    return 0;

  record = stride_store_load_patient_record (self->store, patient_id, &error);
  if (record == NULL)
    {
      show_error (self, error->message);
      return 0;
    }
  for (guint i = 0; i < record->visits->len; i++)
    {
      StrideVisit *v = g_ptr_array_index (record->visits, i);

      if (v->status == STRIDE_VISIT_FINAL)
        last = v;
    }

  /* A visit already in progress is continued rather than doubled. */
  for (guint i = 0; i < record->visits->len; i++)
    {
      StrideVisit *v = g_ptr_array_index (record->visits, i);
      gint64 draft_id;

      if (v->status != STRIDE_VISIT_DRAFT || v->id == NULL)
        continue;
      draft_id = g_ascii_strtoll (v->id, NULL, 10);
      if (stride_window_open_visit (self, draft_id, NULL))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("This patient has a visit in progress: "
                                                      "it is continued")));
      return draft_id;
    }

  today (&visit->date);
  visit->kind = kind;
  app = STRIDE_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (app != NULL)
    visit->clinician = g_settings_get_string (stride_application_get_settings (app),
                                              "clinician-name");
  if (kind == STRIDE_VISIT_FOLLOW_UP && last != NULL)
    {
      g_autoptr(GPtrArray) keys = stride_answers_list_keys (last->answers);
      StrideProtocol *protocol = stride_gui_get_protocol ();

      /* Prefilled from the last visit; "since the last visit" starts empty. */
      for (guint i = 0; i < keys->len; i++)
        {
          g_autofree char *item_id = NULL;
          StrideSide side;
          const StrideItem *item;

          if (!stride_answers_split_key (g_ptr_array_index (keys, i), &item_id, &side))
            continue;
          item = protocol != NULL ? stride_protocol_lookup (protocol, item_id) : NULL;
          if (item != NULL && g_strcmp0 (item->section, "follow-up") == 0)
            continue;
          stride_answers_set (visit->answers, item_id, side,
                              stride_answers_get (last->answers, item_id, side));
        }
    }

  if (!stride_store_save_draft (self->store, patient_id, visit, NULL, &error))
    {
      show_error (self, error->message);
      return 0;
    }

  stride_window_open_visit (self, g_ascii_strtoll (visit->id, NULL, 10), NULL);
  return g_ascii_strtoll (visit->id, NULL, 10);
}

static void
on_new_visit (StridePatientPage *page,
              int                kind,
              StrideWindow      *self)
{
  stride_window_new_visit (self, stride_patient_page_get_patient_id (page), kind);
}

static void
on_open_visit (StridePatientPage *page,
               gint64             visit_id,
               StrideWindow      *self)
{
  stride_window_open_visit (self, visit_id, NULL);
}

static void
on_patient_changed (StridePatientPage *page,
                    StrideWindow      *self)
{
  reload_patients (self);
  adw_window_title_set_title (self->content_title,
                              stride_patient_page_get_patient (page)->name);
}

/**
 * stride_window_export_record:
 * @self: the window
 * @patient_id: the patient
 * @path: the file to write
 * @error: where to say why it failed
 *
 * Writes the patient's whole record (every visit) as an assessment document.
 *
 * Returns: %TRUE when written
 */
gboolean
stride_window_export_record (StrideWindow  *self,
                             gint64         patient_id,
                             const char    *path,
                             GError       **error)
{
  g_autoptr(StrideAssessment) record = NULL;

  g_return_val_if_fail (STRIDE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No patient database is open."));
      return FALSE;
    }

  record = stride_store_load_patient_record (self->store, patient_id, error);
  return record != NULL && stride_document_write_file (record, path, error);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    StrideWindow    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path == NULL
          || !stride_window_export_record (self,
                                           stride_patient_page_get_patient_id (self->patient_page),
                                           path, &error))
        show_error (self, error != NULL ? error->message : _("Choose a local file."));
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Record exported")));
    }

  g_object_unref (chooser);
}

static void
on_patient_export (StridePatientPage *page,
                   StrideWindow      *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export Record"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  /* File names carry the date, never the patient's name: they end up in
   * mail attachments and recent-file lists. */
  /* TRANSLATORS: default file name of an exported record; %s is a date */
  name = g_strdup_printf (_("stride-record-%s.xml"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("Assessment documents"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static StrideAssessment *
read_record (StrideWindow  *self,
             const char    *path,
             GError       **error)
{
  if (self->store == NULL || stride_gui_get_protocol () == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No patient database is open."));
      return NULL;
    }
  return stride_document_read_file (path, stride_gui_get_protocol (), error);
}

/* Stores the record as a new patient and shows it. */
static gint64
import_read_record (StrideWindow      *self,
                    StrideAssessment  *record,
                    GError           **error)
{
  gint64 patient_id = 0;

  if (!stride_store_import_assessment (self->store, record, &patient_id, error))
    return 0;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reload_patients (self);
  stride_window_show_patient (self, patient_id);
  return patient_id;
}

static void
show_import_error (StrideWindow *self,
                   const GError *error)
{
  g_autofree char *message = g_strdup_printf (_("The record could not be imported: %s"),
                                              error->message);

  show_error (self, message);
}

static void
import_and_say (StrideWindow     *self,
                StrideAssessment *record)
{
  g_autoptr(GError) error = NULL;

  if (import_read_record (self, record, &error) == 0)
    show_import_error (self, error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Record imported")));
}

/**
 * stride_window_import_record:
 * @self: the window
 * @path: an assessment document
 * @error: where to say why it could not be imported (file, line, field)
 *
 * Adds the document's patient and visits as a new patient, and shows it.
 *
 * Returns: the new patient's id, or 0
 */
gint64
stride_window_import_record (StrideWindow  *self,
                             const char    *path,
                             GError       **error)
{
  g_autoptr(StrideAssessment) record = NULL;

  g_return_val_if_fail (STRIDE_IS_WINDOW (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  record = read_record (self, path, error);
  return record != NULL ? import_read_record (self, record, error) : 0;
}

static void
on_duplicate_import_response (AdwMessageDialog *dialog,
                              const char       *response,
                              StrideWindow     *self)
{
  StrideAssessment *record = g_object_get_data (G_OBJECT (dialog), "stride-record");
  gint64 same = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "stride-same"));

  if (g_str_equal (response, "import"))
    import_and_say (self, record);
  else if (g_str_equal (response, "show"))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      stride_window_show_patient (self, same);
    }
}

/* Importing the same file twice made two patients of one: before a second
 * copy is made, the clinician sees the patient they have and chooses. */
static void
ask_about_duplicate (StrideWindow     *self,
                     StrideAssessment *record,   /* (transfer full) */
                     gint64            same)
{
  const StridePatient *patient = record->patient;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (g_date_valid (&patient->birth_date))
    {
      char born[64] = "";

      /* TRANSLATORS: a date of birth (strftime), e.g. 2 April 1990 */
      g_date_strftime (born, sizeof born, _("%-d %B %Y"), &patient->birth_date);
      /* TRANSLATORS: a patient's name and date of birth */
      body = g_strdup_printf (_("%s, born %s, is already in your records. Importing the file "
                                "adds a second patient with this record; the one you have does "
                                "not change."), patient->name, g_strstrip (born));
    }
  else
    body = g_strdup_printf (_("%s is already in your records. Importing the file adds a "
                              "second patient with this record; the one you have does not "
                              "change."), patient->name);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Patient Already in Your Records"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import as a New Patient"),
                                    "show", _("_Show the Patient"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "show", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "show");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "stride-record", record,
                          (GDestroyNotify) stride_assessment_free);
  g_object_set_data (G_OBJECT (dialog), "stride-same", GSIZE_TO_POINTER (same));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_duplicate_import_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * stride_window_offer_import:
 * @self: the window
 * @path: an assessment document the clinician chose
 *
 * Imports @path as the Import menu item does: a record whose patient is
 * already stored (the same name and date of birth) is imported only if the
 * clinician says so; any error is shown in the window.
 */
void
stride_window_offer_import (StrideWindow *self,
                            const char   *path)
{
  g_autoptr(StrideAssessment) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 same;

  g_return_if_fail (STRIDE_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  record = read_record (self, path, &error);
  same = record != NULL ? stride_store_find_same_patient (self->store, record->patient, &error)
                        : -1;
  if (same < 0)
    show_import_error (self, error);
  else if (same > 0)
    ask_about_duplicate (self, g_steal_pointer (&record), same);
  else
    import_and_say (self, record);
}

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    StrideWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        show_error (self, _("Choose a file on this computer."));
      else
        stride_window_offer_import (self, path);
    }

  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Record"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Assessment documents"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_patient_deleted (StridePatientPage *page,
                    StrideWindow      *self)
{
  reload_patients (self);
  gtk_stack_set_visible_child_name (self->content_stack, "welcome");
  adw_window_title_set_title (self->content_title, _("Stride"));
  adw_leaflet_set_visible_child_name (self->leaflet, "patients");
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Patient deleted")));
}

/* What the clinician was doing when asked about unsaved corrections, done
 * once they are discarded. */
typedef enum
{
  THEN_CLOSE_VISIT,
  THEN_SEARCH,
  THEN_CLOSE_WINDOW,
} ThenAction;

/* A final visit unlocked for an amendment, with corrections an amendment
 * would store: leaving it would lose them. When the store cannot tell, it
 * counts as yes. */
static gboolean
has_unsaved_corrections (StrideWindow *self)
{
  StrideVisit *visit = self->visit_view != NULL
                       ? stride_visit_view_get_visit (self->visit_view) : NULL;
  g_autoptr(StrideFindingsSummary) summary = NULL;
  gboolean has_changes = TRUE;

  if (self->store == NULL || visit == NULL || !stride_visit_view_is_amending (self->visit_view))
    return FALSE;
  summary = make_summary (stride_visit_view_get_findings (self->visit_view), visit->answers);
  if (!stride_store_visit_has_changes (self->store, visit, summary, &has_changes, NULL))
    return TRUE;
  return has_changes;
}

static void on_visit_close (StrideVisitView *view,
                            StrideWindow    *self);
static void stride_window_search_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);

static void
on_unsaved_corrections_response (AdwMessageDialog *dialog,
                                 const char       *response,
                                 StrideWindow     *self)
{
  ThenAction then = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "then"));

  if (g_str_equal (response, "save"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self->visit_view), "visit.amend", NULL);
      return;
    }
  if (!g_str_equal (response, "discard"))
    return;

  stride_visit_view_end_amending (self->visit_view);
  switch (then)
    {
    case THEN_CLOSE_VISIT:
      on_visit_close (self->visit_view, self);
      break;
    case THEN_SEARCH:
      stride_window_search_action (GTK_WIDGET (self), "win.search", NULL);
      break;
    case THEN_CLOSE_WINDOW:
    default:
      gtk_window_close (GTK_WINDOW (self));
      break;
    }
}

/* Corrections of a final visit are stored only as an amendment, with its
 * reason: before anything would leave them unsaved, asks. Returns TRUE when
 * it asked (the caller stops; @then is done if they are discarded). */
static gboolean
ask_about_unsaved_corrections (StrideWindow *self,
                               ThenAction    then)
{
  AdwMessageDialog *dialog;

  if (!has_unsaved_corrections (self))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Save the Corrections?"),
                                                       _("This final visit has corrections that "
                                                         "are not saved. They are saved as an "
                                                         "amendment, with its reason; discarded "
                                                         "corrections are lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard Corrections"),
                                    "save", _("Save _Amendment…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "then", GINT_TO_POINTER (then));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_corrections_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
on_visit_close (StrideVisitView *view,
                StrideWindow    *self)
{
  if (ask_about_unsaved_corrections (self, THEN_CLOSE_VISIT))
    return;
  save_draft_now (self);
  session_write (self, 0, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "browse");
  if (self->visit_patient_id > 0)
    stride_window_show_patient (self, self->visit_patient_id);
  reload_patients (self);
}

/**
 * stride_window_finalise_visit:
 * @self: the window
 * @error: where to say why it failed
 *
 * Stores the open visit as final, as confirming "Finalise Visit" does.
 *
 * Returns: %TRUE when the visit is final
 */
gboolean
stride_window_finalise_visit (StrideWindow  *self,
                              GError       **error)
{
  StrideVisit *visit;
  g_autoptr(StrideFindingsSummary) summary = NULL;

  g_return_val_if_fail (STRIDE_IS_WINDOW (self), FALSE);

  visit = self->visit_view != NULL ? stride_visit_view_get_visit (self->visit_view) : NULL;
  if (self->store == NULL || visit == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No visit is open."));
      return FALSE;
    }

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  summary = make_summary (stride_visit_view_get_findings (self->visit_view), visit->answers);
  if (!stride_store_finalise_visit (self->store, self->visit_patient_id, visit, summary, error))
    return FALSE;

  stride_visit_view_mark_final (self->visit_view);
  stride_visit_view_set_saved_text (self->visit_view, _("This visit is final."));
  return TRUE;
}

static void
on_visit_finalise (StrideVisitView *view,
                   StrideWindow    *self)
{
  g_autoptr(GError) error = NULL;

  if (!stride_window_finalise_visit (self, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The visit could not be finalised: %s"),
                                                  error->message);

      show_error (self, message);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Visit finalised")));
}

static void
show_amendments (StrideWindow *self)
{
  StrideVisit *visit = stride_visit_view_get_visit (self->visit_view);
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || visit == NULL || visit->status != STRIDE_VISIT_FINAL)
    return;
  amendments = stride_store_list_amendments (self->store, current_visit_id (self), &error);
  if (amendments == NULL)
    show_error (self, error->message);
  stride_visit_view_set_amendments (self->visit_view, amendments);
}

/**
 * stride_window_amend_visit:
 * @self: the window
 * @reason: why the final visit is corrected
 * @error: where to say why it failed
 *
 * Stores the open final visit's corrected content as an amendment beside it,
 * as saving an amendment in the visit view does.
 *
 * Returns: the new revision (≥ 1), or 0 with @error set
 */
guint
stride_window_amend_visit (StrideWindow  *self,
                           const char    *reason,
                           GError       **error)
{
  StrideVisit *visit;
  g_autoptr(StrideFindingsSummary) summary = NULL;
  guint revision;

  g_return_val_if_fail (STRIDE_IS_WINDOW (self), 0);

  visit = self->visit_view != NULL ? stride_visit_view_get_visit (self->visit_view) : NULL;
  if (self->store == NULL || visit == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No visit is open."));
      return 0;
    }

  summary = make_summary (stride_visit_view_get_findings (self->visit_view), visit->answers);
  revision = stride_store_amend_visit (self->store, visit, summary, reason, error);
  if (revision == 0)
    return 0;

  stride_visit_view_end_amending (self->visit_view);
  stride_visit_view_set_saved_text (self->visit_view, _("This visit is final and amended."));
  show_amendments (self);
  return revision;
}

static void
on_visit_amend (StrideVisitView *view,
                const char      *reason,
                StrideWindow    *self)
{
  g_autoptr(GError) error = NULL;

  /* On failure the corrections stay on screen, unlocked, to try again. */
  if (stride_window_amend_visit (self, reason, &error) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The amendment could not be saved: %s"),
                                                  error->message);

      show_error (self, message);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Amendment saved")));
}

static void
on_visit_finalised (StrideVisitView *view,
                    StrideWindow    *self)
{
  session_write (self, 0, NULL);
}

static void
stride_window_search_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);

  /* Leaving a visit for the patient list closes it, saved, as Back does. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "visit") == 0)
    {
      if (ask_about_unsaved_corrections (self, THEN_SEARCH))
        return;
      on_visit_close (self->visit_view, self);
    }
  gtk_stack_set_visible_child_name (self->main_stack, "browse");
  adw_leaflet_set_visible_child_name (self->leaflet, "patients");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
stride_window_show_patients_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "patients");
}

/* After a crash or a kill, the draft that was open opens again, at its step. */
static void
restore_session (StrideWindow *self)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = session_path ();
  g_autofree char *database = NULL;
  g_autofree char *step = NULL;
  g_autoptr(StrideVisit) visit = NULL;
  gint64 visit_id;

  if (self->store == NULL || !g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    return;

  database = g_key_file_get_string (keyfile, "session", "database", NULL);
  visit_id = g_key_file_get_int64 (keyfile, "session", "open-visit", NULL);
  step = g_key_file_get_string (keyfile, "session", "step", NULL);
  if (g_strcmp0 (database, stride_store_get_path (self->store)) != 0 || visit_id <= 0)
    return;

  visit = stride_store_load_visit (self->store, visit_id, NULL, NULL);
  if (visit == NULL || visit->status != STRIDE_VISIT_DRAFT)
    return;

  if (stride_window_open_visit (self, visit_id, step))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("The visit in progress was reopened where "
                                                  "you left it")));
}

static gboolean
open_new_patient_later (gpointer user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "win.new-patient", NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
open_chooser_later (gpointer user_data)
{
  StrideWindow *self = user_data;

  gtk_widget_activate_action (stride_visit_view_get_page (self->visit_view, "plan"),
                              "plan.add-exercise", NULL);
  return G_SOURCE_REMOVE;
}

/* STRIDE_SCREENSHOT_SCREEN opens a screen directly, for screenshots and for
 * looking at a screen while working on it: "patient" (the sample patient,
 * added when the list is empty), "visit/STEP" (a follow-up of it), "triage"
 * (a follow-up with a red flag), "chooser" (adding an exercise) or
 * "new-patient". */
static void
open_screenshot_screen (StrideWindow *self)
{
  const char *screen = g_getenv ("STRIDE_SCREENSHOT_SCREEN");
  g_autoptr(GError) error = NULL;
  gint64 patient_id;

  if (screen == NULL || self->store == NULL)
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->patients)) == 0)
    patient_id = stride_window_add_sample_patient (self, &error);
  else
    patient_id = stride_patient_list_model_get_id (self->patients, 0);
  if (patient_id == 0)
    return;

  stride_window_show_patient (self, patient_id);
  /* Dialogs open once the window is on screen, so that they stack above it. */
  if (g_str_equal (screen, "new-patient"))
    g_timeout_add_seconds (1, open_new_patient_later, self);
  else if (g_str_has_prefix (screen, "visit") || g_str_equal (screen, "triage")
           || g_str_equal (screen, "chooser"))
    {
      gint64 visit_id = stride_window_new_visit (self, patient_id, STRIDE_VISIT_FOLLOW_UP);

      if (visit_id <= 0)
        return;
      if (g_str_has_prefix (screen, "visit/"))
        stride_visit_view_set_step (self->visit_view, screen + 6);
      else if (g_str_equal (screen, "triage"))
        {
          StrideItemsPage *page = stride_visit_view_get_items_page (self->visit_view,
                                                                    "red-flags");

          stride_visit_view_set_step (self->visit_view, "red-flags");
          stride_item_row_enter_text (stride_items_page_get_row (page, "locked-knee"),
                                      STRIDE_SIDE_NONE, "yes");
        }
      else
        {
          stride_visit_view_set_step (self->visit_view, "plan");
          g_timeout_add_seconds (1, open_chooser_later, self);
        }
    }
}

/* The application (and so the database path) is set after construction. */
/* --- A database that cannot be opened ------------------------------------ */

static void
on_restore_chosen (GtkNativeDialog *chooser,
                   int              response,
                   StrideWindow    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  const char *path;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  backup = file != NULL ? g_file_get_path (file) : NULL;
  path = stride_application_get_database_path (
           STRIDE_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  if (backup == NULL || !stride_store_restore_file (path, backup, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The backup could not be restored: %s"),
                                                  error != NULL ? error->message
                                                                : _("choose a local file"));

      show_error (self, message);
      goto out;
    }
  stride_window_reopen_store (self);
  if (self->store != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Restored from the backup; the damaged file "
                                                  "is kept beside it")));
out:
  g_object_unref (chooser);
}

static void
on_restore_clicked (GtkButton    *button,
                    StrideWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Restore from a Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Restore"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_restore_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Says in the clinician's words what is wrong and what to do; nothing on disk
 * is changed here. A damaged file can be replaced by a backup, and the store
 * keeps the damaged one beside it. */
static void
show_store_error (StrideWindow *self,
                  const GError *error)
{
  const char *title = _("Patient Records Unavailable");
  const char *advice = NULL;
  gboolean restore = FALSE;
  g_autofree char *description = NULL;

  if (error->domain == STRIDE_STORE_ERROR)
    switch ((StrideStoreError) error->code)
      {
      case STRIDE_STORE_ERROR_CORRUPT:
        title = _("Patient Records Damaged");
        advice = _("Stride has not changed the damaged file. Restore the records from a "
                   "backup: the damaged file is kept beside it.");
        restore = TRUE;
        break;
      case STRIDE_STORE_ERROR_NOT_A_DATABASE:
        title = _("Not a Patient Database");
        advice = _("Stride has left this file as it is. Open another file, or restore the "
                   "records from a backup: this file is then kept beside it.");
        restore = TRUE;
        break;
      case STRIDE_STORE_ERROR_TOO_NEW:
        title = _("Made by a Newer Stride");
        advice = _("These records were saved by a newer version of Stride. Update Stride to "
                   "open them; this version leaves them untouched.");
        break;
      case STRIDE_STORE_ERROR_READ_ONLY:
        title = _("Patient Records Cannot Be Written");
        advice = _("Stride may not write to the database or its folder. Check their "
                   "permissions, then start Stride again. Nothing was changed.");
        break;
      case STRIDE_STORE_ERROR_LOCKED:
        title = _("Patient Records Busy");
        advice = _("Another program keeps the database busy. Close it, then start Stride "
                   "again. Nothing was changed.");
        break;
      case STRIDE_STORE_ERROR_FAILED:
      case STRIDE_STORE_ERROR_IO:
      case STRIDE_STORE_ERROR_FULL:
      case STRIDE_STORE_ERROR_NOT_FOUND:
      case STRIDE_STORE_ERROR_FINAL:
      case STRIDE_STORE_ERROR_NOT_FINAL:
      case STRIDE_STORE_ERROR_INVALID:
      default:
        break;
      }

  if (advice != NULL)
    description = g_strdup_printf ("%s\n\n%s", advice, error->message);
  else
    description = g_strdup_printf (_("The patient database could not be opened: %s"),
                                   error->message);
  g_free (self->last_error);
  self->last_error = g_strdup (error->message);
  adw_status_page_set_title (self->welcome_page, title);
  adw_status_page_set_description (self->welcome_page, description);
  adw_status_page_set_icon_name (self->welcome_page, "dialog-error-symbolic");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-patient", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-sample", FALSE);

  if (restore)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore from a Backup…"));

      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      gtk_widget_set_name (button, "restore-button");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Restore the patient records from a backup file"), -1);
      g_signal_connect (button, "clicked", G_CALLBACK (on_restore_clicked), self);
      adw_status_page_set_child (self->welcome_page, button);
    }
  else
    adw_status_page_set_child (self->welcome_page, NULL);
}

/**
 * stride_window_reopen_store:
 * @self: the window
 *
 * Opens the application's database again (after a restore), and shows the
 * welcome page again when it opens.
 */
void
stride_window_reopen_store (StrideWindow *self)
{
  g_return_if_fail (STRIDE_IS_WINDOW (self));

  g_clear_object (&self->store);
  adw_status_page_set_child (self->welcome_page, NULL);
  adw_status_page_set_title (self->welcome_page, _("Welcome to Stride"));
  adw_status_page_set_description (self->welcome_page,
                                   _("Choose a patient to see their visits and progress, or "
                                     "add a new patient to start an assessment."));
  adw_status_page_set_icon_name (self->welcome_page, APPLICATION_ID "-symbolic");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-patient", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-sample", TRUE);
  open_store (self);
}

static void
open_store (StrideWindow *self)
{
  GtkApplication *app;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL)
    {
      const char *path = stride_application_get_database_path (STRIDE_APPLICATION (app));

      self->store = stride_store_open (path, STRIDE_STORE_OPEN_NONE, &error);
      if (self->store == NULL)
        show_store_error (self, error);
    }

  g_clear_object (&self->patients);
  self->patients = stride_patient_list_model_new (self->store);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->patients)));
  gtk_list_view_set_model (self->patient_list, GTK_SELECTION_MODEL (selection));
  reload_patients (self);
  restore_session (self);
  open_screenshot_screen (self);
}

static gboolean
stride_window_close_request (GtkWindow *window)
{
  StrideWindow *self = STRIDE_WINDOW (window);

  if (ask_about_unsaved_corrections (self, THEN_CLOSE_WINDOW))
    return TRUE;

  /* Closing keeps the visit as a draft, and it opens again next time. */
  save_draft_now (self);

  return GTK_WINDOW_CLASS (stride_window_parent_class)->close_request (window);
}

static void
stride_window_dispose (GObject *object)
{
  StrideWindow *self = STRIDE_WINDOW (object);

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_WINDOW);
  g_clear_object (&self->patients);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (stride_window_parent_class)->dispose (object);
}

static void
stride_window_finalize (GObject *object)
{
  StrideWindow *self = STRIDE_WINDOW (object);

  g_free (self->last_error);

  G_OBJECT_CLASS (stride_window_parent_class)->finalize (object);
}

static void
stride_window_class_init (StrideWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = stride_window_dispose;
  object_class->finalize = stride_window_finalize;
  window_class->close_request = stride_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/stride-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, patients_stack);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, list_heading);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, patient_list);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, patients_empty);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, patient_page);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, main_stack);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, stride_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-patients", NULL,
                                   stride_window_show_patients_action);
  gtk_widget_class_install_action (widget_class, "win.new-patient", NULL, new_patient_action);
  gtk_widget_class_install_action (widget_class, "win.add-sample", NULL, add_sample_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-patient", NULL);
}

static void
stride_window_init (StrideWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Empty until open_store(): a window made without an application has no store. */
  self->patients = stride_patient_list_model_new (NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->patients)));
  gtk_list_view_set_model (self->patient_list, GTK_SELECTION_MODEL (selection));
  update_patients_state (self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_patient_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_patient_row), NULL);
  gtk_list_view_set_factory (self->patient_list, factory);
  g_object_unref (factory);

  g_signal_connect (self->patient_list, "activate", G_CALLBACK (on_patient_activated), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  g_signal_connect (self->patient_page, "new-visit", G_CALLBACK (on_new_visit), self);
  g_signal_connect (self->patient_page, "open-visit", G_CALLBACK (on_open_visit), self);
  g_signal_connect (self->patient_page, "changed", G_CALLBACK (on_patient_changed), self);
  g_signal_connect (self->patient_page, "deleted", G_CALLBACK (on_patient_deleted), self);
  g_signal_connect (self->patient_page, "export", G_CALLBACK (on_patient_export), self);
}

/**
 * stride_window_get_store:
 * @self: the window
 *
 * Returns: (transfer none) (nullable): the open store
 */
StrideStore *
stride_window_get_store (StrideWindow *self)
{
  g_return_val_if_fail (STRIDE_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * stride_window_get_visit_view:
 * @self: the window
 *
 * The visit view (111 questions and four more pages) is made the first time
 * a visit opens, not at start-up.
 *
 * Returns: (transfer none): the visit view
 */
StrideVisitView *
stride_window_get_visit_view (StrideWindow *self)
{
  g_return_val_if_fail (STRIDE_IS_WINDOW (self), NULL);

  if (self->visit_view == NULL)
    {
      self->visit_view = STRIDE_VISIT_VIEW (stride_visit_view_new ());
      g_signal_connect (self->visit_view, "close", G_CALLBACK (on_visit_close), self);
      g_signal_connect (self->visit_view, "changed", G_CALLBACK (on_visit_changed), self);
      g_signal_connect (self->visit_view, "step-changed", G_CALLBACK (on_visit_step_changed),
                        self);
      g_signal_connect (self->visit_view, "finalised", G_CALLBACK (on_visit_finalised), self);
      g_signal_connect (self->visit_view, "finalise", G_CALLBACK (on_visit_finalise), self);
      g_signal_connect (self->visit_view, "amend", G_CALLBACK (on_visit_amend), self);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->visit_view), "visit");
    }

  return self->visit_view;
}

StridePatientPage *
stride_window_get_patient_page (StrideWindow *self)
{
  g_return_val_if_fail (STRIDE_IS_WINDOW (self), NULL);

  return self->patient_page;
}

GListModel *
stride_window_get_patients (StrideWindow *self)
{
  g_return_val_if_fail (STRIDE_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->patients);
}

/**
 * stride_window_flush_draft:
 * @self: the window
 *
 * Saves the open visit now instead of after the quiet delay.
 *
 * Returns: %TRUE when saved (or nothing to save)
 */
gboolean
stride_window_flush_draft (StrideWindow *self)
{
  g_return_val_if_fail (STRIDE_IS_WINDOW (self), FALSE);

  return save_draft_now (self);
}

gboolean
stride_window_has_pending_save (StrideWindow *self)
{
  g_return_val_if_fail (STRIDE_IS_WINDOW (self), FALSE);

  return self->save_timeout != 0;
}

const char *
stride_window_get_last_error (StrideWindow *self)
{
  g_return_val_if_fail (STRIDE_IS_WINDOW (self), NULL);

  return self->last_error;
}
