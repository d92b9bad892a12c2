/* stride-visit-view.c: the steps of one visit, from history to documents
 *
 * The view edits the last visit of an assessment in place: the rows write
 * into its answers, the findings step into its overrides, the plan step into
 * its plan. Every change is announced with ::changed, which the window turns
 * into a draft save; ::step-changed lets the draft remember where the
 * clinician was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stride-documents-page.h"
#include "stride-findings-page.h"
#include "stride-gui-documents.h"
#include "stride-gui-data.h"
#include "stride-gui-labels.h"
#include "stride-history-page.h"
#include "stride-load-page.h"
#include "stride-movement-page.h"
#include "stride-store.h"
#include "stride-plan-page.h"
#include "stride-red-flags-page.h"
#include "stride-visit-view.h"

typedef struct
{
  const char *name;
  const char *title;
} StrideStep;

static const StrideStep steps[] = {
  { "history", N_("History") },
  { "red-flags", N_("Red Flags") },
  { "load-sensitivity", N_("Load Sensitivity") },
  { "movement-tolerance", N_("Movement Tolerance") },
  { "findings", N_("Findings") },
  { "plan", N_("Plan") },
  { "documents", N_("Documents") },
};

static const char * const step_names[] = {
  "history", "red-flags", "load-sensitivity", "movement-tolerance", "findings", "plan",
  "documents", NULL
};

struct _StrideVisitView
{
  GtkWidget         parent_instance;

  StrideAssessment *assessment;
  StrideFindings   *findings;
  char             *banner_text;

  AdwLeaflet       *leaflet;
  GtkListBox       *step_list;
  GtkLabel         *saved_label;
  GtkLabel         *step_title_label;
  GtkLabel         *patient_label;
  AdwWindowTitle   *steps_title;
  GtkRevealer      *triage_revealer;
  GtkWidget        *triage_banner;
  GtkImage         *triage_icon;
  GtkLabel         *triage_title;
  GtkLabel         *triage_detail;
  GtkStack         *step_stack;
  GtkLabel         *position_label;
  GtkWidget        *previous_button;
  GtkWidget        *next_button;

  StrideItemsPage  *history_page;
  StrideItemsPage  *red_flags_page;
  StrideItemsPage  *load_page;
  StrideItemsPage  *movement_page;
  StrideFindingsPage *findings_page;
  StridePlanPage   *plan_page;
  StrideDocumentsPage *documents_page;
  GtkWidget        *finalise_button;
  GtkWidget        *amend_button;
  GtkLabel         *amendments_label;
  GPtrArray        *amendments; /* StrideAmendment, for the report */
  gboolean          amending;   /* a final visit unlocked for a correction */
  gboolean          documents_stale;
  gboolean          pages_stale;   /* findings and plan pages lag the answers */
  GSettings        *settings;      /* the clinic's details the documents print */
  guint             settings_refresh_id;

  GtkWidget        *step_rows[G_N_ELEMENTS (steps)];
  GtkWidget        *step_status_icons[G_N_ELEMENTS (steps)];
  GtkWidget        *step_status_labels[G_N_ELEMENTS (steps)];
};

G_DEFINE_FINAL_TYPE (StrideVisitView, stride_visit_view, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  STEP_CHANGED,
  CLOSE,
  FINALISED,
  FINALISE,
  AMEND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_editable (StrideVisitView *self);

static int
step_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_strcmp0 (steps[i].name, name) == 0)
      return (int) i;
  return -1;
}

/**
 * stride_visit_view_list_steps:
 *
 * Returns: (transfer none): the step names, in order, %NULL-terminated
 */
const char * const *
stride_visit_view_list_steps (void)
{
  return step_names;
}

StrideItemsPage *
stride_visit_view_get_items_page (StrideVisitView *self,
                                  const char      *step)
{
  GtkWidget *page;

  g_return_val_if_fail (STRIDE_IS_VISIT_VIEW (self), NULL);

  page = gtk_stack_get_child_by_name (self->step_stack, step);
  return STRIDE_IS_ITEMS_PAGE (page) ? STRIDE_ITEMS_PAGE (page) : NULL;
}

/**
 * stride_visit_view_get_page:
 * @self: a visit view
 * @step: a step name
 *
 * Returns: (transfer none) (nullable): the page of @step
 */
GtkWidget *
stride_visit_view_get_page (StrideVisitView *self,
                            const char      *step)
{
  g_return_val_if_fail (STRIDE_IS_VISIT_VIEW (self), NULL);

  return gtk_stack_get_child_by_name (self->step_stack, step);
}

/**
 * stride_visit_view_count_missing:
 * @self: a visit view
 * @step: a step name
 *
 * Returns: how many required answers @step still lacks
 */
guint
stride_visit_view_count_missing (StrideVisitView *self,
                                 const char      *step)
{
  StrideItemsPage *page;

  g_return_val_if_fail (STRIDE_IS_VISIT_VIEW (self), 0);

  page = stride_visit_view_get_items_page (self, step);
  return page != NULL ? stride_items_page_count_missing (page) : 0;
}

static guint
red_flags_unasked (StrideVisitView *self)
{
  StrideItemsPage *page = stride_visit_view_get_items_page (self, "red-flags");

  return page != NULL ? stride_items_page_count_unasked (page) : 0;
}

static void
update_step_status (StrideVisitView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      StrideItemsPage *page = stride_visit_view_get_items_page (self, steps[i].name);
      g_autofree char *status = NULL;
      g_autofree char *accessible = NULL;
      const char *icon = NULL;

      if (page == NULL)
        {
          StrideVisit *visit = stride_visit_view_get_visit (self);

          /* The other steps say what they hold: the triage, a final visit. */
          if (g_str_equal (steps[i].name, "findings") && self->findings != NULL)
            {
              /* "No referral" only once the red flags have all been asked
               * about: before, none has fired because none was asked. */
              if (self->findings->triage == STRIDE_TRIAGE_NONE && red_flags_unasked (self) > 0)
                status = g_strdup (_("Red flags not all screened"));
              else
                status = g_strdup (stride_gui_triage_label (self->findings->triage));
              icon = self->findings->triage >= STRIDE_TRIAGE_URGENT ? "dialog-warning-symbolic"
                                                                    : NULL;
            }
          else if (g_str_equal (steps[i].name, "documents") && visit != NULL
                   && visit->status == STRIDE_VISIT_FINAL)
            {
              status = g_strdup (_("Final"));
              icon = "emblem-ok-symbolic";
            }
          gtk_label_set_text (GTK_LABEL (self->step_status_labels[i]),
                              status != NULL ? status : "");
          gtk_widget_set_visible (self->step_status_labels[i], status != NULL);
          gtk_image_set_from_icon_name (GTK_IMAGE (self->step_status_icons[i]), icon);
          accessible = status != NULL ? g_strdup_printf ("%s: %s", _(steps[i].title), status)
                                      : g_strdup (_(steps[i].title));
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->step_rows[i]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          continue;
        }

      {
        guint missing = stride_items_page_count_missing (page);
        guint invalid = stride_items_page_count_invalid (page);

        if (invalid > 0)
          {
            status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer refused",
                                                   "%u answers refused", invalid), invalid);
            icon = "dialog-warning-symbolic";
          }
        else if (missing > 0)
          {
            status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u required answer left",
                                                   "%u required answers left", missing),
                                      missing);
            icon = "radio-symbolic";
          }
        else if (g_str_equal (steps[i].name, "red-flags")
                 && stride_items_page_count_unasked (page) > 0)
          {
            /* No red flag question is required, yet "Complete" would say
             * the screening was done. */
            guint unasked = stride_items_page_count_unasked (page);

            status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question not asked",
                                                   "%u questions not asked", unasked),
                                      unasked);
            icon = "radio-symbolic";
          }
        else
          {
            status = g_strdup (_("Complete"));
            icon = "emblem-ok-symbolic";
          }
      }

      gtk_label_set_text (GTK_LABEL (self->step_status_labels[i]), status);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->step_status_icons[i]), icon);
      accessible = g_strdup_printf ("%s: %s", _(steps[i].title), status);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->step_rows[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
}

static const char *
triage_level_text (StrideTriage triage)
{
  switch (triage)
    {
    case STRIDE_TRIAGE_EMERGENCY:
      return _("Emergency referral: the same day");
    case STRIDE_TRIAGE_URGENT:
      return _("Urgent referral: within days");
    case STRIDE_TRIAGE_ROUTINE:
      return _("Routine referral recommended");
    case STRIDE_TRIAGE_NONE:
    default:
      return NULL;
    }
}

static const char *
restriction_text (StrideRestriction restriction)
{
  switch (restriction)
    {
    case STRIDE_RESTRICTION_NO_PLAN:
      return _("No exercise programme until the patient has been seen.");
    case STRIDE_RESTRICTION_PHASE_1_ONLY:
      return _("The plan stays in phase 1.");
    case STRIDE_RESTRICTION_NO_RUNNING:
      return _("No running.");
    case STRIDE_RESTRICTION_NONE:
    default:
      return NULL;
    }
}

static void
update_banner (StrideVisitView *self)
{
  StrideFindings *f = self->findings;
  const char *level;
  g_autoptr(GString) detail = g_string_new (NULL);
  const char *restriction;

  g_clear_pointer (&self->banner_text, g_free);
  gtk_widget_remove_css_class (self->triage_banner, "emergency");
  gtk_widget_remove_css_class (self->triage_banner, "urgent");
  gtk_widget_remove_css_class (self->triage_banner, "routine");

  level = f != NULL ? triage_level_text (f->triage) : NULL;
  if (level == NULL)
    {
      gtk_revealer_set_reveal_child (self->triage_revealer, FALSE);
      return;
    }

  for (guint i = 0; f->red_flags != NULL && i < f->red_flags->len; i++)
    {
      StrideRedFlag *flag = g_ptr_array_index (f->red_flags, i);

      for (guint r = 0; flag->reasons != NULL && r < flag->reasons->len; r++)
        {
          StrideReason *reason = g_ptr_array_index (flag->reasons, r);

          if (detail->len > 0)
            g_string_append (detail, " ");
          g_string_append_printf (detail, "%s (%s)", reason->text, flag->rule_id);
        }
      if (flag->reasons == NULL || flag->reasons->len == 0)
        {
          if (detail->len > 0)
            g_string_append (detail, " ");
          g_string_append (detail, flag->rule_id);
        }
    }
  restriction = restriction_text (f->restriction);
  if (restriction != NULL)
    {
      if (detail->len > 0)
        g_string_append (detail, " ");
      g_string_append (detail, restriction);
    }

  gtk_label_set_text (self->triage_title, level);
  {
    /* Rule ids are not broken across lines at their hyphen. */
    g_autoptr(GString) shown = g_string_new (detail->str);

    g_string_replace (shown, "RF-", "RF\u2011", 0);
    gtk_label_set_text (self->triage_detail, shown->str);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->triage_detail), detail->len > 0);
  gtk_widget_add_css_class (self->triage_banner, stride_triage_to_string (f->triage));
  /* The level is said in words and with an icon, never by colour alone. */
  gtk_image_set_from_icon_name (self->triage_icon,
                                f->triage == STRIDE_TRIAGE_ROUTINE ? "dialog-information-symbolic"
                                : f->triage == STRIDE_TRIAGE_URGENT ? "dialog-warning-symbolic"
                                : "dialog-error-symbolic");
  gtk_revealer_set_reveal_child (self->triage_revealer, TRUE);
  self->banner_text = g_strdup_printf ("%s. %s", level, detail->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->triage_banner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->banner_text, -1);
}

/* The findings and plan pages are rebuilt when shown, not on every key. */
static void
refresh_shown_page (StrideVisitView *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->step_stack);
  StrideVisit *visit = self->assessment != NULL
                       ? stride_assessment_get_current (self->assessment) : NULL;

  if (self->documents_stale && g_strcmp0 (step, "documents") == 0)
    {
      g_autoptr(StrideDocument) report = NULL;
      g_autoptr(StrideDocument) sheet = NULL;
      g_autoptr(GError) error = NULL;

      self->documents_stale = FALSE;
      if (self->assessment != NULL
          && stride_gui_build_documents (self->assessment, self->amendments, &report, &sheet,
                                         &error))
        {
          stride_documents_page_set_documents (self->documents_page, report, sheet);
          stride_documents_page_set_status (self->documents_page,
                                            visit->status == STRIDE_VISIT_FINAL
                                            ? _("This visit is final.") : NULL);
        }
      else
        {
          stride_documents_page_set_documents (self->documents_page, NULL, NULL);
          stride_documents_page_set_status (self->documents_page,
                                            error != NULL ? error->message : NULL);
        }
    }

  if (!self->pages_stale)
    return;
  if (g_strcmp0 (step, "findings") == 0 || g_strcmp0 (step, "plan") == 0)
    {
      stride_findings_page_update (self->findings_page, visit, self->findings);
      stride_plan_page_update (self->plan_page, visit, self->findings);
      self->pages_stale = FALSE;
    }
}

static gboolean
refresh_documents_after_settings (gpointer data)
{
  StrideVisitView *self = data;

  self->settings_refresh_id = 0;
  refresh_shown_page (self);
  return G_SOURCE_REMOVE;
}

/* The documents print the clinic's details and the paper size of the
 * preferences (the documents page offers to add a missing contact there):
 * a change shows in the documents once the typing pauses, not per key. */
static void
on_setting_changed (StrideVisitView *self,
                    const char      *key)
{
  static const char *const printed[] = {
    "clinic-name", "clinic-contact", "clinician-name", "paper-size", NULL
  };

  if (!g_strv_contains (printed, key))
    return;
  self->documents_stale = TRUE;
  g_clear_handle_id (&self->settings_refresh_id, g_source_remove);
  self->settings_refresh_id = g_timeout_add (300, refresh_documents_after_settings, self);
}

static void
evaluate (StrideVisitView *self)
{
  StrideVisit *visit = self->assessment != NULL
                       ? stride_assessment_get_current (self->assessment) : NULL;

  g_clear_pointer (&self->findings, stride_findings_free);
  if (visit != NULL)
    self->findings = stride_gui_evaluate (self->assessment);

  /* The suggestion follows the findings until the clinician edits it. */
  if (visit != NULL && visit->status == STRIDE_VISIT_DRAFT
      && (visit->plan == NULL || !visit->plan->edited))
    {
      g_clear_pointer (&visit->plan, stride_plan_free);
      if (self->findings != NULL)
        visit->plan = stride_gui_suggest_plan (self->assessment, self->findings);
    }

  update_banner (self);
  update_step_status (self);
  self->pages_stale = TRUE;
  self->documents_stale = TRUE;
  refresh_shown_page (self);
}

static void
update_position (StrideVisitView *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->step_stack);
  int index = step_index (name);
  g_autofree char *position = NULL;

  if (index < 0)
    return;

  /* TRANSLATORS: the position in the visit, e.g. "Step 2 of 7" */
  position = g_strdup_printf (_("Step %d of %u"), index + 1, (guint) G_N_ELEMENTS (steps));
  gtk_label_set_text (self->position_label, position);
  gtk_label_set_text (self->step_title_label, _(steps[index].title));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visit.previous-step", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visit.next-step",
                                 index + 1 < (int) G_N_ELEMENTS (steps));
  /* On the last step, finalising takes the place of Next. */
  gtk_widget_set_visible (self->next_button, index + 1 < (int) G_N_ELEMENTS (steps));
  gtk_widget_set_visible (self->finalise_button,
                          index + 1 == (int) G_N_ELEMENTS (steps)
                          && stride_visit_view_get_visit (self) != NULL
                          && stride_visit_view_get_visit (self)->status == STRIDE_VISIT_DRAFT);

  if (gtk_list_box_get_selected_row (self->step_list) != GTK_LIST_BOX_ROW (self->step_rows[index]))
    gtk_list_box_select_row (self->step_list, GTK_LIST_BOX_ROW (self->step_rows[index]));
}

/**
 * stride_visit_view_set_step:
 * @self: a visit view
 * @step: a step name; an unknown name shows the first step
 */
void
stride_visit_view_set_step (StrideVisitView *self,
                            const char      *step)
{
  g_return_if_fail (STRIDE_IS_VISIT_VIEW (self));

  if (step_index (step) < 0)
    step = steps[0].name;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->step_stack), step) == 0)
    {
      update_position (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->step_stack, step);
  refresh_shown_page (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  update_position (self);
  g_signal_emit (self, signals[STEP_CHANGED], 0);
}

const char *
stride_visit_view_get_step (StrideVisitView *self)
{
  g_return_val_if_fail (STRIDE_IS_VISIT_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->step_stack);
}

static void
move_step (StrideVisitView *self,
           int              delta)
{
  int index = step_index (stride_visit_view_get_step (self)) + delta;
  GtkWidget *page;

  if (index < 0 || index >= (int) G_N_ELEMENTS (steps))
    return;

  stride_visit_view_set_step (self, steps[index].name);
  page = gtk_stack_get_visible_child (self->step_stack);
  if (STRIDE_IS_ITEMS_PAGE (page)
      && stride_items_page_focus_first_missing (STRIDE_ITEMS_PAGE (page)))
    return;
  /* From the page's first input: the stack has put the focus back where it
   * last was on this page, or on its first input, and moving on from there
   * skipped an input. */
  gtk_root_set_focus (gtk_widget_get_root (page), NULL);
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
next_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_step (STRIDE_VISIT_VIEW (widget), 1);
}

static void
previous_step_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_step (STRIDE_VISIT_VIEW (widget), -1);
}

static void
show_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  stride_visit_view_set_step (STRIDE_VISIT_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_steps_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StrideVisitView *self = STRIDE_VISIT_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "steps");
  gtk_widget_grab_focus (GTK_WIDGET (self->step_list));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  StrideVisitView *self = STRIDE_VISIT_VIEW (widget);
  g_autoptr(GError) error = NULL;

  stride_visit_view_set_step (self, "documents");
  if (!stride_documents_page_print (self->documents_page, &error))
    stride_documents_page_set_status (self->documents_page, error->message);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StrideVisitView *self = STRIDE_VISIT_VIEW (widget);

  stride_visit_view_set_step (self, "documents");
  stride_documents_page_choose_pdf (self->documents_page);
}

static void
on_finalise_response (AdwMessageDialog *dialog,
                      const char       *response,
                      StrideVisitView  *self)
{
  if (g_str_equal (response, "finalise"))
    g_signal_emit (self, signals[FINALISE], 0);
}

static void
finalise_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StrideVisitView *self = STRIDE_VISIT_VIEW (widget);
  GtkWidget *dialog;
  guint missing = 0;
  guint unasked = red_flags_unasked (self);
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    missing += stride_visit_view_count_missing (self, steps[i].name);

  /* No red flag question is required, so nothing else would stop a visit
   * being finalised as "no referral" on a screening never done. */
  if (unasked > 0)
    {
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u red flag question was not asked: the "
                                                 "triage covers only the questions answered.",
                                                 "%u red flag questions were not asked: the "
                                                 "triage covers only the questions answered.",
                                                 unasked), unasked);
      g_string_append (body, " ");
    }
  if (missing > 0)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                               "%u required answer is still missing. A final "
                                               "visit is kept as it is; later corrections are "
                                               "stored beside it as amendments.",
                                               "%u required answers are still missing. A final "
                                               "visit is kept as it is; later corrections are "
                                               "stored beside it as amendments.", missing),
                            missing);
  else
    g_string_append (body, _("A final visit is kept as it is; later corrections are stored "
                             "beside it as amendments."));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Finalise This Visit?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "finalise", _("_Finalise"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "finalise",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "finalise");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_finalise_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * stride_visit_view_mark_final:
 * @self: a visit view
 *
 * The window finalised the visit in the store: the view shows it as final.
 */
void
stride_visit_view_mark_final (StrideVisitView *self)
{
  StrideVisit *visit;

  g_return_if_fail (STRIDE_IS_VISIT_VIEW (self));

  visit = stride_visit_view_get_visit (self);
  if (visit == NULL)
    return;
  visit->status = STRIDE_VISIT_FINAL;
  update_editable (self);
  update_step_status (self);
  update_position (self);
  /* The documents shown were laid out for a draft, and say so. */
  self->documents_stale = TRUE;
  refresh_shown_page (self);
  stride_documents_page_set_status (self->documents_page, _("This visit is final."));
  g_signal_emit (self, signals[FINALISED], 0);
}

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "amend", reason[0] != '\0');
}

static void
on_amend_response (AdwMessageDialog *dialog,
                   const char       *response,
                   StrideVisitView  *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_str_equal (response, "amend") && reason[0] != '\0')
    g_signal_emit (self, signals[AMEND], 0, reason);
}

/* Amending is two steps: "Amend…" unlocks the final visit's inputs; "Save
 * Amendment…" asks why (required) and hands the correction to the window,
 * which stores it beside the visit. Until then nothing is saved. */
static void
amend_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  StrideVisitView *self = STRIDE_VISIT_VIEW (widget);
  StrideVisit *visit = stride_visit_view_get_visit (self);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (visit == NULL || visit->status != STRIDE_VISIT_FINAL)
    return;

  if (!self->amending)
    {
      self->amending = TRUE;
      update_editable (self);
      stride_visit_view_set_saved_text (self, _("Amending: correct what needs it, then save the "
                                                "amendment with its reason."));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Save the Amendment?"),
                                   _("The visit as it was finalised is kept; the corrected "
                                     "values and the reason are stored beside it."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for the amendment (required)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the amendment"),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "amend", _("_Save Amendment"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "amend",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "amend");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_amend_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/**
 * stride_visit_view_is_amending:
 * @self: a visit view
 *
 * Returns: whether a final visit's inputs are unlocked for an amendment
 */
gboolean
stride_visit_view_is_amending (StrideVisitView *self)
{
  g_return_val_if_fail (STRIDE_IS_VISIT_VIEW (self), FALSE);

  return self->amending;
}

/**
 * stride_visit_view_end_amending:
 * @self: a visit view
 *
 * The window stored the amendment, or the clinician discarded the
 * corrections: the final visit is read-only again. After a discard the
 * caller leaves the visit, or loads it again, since the view still holds the
 * corrected values.
 */
void
stride_visit_view_end_amending (StrideVisitView *self)
{
  g_return_if_fail (STRIDE_IS_VISIT_VIEW (self));

  self->amending = FALSE;
  update_editable (self);
}

/* The list under the steps, and the amendments the report lists. */
static void
show_amendments (StrideVisitView *self,
                 GPtrArray       *amendments)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; amendments != NULL && i < amendments->len; i++)
    {
      StrideAmendment *amendment = g_ptr_array_index (amendments, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (amendment->time);
      g_autofree char *when = g_date_time_format (local, "%x %H:%M");

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: an amendment of a final visit: its date and time, then its reason */
      g_string_append_printf (text, _("Amended %s: %s"), when, amendment->reason);
    }
  gtk_label_set_text (self->amendments_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->amendments_label), text->len > 0);

  g_clear_pointer (&self->amendments, g_ptr_array_unref);
  if (amendments != NULL)
    self->amendments = g_ptr_array_ref (amendments);
}

/**
 * stride_visit_view_set_amendments:
 * @self: a visit view
 * @amendments: (element-type StrideAmendment) (nullable): the visit's
 *   amendments, oldest first
 *
 * Lists the amendments (time and reason) under the steps, and in the report.
 */
void
stride_visit_view_set_amendments (StrideVisitView *self,
                                  GPtrArray       *amendments)
{
  g_return_if_fail (STRIDE_IS_VISIT_VIEW (self));

  show_amendments (self, amendments);
  self->documents_stale = TRUE;
  refresh_shown_page (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

static void
on_step_row_activated (GtkListBox      *list,
                       GtkListBoxRow   *row,
                       StrideVisitView *self)
{
  stride_visit_view_set_step (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/**
 * stride_visit_view_visit_changed:
 * @self: a visit view
 *
 * Re-evaluates the findings and announces ::changed; the pages call it
 * after they change the visit.
 */
void
stride_visit_view_visit_changed (StrideVisitView *self)
{
  g_return_if_fail (STRIDE_IS_VISIT_VIEW (self));

  evaluate (self);
  update_step_status (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Overrides change the effective findings and so the suggested plan; the
 * findings page keeps its override rows, so it can be rebuilt at once. */
static void
on_overrides_changed (StrideVisitView *self)
{
  evaluate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A plan edit changes no finding: save it, without rebuilding the page the
 * clinician is typing in. */
static void
on_plan_changed (StrideVisitView *self)
{
  self->documents_stale = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_page_changed (StrideItemsPage *page,
                 StrideVisitView *self)
{
  stride_visit_view_visit_changed (self);
}

static void
build_step_list (StrideVisitView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *title = gtk_label_new (_(steps[i].title));
      GtkWidget *status = gtk_label_new (NULL);
      GtkWidget *icon = gtk_image_new ();
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *number_label = gtk_label_new (number);

      gtk_widget_set_name (row, steps[i].name);
      gtk_widget_add_css_class (number_label, "step-number");
      gtk_widget_set_valign (number_label, GTK_ALIGN_CENTER);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (status), 0);
      gtk_label_set_wrap (GTK_LABEL (status), TRUE);
      gtk_widget_add_css_class (status, "caption");
      gtk_widget_add_css_class (status, "dim-label");
      gtk_widget_set_hexpand (labels, TRUE);
      gtk_widget_set_visible (status, FALSE);
      gtk_box_append (GTK_BOX (labels), title);
      gtk_box_append (GTK_BOX (labels), status);
      gtk_box_append (GTK_BOX (box), number_label);
      gtk_box_append (GTK_BOX (box), labels);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->step_list, row);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(steps[i].title), -1);

      self->step_rows[i] = row;
      self->step_status_icons[i] = icon;
      self->step_status_labels[i] = status;

      if (stride_visit_view_get_items_page (self, steps[i].name) != NULL)
        gtk_widget_set_visible (status, TRUE);
    }
}

/* A final visit is shown as it was finalised: its inputs cannot change it. */
static void
update_editable (StrideVisitView *self)
{
  StrideVisit *visit = stride_visit_view_get_visit (self);
  gboolean editable = visit != NULL
                      && (visit->status == STRIDE_VISIT_DRAFT || self->amending);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->step_stack, steps[i].name);

      if (page != GTK_WIDGET (self->documents_page))
        gtk_widget_set_sensitive (page, editable);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visit.finalise",
                                 visit != NULL && visit->status == STRIDE_VISIT_DRAFT);
  gtk_widget_set_visible (self->amend_button,
                          visit != NULL && visit->status == STRIDE_VISIT_FINAL);
  gtk_button_set_label (GTK_BUTTON (self->amend_button),
                        self->amending ? _("Save _Amendment…") : _("_Amend…"));
}

/**
 * stride_visit_view_load:
 * @self: a visit view
 * @assessment: (transfer full): the patient and their visits; the last
 *   visit is the one edited
 * @step: (nullable): the step to show, e.g. the one a draft was left at
 */
void
stride_visit_view_load (StrideVisitView  *self,
                        StrideAssessment *assessment,
                        const char       *step)
{
  StrideVisit *visit;
  StrideVisit *previous;
  g_autofree char *title = NULL;

  g_return_if_fail (STRIDE_IS_VISIT_VIEW (self));
  g_return_if_fail (assessment != NULL);

  g_clear_pointer (&self->assessment, stride_assessment_free);
  self->assessment = assessment;
  self->amending = FALSE;
  show_amendments (self, NULL);
  visit = stride_assessment_get_current (assessment);
  previous = stride_assessment_get_previous (assessment);
  g_return_if_fail (visit != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      StrideItemsPage *page = stride_visit_view_get_items_page (self, steps[i].name);

      if (page != NULL)
        stride_items_page_set_answers (page, visit->answers,
                                       previous != NULL ? previous->answers : NULL);
    }

  gtk_label_set_text (self->patient_label,
                      assessment->patient->name != NULL ? assessment->patient->name : "");
  adw_window_title_set_subtitle (self->steps_title,
                                 visit->kind == STRIDE_VISIT_FOLLOW_UP ? _("Follow-up")
                                                                       : _("Initial assessment"));

  self->pages_stale = TRUE;
  evaluate (self);
  update_step_status (self);
  update_editable (self);
  stride_visit_view_set_step (self, step);
  update_position (self);
}

StrideAssessment *
stride_visit_view_get_assessment (StrideVisitView *self)
{
  g_return_val_if_fail (STRIDE_IS_VISIT_VIEW (self), NULL);

  return self->assessment;
}

/**
 * stride_visit_view_get_visit:
 * @self: a visit view
 *
 * Returns: (transfer none) (nullable): the visit being edited
 */
StrideVisit *
stride_visit_view_get_visit (StrideVisitView *self)
{
  g_return_val_if_fail (STRIDE_IS_VISIT_VIEW (self), NULL);

  return self->assessment != NULL ? stride_assessment_get_current (self->assessment) : NULL;
}

/**
 * stride_visit_view_get_findings:
 * @self: a visit view
 *
 * Returns: (transfer none) (nullable): what the engine made of the visit
 */
StrideFindings *
stride_visit_view_get_findings (StrideVisitView *self)
{
  g_return_val_if_fail (STRIDE_IS_VISIT_VIEW (self), NULL);

  return self->findings;
}

gboolean
stride_visit_view_get_banner_shown (StrideVisitView *self)
{
  g_return_val_if_fail (STRIDE_IS_VISIT_VIEW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->triage_revealer);
}

/**
 * stride_visit_view_get_banner_text:
 * @self: a visit view
 *
 * Returns: (nullable): what the triage banner says, %NULL when hidden
 */
const char *
stride_visit_view_get_banner_text (StrideVisitView *self)
{
  g_return_val_if_fail (STRIDE_IS_VISIT_VIEW (self), NULL);

  return self->banner_text;
}

/**
 * stride_visit_view_set_saved_text:
 * @self: a visit view
 * @text: (nullable): e.g. "Draft saved at 10:42"
 */
void
stride_visit_view_set_saved_text (StrideVisitView *self,
                                  const char      *text)
{
  g_return_if_fail (STRIDE_IS_VISIT_VIEW (self));

  gtk_label_set_text (self->saved_label, text != NULL ? text : "");
}

static void
stride_visit_view_dispose (GObject *object)
{
  GtkWidget *child;
  StrideVisitView *self = STRIDE_VISIT_VIEW (object);

  g_clear_handle_id (&self->settings_refresh_id, g_source_remove);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_VISIT_VIEW);
  /* Children without an id in the template are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (stride_visit_view_parent_class)->dispose (object);
}

static void
stride_visit_view_finalize (GObject *object)
{
  StrideVisitView *self = STRIDE_VISIT_VIEW (object);

  g_clear_pointer (&self->assessment, stride_assessment_free);
  g_clear_pointer (&self->findings, stride_findings_free);
  g_clear_pointer (&self->amendments, g_ptr_array_unref);
  g_free (self->banner_text);

  G_OBJECT_CLASS (stride_visit_view_parent_class)->finalize (object);
}

static void
stride_visit_view_class_init (StrideVisitViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_visit_view_dispose;
  object_class->finalize = stride_visit_view_finalize;

  /**
   * StrideVisitView::changed:
   *
   * The visit changed (an answer, an override, the plan): save a draft.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[STEP_CHANGED] = g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * StrideVisitView::finalised:
   *
   * The visit was finalised: it is no longer a draft to reopen.
   */
  signals[FINALISED] = g_signal_new ("finalised", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * StrideVisitView::finalise:
   *
   * The clinician confirmed finalising: store the visit as final, then call
   * stride_visit_view_mark_final().
   */
  /**
   * StrideVisitView::amend:
   * @reason: why the final visit is corrected (never empty)
   *
   * The clinician saved an amendment of a final visit: store it, then call
   * stride_visit_view_end_amending().
   */
  signals[AMEND] = g_signal_new ("amend", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FINALISE] = g_signal_new ("finalise", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/stride-visit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, step_list);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, saved_label);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, step_title_label);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, patient_label);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, steps_title);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, triage_revealer);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, triage_banner);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, triage_icon);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, triage_title);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, triage_detail);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, step_stack);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, position_label);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, next_button);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, history_page);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, red_flags_page);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, load_page);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, movement_page);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, findings_page);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, plan_page);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, documents_page);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, finalise_button);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, amend_button);
  gtk_widget_class_bind_template_child (widget_class, StrideVisitView, amendments_label);

  gtk_widget_class_install_action (widget_class, "visit.next-step", NULL, next_step_action);
  gtk_widget_class_install_action (widget_class, "visit.previous-step", NULL,
                                   previous_step_action);
  gtk_widget_class_install_action (widget_class, "visit.show-step", "s", show_step_action);
  gtk_widget_class_install_action (widget_class, "visit.show-steps", NULL, show_steps_action);
  gtk_widget_class_install_action (widget_class, "visit.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "visit.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "visit.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "visit.finalise", NULL, finalise_action);
  gtk_widget_class_install_action (widget_class, "visit.amend", NULL, amend_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "visit.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "visit.save-pdf", NULL);
}

/* The step keys act wherever the focus is. Bound to the view they came last:
 * a list of questions keeps Ctrl+Page Up/Down for itself, and the leaflet
 * took Alt+Left to go back to the step list, so the keys did nothing (or
 * took two presses). Caught on the way down instead, before any child. */
static void
add_step_shortcuts (StrideVisitView *self)
{
  static const struct
  {
    guint            key;
    GdkModifierType  modifiers;
    const char      *action;
  } keys[] = {
    { GDK_KEY_Right, GDK_ALT_MASK, "visit.next-step" },
    { GDK_KEY_Left, GDK_ALT_MASK, "visit.previous-step" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "visit.next-step" },
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "visit.previous-step" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (
                                                              keys[i].key, keys[i].modifiers),
                                                            gtk_named_action_new (
                                                              keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
stride_visit_view_init (StrideVisitView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Named "Next step" in the template; its mnemonic label "_Next" would add
   * itself to the name. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->next_button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  add_step_shortcuts (self);

  build_step_list (self);
  g_signal_connect (self->step_list, "row-activated", G_CALLBACK (on_step_row_activated), self);
  g_signal_connect (self->history_page, "changed", G_CALLBACK (on_page_changed), self);
  g_signal_connect (self->red_flags_page, "changed", G_CALLBACK (on_page_changed), self);
  g_signal_connect (self->load_page, "changed", G_CALLBACK (on_page_changed), self);
  g_signal_connect (self->movement_page, "changed", G_CALLBACK (on_page_changed), self);
  g_signal_connect_swapped (self->findings_page, "changed",
                            G_CALLBACK (on_overrides_changed), self);
  g_signal_connect_swapped (self->plan_page, "changed", G_CALLBACK (on_plan_changed), self);
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_setting_changed), self,
                           G_CONNECT_SWAPPED);
  update_position (self);
  update_step_status (self);
}

/**
 * stride_visit_view_new:
 *
 * Returns: (transfer floating): an empty visit view
 */
GtkWidget *
stride_visit_view_new (void)
{
  return g_object_new (STRIDE_TYPE_VISIT_VIEW, NULL);
}
