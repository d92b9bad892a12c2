/* stride-plan-page.c: the visit's plan: exercises, running, education, review
 *
 * Edits the visit's plan in place (and marks it edited, so a later change
 * of the findings does not replace the clinician's plan): exercises are
 * added from the library, removed, reordered and dosed; education points
 * chosen; the next review dated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "stride-entry-row.h"
#include "stride-exercise-chooser.h"
#include "stride-figure-area.h"
#include "stride-gui-accessible.h"
#include "stride-gui-data.h"
#include "stride-gui-labels.h"
#include "stride-items-page.h"
#include "stride-plan-page.h"
#include "stride-planner.h"

struct _StridePlanPage
{
  AdwPreferencesPage   parent_instance;

  StrideVisit         *visit;      /* not owned */
  StrideFindings      *findings;   /* not owned */
  GPtrArray           *rows;       /* rows made for the plan, rebuilt on update */
  GPtrArray           *item_rows;  /* AdwExpanderRow per plan item, in order */
  GtkWindow           *chooser;
  gboolean             loading;

  AdwPreferencesGroup *status_group;
  AdwPreferencesGroup *exercises_group;
  AdwPreferencesGroup *running_group;
  AdwPreferencesGroup *education_group;
  GtkWidget           *add_button;
  StrideEntryRow      *review_row;
};

G_DEFINE_FINAL_TYPE (StridePlanPage, stride_plan_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (StridePlanPage *self);

static StridePlan *
plan (StridePlanPage *self)
{
  /* An emergency makes no programme: a plan kept before the triage was
   * raised stays with the visit, shown again if the triage is lowered. */
  if (self->findings != NULL && !stride_findings_makes_plan (self->findings))
    return NULL;
  return self->visit != NULL ? self->visit->plan : NULL;
}

/* Why the page shows no exercise programme. */
static const char *
no_plan_reason (StridePlanPage *self)
{
  const StrideFindings *f = self->findings;

  if (f != NULL && f->restriction == STRIDE_RESTRICTION_NO_PLAN)
    return stride_gui_restriction_label (f->restriction);
  if (f != NULL && f->triage == STRIDE_TRIAGE_EMERGENCY)
    return _("The emergency referral comes first: no exercise programme is made.");
  if (f != NULL && f->phase_overridden && f->phase == STRIDE_PHASE_NONE)
    return _("The phase was set to none.");
  return _("The findings do not allow a plan yet: answer the earlier steps.");
}

static void
plan_edited (StridePlanPage *self)
{
  if (self->loading || plan (self) == NULL)
    return;

  plan (self)->edited = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
add_row (StridePlanPage      *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
clear_rows (StridePlanPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->item_rows, 0);
}

static char *
reasons_text (GPtrArray *reasons)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; reasons != NULL && i < reasons->len; i++)
    {
      StrideReason *reason = g_ptr_array_index (reasons, i);

      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                              reason->text != NULL ? reason->text : "");
      if (reason->rule_id != NULL)
        g_string_append_printf (text, " (%s)", reason->rule_id);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* --- Exercises ------------------------------------------------------------ */

static void
on_dose_changed (GtkSpinButton  *spin,
                 StridePlanPage *self)
{
  StridePlanItem *item = g_object_get_data (G_OBJECT (spin), "stride-item");
  const char *which = g_object_get_data (G_OBJECT (spin), "stride-which");
  GtkWidget *row = g_object_get_data (G_OBJECT (spin), "stride-row");
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *dose = NULL;

  if (self->loading)
    return;

  if (g_str_equal (which, "sets"))
    item->sets = value;
  else if (g_str_equal (which, "reps"))
    item->reps = value;
  else
    item->seconds = value;

  dose = stride_plan_item_format_dose (item);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), dose);
  plan_edited (self);
}

static GtkWidget *
dose_row (StridePlanPage *self,
          GtkWidget      *expander,
          StridePlanItem *item,
          const char     *which,
          const char     *title,
          const char     *accessible_name,
          int             value,
          int             upper)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);
  g_autofree char *label = NULL;
  const StrideExercise *exercise = stride_library_lookup (stride_gui_get_library (),
                                                          item->exercise_id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  /* TRANSLATORS: e.g. "Sets of Wall sit" */
  label = g_strdup_printf (_("%s of %s"), accessible_name,
                           exercise != NULL ? exercise->name : item->exercise_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (spin), "stride-item", item);
  g_object_set_data (G_OBJECT (spin), "stride-which", (gpointer) which);
  g_object_set_data (G_OBJECT (spin), "stride-row", expander);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_dose_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  /* Named "Sets of Wall sit" alone, not also by the row's title. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  g_object_set_data (G_OBJECT (expander), which, spin);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return spin;
}

static void
hide_keeping_place (GtkWidget *widget,
                    gboolean   hide)
{
  gtk_widget_set_opacity (widget, hide ? 0.0 : 1.0);
  gtk_widget_set_can_target (widget, !hide);
  gtk_widget_set_can_focus (widget, !hide);
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, hide, -1);
}

static void
on_note_changed (GtkEditable    *entry,
                 StridePlanPage *self)
{
  StridePlanItem *item = g_object_get_data (G_OBJECT (entry), "stride-item");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (self->loading)
    return;
  g_free (item->note);
  item->note = text[0] != '\0' ? g_steal_pointer (&text) : NULL;
  plan_edited (self);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *label,
             const char *action,
             guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  return button;
}

/* The header row of an AdwExpanderRow: the one the keyboard focuses. */
static GtkWidget *
expander_header (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ADW_IS_ACTION_ROW (child) ? child : expander_header (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_expanded_changed (AdwExpanderRow *expander,
                     GParamSpec     *pspec,
                     gpointer        user_data)
{
  GtkWidget *header = expander_header (GTK_WIDGET (expander));

  if (header != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_STATE_EXPANDED,
                                 adw_expander_row_get_expanded (expander), -1);
}

/* libadwaita 1.2 shows the arrow but does not say whether an exercise's
 * dose is shown: a screen reader user pressing Enter heard nothing change. */
static void
track_expanded (GtkWidget *expander)
{
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_expanded_changed), NULL);
  on_expanded_changed (ADW_EXPANDER_ROW (expander), NULL, NULL);
}

static void
show_exercises (StridePlanPage *self)
{
  StridePlan *p = plan (self);
  StrideLibrary *library = stride_gui_get_library ();

  for (guint i = 0; i < p->items->len; i++)
    {
      StridePlanItem *item = g_ptr_array_index (p->items, i);
      const StrideExercise *exercise = library != NULL
                                       ? stride_library_lookup (library, item->exercise_id)
                                       : NULL;
      const char *name = exercise != NULL ? exercise->name : item->exercise_id;
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *dose = stride_plan_item_format_dose (item);
      g_autofree char *reasons = reasons_text (item->reasons);
      g_autofree char *up = g_strdup_printf (_("Move up: %s"), name);
      g_autofree char *down = g_strdup_printf (_("Move down: %s"), name);
      g_autofree char *remove = g_strdup_printf (_("Remove: %s"), name);
      GtkWidget *note_row;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), dose);
      if (exercise != NULL)
        adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander),
                                     stride_figure_area_new (exercise, 56));
      /* Actions pack from the end: this shows up, down, remove. */
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                   icon_button ("user-trash-symbolic", _("Remove"), remove,
                                                "plan.remove", i));
      {
        GtkWidget *down_button = icon_button ("go-down-symbolic", _("Move Down"), down,
                                              "plan.move-down", i);
        GtkWidget *up_button = icon_button ("go-up-symbolic", _("Move Up"), up,
                                            "plan.move-up", i);

        /* The first cannot go up, the last cannot go down: keep their place,
         * unseen by eye and by screen readers. */
        hide_keeping_place (up_button, i == 0);
        hide_keeping_place (down_button, i + 1 == p->items->len);
        g_object_set_data (G_OBJECT (expander), "plan.move-up", up_button);
        g_object_set_data (G_OBJECT (expander), "plan.move-down", down_button);
        adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), down_button);
        adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), up_button);
      }

      dose_row (self, expander, item, "sets", _("_Sets"), _("Sets"), item->sets, 20);
      dose_row (self, expander, item, "reps", _("_Repetitions per set"), _("Repetitions"),
                item->reps, 100);
      dose_row (self, expander, item, "seconds", _("Se_conds per set"), _("Seconds"),
                item->seconds, 3600);
      note_row = stride_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note_row), _("_Note for the patient"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (note_row), TRUE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (note_row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (note_row), item->note != NULL ? item->note : "");
      /* Each exercise has a note: each field says whose. */
      {
        /* TRANSLATORS: the note field of one exercise, "Note for the patient: Wall sit" */
        g_autofree char *note_name = g_strdup_printf (_("Note for the patient: %s"),
                                                      name);

        stride_gui_accessible_set_name (stride_entry_row_get_entry (STRIDE_ENTRY_ROW (note_row)),
                                        note_name);
      }
      g_object_set_data (G_OBJECT (note_row), "stride-item", item);
      g_signal_connect (note_row, "changed", G_CALLBACK (on_note_changed), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), note_row);
      if (reasons[0] != '\0')
        {
          GtkWidget *why = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (why), _("Why"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (why), reasons);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (why), 0);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), why);
        }

      track_expanded (expander);
      adw_preferences_group_add (self->exercises_group, expander);
      g_ptr_array_add (self->rows, expander);
      g_ptr_array_add (self->item_rows, expander);
    }

  if (p->items->len == 0)
    add_row (self, self->exercises_group, _("No exercises yet"),
             _("Add exercises from the library."));
}

static void
show_running (StridePlanPage *self)
{
  StrideRunningPlan *r = &plan (self)->running;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (r->detail != NULL ? r->detail : "");
  g_autofree char *reasons = reasons_text (r->reasons);

  if (g_strcmp0 (r->rule_id, "RP-WALKRUN") == 0)
    g_string_printf (title, _("Walk-run, stage %d"), r->walkrun_stage);
  else if (g_strcmp0 (r->rule_id, "RP-MODIFY") == 0)
    g_string_assign (title, r->paused ? _("Pause running") : _("Keep running, modified"));
  else
    g_string_assign (title, _("No running for now"));

  if (r->has_spike_limit)
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append_printf (subtitle, _("No single run longer than %.1f km (RP-SPIKE)."),
                              r->spike_limit_km);
    }
  for (guint i = 0; r->advice != NULL && i < r->advice->len; i++)
    if (!(r->has_spike_limit && g_str_equal (g_ptr_array_index (r->advice, i), "spike-limit")))
      g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "",
                              stride_running_advice_describe (g_ptr_array_index (r->advice, i)));
  if (reasons[0] != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", reasons);

  add_row (self, self->running_group, title->str, subtitle->str);
}

static void
on_education_toggled (GtkCheckButton *check,
                      StridePlanPage *self)
{
  StrideEducation *education = stride_gui_get_education ();
  GPtrArray *points = NULL;
  StridePlan *p = plan (self);

  if (self->loading || p == NULL || education == NULL)
    return;

  /* Kept in the education file's order, which is the printed order. */
  points = stride_education_get_points (education);
  g_ptr_array_set_size (p->education, 0);
  for (guint i = 0; i < points->len; i++)
    {
      const StrideEducationPoint *point = g_ptr_array_index (points, i);
      GtkCheckButton *c = g_object_get_data (G_OBJECT (self), point->id);

      if (c != NULL && gtk_check_button_get_active (c))
        g_ptr_array_add (p->education, g_strdup (point->id));
    }
  plan_edited (self);
}

static void
show_education (StridePlanPage *self)
{
  StrideEducation *education = stride_gui_get_education ();
  GPtrArray *points = NULL;
  StridePlan *p = plan (self);

  if (education == NULL)
    return;

  points = stride_education_get_points (education);
  for (guint i = 0; i < points->len; i++)
    {
      const StrideEducationPoint *point = g_ptr_array_index (points, i);
      GtkWidget *row = add_row (self, self->education_group, point->title, NULL);
      GtkWidget *check = gtk_check_button_new ();
      gboolean included = FALSE;

      for (guint e = 0; p->education != NULL && e < p->education->len; e++)
        included |= g_str_equal (g_ptr_array_index (p->education, e), point->id);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), included);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      point->title, -1);
      g_signal_connect (check, "toggled", G_CALLBACK (on_education_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (check),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      g_object_set_data (G_OBJECT (self), point->id, check);
    }
}

/* The red field is not heard: the message goes to the row's subtitle for
 * the eye and to the field's description for a screen reader. */
static void
mark_review (StridePlanPage *self,
             const char     *message)
{
  stride_entry_row_set_error (self->review_row, message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->review_row),
                               message != NULL ? message : "");
}

static void
show_review (StridePlanPage *self)
{
  StridePlan *p = plan (self);
  char buf[16] = "";

  if (g_date_valid (&p->next_review))
    g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &p->next_review);
  gtk_editable_set_text (GTK_EDITABLE (self->review_row), buf);
  mark_review (self, NULL);
}

static void
on_review_changed (GtkEditable    *entry,
                   StridePlanPage *self)
{
  const char *text = gtk_editable_get_text (entry);
  StridePlan *p = plan (self);
  GDate date;

  if (self->loading || p == NULL)
    return;

  g_date_clear (&date, 1);
  if (text[0] == '\0')
    {
      g_date_clear (&p->next_review, 1);
      mark_review (self, NULL);
      plan_edited (self);
      return;
    }
  if (strlen (text) < 10)
    return;
  if (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0))
    g_date_set_parse (&date, text);
  if (!g_date_valid (&date))
    {
      mark_review (self, _("Enter the date as year-month-day, e.g. 2026-12-08."));
      return;
    }
  mark_review (self, NULL);
  p->next_review = date;
  plan_edited (self);
}

static void
rebuild (StridePlanPage *self)
{
  StridePlan *p = plan (self);

  self->loading = TRUE;
  clear_rows (self);

  gtk_widget_set_visible (GTK_WIDGET (self->exercises_group), p != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->running_group), p != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->education_group), p != NULL);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->review_row),
                                                   ADW_TYPE_PREFERENCES_GROUP), p != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-exercise", p != NULL);

  if (p == NULL)
    {
      add_row (self, self->status_group, _("No exercise programme"), no_plan_reason (self));
      self->loading = FALSE;
      return;
    }

  if (p->maintenance)
    add_row (self, self->status_group, _("Maintenance plan"),
             _("Strength work twice a week for at least 3 more months (PH-DONE)."));
  show_exercises (self);
  show_running (self);
  show_education (self);
  show_review (self);
  self->loading = FALSE;
}

/**
 * stride_plan_page_update:
 * @self: the plan page
 * @visit: (nullable): the visit whose plan is edited (kept, not owned)
 * @findings: (nullable): the findings the plan follows (kept, not owned)
 */
void
stride_plan_page_update (StridePlanPage *self,
                         StrideVisit    *visit,
                         StrideFindings *findings)
{
  g_return_if_fail (STRIDE_IS_PLAN_PAGE (self));

  self->visit = visit;
  self->findings = findings;
  rebuild (self);
}

/**
 * stride_plan_page_add_exercise:
 * @self: the plan page
 * @exercise_id: a library id
 *
 * Adds the exercise at its default dose, as choosing it in the chooser does.
 *
 * Returns: %TRUE when added
 */
gboolean
stride_plan_page_add_exercise (StridePlanPage *self,
                               const char     *exercise_id)
{
  StrideLibrary *library = stride_gui_get_library ();
  const StrideExercise *exercise;
  StridePlanItem *item;

  g_return_val_if_fail (STRIDE_IS_PLAN_PAGE (self), FALSE);

  exercise = library != NULL ? stride_library_lookup (library, exercise_id) : NULL;
  if (exercise == NULL || plan (self) == NULL)
    return FALSE;

  item = stride_plan_item_new (exercise_id);
  item->sets = exercise->sets;
  item->reps = exercise->reps;
  item->seconds = exercise->seconds;
  item->each_side = exercise->each_side;
  g_free (item->frequency);
  item->frequency = g_strdup (exercise->frequency);
  g_ptr_array_add (plan (self)->items, item);
  rebuild (self);
  plan_edited (self);
  return TRUE;
}

static void
on_chosen (StrideExerciseChooser *chooser,
           const char            *exercise_id,
           StridePlanPage        *self)
{
  stride_plan_page_add_exercise (self, exercise_id);
}

static void
on_chooser_destroy (StridePlanPage *self)
{
  self->chooser = NULL;
}

static void
add_exercise_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (widget);
  StrideExerciseChooser *chooser;
  int phase = self->findings != NULL ? (int) self->findings->phase : 0;

  chooser = stride_exercise_chooser_new (phase);
  gtk_window_set_transient_for (GTK_WINDOW (chooser), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_chosen), self, 0);
  g_signal_connect_object (chooser, "destroy", G_CALLBACK (on_chooser_destroy), self,
                           G_CONNECT_SWAPPED);
  self->chooser = GTK_WINDOW (chooser);
  gtk_window_present (GTK_WINDOW (chooser));
}

/* Rebuilding the exercises destroys the button just pressed, and GTK then
 * moved the focus to the first exercise: a keyboard user moving one down
 * twice, or removing two in a row, lost their place. The focus goes to
 * the same button of the exercise at @index when it is still there, else
 * to the exercise, else to Add Exercise. */
static void
focus_item (StridePlanPage *self,
            guint           index,
            const char     *button)
{
  GtkWidget *expander;
  GtkWidget *target = NULL;

  if (self->item_rows->len == 0)
    {
      gtk_widget_grab_focus (self->add_button);
      return;
    }
  expander = g_ptr_array_index (self->item_rows, MIN (index, self->item_rows->len - 1));
  if (button != NULL)
    target = g_object_get_data (G_OBJECT (expander), button);
  if (target == NULL || !gtk_widget_get_can_focus (target))
    target = expander_header (expander);
  gtk_widget_grab_focus (target != NULL ? target : expander);
}

static void
move_item (StridePlanPage *self,
           guint           index,
           int             delta)
{
  StridePlan *p = plan (self);
  gpointer item;
  int target = (int) index + delta;

  if (p == NULL || index >= p->items->len || target < 0 || target >= (int) p->items->len)
    return;

  item = g_ptr_array_steal_index (p->items, index);
  g_ptr_array_insert (p->items, target, item);
  rebuild (self);
  focus_item (self, target, delta < 0 ? "plan.move-up" : "plan.move-down");
  plan_edited (self);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_item (STRIDE_PLAN_PAGE (widget), g_variant_get_uint32 (parameter), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_item (STRIDE_PLAN_PAGE (widget), g_variant_get_uint32 (parameter), 1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (plan (self) == NULL || index >= plan (self)->items->len)
    return;

  g_ptr_array_remove_index (plan (self)->items, index);
  rebuild (self);
  focus_item (self, index, NULL);
  plan_edited (self);
}

/**
 * stride_plan_page_get_item_row:
 * @self: the plan page
 * @index: a plan item
 *
 * Returns: (transfer none) (nullable): the row of the plan's @index-th exercise
 */
GtkWidget *
stride_plan_page_get_item_row (StridePlanPage *self,
                               guint           index)
{
  g_return_val_if_fail (STRIDE_IS_PLAN_PAGE (self), NULL);

  return index < self->item_rows->len ? g_ptr_array_index (self->item_rows, index) : NULL;
}

/**
 * stride_plan_page_get_dose_spin:
 * @self: the plan page
 * @index: a plan item
 * @which: "sets", "reps" or "seconds"
 *
 * Returns: (transfer none) (nullable): the spin button that sets that dose
 */
GtkWidget *
stride_plan_page_get_dose_spin (StridePlanPage *self,
                                guint           index,
                                const char     *which)
{
  GtkWidget *row = stride_plan_page_get_item_row (self, index);

  return row != NULL ? g_object_get_data (G_OBJECT (row), which) : NULL;
}

/**
 * stride_plan_page_get_chooser:
 * @self: the plan page
 *
 * Returns: (transfer none) (nullable): the exercise chooser, while open
 */
GtkWindow *
stride_plan_page_get_chooser (StridePlanPage *self)
{
  g_return_val_if_fail (STRIDE_IS_PLAN_PAGE (self), NULL);

  return self->chooser;
}

static void
stride_plan_page_dispose (GObject *object)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (object);

  if (self->chooser != NULL)
    gtk_window_destroy (self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_PLAN_PAGE);

  G_OBJECT_CLASS (stride_plan_page_parent_class)->dispose (object);
}

static void
stride_plan_page_finalize (GObject *object)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->item_rows);

  G_OBJECT_CLASS (stride_plan_page_parent_class)->finalize (object);
}

static void
stride_plan_page_class_init (StridePlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_plan_page_dispose;
  object_class->finalize = stride_plan_page_finalize;

  /**
   * StridePlanPage::changed:
   *
   * The clinician changed the plan (already in the visit).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/stride-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, exercises_group);
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, running_group);
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, education_group);
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, review_row);

  gtk_widget_class_install_action (widget_class, "plan.add-exercise", NULL, add_exercise_action);
  gtk_widget_class_install_action (widget_class, "plan.move-up", "u", move_up_action);
  gtk_widget_class_install_action (widget_class, "plan.move-down", "u", move_down_action);
  gtk_widget_class_install_action (widget_class, "plan.remove", "u", remove_action);
}

static void
stride_plan_page_init (StridePlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  stride_gui_widen_preferences_page (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->item_rows = g_ptr_array_new ();
  g_signal_connect (self->review_row, "changed", G_CALLBACK (on_review_changed), self);
  gtk_entry_set_placeholder_text (GTK_ENTRY (stride_entry_row_get_entry (self->review_row)),
                                  _("YYYY-MM-DD"));
  rebuild (self);
}
