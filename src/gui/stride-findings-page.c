/* stride-findings-page.c: what the engine worked out, with its reasons, and
 * the clinician's overrides
 *
 * Every conclusion is a row whose subtitle lists the reasons with their rule
 * ids. Overrides are checked before they are kept: raising a level is
 * free, lowering the triage needs a written reason, and a refused override
 * is shown with the reason it was refused and never stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stride-engine.h"
#include "stride-entry-row.h"
#include "stride-findings-page.h"
#include "stride-gui-labels.h"
#include "stride-items-page.h"

struct _StrideFindingsPage
{
  AdwPreferencesPage    parent_instance;

  StrideVisit          *visit;       /* not owned: the visit view's */
  StrideFindings       *findings;    /* not owned */
  GPtrArray            *rows;        /* the conclusion rows, rebuilt on update */
  char                 *error;
  gboolean              loading;

  AdwPreferencesGroup  *triage_group;
  AdwPreferencesGroup  *load_group;
  AdwPreferencesGroup  *presentation_group;
  AdwPreferencesGroup  *phase_group;
  AdwPreferencesGroup  *tests_group;
  AdwPreferencesGroup  *rtr_group;
  AdwComboRow          *triage_row;
  AdwComboRow          *phase_row;
  AdwComboRow          *presentation_row;
  StrideEntryRow       *reason_row;
  GtkWidget            *override_error;
  GtkLabel             *override_error_label;
};

G_DEFINE_FINAL_TYPE (StrideFindingsPage, stride_findings_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The override choices; index 0 of each is "as worked out" (no override). */
static const char * const triage_values[] = { NULL, "none", "routine", "urgent", "emergency" };
static const char * const phase_values[] = { NULL, "1", "2", "3" };
static const char * const presentation_values[] = {
  NULL, "PR-PFP", "PR-ITBS", "PR-PT", "PR-APOPHYSITIS"
};

static char *
reasons_text (GPtrArray *reasons)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; reasons != NULL && i < reasons->len; i++)
    {
      StrideReason *reason = g_ptr_array_index (reasons, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, reason->text != NULL ? reason->text : "");
      /* What follows from the clinician's override has no rule to name. */
      if (reason->rule_id != NULL)
        g_string_append_printf (text, " (%s)", reason->rule_id);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
add_row (StrideFindingsPage  *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *icon_name,
         const char          *icon_label)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      icon_label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);

  return row;
}

static void
clear_rows (StrideFindingsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_triage (StrideFindingsPage *self)
{
  StrideFindings *f = self->findings;

  if (f->red_flags == NULL || f->red_flags->len == 0)
    {
      add_row (self, self->triage_group, _("No red flags"),
               _("Nothing in the answers calls for a referral."),
               "emblem-ok-symbolic", _("No red flags"));
      return;
    }

  for (guint i = 0; i < f->red_flags->len; i++)
    {
      StrideRedFlag *flag = g_ptr_array_index (f->red_flags, i);
      g_autofree char *title = g_strdup_printf ("%s: %s", stride_gui_triage_label (flag->referral),
                                                flag->rule_id);
      g_autofree char *reasons = reasons_text (flag->reasons);
      g_autoptr(GString) subtitle = g_string_new (reasons);
      const char *restriction = stride_gui_restriction_label (flag->restriction);

      if (restriction != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", restriction);
      add_row (self, self->triage_group, title, subtitle->str,
               flag->referral >= STRIDE_TRIAGE_URGENT ? "dialog-warning-symbolic"
                                                      : "dialog-information-symbolic",
               stride_gui_triage_label (flag->referral));
    }
}

static void
show_load (StrideFindingsPage *self)
{
  StrideFindings *f = self->findings;
  g_autofree char *title = g_strdup_printf (_("Irritability: %s"),
                                            stride_gui_irritability_label (f->irritability));
  g_autofree char *reasons = reasons_text (f->irritability_reasons);
  g_autofree char *monitor_reasons = reasons_text (f->monitor_reasons);
  const char *monitor;

  add_row (self, self->load_group, title, reasons, NULL, NULL);

  if (!f->monitor_known)
    monitor = _("Pain rules: not known yet");
  else if (f->monitor_holds)
    monitor = f->monitor_pfp_rule ? _("Loading stays within the patellofemoral pain rules")
                                  : _("Loading stays within the pain rules");
  else
    monitor = f->monitor_pfp_rule ? _("Loading breaks the patellofemoral pain rules")
                                  : _("Loading breaks the pain rules");
  add_row (self, self->load_group, monitor, monitor_reasons,
           !f->monitor_known ? "dialog-question-symbolic"
           : f->monitor_holds ? "emblem-ok-symbolic" : "dialog-warning-symbolic",
           monitor);
}

static void
show_presentation (StrideFindingsPage *self)
{
  StridePresentation *p = &self->findings->presentation;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *features = reasons_text (p->features);
  g_autoptr(GString) subtitle = g_string_new (features);

  if (p->kind == STRIDE_PRESENTATION_UNCLEAR || p->primary == NULL)
    g_string_append (title, _("Unclear: no pattern scores 2 or more; assess further"));
  else if (p->kind == STRIDE_PRESENTATION_MIXED && p->secondary != NULL)
    g_string_printf (title, _("Mixed: %s and %s"), stride_gui_pattern_label (p->primary),
                     stride_gui_pattern_label (p->secondary));
  else
    g_string_printf (title, "%s: %s", stride_gui_pattern_label (p->primary),
                     stride_gui_presentation_kind_label (p->kind));

  if (p->capped_by_injury)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "",
                            _("An injury in this episode caps every pattern at possible."));
  if (p->suggest_referred_screen)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "",
                            _("No knee test reproduced the familiar pain: examine the hip and "
                              "screen the lumbar spine (L3–4) (PR-REFERRED)."));
  add_row (self, self->presentation_group, title->str, subtitle->str, NULL, NULL);
}

static void
show_phase (StrideFindingsPage *self)
{
  StrideFindings *f = self->findings;
  g_autofree char *reasons = reasons_text (f->phase_reasons);

  add_row (self, self->phase_group, stride_gui_phase_label (f->phase), reasons, NULL, NULL);

  if (f->followup != STRIDE_FOLLOWUP_NONE)
    {
      g_autofree char *fu_reasons = reasons_text (f->followup_reasons);
      g_autoptr(GString) title = g_string_new (stride_gui_followup_label (f->followup));

      if (f->dose_step_down)
        g_string_append_printf (title, " · %s", _("dose down one step"));
      add_row (self, self->phase_group, title->str, fu_reasons, NULL, NULL);
    }
  if (f->phase_done)
    add_row (self, self->phase_group, _("Phase 3 finished: maintenance plan"),
             _("Strength work twice a week for at least 3 more months (PH-DONE)."),
             "emblem-ok-symbolic", _("Finished"));
}

static char *
format_test_value (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Shown to people in their language, so the locale's decimal sign. */
  if (value == (double) (gint64) value)
    g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, (gint64) value);
  else
    g_snprintf (buf, sizeof buf, "%.1f", value);
  return g_strdup (buf);
}

static void
show_tests (StrideFindingsPage *self)
{
  StrideFindings *f = self->findings;

  for (guint i = 0; f->tests != NULL && i < f->tests->len; i++)
    {
      StrideTestResult *t = g_ptr_array_index (f->tests, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *reasons = reasons_text (t->reasons);
      gboolean any = FALSE;
      g_autofree char *title = NULL;

      for (StrideSide side = STRIDE_SIDE_NONE; side <= STRIDE_SIDE_RIGHT; side++)
        {
          g_autofree char *value = NULL;

          if (t->per_side != (side != STRIDE_SIDE_NONE))
            continue;
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          if (side != STRIDE_SIDE_NONE)
            g_string_append_printf (subtitle, "%s ", side == STRIDE_SIDE_LEFT ? _("Left")
                                                                             : _("Right"));
          if (!t->tested[side])
            {
              g_string_append (subtitle, _("not tested"));
              continue;
            }
          any = TRUE;
          value = format_test_value (t->value[side]);
          g_string_append (subtitle, value);
          if (t->has_pain[side])
            {
              g_autofree char *pain = format_test_value (t->pain[side]);

              /* TRANSLATORS: the pain a test provoked, on the 0–10 scale */
              g_string_append_printf (subtitle, _(" (pain %s/10)"), pain);
            }
        }
      if (t->not_tested_reason != NULL)
        g_string_append_printf (subtitle, " — %s", t->not_tested_reason);
      if (t->has_lsi)
        g_string_append_printf (subtitle, "\n%s %.0f %%", _("Limb symmetry index"), t->lsi);
      if (t->reference != NULL)
        g_string_append_printf (subtitle, "\n%s", t->reference);
      if (reasons[0] != '\0')
        g_string_append_printf (subtitle, "\n%s", reasons);

      title = g_strdup_printf ("%s (%s)", stride_gui_test_label (t->test_id), t->test_id);
      add_row (self, self->tests_group, title, subtitle->str,
               any ? NULL : "action-unavailable-symbolic", any ? NULL : _("Not tested"));
    }

  if (f->tests == NULL || f->tests->len == 0)
    add_row (self, self->tests_group, _("No tests recorded"), NULL, NULL, NULL);
}

static void
show_rtr (StrideFindingsPage *self)
{
  StrideFindings *f = self->findings;

  for (guint i = 0; f->rtr != NULL && i < f->rtr->len; i++)
    {
      StrideCriterion *c = g_ptr_array_index (f->rtr, i);
      g_autofree char *reasons = reasons_text (c->reasons);
      const char *state = stride_gui_criterion_label (c->state);
      /* Worded as the report words it. */
      g_autofree char *title = g_strdup_printf ("%s: %s", stride_engine_criterion_name (c->id),
                                                state);

      add_row (self, self->rtr_group, title, reasons,
               c->state == STRIDE_CRITERION_MET ? "emblem-ok-symbolic"
               : c->state == STRIDE_CRITERION_NOT_MET ? "window-close-symbolic"
               : "action-unavailable-symbolic",
               state);
    }
}

static guint
value_index (const char * const *values,
             guint               n_values,
             const char         *value)
{
  for (guint i = 1; i < n_values; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static void
load_overrides (StrideFindingsPage *self)
{
  const StrideOverride *o;
  const char *reason = NULL;

  self->loading = TRUE;
  o = self->visit != NULL ? stride_visit_get_override (self->visit, "triage") : NULL;
  adw_combo_row_set_selected (self->triage_row,
                              value_index (triage_values, G_N_ELEMENTS (triage_values),
                                           o != NULL ? o->value : NULL));
  if (o != NULL && o->reason != NULL)
    reason = o->reason;
  o = self->visit != NULL ? stride_visit_get_override (self->visit, "phase") : NULL;
  adw_combo_row_set_selected (self->phase_row,
                              value_index (phase_values, G_N_ELEMENTS (phase_values),
                                           o != NULL ? o->value : NULL));
  if (o != NULL && o->reason != NULL && reason == NULL)
    reason = o->reason;
  o = self->visit != NULL ? stride_visit_get_override (self->visit, "presentation") : NULL;
  adw_combo_row_set_selected (self->presentation_row,
                              value_index (presentation_values,
                                           G_N_ELEMENTS (presentation_values),
                                           o != NULL ? o->value : NULL));
  if (o != NULL && o->reason != NULL && reason == NULL)
    reason = o->reason;
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason != NULL ? reason : "");
  self->loading = FALSE;
}

static void
set_combo_subtitles (StrideFindingsPage *self)
{
  StrideFindings *f = self->findings;
  g_autofree char *triage = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *pattern = NULL;

  if (f == NULL)
    return;

  /* TRANSLATORS: what the engine worked out, under an override's choices */
  triage = g_strdup_printf (_("Worked out: %s"),
                            stride_gui_triage_label (stride_gui_findings_computed_triage (f)));
  phase = g_strdup_printf (_("Worked out: %s"),
                           stride_gui_phase_label (stride_gui_findings_computed_phase (f)));
  pattern = g_strdup_printf (_("Worked out: %s"),
                             f->presentation.primary != NULL
                             ? stride_gui_pattern_label (f->presentation.primary)
                             : stride_gui_presentation_kind_label (STRIDE_PRESENTATION_UNCLEAR));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->triage_row), triage);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->phase_row), phase);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->presentation_row), pattern);
}

/**
 * stride_findings_page_update:
 * @self: the findings page
 * @visit: (nullable): the visit whose overrides the page edits (kept, not owned)
 * @findings: (nullable): what the engine made of it (kept, not owned)
 */
void
stride_findings_page_update (StrideFindingsPage *self,
                             StrideVisit        *visit,
                             StrideFindings     *findings)
{
  gboolean new_visit;

  g_return_if_fail (STRIDE_IS_FINDINGS_PAGE (self));

  new_visit = self->visit != visit;
  self->visit = visit;
  self->findings = findings;
  clear_rows (self);

  if (findings == NULL)
    {
      add_row (self, self->triage_group, _("No findings yet"),
               _("Answer the questions of the first steps: the findings follow from them."),
               NULL, NULL);
    }
  else
    {
      show_triage (self);
      show_load (self);
      show_presentation (self);
      show_phase (self);
      show_tests (self);
      show_rtr (self);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->load_group), findings != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->presentation_group), findings != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->phase_group), findings != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rtr_group), findings != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->tests_group), findings != NULL);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->triage_row),
                                                   ADW_TYPE_PREFERENCES_GROUP), findings != NULL);

  set_combo_subtitles (self);
  if (new_visit)
    load_overrides (self);
}

/* An AdwComboRow is named by its title and described by its subtitle (what
 * was worked out): the choice made is said first, "No referral", as a
 * screen reader would not otherwise tell. */
static void
describe_choice (AdwComboRow *row)
{
  GtkStringObject *chosen = adw_combo_row_get_selected_item (row);

  if (chosen != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    gtk_string_object_get_string (chosen), -1);
}

static void
on_choice_notify (AdwComboRow *row,
                  GParamSpec  *pspec,
                  gpointer     user_data)
{
  describe_choice (row);
}

static void
set_error (StrideFindingsPage *self,
           const char         *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->override_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->override_error, message != NULL);
  /* The reason field is what needs filling in: it says so to a screen
   * reader too. */
  stride_entry_row_set_error (self->reason_row, message);
}

static void
remove_override (StrideVisit *visit,
                 const char  *what)
{
  for (guint i = 0; i < visit->overrides->len; i++)
    {
      StrideOverride *o = g_ptr_array_index (visit->overrides, i);

      if (g_str_equal (o->what, what))
        {
          g_ptr_array_remove_index (visit->overrides, i);
          return;
        }
    }
}

static gboolean
apply_one (StrideFindingsPage *self,
           const char         *what,
           const char         *value,
           const char         *reason,
           GString            *errors)
{
  g_autoptr(GError) error = NULL;
  StrideOverride *o;

  remove_override (self->visit, what);
  if (value == NULL)
    return TRUE;

  o = stride_override_new (what, value, reason[0] != '\0' ? reason : NULL);
  if (self->findings != NULL && !stride_gui_check_override (o, self->findings, &error))
    {
      if (errors->len > 0)
        g_string_append_c (errors, '\n');
      g_string_append (errors, error->message);
      stride_override_free (o);
      return FALSE;
    }
  g_ptr_array_add (self->visit->overrides, o);
  return TRUE;
}

static void
apply_overrides (StrideFindingsPage *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autofree char *reason = NULL;

  if (self->loading || self->visit == NULL)
    return;

  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  apply_one (self, "triage", triage_values[adw_combo_row_get_selected (self->triage_row)],
             reason, errors);
  apply_one (self, "phase", phase_values[adw_combo_row_get_selected (self->phase_row)],
             reason, errors);
  apply_one (self, "presentation",
             presentation_values[adw_combo_row_get_selected (self->presentation_row)],
             reason, errors);
  set_error (self, errors->len > 0 ? errors->str : NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_override_changed (StrideFindingsPage *self)
{
  apply_overrides (self);
}

/**
 * stride_findings_page_get_error:
 * @self: the findings page
 *
 * Returns: (nullable): why the last override was refused
 */
const char *
stride_findings_page_get_error (StrideFindingsPage *self)
{
  g_return_val_if_fail (STRIDE_IS_FINDINGS_PAGE (self), NULL);

  return self->error;
}

/**
 * stride_findings_page_get_conclusions:
 * @self: the findings page
 *
 * Returns: (transfer full): the titles and subtitles of every conclusion
 *   shown, one per line, as a person would read them (for tests)
 */
char *
stride_findings_page_get_conclusions (StrideFindingsPage *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (STRIDE_IS_FINDINGS_PAGE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->rows, i);
      const char *subtitle = adw_action_row_get_subtitle (row);

      g_string_append_printf (text, "%s\n",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      if (subtitle != NULL && subtitle[0] != '\0')
        g_string_append_printf (text, "%s\n", subtitle);
    }

  return g_string_free (text, FALSE);
}

AdwComboRow *
stride_findings_page_get_override_row (StrideFindingsPage *self,
                                       const char         *what)
{
  g_return_val_if_fail (STRIDE_IS_FINDINGS_PAGE (self), NULL);

  if (g_str_equal (what, "triage"))
    return self->triage_row;
  if (g_str_equal (what, "phase"))
    return self->phase_row;
  if (g_str_equal (what, "presentation"))
    return self->presentation_row;
  return NULL;
}

StrideEntryRow *
stride_findings_page_get_reason_row (StrideFindingsPage *self)
{
  g_return_val_if_fail (STRIDE_IS_FINDINGS_PAGE (self), NULL);

  return self->reason_row;
}

static void
stride_findings_page_dispose (GObject *object)
{
  StrideFindingsPage *self = STRIDE_FINDINGS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_FINDINGS_PAGE);

  G_OBJECT_CLASS (stride_findings_page_parent_class)->dispose (object);
}

static void
stride_findings_page_finalize (GObject *object)
{
  StrideFindingsPage *self = STRIDE_FINDINGS_PAGE (object);

  g_ptr_array_unref (self->rows);
  g_free (self->error);

  G_OBJECT_CLASS (stride_findings_page_parent_class)->finalize (object);
}

static void
stride_findings_page_class_init (StrideFindingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_findings_page_dispose;
  object_class->finalize = stride_findings_page_finalize;

  /**
   * StrideFindingsPage::changed:
   *
   * The clinician's overrides changed (already in the visit).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/"
                                               "stride-findings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideFindingsPage, triage_group);
  gtk_widget_class_bind_template_child (widget_class, StrideFindingsPage, load_group);
  gtk_widget_class_bind_template_child (widget_class, StrideFindingsPage, presentation_group);
  gtk_widget_class_bind_template_child (widget_class, StrideFindingsPage, phase_group);
  gtk_widget_class_bind_template_child (widget_class, StrideFindingsPage, tests_group);
  gtk_widget_class_bind_template_child (widget_class, StrideFindingsPage, rtr_group);
  gtk_widget_class_bind_template_child (widget_class, StrideFindingsPage, triage_row);
  gtk_widget_class_bind_template_child (widget_class, StrideFindingsPage, phase_row);
  gtk_widget_class_bind_template_child (widget_class, StrideFindingsPage, presentation_row);
  gtk_widget_class_bind_template_child (widget_class, StrideFindingsPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, StrideFindingsPage, override_error);
  gtk_widget_class_bind_template_child (widget_class, StrideFindingsPage,
                                        override_error_label);
}

static GListModel *
strings_model (const char * const *labels)
{
  return G_LIST_MODEL (gtk_string_list_new (labels));
}

static void
stride_findings_page_init (StrideFindingsPage *self)
{
  const char *triage_labels[] = {
    C_("override", "As worked out"), _("No referral"), _("Routine referral"),
    _("Urgent referral"), _("Emergency referral"), NULL
  };
  const char *phase_labels[] = {
    C_("override", "As worked out"), _("Phase 1: settle and reintroduce movement"),
    _("Phase 2: build capacity"), _("Phase 3: return to function"), NULL
  };
  const char *presentation_labels[] = {
    C_("override", "As worked out"), stride_gui_pattern_label ("PR-PFP"),
    stride_gui_pattern_label ("PR-ITBS"), stride_gui_pattern_label ("PR-PT"),
    stride_gui_pattern_label ("PR-APOPHYSITIS"), NULL
  };
  g_autoptr(GListModel) triage = strings_model (triage_labels);
  g_autoptr(GListModel) phase = strings_model (phase_labels);
  g_autoptr(GListModel) presentation = strings_model (presentation_labels);

  gtk_widget_init_template (GTK_WIDGET (self));
  stride_gui_widen_preferences_page (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();

  adw_combo_row_set_model (self->triage_row, triage);
  adw_combo_row_set_model (self->phase_row, phase);
  adw_combo_row_set_model (self->presentation_row, presentation);
  g_signal_connect_swapped (self->triage_row, "notify::selected",
                            G_CALLBACK (on_override_changed), self);
  g_signal_connect_swapped (self->phase_row, "notify::selected",
                            G_CALLBACK (on_override_changed), self);
  g_signal_connect_swapped (self->presentation_row, "notify::selected",
                            G_CALLBACK (on_override_changed), self);
  g_signal_connect_swapped (self->reason_row, "changed",
                            G_CALLBACK (on_override_changed), self);
  for (guint i = 0; i < 3; i++)
    {
      AdwComboRow *row = i == 0 ? self->triage_row : i == 1 ? self->phase_row
                                                            : self->presentation_row;

      g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_notify), NULL);
      describe_choice (row);
    }

  stride_findings_page_update (self, NULL, NULL);
}
