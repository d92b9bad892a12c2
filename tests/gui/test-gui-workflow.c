/* test-gui-workflow.c: a clinician's day driven through actions and widget
 * APIs: a new patient, an initial visit with every step answered, a
 * follow-up prefilled from it; refused values; every input labelled on
 * every step; and a visit killed mid-way that reopens where it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "stride-application.h"
#include "stride-documents-page.h"
#include "stride-engine.h"
#include "stride-entry-row.h"
#include "stride-exercise-chooser.h"
#include "stride-findings-page.h"
#include "stride-gui-data.h"
#include "stride-gui-accessible.h"
#include "stride-gui-types.h"
#include "stride-i18n.h"
#include "stride-items-page.h"
#include "stride-patient-dialog.h"
#include "stride-patient-item.h"
#include "stride-patient-list-model.h"
#include "stride-patient-page.h"
#include "stride-plan-page.h"
#include "stride-protocol.h"
#include "stride-store.h"
#include "stride-test-a11y.h"
#include "stride-visit-view.h"
#include "stride-window.h"

/* A name that breaks anything that takes it for markup. */
#define PATIENT_NAME "Zoë O'Brien <b>&amp; Co</b>"

typedef void (*WindowTest) (StrideWindow *window);

typedef struct
{
  WindowTest  func;
  gboolean    ran;
} RunData;

static GtkWidget *
template_child (GtkWidget  *widget,
                GType       type,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (widget, type, name));
}

static const char *db_name = "workflow.db";

static char *
test_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), db_name, NULL);
}

static void
on_activate (GApplication *app,
             RunData      *data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (STRIDE_IS_WINDOW (window));
  stride_test_iterate_main_loop ();
  data->func (STRIDE_WINDOW (window));
  data->ran = TRUE;
  stride_window_flush_draft (STRIDE_WINDOW (window));
  g_application_quit (app);
}

/* Runs @func in a fresh application on the test database. */
static void
run_in_app (WindowTest func)
{
  g_autoptr(StrideApplication) app = stride_application_new ();
  g_autofree char *db = test_db_path ();
  char *argv[] = { (char *) "stride", (char *) "--db", db, NULL };
  RunData data = { func, FALSE };

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &data);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (data.ran);
}

/* Every place Tab stops in @widget's window can be read out. */
static void
assert_tab_stops_named (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));

  g_assert_cmpuint (stride_test_assert_tab_stops_named (window), >, 0);
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @done says so. The limit only stops a test that
 * would hang: on a loaded machine under a sanitizer a timer due in 300 ms can
 * take seconds, so nothing here measures time. */
static void
wait_until (Condition   done,
            gpointer    data,
            const char *what)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("still waiting, after a minute, for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* The widget named @name (gtk_widget_set_name()) at or below @widget. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
save_done (gpointer window)
{
  return !stride_window_has_pending_save (window);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static gint64
create_patient (StrideWindow *window)
{
  StridePatientDialog *dialog;
  StridePatientPage *page = stride_window_get_patient_page (window);
  GtkWidget *error_label;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-patient", NULL);
  stride_test_iterate_main_loop ();
  dialog = STRIDE_PATIENT_DIALOG (find_toplevel (STRIDE_TYPE_PATIENT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (stride_test_assert_inputs_labelled (GTK_WIDGET (dialog)), >=, 5);
  g_assert_cmpuint (stride_test_assert_tab_stops_named (GTK_WINDOW (dialog)), >=, 5);

  /* A birth date that is not a date is refused with the reason. */
  gtk_editable_set_text (GTK_EDITABLE (stride_patient_dialog_get_field (dialog, "name")),
                         PATIENT_NAME);
  gtk_editable_set_text (GTK_EDITABLE (stride_patient_dialog_get_field (dialog, "birth-date")),
                         "14/05/1990");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "patient.save", NULL);
  stride_test_iterate_main_loop ();
  g_assert_true (find_toplevel (STRIDE_TYPE_PATIENT_DIALOG) == GTK_WINDOW (dialog));
  error_label = template_child (GTK_WIDGET (dialog), STRIDE_TYPE_PATIENT_DIALOG,
                                               "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "1990-05-14"));
  /* The field at fault is marked for a screen reader too, and has the focus. */
  {
    StrideEntryRow *birth = STRIDE_ENTRY_ROW (stride_patient_dialog_get_field (dialog,
                                                                             "birth-date"));
    GtkWidget *entry = stride_entry_row_get_entry (birth);
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

    g_assert_true (gtk_test_accessible_has_state (GTK_ACCESSIBLE (entry),
                                                  GTK_ACCESSIBLE_STATE_INVALID));
    g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (entry),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (birth), "error"));
    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, entry));
  }

  gtk_editable_set_text (GTK_EDITABLE (stride_patient_dialog_get_field (dialog, "birth-date")),
                         "1990-05-14");
  adw_combo_row_set_selected (ADW_COMBO_ROW (stride_patient_dialog_get_field (dialog, "sex")), 1);
  gtk_editable_set_text (GTK_EDITABLE (stride_patient_dialog_get_field (dialog, "contact")),
                         "zoe@example.org");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "patient.save", NULL);
  stride_test_iterate_main_loop ();
  g_assert_null (find_toplevel (STRIDE_TYPE_PATIENT_DIALOG));

  /* The patient page shows the name as text, markup characters and all. */
  g_assert_nonnull (stride_patient_page_get_patient (page));
  g_assert_cmpstr (stride_patient_page_get_patient (page)->name, ==, PATIENT_NAME);
  {
    GtkWidget *name = template_child (GTK_WIDGET (page), STRIDE_TYPE_PATIENT_PAGE,
                                                     "name_label");

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, PATIENT_NAME);
  }
  g_assert_cmpuint (g_list_model_get_n_items (stride_window_get_patients (window)), ==, 1);

  return stride_patient_page_get_patient_id (page);
}

/* A valid answer for any item, so that every question of every step is
 * answered the way a clinician would: through its editor. */
static char *
answer_for (const StrideItem *item,
            StrideSide        side)
{
  static const struct { const char *item; const char *value; } chosen[] = {
    { "involved-side", "right" },
    { "injury", "no" },
    { "running-now", "yes" },
    { "worst-pain", "5" },
    { "pain-at-rest", "1" },
    { "night-pain", "none" },
    { "settle-time", "1-24h" },
    { "next-morning", "same" },
    { "pain-location", "around-kneecap" },
    /* One red flag: a knee that locks (RF-LOCKED, urgent). */
    { "locked-knee", "yes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (chosen); i++)
    if (g_str_equal (chosen[i].item, item->id))
      return g_strdup (chosen[i].value);

  switch (item->type)
    {
    case STRIDE_ITEM_YES_NO:
      return g_strdup ("no");
    case STRIDE_ITEM_SCALE:
      return g_strdup (side == STRIDE_SIDE_LEFT ? "0" : "2");
    case STRIDE_ITEM_NUMBER:
      {
        double value = item->has_range ? item->min + (item->max - item->min) / 10.0 : 12;

        return g_strdup_printf ("%.0f", value);
      }
    case STRIDE_ITEM_CHOICE:
    case STRIDE_ITEM_MULTI:
      return g_strdup (((StrideChoice *) g_ptr_array_index (item->choices, 0))->id);
    case STRIDE_ITEM_DATE:
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autoptr(GDateTime) then = g_date_time_add_days (now, -30);

        return g_date_time_format (then, "%Y-%m-%d");
      }
    case STRIDE_ITEM_TEXT:
    default:
      return g_strdup ("Plans a 10 km race");
    }
}

static void
answer_step (StrideVisitView *view,
             const char      *step)
{
  StrideItemsPage *page = stride_visit_view_get_items_page (view, step);
  GPtrArray *rows;
  guint answered = 0;

  g_assert_nonnull (page);
  stride_visit_view_set_step (view, step);
  stride_test_iterate_main_loop ();
  g_assert_cmpstr (stride_visit_view_get_step (view), ==, step);

  /* Every input of the step, as shown, has an accessible label, and so has
   * every place Tab stops. */
  g_assert_cmpuint (stride_test_assert_inputs_labelled (GTK_WIDGET (view)), >, 0);
  assert_tab_stops_named (GTK_WIDGET (view));

  rows = stride_items_page_get_rows (page);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      StrideItemRow *row = g_ptr_array_index (rows, i);
      const StrideItem *item = stride_item_row_get_item (row);

      g_assert_nonnull (item);    /* every item the template names exists */
      if (!gtk_widget_get_visible (GTK_WIDGET (row)))
        continue;
      for (StrideSide side = STRIDE_SIDE_NONE; side <= STRIDE_SIDE_RIGHT; side++)
        {
          g_autofree char *value = NULL;

          if (stride_item_row_get_editor (row, side) == NULL)
            continue;
          value = answer_for (item, side);
          if (!stride_item_row_enter_text (row, side, value))
            g_error ("%s: “%s” refused: %s", item->id, value,
                     stride_item_row_get_error (row, side));
          answered++;
        }
      g_assert_true (stride_item_row_is_answered (row));
    }

  g_assert_cmpuint (answered, >, 0);
  g_assert_cmpuint (stride_visit_view_count_missing (view, step), ==, 0);
}

static gint64 initial_visit_id;

static void
check_refusals (StrideVisitView *view)
{
  StrideItemsPage *page = stride_visit_view_get_items_page (view, "load-sensitivity");
  StrideItemRow *row = stride_items_page_get_row (page, "worst-pain");
  StrideAnswers *answers = stride_visit_view_get_visit (view)->answers;

  g_assert_nonnull (row);
  g_assert_cmpstr (stride_answers_get (answers, "worst-pain", STRIDE_SIDE_NONE), ==, "5");

  /* 11 on a 0–10 scale is refused at the field, with the reason, and the
   * answer keeps its last good value. */
  g_assert_false (stride_item_row_enter_text (row, STRIDE_SIDE_NONE, "11"));
  g_assert_nonnull (stride_item_row_get_error (row, STRIDE_SIDE_NONE));
  g_assert_nonnull (strstr (stride_item_row_get_error (row, STRIDE_SIDE_NONE), "10"));
  g_assert_cmpstr (stride_answers_get (answers, "worst-pain", STRIDE_SIDE_NONE), ==, "5");
  g_assert_false (stride_item_row_enter_text (row, STRIDE_SIDE_NONE, "lots"));
  g_assert_cmpstr (stride_answers_get (answers, "worst-pain", STRIDE_SIDE_NONE), ==, "5");
  g_assert_true (stride_item_row_enter_text (row, STRIDE_SIDE_NONE, "6"));
  g_assert_null (stride_item_row_get_error (row, STRIDE_SIDE_NONE));
  g_assert_cmpstr (stride_answers_get (answers, "worst-pain", STRIDE_SIDE_NONE), ==, "6");

  /* Refused while the field is empty: the reason stays at the field, and
   * nothing is stored (the reason used to vanish with the refused text). */
  g_assert_true (stride_item_row_enter_text (row, STRIDE_SIDE_NONE, ""));
  g_assert_false (stride_answers_has (answers, "worst-pain", STRIDE_SIDE_NONE));
  g_assert_false (stride_item_row_enter_text (row, STRIDE_SIDE_NONE, "15"));
  g_assert_nonnull (stride_item_row_get_error (row, STRIDE_SIDE_NONE));
  g_assert_nonnull (strstr (stride_item_row_get_error (row, STRIDE_SIDE_NONE), "15"));
  g_assert_false (stride_answers_has (answers, "worst-pain", STRIDE_SIDE_NONE));
  g_assert_true (stride_item_row_enter_text (row, STRIDE_SIDE_NONE, "6"));
  g_assert_null (stride_item_row_get_error (row, STRIDE_SIDE_NONE));

  /* A date that does not exist is refused too. */
  page = stride_visit_view_get_items_page (view, "history");
  row = stride_items_page_get_row (page, "onset-date");
  g_assert_false (stride_item_row_enter_text (row, STRIDE_SIDE_NONE, "2026-02-30"));
  g_assert_nonnull (stride_item_row_get_error (row, STRIDE_SIDE_NONE));
  g_assert_false (stride_answers_has (answers, "onset-date", STRIDE_SIDE_NONE));
  g_assert_true (stride_item_row_enter_text (row, STRIDE_SIDE_NONE, "2026-10-01"));

  /* Per side: each knee has its own editor and answer. */
  page = stride_visit_view_get_items_page (view, "movement-tolerance");
  row = stride_items_page_get_row (page, "mt-sls-reps");
  g_assert_true (stride_item_row_enter_text (row, STRIDE_SIDE_LEFT, "12"));
  g_assert_true (stride_item_row_enter_text (row, STRIDE_SIDE_RIGHT, "7"));
  g_assert_cmpstr (stride_answers_get (answers, "mt-sls-reps", STRIDE_SIDE_LEFT), ==, "12");
  g_assert_cmpstr (stride_answers_get (answers, "mt-sls-reps", STRIDE_SIDE_RIGHT), ==, "7");
}


/* Whether an action row under @root has a subtitle containing @needle. */
static gboolean
has_row_subtitle (GtkWidget  *root,
                  const char *needle)
{
  if (ADW_IS_ACTION_ROW (root))
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (root));

      if (subtitle != NULL && strstr (subtitle, needle) != NULL)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_row_subtitle (child, needle))
      return TRUE;
  return FALSE;
}

/* Whether the plan step says that no programme is made because of an
 * emergency; looked at from the findings step, and back there after. */
static gboolean
plan_step_says_emergency_first (StrideVisitView *view)
{
  GtkWidget *plan_page = stride_visit_view_get_page (view, "plan");
  gboolean says;

  stride_visit_view_set_step (view, "plan");
  stride_test_iterate_main_loop ();
  says = has_row_subtitle (plan_page, "The emergency referral comes first");
  stride_visit_view_set_step (view, "findings");
  stride_test_iterate_main_loop ();
  return says;
}

static void
check_banner_and_findings (StrideVisitView *view)
{
  StrideFindingsPage *page = STRIDE_FINDINGS_PAGE (stride_visit_view_get_page (view, "findings"));
  StrideVisit *visit = stride_visit_view_get_visit (view);
  AdwComboRow *triage_row = stride_findings_page_get_override_row (page, "triage");
  StrideEntryRow *reason_row = stride_findings_page_get_reason_row (page);
  g_autofree char *conclusions = NULL;

  /* A locked knee (a red flag answered on step 2) shows the triage banner,
   * with its level in words and the rule, on every step. */
  for (guint i = 0; stride_visit_view_list_steps ()[i] != NULL; i++)
    {
      stride_visit_view_set_step (view, stride_visit_view_list_steps ()[i]);
      g_assert_true (stride_visit_view_get_banner_shown (view));
    }
  g_assert_nonnull (strstr (stride_visit_view_get_banner_text (view), "RF-LOCKED"));
  g_assert_nonnull (strstr (stride_visit_view_get_banner_text (view), "Urgent"));

  /* Everything computed is shown with its reasons and their rule ids. */
  stride_visit_view_set_step (view, "findings");
  stride_test_iterate_main_loop ();
  g_assert_cmpuint (stride_test_assert_inputs_labelled (GTK_WIDGET (view)), >, 0);
  assert_tab_stops_named (GTK_WIDGET (view));
  conclusions = stride_findings_page_get_conclusions (page);
  g_assert_nonnull (strstr (conclusions, "RF-LOCKED"));
  g_assert_nonnull (strstr (conclusions, "LS-IRRITABILITY"));
  g_assert_nonnull (strstr (conclusions, "Irritability"));
  g_assert_nonnull (strstr (conclusions, "MT-SLS"));
  /* The readiness criteria are worded as the report words them. */
  g_assert_nonnull (strstr (conclusions, stride_engine_criterion_name ("irritability")));
  g_assert_nonnull (strstr (conclusions, stride_engine_criterion_name ("MT-QUAD")));

  /* Lowering the triage without a reason is refused and not kept … */
  adw_combo_row_set_selected (triage_row, 1);
  g_assert_nonnull (stride_findings_page_get_error (page));
  g_assert_null (stride_visit_get_override (visit, "triage"));
  g_assert_true (stride_visit_view_get_banner_shown (view));
  /* … and kept, with the reason, once one is written. */
  gtk_editable_set_text (GTK_EDITABLE (reason_row),
                         "Locking was a one-off catch that freed itself");
  g_assert_null (stride_findings_page_get_error (page));
  g_assert_nonnull (stride_visit_get_override (visit, "triage"));
  g_assert_cmpstr (stride_visit_get_override (visit, "triage")->value, ==, "none");
  g_assert_nonnull (stride_visit_get_override (visit, "triage")->reason);
  g_assert_false (stride_visit_view_get_banner_shown (view));

  /* Raising needs no reason. */
  gtk_editable_set_text (GTK_EDITABLE (reason_row), "");
  adw_combo_row_set_selected (triage_row, 4);
  g_assert_null (stride_findings_page_get_error (page));
  g_assert_cmpstr (stride_visit_get_override (visit, "triage")->value, ==, "emergency");
  /* An emergency makes no exercise programme (rules §1), raised by hand too. */
  g_assert_true (plan_step_says_emergency_first (view));

  /* Back to the engine's conclusion. */
  adw_combo_row_set_selected (triage_row, 0);
  g_assert_null (stride_visit_get_override (visit, "triage"));
  g_assert_true (stride_visit_view_get_banner_shown (view));
  g_assert_false (plan_step_says_emergency_first (view));
}

static char *changed_exercise;

static void
change_plan (StrideVisitView *view)
{
  StridePlanPage *page = STRIDE_PLAN_PAGE (stride_visit_view_get_page (view, "plan"));
  StrideVisit *visit = stride_visit_view_get_visit (view);
  StrideExerciseChooser *chooser;
  GPtrArray *exercises = stride_library_get_exercises (stride_gui_get_library ());
  const StrideExercise *wanted = NULL;
  guint n;
  GtkWidget *sets;
  g_autofree char *first = NULL;

  stride_visit_view_set_step (view, "plan");
  stride_test_iterate_main_loop ();
  g_assert_cmpuint (stride_test_assert_inputs_labelled (GTK_WIDGET (view)), >, 0);
  assert_tab_stops_named (GTK_WIDGET (view));
  g_assert_nonnull (visit->plan);
  g_assert_false (visit->plan->edited);
  n = visit->plan->items->len;
  g_assert_cmpuint (n, >=, 3);

  /* Remove the first exercise. */
  gtk_widget_activate_action (GTK_WIDGET (page), "plan.remove", "u", 0);
  g_assert_cmpuint (visit->plan->items->len, ==, n - 1);
  g_assert_true (visit->plan->edited);

  /* Add one from the library: search, filter by phase, pick. */
  for (guint i = 0; i < exercises->len && wanted == NULL; i++)
    {
      const StrideExercise *e = g_ptr_array_index (exercises, i);
      gboolean planned = FALSE;

      for (guint j = 0; j < visit->plan->items->len; j++)
        {
          StridePlanItem *item = g_ptr_array_index (visit->plan->items, j);

          planned |= g_str_equal (item->exercise_id, e->id);
        }
      if (!planned && (e->phases & (1u << 1)))
        wanted = e;
    }
  g_assert_nonnull (wanted);
  gtk_widget_activate_action (GTK_WIDGET (page), "plan.add-exercise", NULL);
  stride_test_iterate_main_loop ();
  chooser = STRIDE_EXERCISE_CHOOSER (stride_plan_page_get_chooser (page));
  g_assert_nonnull (chooser);
  stride_test_assert_inputs_labelled (GTK_WIDGET (chooser));
  stride_exercise_chooser_set_filter (chooser, NULL, 0, NULL);
  g_assert_cmpuint (stride_exercise_chooser_get_n_shown (chooser), ==, exercises->len);
  /* Each card says which phases it suits, "Phase" for one. */
  for (guint i = 0; i < exercises->len; i++)
    {
      const StrideExercise *e = g_ptr_array_index (exercises, i);
      GtkWidget *row = find_named (GTK_WIDGET (chooser), e->id);
      const char *subtitle;
      guint n_phases = 0;

      g_assert_true (ADW_IS_ACTION_ROW (row));
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      for (int phase = 1; phase <= 3; phase++)
        n_phases += (e->phases & (1u << phase)) != 0;
      g_assert_cmpuint (n_phases, >, 0);
      g_assert_nonnull (strstr (subtitle, n_phases == 1 ? "· Phase " : "· Phases "));
    }
  stride_exercise_chooser_set_filter (chooser, wanted->name, 1, NULL);
  g_assert_cmpuint (stride_exercise_chooser_get_n_shown (chooser), >=, 1);
  g_assert_cmpuint (stride_exercise_chooser_get_n_shown (chooser), <, exercises->len);
  g_assert_true (stride_exercise_chooser_choose (chooser, wanted->id));
  stride_test_iterate_main_loop ();
  g_assert_null (stride_plan_page_get_chooser (page));
  g_assert_cmpuint (visit->plan->items->len, ==, n);
  g_assert_cmpstr (((StridePlanItem *) g_ptr_array_index (visit->plan->items, n - 1))->exercise_id,
                   ==, wanted->id);
  changed_exercise = g_strdup (wanted->name);

  /* Move it to the top and change its dose through its spin button. */
  for (guint i = n - 1; i > 0; i--)
    gtk_widget_activate_action (GTK_WIDGET (page), "plan.move-up", "u", i);
  g_assert_cmpstr (((StridePlanItem *) g_ptr_array_index (visit->plan->items, 0))->exercise_id,
                   ==, wanted->id);
  sets = stride_plan_page_get_dose_spin (page, 0, "sets");
  g_assert_nonnull (sets);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sets), 4);
  g_assert_cmpint (((StridePlanItem *) g_ptr_array_index (visit->plan->items, 0))->sets, ==, 4);
  first = stride_plan_item_format_dose (g_ptr_array_index (visit->plan->items, 0));
  g_assert_true (g_str_has_prefix (first, "4"));

  /* An impossible review date is refused, seen and heard; a real one is kept. */
  {
    StrideEntryRow *review = STRIDE_ENTRY_ROW (template_child (GTK_WIDGET (page),
                                                               STRIDE_TYPE_PLAN_PAGE,
                                                               "review_row"));
    GtkAccessible *field = GTK_ACCESSIBLE (stride_entry_row_get_entry (review));

    gtk_editable_set_text (GTK_EDITABLE (review), "2026-02-30");
    g_assert_true (gtk_test_accessible_has_state (field, GTK_ACCESSIBLE_STATE_INVALID));
    g_assert_true (gtk_test_accessible_has_property (field, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (review)),
                              "year-month-day"));
    gtk_editable_set_text (GTK_EDITABLE (review), "2026-12-29");
    g_assert_false (gtk_test_accessible_has_state (field, GTK_ACCESSIBLE_STATE_INVALID));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (review)), ==, "");
    g_assert_cmpint (g_date_get_day (&visit->plan->next_review), ==, 29);
  }
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* Whether the sheet the page shows (and would print) has @words. */
static gboolean
sheet_shows (StrideDocumentsPage *page,
             const char          *words)
{
  StrideDocument *shown = stride_documents_page_get_document (page, "sheet");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < stride_document_get_n_pages (shown); i++)
    {
      g_autofree char *page_text = stride_document_get_page_text (shown, i);

      g_string_append (text, page_text);
    }
  return strstr (text->str, words) != NULL;
}

static gboolean
sheet_has_contact (gpointer page)
{
  return sheet_shows (page, "01234 567890");
}

static void
export_documents (StrideWindow    *window,
                  StrideVisitView *view)
{
  StrideDocumentsPage *page =
    STRIDE_DOCUMENTS_PAGE (stride_visit_view_get_page (view, "documents"));
  g_autofree char *report_path = g_build_filename (g_get_user_data_dir (), "report.pdf", NULL);
  g_autofree char *sheet_path = g_build_filename (g_get_user_data_dir (), "sheet.pdf", NULL);
  g_autofree char *report = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  /* Stepping into the page focuses the tab of the document it shows. */
  for (guint i = 0; i < 2; i++)
    {
      const char *which = i == 0 ? "sheet" : "report";
      GtkWidget *focus;

      stride_documents_page_show (page, which);
      stride_visit_view_set_step (view, "plan");
      gtk_widget_activate_action (GTK_WIDGET (view), "visit.next-step", NULL);
      stride_test_iterate_main_loop ();
      g_assert_cmpstr (stride_visit_view_get_step (view), ==, "documents");
      g_assert_cmpstr (stride_documents_page_get_shown (page), ==, which);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_true (GTK_IS_TOGGLE_BUTTON (focus));
      g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (page)));
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)));
    }
  g_assert_cmpuint (stride_test_assert_inputs_labelled (GTK_WIDGET (view)), >, 0);
  g_assert_cmpuint (stride_test_assert_tab_stops_named (GTK_WINDOW (window)), >, 5);
  g_assert_nonnull (stride_documents_page_get_document (page, "report"));
  g_assert_nonnull (stride_documents_page_get_document (page, "sheet"));

  /* Without a clinic contact in the preferences the page says the sheet
   * gives none, until one is typed there. */
  {
    GtkWidget *notice = template_child (GTK_WIDGET (page), STRIDE_TYPE_DOCUMENTS_PAGE,
                                        "contact_revealer");
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_set_string (settings, "clinic-contact", "");
    stride_test_iterate_main_loop ();
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (notice)));
    g_settings_set_string (settings, "clinic-contact", "12 High Street · 01234 567890");
    stride_test_iterate_main_loop ();
    g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (notice)));
    /* The sheet shown, printed and saved gets the contact once typing pauses. */
    g_assert_false (sheet_shows (page, "01234 567890"));
    wait_until (sheet_has_contact, page, "the sheet laid out with the clinic's contact");
    g_settings_set_string (settings, "clinic-contact", " ");
    stride_test_iterate_main_loop ();
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (notice)));
    g_settings_reset (settings, "clinic-contact");
    stride_test_iterate_main_loop ();
  }

  /* Default names carry the date and never the patient's name. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = stride_documents_page_default_file_name (i == 0 ? "report"
                                                                              : "sheet");

      g_assert_nonnull (strstr (name, today));
      g_assert_null (strstr (name, "Zo"));
      g_assert_true (g_str_has_suffix (name, ".pdf"));
    }

  g_assert_true (stride_documents_page_save_pdf (page, "report", report_path, &error));
  g_assert_no_error (error);
  g_assert_true (stride_documents_page_save_pdf (page, "sheet", sheet_path, &error));
  g_assert_no_error (error);

  report = pdf_text (report_path);
  sheet = pdf_text (sheet_path);
  /* The name is printed as written: its markup characters are text. */
  g_assert_nonnull (strstr (report, "O'Brien <b>&amp; Co</b>"));
  g_assert_nonnull (strstr (report, "Locked knee"));
  g_assert_nonnull (strstr (report, "RF-LOCKED"));
  /* The clinician's plan, not the suggestion, is what the sheet prints. */
  g_assert_nonnull (strstr (sheet, changed_exercise));

  /* Printing draws the same pages (exported here instead of a printer). */
  {
    g_autofree char *printed_path = g_build_filename (g_get_user_data_dir (), "printed.pdf",
                                                      NULL);
    g_autofree char *printed = NULL;

    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    stride_documents_page_show (page, "sheet");
    /* The preferences change just before: the new layout falls due while the
     * print runs its own main loop, and must not pull the pages from under it. */
    g_settings_set_string (settings, "clinic-contact", "12 High Street · 01234 567890");
    g_usleep (500 * 1000);
    g_assert_true (stride_documents_page_print_to_file (page, printed_path, &error));
    g_assert_no_error (error);
    printed = pdf_text (printed_path);
    g_assert_nonnull (strstr (printed, changed_exercise));
    wait_until (sheet_has_contact, page, "the sheet laid out with the clinic's contact");
    g_settings_reset (settings, "clinic-contact");
    stride_test_iterate_main_loop ();
    stride_documents_page_show (page, "report");
  }
}

static void
check_follow_up (StrideWindow    *window,
                 StrideVisitView *view)
{
  StridePatientPage *page = stride_window_get_patient_page (window);
  StrideVisit *visit;
  StrideItemsPage *load;
  StrideItemRow *row;

  g_assert_true (gtk_widget_is_sensitive (template_child (GTK_WIDGET (page),
                                                          STRIDE_TYPE_PATIENT_PAGE,
                                                          "follow_up_button")));
  gtk_widget_activate_action (GTK_WIDGET (page), "patient.follow-up", NULL);
  stride_test_iterate_main_loop ();
  visit = stride_visit_view_get_visit (view);
  g_assert_nonnull (visit);
  g_assert_cmpint (visit->kind, ==, STRIDE_VISIT_FOLLOW_UP);
  g_assert_cmpint (visit->status, ==, STRIDE_VISIT_DRAFT);
  g_assert_cmpint (g_ascii_strtoll (visit->id, NULL, 10), !=, initial_visit_id);

  /* Prefilled from the last visit, with its value shown beside the input. */
  g_assert_cmpstr (stride_answers_get (visit->answers, "worst-pain", STRIDE_SIDE_NONE), ==, "6");
  load = stride_visit_view_get_items_page (view, "load-sensitivity");
  row = stride_items_page_get_row (load, "worst-pain");
  g_assert_cmpstr (stride_item_row_get_previous_text (row), ==, "6");
  g_assert_true (stride_item_row_enter_text (row, STRIDE_SIDE_NONE, "3"));
  g_assert_cmpstr (stride_item_row_get_previous_text (row), ==, "6");
  row = stride_items_page_get_row (stride_visit_view_get_items_page (view, "movement-tolerance"),
                                   "mt-sls-reps");
  g_assert_nonnull (strstr (stride_item_row_get_previous_text (row), "12"));
  g_assert_nonnull (strstr (stride_item_row_get_previous_text (row), "7"));

  /* A patient who reads German gets the sheet in German, the clinician's
   * screen and report staying in theirs. */
  {
    StrideDocumentsPage *documents =
      STRIDE_DOCUMENTS_PAGE (stride_visit_view_get_page (view, "documents"));
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "sheet-de.pdf", NULL);
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;
    StridePatient *patient = stride_visit_view_get_assessment (view)->patient;

    g_free (patient->language);
    patient->language = g_strdup ("de");
    stride_visit_view_visit_changed (view);
    stride_visit_view_set_step (view, "documents");
    stride_test_iterate_main_loop ();
    g_assert_true (stride_documents_page_save_pdf (documents, "sheet", path, &error));
    g_assert_no_error (error);
    text = pdf_text (path);
    g_assert_nonnull (strstr (text, "Übungsplan für zu Hause"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (template_child (GTK_WIDGET (view),
                                                                           STRIDE_TYPE_VISIT_VIEW,
                                                                           "position_label"))),
                              "Step"));
  }

  /* "Since the last visit" is asked now, and starts empty. */
  row = stride_items_page_get_row (stride_visit_view_get_items_page (view, "history"),
                                   "monitor-broken-sessions");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_false (stride_answers_has (visit->answers, "monitor-broken-sessions",
                                      STRIDE_SIDE_NONE));
  stride_visit_view_set_step (view, "history");
  stride_test_iterate_main_loop ();
  g_assert_cmpuint (stride_test_assert_inputs_labelled (GTK_WIDGET (view)), >, 0);
}

/* The report as the Documents step shows, prints and saves it now. */
static char *
shown_report_text (StrideVisitView *view)
{
  StrideDocumentsPage *page =
    STRIDE_DOCUMENTS_PAGE (stride_visit_view_get_page (view, "documents"));
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "shown.pdf", NULL);
  g_autoptr(GError) error = NULL;

  stride_visit_view_set_step (view, "documents");
  stride_test_iterate_main_loop ();
  g_assert_true (stride_documents_page_save_pdf (page, "report", path, &error));
  g_assert_no_error (error);
  return pdf_text (path);
}

/* A final visit is read-only; "Amend…" unlocks it, "Save Amendment…" asks
 * for a reason (required) and stores the correction beside the visit, which
 * itself stays as finalised. */
static void
check_amendment (StrideWindow    *window,
                 StrideVisitView *view)
{
  GtkWidget *history = stride_visit_view_get_page (view, "history");
  GtkWidget *amend_button = template_child (GTK_WIDGET (view), STRIDE_TYPE_VISIT_VIEW,
                                            "amend_button");
  GtkWidget *amendments_label = template_child (GTK_WIDGET (view), STRIDE_TYPE_VISIT_VIEW,
                                                "amendments_label");
  StrideVisit *visit = stride_visit_view_get_visit (view);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(StrideVisit) original = NULL;
  g_autoptr(StrideVisit) current = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_get_visible (amend_button));
  g_assert_false (gtk_widget_is_sensitive (history));
  g_assert_false (stride_visit_view_is_amending (view));

  /* Nothing unchanged can be stored as an amendment. */
  g_assert_cmpuint (stride_window_amend_visit (window, "no change", &error), ==, 0);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  gtk_widget_activate_action (GTK_WIDGET (view), "visit.amend", NULL);
  g_assert_true (stride_visit_view_is_amending (view));
  g_assert_true (gtk_widget_is_sensitive (history));
  g_free (visit->notes);
  visit->notes = g_strdup ("Worst pain 5 on review of the recording");

  gtk_widget_activate_action (GTK_WIDGET (view), "visit.amend", NULL);
  stride_test_iterate_main_loop ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  /* The reason is required: the response waits for one. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "amend"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "amend"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Worst pain misheard: 5, not 6");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "amend"));
  adw_message_dialog_response (dialog, "amend");
  gtk_window_destroy (GTK_WINDOW (dialog));
  stride_test_iterate_main_loop ();

  g_assert_false (stride_visit_view_is_amending (view));
  g_assert_false (gtk_widget_is_sensitive (history));
  amendments = stride_store_list_amendments (stride_window_get_store (window), initial_visit_id,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amendments->len, ==, 1);
  g_assert_cmpstr (((StrideAmendment *) amendments->pdata[0])->reason, ==,
                   "Worst pain misheard: 5, not 6");
  g_assert_true (gtk_widget_get_visible (amendments_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (amendments_label)),
                            "Worst pain misheard: 5, not 6"));
  {
    /* The report lists the amendment, as the command line's does. */
    g_autofree char *report = shown_report_text (view);

    g_assert_nonnull (strstr (report, "Worst pain misheard: 5, not 6"));
  }

  /* The visit as finalised is kept; the latest revision carries the correction. */
  original = stride_store_load_visit_revision (stride_window_get_store (window), initial_visit_id,
                                               0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (original->notes, !=, "Worst pain 5 on review of the recording");
  current = stride_store_load_visit (stride_window_get_store (window), initial_visit_id, NULL,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpint (current->status, ==, STRIDE_VISIT_FINAL);
  g_assert_cmpstr (current->notes, ==, "Worst pain 5 on review of the recording");
}

/* Answers the message dialog that is open, then closes it. */
static void
respond (const char *response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  stride_test_iterate_main_loop ();
}

/* Corrections of a final visit are saved only as an amendment: leaving the
 * visit, or closing the window, with corrections not saved asks first.
 * Cancel stays; Discard leaves and stores nothing. */
static void
check_unsaved_corrections (StrideWindow    *window,
                           StrideVisitView *view)
{
  GtkStack *main_stack = GTK_STACK (template_child (GTK_WIDGET (window), STRIDE_TYPE_WINDOW,
                                                    "main_stack"));
  StrideVisit *visit = stride_visit_view_get_visit (view);
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(StrideVisit) stored = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_activate_action (GTK_WIDGET (view), "visit.amend", NULL);
  g_assert_true (stride_visit_view_is_amending (view));
  g_free (visit->notes);
  visit->notes = g_strdup ("A correction that is never saved");

  gtk_widget_activate_action (GTK_WIDGET (view), "visit.close", NULL);
  stride_test_iterate_main_loop ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "visit");
  respond ("cancel");
  g_assert_true (stride_visit_view_is_amending (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "visit");

  gtk_window_close (GTK_WINDOW (window));
  stride_test_iterate_main_loop ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  respond ("cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_widget_activate_action (GTK_WIDGET (view), "visit.close", NULL);
  stride_test_iterate_main_loop ();
  respond ("discard");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "browse");
  g_assert_false (stride_visit_view_is_amending (view));

  amendments = stride_store_list_amendments (stride_window_get_store (window), initial_visit_id,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amendments->len, ==, 1);
  stored = stride_store_load_visit (stride_window_get_store (window), initial_visit_id, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->notes, ==, "Worst pain 5 on review of the recording");
}

static void
drive_initial_visit (StrideWindow *window)
{
  StrideVisitView *view = stride_window_get_visit_view (window);
  StridePatientPage *page = stride_window_get_patient_page (window);
  const char * const items_steps[] = {
    "history", "red-flags", "load-sensitivity", "movement-tolerance"
  };
  gint64 patient_id;

  patient_id = create_patient (window);
  g_assert_cmpint (patient_id, >, 0);

  /* Follow-up needs a visit to follow. */
  g_assert_false (gtk_widget_is_sensitive (template_child (GTK_WIDGET (page),
                                                                          STRIDE_TYPE_PATIENT_PAGE,
                                                                          "follow_up_button")));
  gtk_widget_activate_action (GTK_WIDGET (page), "patient.new-assessment", NULL);
  stride_test_iterate_main_loop ();
  g_assert_nonnull (stride_visit_view_get_visit (view));
  g_assert_cmpint (stride_visit_view_get_visit (view)->kind, ==, STRIDE_VISIT_INITIAL);
  initial_visit_id = g_ascii_strtoll (stride_visit_view_get_visit (view)->id, NULL, 10);
  g_assert_cmpint (initial_visit_id, >, 0);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpstr (stride_visit_view_get_step (view), ==, "history");

  /* Nothing answered: the step list shows what is left. */
  g_assert_cmpuint (stride_visit_view_count_missing (view, "history"), >, 0);
  g_assert_cmpuint (stride_visit_view_count_missing (view, "load-sensitivity"), >, 0);

  /* Next and previous step, as the shortcuts do. */
  gtk_widget_activate_action (GTK_WIDGET (view), "visit.next-step", NULL);
  g_assert_cmpstr (stride_visit_view_get_step (view), ==, "red-flags");
  gtk_widget_activate_action (GTK_WIDGET (view), "visit.previous-step", NULL);
  g_assert_cmpstr (stride_visit_view_get_step (view), ==, "history");

  /* Finalising before the red flags were asked about says so first: no red
   * flag question is required. The documents count them as the step does. */
  {
    StrideItemsPage *flags = stride_visit_view_get_items_page (view, "red-flags");
    guint unasked = stride_items_page_count_unasked (flags);
    g_autoptr(StrideProtocol) protocol = stride_protocol_load_default (NULL);
    g_autofree char *expected = g_strdup_printf ("%u red flag questions were not asked", unasked);
    AdwMessageDialog *dialog;

    g_assert_cmpuint (unasked, >, 1);
    g_assert_cmpuint (stride_protocol_count_unasked (protocol, "red-flags",
                                                     stride_visit_view_get_visit (view)->answers),
                      ==, unasked);
    gtk_widget_activate_action (GTK_WIDGET (view), "visit.finalise", NULL);
    stride_test_iterate_main_loop ();
    dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected));
    respond ("cancel");
    g_assert_cmpint (stride_visit_view_get_visit (view)->status, ==, STRIDE_VISIT_DRAFT);
  }

  /* Red flags: mark the positive one, then "No" to the rest in one go. */
  {
    StrideItemsPage *flags = stride_visit_view_get_items_page (view, "red-flags");
    StrideAnswers *answers = stride_visit_view_get_visit (view)->answers;

    stride_visit_view_set_step (view, "red-flags");
    g_assert_true (stride_item_row_enter_text (stride_items_page_get_row (flags, "locked-knee"),
                                               STRIDE_SIDE_NONE, "yes"));
    gtk_widget_activate_action (GTK_WIDGET (flags), "items.rest-no", NULL);
    g_assert_cmpstr (stride_answers_get (answers, "locked-knee", STRIDE_SIDE_NONE), ==, "yes");
    g_assert_cmpstr (stride_answers_get (answers, "fever", STRIDE_SIDE_NONE), ==, "no");
    g_assert_cmpstr (stride_answers_get (answers, "calf-swelling", STRIDE_SIDE_NONE), ==, "no");
  }

  for (guint i = 0; i < G_N_ELEMENTS (items_steps); i++)
    answer_step (view, items_steps[i]);
  check_refusals (view);

  /* Saved as a draft once the typing pauses, without a word from the user. */
  g_assert_true (stride_window_has_pending_save (window));
  wait_until (save_done, window, "the draft to be saved");
  {
    g_autoptr(StrideVisit) saved = stride_store_load_visit (stride_window_get_store (window),
                                                           initial_visit_id, NULL, NULL);

    g_assert_nonnull (saved);
    g_assert_cmpint (saved->status, ==, STRIDE_VISIT_DRAFT);
    g_assert_cmpstr (stride_answers_get (saved->answers, "worst-pain", STRIDE_SIDE_NONE), ==,
                     "6");
    g_assert_true (stride_answers_equal (saved->answers,
                                         stride_visit_view_get_visit (view)->answers));
  }

  check_banner_and_findings (view);
  change_plan (view);
  export_documents (window, view);

  /* Finalise: stored final, shown read-only. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StrideVisit) saved = NULL;

    g_assert_true (stride_window_finalise_visit (window, &error));
    g_assert_no_error (error);
    g_assert_cmpint (stride_visit_view_get_visit (view)->status, ==, STRIDE_VISIT_FINAL);
    g_assert_false (gtk_widget_is_sensitive (stride_visit_view_get_page (view, "history")));
    saved = stride_store_load_visit (stride_window_get_store (window), initial_visit_id,
                                     NULL, NULL);
    g_assert_cmpint (saved->status, ==, STRIDE_VISIT_FINAL);
    g_assert_nonnull (saved->plan);
    g_assert_true (saved->plan->edited);
  }
  {
    /* Finalised on the Documents step: what it shows and prints is final. */
    g_autofree char *report = shown_report_text (view);

    g_assert_null (strstr (report, "(draft)"));
  }

  check_amendment (window, view);
  check_unsaved_corrections (window, view);

  /* Back to the patient: the visit is listed, final. */
  gtk_widget_activate_action (GTK_WIDGET (view), "visit.close", NULL);
  stride_test_iterate_main_loop ();
  g_assert_cmpuint (stride_patient_page_get_history (page)->len, ==, 1);

  check_follow_up (window, view);
}

static void
test_initial_visit (void)
{
  db_name = "workflow.db";
  run_in_app (drive_initial_visit);
}

/* --- Kill mid-visit and restart --------------------------------------- */

static void
drive_until_killed (StrideWindow *window)
{
  StrideVisitView *view = stride_window_get_visit_view (window);
  StrideItemsPage *page;
  gint64 patient_id = create_patient (window);

  stride_window_new_visit (window, patient_id, STRIDE_VISIT_INITIAL);
  stride_visit_view_set_step (view, "load-sensitivity");
  page = stride_visit_view_get_items_page (view, "load-sensitivity");
  g_assert_true (stride_item_row_enter_text (stride_items_page_get_row (page, "worst-pain"),
                                             STRIDE_SIDE_NONE, "7"));
  g_assert_true (stride_item_row_enter_text (stride_items_page_get_row (page, "pain-at-rest"),
                                             STRIDE_SIDE_NONE, "3"));
  /* Once the draft is on disk the process dies at once. */
  g_assert_true (stride_window_has_pending_save (window));
  wait_until (save_done, window, "the draft to be saved");
  kill (getpid (), SIGKILL);
}

static void
check_reopened (StrideWindow *window)
{
  StrideVisitView *view = stride_window_get_visit_view (window);
  StrideVisit *visit = stride_visit_view_get_visit (view);
  GtkWidget *stack = template_child (GTK_WIDGET (window), STRIDE_TYPE_WINDOW,
                                                    "main_stack");

  g_assert_nonnull (visit);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "visit");
  g_assert_cmpstr (stride_visit_view_get_step (view), ==, "load-sensitivity");
  g_assert_cmpint (visit->status, ==, STRIDE_VISIT_DRAFT);
  g_assert_cmpstr (stride_answers_get (visit->answers, "worst-pain", STRIDE_SIDE_NONE), ==, "7");
  g_assert_cmpstr (stride_answers_get (visit->answers, "pain-at-rest", STRIDE_SIDE_NONE), ==, "3");
  {
    StrideItemsPage *page = stride_visit_view_get_items_page (view, "load-sensitivity");
    GtkWidget *spin = stride_item_row_get_editor (stride_items_page_get_row (page, "worst-pain"),
                                                  STRIDE_SIDE_NONE);

    g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 7);
  }
}

static void
test_kill_and_restart (void)
{
  g_autofree char *db = NULL;

  db_name = "killed.db";
  db = test_db_path ();

  if (g_test_subprocess ())
    {
      run_in_app (drive_until_killed);
      g_assert_not_reached ();
    }

  g_remove (db);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));

  run_in_app (check_reopened);
}


/* --- Patients: empty state, sample, search, delete ------------------- */

static void
add_named_patient (StrideWindow *window,
                   const char   *name)
{
  g_autoptr(StridePatient) patient = stride_patient_new ();

  patient->name = g_strdup (name);
  g_assert_cmpint (stride_store_create_patient (stride_window_get_store (window), patient, NULL),
                   >, 0);
}

static const char *
patients_state (StrideWindow *window)
{
  GtkWidget *stack = template_child (GTK_WIDGET (window), STRIDE_TYPE_WINDOW, "patients_stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

typedef struct
{
  const char *text;
  gboolean    reported;
} SearchWait;

static void
on_search_reported (GtkSearchEntry *entry,
                    SearchWait     *wait)
{
  /* Replacing the text empties it first, which is reported at once. */
  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), wait->text))
    wait->reported = TRUE;
}

static gboolean
search_reported (gpointer wait)
{
  return ((SearchWait *) wait)->reported;
}

static void
search (StrideWindow *window,
        const char   *text)
{
  GtkWidget *entry = template_child (GTK_WIDGET (window), STRIDE_TYPE_WINDOW, "search_entry");
  SearchWait wait = { text, FALSE };
  gulong handler = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_reported),
                                     &wait);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* GtkSearchEntry waits before it reports a change; the window's handler,
   * connected first, has filtered the list by the time this one runs. */
  wait_until (search_reported, &wait, "the search entry to report the change");
  g_signal_handler_disconnect (entry, handler);
}

static void
drive_patients (StrideWindow *window)
{
  GListModel *patients = stride_window_get_patients (window);
  StridePatientPage *page = stride_window_get_patient_page (window);
  g_autoptr(StridePatientItem) item = NULL;
  AdwMessageDialog *dialog;
  gint64 sample_id;

  /* First start: the empty state offers the sample patient. */
  g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 0);
  g_assert_cmpstr (patients_state (window), ==, "empty");
  g_assert_true (STRIDE_IS_PATIENT_LIST_MODEL (patients));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-sample", NULL);
  stride_test_iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 1);
  g_assert_cmpstr (patients_state (window), ==, "list");
  sample_id = stride_patient_page_get_patient_id (page);
  g_assert_cmpint (sample_id, >, 0);
  g_assert_cmpuint (stride_patient_page_get_history (page)->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      StrideHistoryEntry *entry = g_ptr_array_index (stride_patient_page_get_history (page), i);

      g_assert_cmpint (entry->status, ==, STRIDE_VISIT_FINAL);
      g_assert_nonnull (entry->summary);
      g_assert_true (entry->summary->has_worst_pain);
    }
  g_assert_cmpuint (stride_patient_page_get_n_chart_series (page), ==, 4);
  g_assert_cmpuint (stride_test_assert_inputs_labelled (GTK_WIDGET (window)), >, 0);
  g_assert_cmpuint (stride_test_assert_tab_stops_named (GTK_WINDOW (window)), >, 0);

  /* Rows are made on demand from ids, read from the store. */
  item = g_list_model_get_item (patients, 0);
  g_assert_true (STRIDE_IS_PATIENT_ITEM (item));
  g_assert_cmpint (stride_patient_item_get_id (item), ==, sample_id);
  g_assert_nonnull (strstr (stride_patient_item_get_details (item), "3"));

  /* Search as you type: any part of the name, accents folded. */
  add_named_patient (window, "Anna Müller");
  add_named_patient (window, "Ann Smith");
  search (window, "mull");
  g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 1);
  search (window, "ann");
  g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 2);
  search (window, "zzzz");
  g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 0);
  g_assert_cmpstr (patients_state (window), ==, "no-results");
  search (window, "");
  g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 3);

  /* Export the sample's record (named by date, not name) and import it back. */
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "record.xml", NULL);
    g_autoptr(GError) error = NULL;
    gint64 imported;

    g_assert_true (stride_window_export_record (window, sample_id, path, &error));
    g_assert_no_error (error);

    /* The sample is in the records already: importing it again asks first.
     * Showing the patient or cancelling adds no one. */
    g_autoptr(StridePatientItem) other = g_list_model_get_item (patients, 0);

    g_assert_cmpint (stride_patient_item_get_id (other), !=, sample_id);
    for (guint i = 0; i < 2; i++)
      {
        g_assert_true (stride_window_show_patient (window, stride_patient_item_get_id (other)));
        stride_window_offer_import (window, path);
        stride_test_iterate_main_loop ();
        dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
        g_assert_nonnull (dialog);
        g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already"));
        g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Sample Patient"));
        adw_message_dialog_response (dialog, i == 0 ? "show" : "cancel");
        gtk_window_destroy (GTK_WINDOW (dialog));
        stride_test_iterate_main_loop ();
        g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 3);
        if (i == 0)
          g_assert_cmpint (stride_patient_page_get_patient_id (page), ==, sample_id);
      }
    /* Imported as a new patient when the clinician says so. */
    stride_window_offer_import (window, path);
    stride_test_iterate_main_loop ();
    dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "import");
    gtk_window_destroy (GTK_WINDOW (dialog));
    stride_test_iterate_main_loop ();
    imported = stride_patient_page_get_patient_id (page);
    g_assert_cmpint (imported, >, 0);
    g_assert_cmpint (imported, !=, sample_id);
    g_assert_cmpuint (stride_patient_page_get_history (page)->len, ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 4);
    g_assert_cmpint (stride_window_import_record (window, "/nonexistent.xml", &error), ==, 0);
    g_assert_nonnull (error);
  }

  /* Deleting asks first and says that backups still hold the patient. */
  g_assert_true (stride_window_show_patient (window, sample_id));
  gtk_widget_activate_action (GTK_WIDGET (page), "patient.delete", NULL);
  stride_test_iterate_main_loop ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Backups"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 4);

  gtk_widget_activate_action (GTK_WIDGET (page), "patient.delete", NULL);
  stride_test_iterate_main_loop ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  stride_test_iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 3);
  g_assert_null (stride_store_get_patient (stride_window_get_store (window), sample_id, NULL));
}

static void
test_patients (void)
{
  db_name = "patients.db";
  run_in_app (drive_patients);
}

int
main (int   argc,
      char *argv[])
{
  const char *home = g_getenv ("STRIDE_TEST_HOME");
  g_autofree char *tmp = NULL;

  g_test_init (&argc, &argv, NULL);
  /* The translations built beside the tests, for a sheet in another language. */
  g_setenv ("STRIDE_LOCALEDIR", STRIDE_BUILD_DIR "/po", FALSE);
  stride_i18n_init ();
  /* The killed subprocess and the restart must share one home. */
  if (home == NULL)
    {
      tmp = stride_test_isolate_user_dirs ();
      g_setenv ("STRIDE_TEST_HOME", tmp, TRUE);
    }
  else
    stride_test_reuse_user_dirs (home);
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    g_error ("no display: run the GUI tests under Xvfb (build-aux/test does)");
  stride_test_require_display ();
  adw_init ();
  stride_gui_ensure_types ();
  stride_gui_accessible_init ();

  g_test_add_func ("/gui/workflow/patients", test_patients);
  g_test_add_func ("/gui/workflow/initial-visit", test_initial_visit);
  g_test_add_func ("/gui/workflow/kill-and-restart", test_kill_and_restart);

  return g_test_run ();
}
