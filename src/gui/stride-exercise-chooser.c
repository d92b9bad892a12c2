/* stride-exercise-chooser.c: pick an exercise from the library
 *
 * Search by name, filter by phase and target; every entry shows its
 * illustration, its default dose and the phases it suits. Activating a row
 * emits ::chosen with the exercise id and closes the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "stride-exercise-chooser.h"
#include "stride-figure-area.h"
#include "stride-gui-data.h"
#include "stride-gui-labels.h"

struct _StrideExerciseChooser
{
  AdwWindow       parent_instance;

  GPtrArray      *targets;   /* char*, the filter's choices after "any" */

  GtkSearchEntry *search_entry;
  GtkDropDown    *phase_dropdown;
  GtkDropDown    *target_dropdown;
  GtkStack       *stack;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (StrideExerciseChooser, stride_exercise_chooser, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal, -1);
}

static char *
phases_text (const StrideExercise *exercise)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  for (int phase = 1; phase <= 3; phase++)
    if (exercise->phases & (1u << phase))
      {
        g_string_append_printf (text, "%s%d", n > 0 ? ", " : "", phase);
        n++;
      }

  /* TRANSLATORS: the phases an exercise suits: "Phase 2", "Phases 1, 2" */
  return g_strdup_printf (ngettext ("Phase %s", "Phases %s", n), text->str);
}

static gboolean
row_matches (const StrideExercise *exercise,
             const char           *folded_text,
             int                   phase,
             const char           *target)
{
  if (phase > 0 && !(exercise->phases & (1u << phase)))
    return FALSE;
  if (target != NULL && (exercise->targets == NULL
                         || !g_strv_contains ((const char * const *) exercise->targets, target)))
    return FALSE;
  if (folded_text != NULL && folded_text[0] != '\0')
    {
      g_autofree char *name = fold (exercise->name);

      if (strstr (name, folded_text) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The search entry has the focus when the chooser opens, and it takes
 * Escape for itself: the window's own Escape never came, and a keyboard
 * user could not close the chooser. Escape empties the search, or closes. */
static void
on_stop_search (GtkSearchEntry        *entry,
                StrideExerciseChooser *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_row_activated (GtkListBox            *list,
                  GtkListBoxRow         *row,
                  StrideExerciseChooser *self)
{
  stride_exercise_chooser_choose (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
apply_filter (StrideExerciseChooser *self)
{
  g_autofree char *text = fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  guint phase = gtk_drop_down_get_selected (self->phase_dropdown);
  guint target = gtk_drop_down_get_selected (self->target_dropdown);
  const char *target_id = target > 0 && target <= self->targets->len
                          ? g_ptr_array_index (self->targets, target - 1) : NULL;

  stride_exercise_chooser_set_filter (self, text, phase == GTK_INVALID_LIST_POSITION ? 0
                                                                                     : (int) phase,
                                      target_id);
}

/**
 * stride_exercise_chooser_set_filter:
 * @self: the chooser
 * @text: (nullable): part of the name
 * @phase: 1–3, or 0 for any
 * @target: (nullable): a target id, or %NULL for any
 *
 * Shows only the exercises that match.
 */
void
stride_exercise_chooser_set_filter (StrideExerciseChooser *self,
                                    const char            *text,
                                    int                    phase,
                                    const char            *target)
{
  StrideLibrary *library = stride_gui_get_library ();
  g_autofree char *folded = text != NULL ? fold (text) : NULL;
  GPtrArray *exercises = NULL;
  GtkWidget *child;
  guint shown = 0;

  g_return_if_fail (STRIDE_IS_EXERCISE_CHOOSER (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  exercises = library != NULL ? stride_library_get_exercises (library) : NULL;
  for (guint i = 0; exercises != NULL && i < exercises->len; i++)
    {
      const StrideExercise *exercise = g_ptr_array_index (exercises, i);
      GtkWidget *row;
      g_autofree char *phases = NULL;
      g_autofree char *subtitle = NULL;

      if (!row_matches (exercise, folded, phase, target))
        continue;

      row = adw_action_row_new ();
      phases = phases_text (exercise);
      subtitle = g_strdup_printf ("%s · %s", exercise->dose_text != NULL ? exercise->dose_text
                                                                         : "", phases);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), exercise->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), stride_figure_area_new (exercise, 72));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, exercise->id);
      gtk_list_box_append (self->list, row);
      shown++;
    }

  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
}

guint
stride_exercise_chooser_get_n_shown (StrideExerciseChooser *self)
{
  guint n = 0;

  g_return_val_if_fail (STRIDE_IS_EXERCISE_CHOOSER (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/**
 * stride_exercise_chooser_choose:
 * @self: the chooser
 * @exercise_id: a library id
 *
 * Chooses @exercise_id as activating its row does, and closes the chooser.
 *
 * Returns: %TRUE when the library has it
 */
gboolean
stride_exercise_chooser_choose (StrideExerciseChooser *self,
                                const char            *exercise_id)
{
  StrideLibrary *library = stride_gui_get_library ();

  g_return_val_if_fail (STRIDE_IS_EXERCISE_CHOOSER (self), FALSE);

  if (library == NULL || stride_library_lookup (library, exercise_id) == NULL)
    return FALSE;

  g_signal_emit (self, signals[CHOSEN], 0, exercise_id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
stride_exercise_chooser_finalize (GObject *object)
{
  StrideExerciseChooser *self = STRIDE_EXERCISE_CHOOSER (object);

  g_ptr_array_unref (self->targets);

  G_OBJECT_CLASS (stride_exercise_chooser_parent_class)->finalize (object);
}

static void
stride_exercise_chooser_class_init (StrideExerciseChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = stride_exercise_chooser_finalize;

  /**
   * StrideExerciseChooser::chosen:
   * @exercise_id: the library id of the exercise chosen
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/"
                                               "stride-exercise-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideExerciseChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StrideExerciseChooser, phase_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StrideExerciseChooser, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StrideExerciseChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, StrideExerciseChooser, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
label_drop_down_button (GtkDropDown *dropdown,
                        const char  *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
}

static void
stride_exercise_chooser_init (StrideExerciseChooser *self)
{
  StrideLibrary *library = stride_gui_get_library ();
  GPtrArray *exercises = library != NULL ? stride_library_get_exercises (library) : NULL;
  const char *phases[] = { _("Any phase"), _("Phase 1"), _("Phase 2"), _("Phase 3"), NULL };
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) phase_model = gtk_string_list_new (phases);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->targets = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (targets, _("Any target"));
  for (guint i = 0; exercises != NULL && i < exercises->len; i++)
    {
      const StrideExercise *exercise = g_ptr_array_index (exercises, i);

      for (guint t = 0; exercise->targets != NULL && exercise->targets[t] != NULL; t++)
        {
          gboolean known = FALSE;

          for (guint k = 0; k < self->targets->len && !known; k++)
            known = g_str_equal (g_ptr_array_index (self->targets, k), exercise->targets[t]);
          if (known)
            continue;
          g_ptr_array_add (self->targets, g_strdup (exercise->targets[t]));
          gtk_string_list_append (targets, stride_gui_target_label (exercise->targets[t]));
        }
    }

  gtk_drop_down_set_model (self->phase_dropdown, G_LIST_MODEL (phase_model));
  gtk_drop_down_set_model (self->target_dropdown, G_LIST_MODEL (targets));
  /* GtkDropDown 4.8 opens its list with an inner, nameless toggle button. */
  label_drop_down_button (self->phase_dropdown, _("Show exercises of this phase"));
  label_drop_down_button (self->target_dropdown, _("Show exercises for this target"));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->phase_dropdown, "notify::selected",
                            G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->target_dropdown, "notify::selected",
                            G_CALLBACK (apply_filter), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);
  apply_filter (self);
}

/**
 * stride_exercise_chooser_new:
 * @phase: the phase to show first (1–3), or 0 for any
 *
 * Returns: (transfer full): the chooser
 */
StrideExerciseChooser *
stride_exercise_chooser_new (int phase)
{
  StrideExerciseChooser *self = g_object_new (STRIDE_TYPE_EXERCISE_CHOOSER, NULL);

  if (phase >= 0 && phase <= 3)
    gtk_drop_down_set_selected (self->phase_dropdown, phase);
  return self;
}
