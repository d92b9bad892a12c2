/* stride-patient-page.c: one patient: details, progress, visits
 *
 * The page reads the patient and their history from the store. Editing
 * and deleting happen here; starting or opening a visit is asked of the
 * window (::new-visit, ::open-visit), which owns the visit view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "stride-gui-labels.h"
#include "stride-patient-dialog.h"
#include "stride-patient-page.h"
#include "stride-progress-chart.h"

struct _StridePatientPage
{
  GtkWidget            parent_instance;

  StrideStore         *store;
  gint64               patient_id;
  StridePatient       *patient;
  GPtrArray           *history;    /* StrideHistoryEntry */

  GtkLabel            *name_label;
  GtkLabel            *details_label;
  GtkWidget           *follow_up_button;
  GtkWidget           *new_assessment_button;
  StrideProgressChart *pain_chart;
  StrideProgressChart *tests_chart;
  GtkListBox          *visit_list;
};

G_DEFINE_FINAL_TYPE (StridePatientPage, stride_patient_page, GTK_TYPE_WIDGET)

enum {
  NEW_VISIT,
  OPEN_VISIT,
  CHANGED,
  DELETED,
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_date (const GDate *date)
{
  char buf[64] = "";

  if (g_date_valid (date))
    /* TRANSLATORS: a date on printed documents (strftime), e.g. 24 November 2026 */
    g_date_strftime (buf, sizeof buf, _("%-d %B %Y"), date);
  return g_strstrip (g_strdup (buf));
}

static const char *
sex_label (const char *sex)
{
  if (g_strcmp0 (sex, "female") == 0)
    return _("Female");
  if (g_strcmp0 (sex, "male") == 0)
    return _("Male");
  if (g_strcmp0 (sex, "other") == 0)
    return C_("sex", "Other");
  return NULL;
}

static void
show_details (StridePatientPage *self)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  int age;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  /* Names are shown as text: a name with "&" or "<" is just a name. */
  gtk_label_set_text (self->name_label, self->patient->name);
  age = stride_patient_age_on (self->patient, &today);
  if (age >= 0)
    {
      g_autofree char *born = format_date (&self->patient->birth_date);

      g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "%d year old",
                                                    "%d years old", age), age);
      g_string_append_printf (details, " (%s)", born);
    }
  if (sex_label (self->patient->sex) != NULL)
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "",
                            sex_label (self->patient->sex));
  if (self->patient->contact != NULL)
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "",
                            self->patient->contact);
  if (self->patient->notes != NULL)
    g_string_append_printf (details, "%s%s", details->len > 0 ? "\n" : "", self->patient->notes);
  gtk_label_set_text (self->details_label, details->str);
}

/* A visit saved without key measures (an imported one): read its answers. */
static void
chart_from_answers (StridePatientPage *self,
                    gint64             visit_id,
                    double            *worst,
                    double            *run,
                    double            *sls_left,
                    double            *sls_right)
{
  g_autoptr(StrideVisit) visit = stride_store_load_visit (self->store, visit_id, NULL, NULL);

  if (visit == NULL)
    return;
  if (!stride_answers_get_number (visit->answers, "worst-pain", STRIDE_SIDE_NONE, worst))
    *worst = NAN;
  if (!stride_answers_get_number (visit->answers, "pain-during-running", STRIDE_SIDE_NONE, run))
    *run = NAN;
  if (!stride_answers_get_number (visit->answers, "mt-sls-reps", STRIDE_SIDE_LEFT, sls_left))
    *sls_left = NAN;
  if (!stride_answers_get_number (visit->answers, "mt-sls-reps", STRIDE_SIDE_RIGHT, sls_right))
    *sls_right = NAN;
}

static void
show_charts (StridePatientPage *self)
{
  guint n = self->history->len;
  g_autofree GDate *dates = g_new0 (GDate, MAX (n, 1));
  g_autofree double *worst = g_new (double, MAX (n, 1));
  g_autofree double *run = g_new (double, MAX (n, 1));
  g_autofree double *sls[3] = { NULL, NULL, NULL };
  double max_reps = 10;

  sls[STRIDE_SIDE_LEFT] = g_new (double, MAX (n, 1));
  sls[STRIDE_SIDE_RIGHT] = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      StrideHistoryEntry *entry = g_ptr_array_index (self->history, i);
      StrideFindingsSummary *s = entry->summary;
      const StrideSummaryTest *test = s != NULL ? stride_findings_summary_get_test (s, "MT-SLS")
                                                : NULL;

      dates[i] = entry->date;
      worst[i] = s != NULL && s->has_worst_pain ? s->worst_pain : NAN;
      run[i] = s != NULL && s->has_run_pain ? s->run_pain : NAN;
      for (StrideSide side = STRIDE_SIDE_LEFT; side <= STRIDE_SIDE_RIGHT; side++)
        sls[side][i] = test != NULL && test->tested[side] ? test->value[side] : NAN;
      if (s == NULL)
        chart_from_answers (self, entry->visit_id, &worst[i], &run[i],
                            &sls[STRIDE_SIDE_LEFT][i], &sls[STRIDE_SIDE_RIGHT][i]);
      for (StrideSide side = STRIDE_SIDE_LEFT; side <= STRIDE_SIDE_RIGHT; side++)
        if (!isnan (sls[side][i]))
          max_reps = MAX (max_reps, ceil (sls[side][i] / 5.0) * 5.0);
    }

  stride_progress_chart_clear (self->pain_chart);
  stride_progress_chart_set_axis (self->pain_chart, 10, NULL);
  stride_progress_chart_set_dates (self->pain_chart, dates, n);
  stride_progress_chart_add_series (self->pain_chart, _("Worst pain in the last week"),
                                    worst, n, TRUE);
  stride_progress_chart_add_series (self->pain_chart, _("Pain during running"), run, n, TRUE);

  stride_progress_chart_clear (self->tests_chart);
  stride_progress_chart_set_axis (self->tests_chart, max_reps, NULL);
  stride_progress_chart_set_dates (self->tests_chart, dates, n);
  stride_progress_chart_add_series (self->tests_chart, _("Single-leg squats, left"),
                                    sls[STRIDE_SIDE_LEFT], n, FALSE);
  stride_progress_chart_add_series (self->tests_chart, _("Single-leg squats, right"),
                                    sls[STRIDE_SIDE_RIGHT], n, FALSE);
}

static void
on_visit_row_activated (AdwActionRow      *row,
                        StridePatientPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "stride-visit-id");

  g_signal_emit (self, signals[OPEN_VISIT], 0, *id);
}

static void
show_history (StridePatientPage *self)
{
  GtkWidget *child;
  gboolean any_final = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->visit_list))) != NULL)
    gtk_list_box_remove (self->visit_list, child);

  for (guint i = 0; i < self->history->len; i++)
    {
      StrideHistoryEntry *entry = g_ptr_array_index (self->history, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = format_date (&entry->date);
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);

      any_final |= entry->status == STRIDE_VISIT_FINAL;
      title = g_strdup_printf ("%s · %s", date[0] != '\0' ? date : _("No date"),
                               entry->kind == STRIDE_VISIT_FOLLOW_UP ? _("Follow-up")
                                                                     : _("Initial assessment"));
      if (entry->status == STRIDE_VISIT_DRAFT)
        g_string_append (subtitle, _("In progress: continue"));
      else
        g_string_append (subtitle, _("Final"));
      if (entry->n_amendments > 0)
        g_string_append_printf (subtitle, " · %s", g_dngettext (GETTEXT_PACKAGE, "amended once",
                                                                "amended", entry->n_amendments));
      if (entry->summary != NULL)
        {
          if (entry->summary->phase != STRIDE_PHASE_NONE)
            g_string_append_printf (subtitle, " · %s",
                                    stride_gui_phase_label (entry->summary->phase));
          if (entry->summary->has_worst_pain)
            g_string_append_printf (subtitle, _(" · worst pain %.0f/10"),
                                    entry->summary->worst_pain);
          if (entry->summary->triage != STRIDE_TRIAGE_NONE)
            g_string_append_printf (subtitle, " · %s",
                                    stride_gui_triage_label (entry->summary->triage));
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      if (entry->status == STRIDE_VISIT_DRAFT)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("document-edit-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "stride-visit-id",
                              g_memdup2 (&entry->visit_id, sizeof (gint64)), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_visit_row_activated), self);
      gtk_list_box_append (self->visit_list, row);
    }

  if (self->history->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No visits yet: start with New Assessment."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->visit_list, row);
    }

  /* A follow-up needs a visit to follow. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient.follow-up", any_final);
  if (any_final)
    {
      gtk_widget_add_css_class (self->follow_up_button, "suggested-action");
      gtk_widget_remove_css_class (self->new_assessment_button,
                                   "suggested-action");
    }
  else
    {
      gtk_widget_remove_css_class (self->follow_up_button, "suggested-action");
      gtk_widget_add_css_class (self->new_assessment_button,
                                "suggested-action");
    }
}

/**
 * stride_patient_page_reload:
 * @self: the page
 *
 * Reads the patient and their visits again.
 *
 * Returns: %TRUE on success
 */
gboolean
stride_patient_page_reload (StridePatientPage  *self,
                            GError            **error)
{
  StridePatient *patient;
  GPtrArray *history;

  g_return_val_if_fail (STRIDE_IS_PATIENT_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  patient = stride_store_get_patient (self->store, self->patient_id, error);
  if (patient == NULL)
    return FALSE;
  history = stride_store_list_history (self->store, self->patient_id, error);
  if (history == NULL)
    {
      stride_patient_free (patient);
      return FALSE;
    }

  g_clear_pointer (&self->patient, stride_patient_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  self->patient = patient;
  self->history = history;

  show_details (self);
  show_charts (self);
  show_history (self);
  return TRUE;
}

/**
 * stride_patient_page_load:
 * @self: the page
 * @store: the store
 * @patient_id: the patient to show
 *
 * Returns: %TRUE when the patient is shown
 */
gboolean
stride_patient_page_load (StridePatientPage  *self,
                          StrideStore        *store,
                          gint64              patient_id,
                          GError            **error)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_PAGE (self), FALSE);
  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);

  g_set_object (&self->store, store);
  self->patient_id = patient_id;
  return stride_patient_page_reload (self, error);
}

gint64
stride_patient_page_get_patient_id (StridePatientPage *self)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_PAGE (self), 0);

  return self->patient_id;
}

/**
 * stride_patient_page_get_patient:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the patient shown
 */
const StridePatient *
stride_patient_page_get_patient (StridePatientPage *self)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_PAGE (self), NULL);

  return self->patient;
}

/**
 * stride_patient_page_get_history:
 * @self: the page
 *
 * Returns: (transfer none) (nullable) (element-type StrideHistoryEntry): the visits shown
 */
GPtrArray *
stride_patient_page_get_history (StridePatientPage *self)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_PAGE (self), NULL);

  return self->history;
}

guint
stride_patient_page_get_n_chart_series (StridePatientPage *self)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_PAGE (self), 0);

  return stride_progress_chart_get_n_series (self->pain_chart)
         + stride_progress_chart_get_n_series (self->tests_chart);
}

static void
new_assessment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_signal_emit (widget, signals[NEW_VISIT], 0, STRIDE_VISIT_INITIAL);
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[NEW_VISIT], 0, STRIDE_VISIT_FOLLOW_UP);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[EXPORT], 0);
}

static void
on_patient_dialog_save (StridePatientDialog *dialog,
                        StridePatient       *patient,
                        StridePatientPage   *self)
{
  g_autoptr(GError) error = NULL;

  if (!stride_store_update_patient (self->store, patient, &error))
    {
      stride_patient_dialog_set_error (dialog, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  stride_patient_page_reload (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StridePatientPage *self = STRIDE_PATIENT_PAGE (widget);
  StridePatientDialog *dialog;

  if (self->patient == NULL)
    return;

  dialog = stride_patient_dialog_new (self->patient);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "save", G_CALLBACK (on_patient_dialog_save), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    StridePatientPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  if (!stride_store_delete_patient (self->store, self->patient_id, &error))
    {
      GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
      GtkWidget *failed = adw_message_dialog_new (parent, _("The Patient Could Not Be Deleted"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }

  g_signal_emit (self, signals[DELETED], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StridePatientPage *self = STRIDE_PATIENT_PAGE (widget);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (self->patient == NULL)
    return;

  /* TRANSLATORS: %s is the patient's name */
  heading = g_strdup_printf (_("Delete %s?"), self->patient->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("Every visit, plan and amendment of this patient is "
                                     "deleted for good. Backups made before still hold the "
                                     "patient's record: delete or replace those too if the "
                                     "record must be gone everywhere."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Patient"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
stride_patient_page_dispose (GObject *object)
{
  GtkWidget *child;
  StridePatientPage *self = STRIDE_PATIENT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_PATIENT_PAGE);
  /* Children without an id in the template are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (stride_patient_page_parent_class)->dispose (object);
}

static void
stride_patient_page_finalize (GObject *object)
{
  StridePatientPage *self = STRIDE_PATIENT_PAGE (object);

  g_clear_pointer (&self->patient, stride_patient_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (stride_patient_page_parent_class)->finalize (object);
}

static void
stride_patient_page_class_init (StridePatientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_patient_page_dispose;
  object_class->finalize = stride_patient_page_finalize;

  /**
   * StridePatientPage::new-visit:
   * @kind: a #StrideVisitKind
   */
  signals[NEW_VISIT] = g_signal_new ("new-visit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * StridePatientPage::open-visit:
   * @visit_id: the visit the clinician chose
   */
  signals[OPEN_VISIT] = g_signal_new ("open-visit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/stride-patient-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StridePatientPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, StridePatientPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, StridePatientPage, follow_up_button);
  gtk_widget_class_bind_template_child (widget_class, StridePatientPage, new_assessment_button);
  gtk_widget_class_bind_template_child (widget_class, StridePatientPage, pain_chart);
  gtk_widget_class_bind_template_child (widget_class, StridePatientPage, tests_chart);
  gtk_widget_class_bind_template_child (widget_class, StridePatientPage, visit_list);

  gtk_widget_class_install_action (widget_class, "patient.new-assessment", NULL,
                                   new_assessment_action);
  gtk_widget_class_install_action (widget_class, "patient.follow-up", NULL, follow_up_action);
  gtk_widget_class_install_action (widget_class, "patient.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "patient.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "patient.delete", NULL, delete_action);
}

static void
stride_patient_page_init (StridePatientPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_history_entry_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient.follow-up", FALSE);
}
