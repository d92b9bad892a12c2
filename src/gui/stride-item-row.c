/* stride-item-row.c: one protocol item as a row with its editor
 *
 * The row is given only an item id (the `item` property, set in a step's
 * .ui file); its label, help, unit, range, requiredness and editor all come
 * from the protocol, so a question is worded in one place. Values are
 * checked with the protocol's own rule and refused at the field, with the
 * reason, before they reach the answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "stride-gui-data.h"
#include "stride-item-row.h"

struct _StrideItemRow
{
  AdwActionRow      parent_instance;

  char             *item_id;
  const StrideItem *item;
  StrideAnswers    *answers;
  StrideAnswers    *previous;

  GtkWidget        *editors[3];     /* indexed by StrideSide */
  char             *errors[3];
  GtkWidget        *previous_box;
  GtkWidget        *previous_label;
  GtkWidget        *required_label;
  GtkWidget        *error_icon;
  GtkWidget        *clear_button;
  char             *previous_text;

  guint             loading : 1;
};

G_DEFINE_FINAL_TYPE (StrideItemRow, stride_item_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_ANSWERS,
  PROP_PREVIOUS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const StrideSide all_sides[] = { STRIDE_SIDE_NONE, STRIDE_SIDE_LEFT, STRIDE_SIDE_RIGHT };

static gboolean
side_used (StrideItemRow *self,
           StrideSide     side)
{
  if (self->item == NULL)
    return FALSE;
  return self->item->per_side ? side != STRIDE_SIDE_NONE : side == STRIDE_SIDE_NONE;
}

static double
number_step (const StrideItem *item)
{
  return item->type == STRIDE_ITEM_SCALE ? 1.0 : pow (10.0, -MAX (item->digits, 0));
}

/* The spin buttons have one value below the range that means "not
 * answered": a missing answer is never shown or stored as 0. */
static double
number_sentinel (const StrideItem *item)
{
  double lower = item->type == STRIDE_ITEM_SCALE ? 0.0 : (item->has_range ? item->min : 0.0);

  return lower - number_step (item);
}

static char *
format_number (const StrideItem *item,
               double            value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  int digits = item->type == STRIDE_ITEM_SCALE ? 0 : CLAMP (item->digits, 0, 6);
  char *dot;

  g_snprintf (format, sizeof format, "%%.%df", digits);
  g_ascii_formatd (buf, sizeof buf, format, value);
  /* Canonical form: no trailing zeros, no lone dot ("1.50" → "1.5", "2.0" → "2"). */
  dot = strchr (buf, '.');
  if (dot != NULL)
    {
      char *end = buf + strlen (buf) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  if (g_str_equal (buf, "-0"))
    return g_strdup ("0");
  return g_strdup (buf);
}

static const char *
side_caption (StrideSide side)
{
  switch (side)
    {
    case STRIDE_SIDE_LEFT:
      return _("Left");
    case STRIDE_SIDE_RIGHT:
      return _("Right");
    case STRIDE_SIDE_NONE:
    default:
      return NULL;
    }
}

static const char *
side_short (StrideSide side)
{
  /* TRANSLATORS: short for left and right knee, beside a previous value: "L 12 · R 9" */
  return side == STRIDE_SIDE_LEFT ? C_("side", "L") : C_("side", "R");
}

/* Whether another item of the protocol asks the same question ("Familiar
 * pain" in three movement tests). */
static gboolean
label_is_shared (const StrideItem *item)
{
  StrideProtocol *protocol = stride_gui_get_protocol ();
  GPtrArray *items = protocol != NULL ? stride_protocol_get_items (protocol) : NULL;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const StrideItem *other = g_ptr_array_index (items, i);

      if (other != item && g_strcmp0 (other->label, item->label) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The question as its controls are named. One asked in several tests is
 * named with its test, so that each control has a name of its own. */
static char *
question_name (StrideItemRow *self)
{
  if (self->item->group_title != NULL && label_is_shared (self->item))
    {
      /* TRANSLATORS: a test and one of its questions, "Single-leg bridge: Repetitions to
       * fatigue" */
      return g_strdup_printf (_("%s: %s"), self->item->group_title, self->item->label);
    }
  return g_strdup (self->item->label);
}

static char *
editor_accessible_label (StrideItemRow *self,
                         StrideSide     side,
                         const char    *extra)
{
  g_autofree char *question = question_name (self);
  g_autoptr(GString) label = g_string_new (question);

  if (side != STRIDE_SIDE_NONE)
    {
      /* TRANSLATORS: appended to an item's label for one knee, e.g. "Pain, left" */
      g_string_append_printf (label, _(", %s"), side_caption (side));
    }
  if (self->item->unit != NULL && self->item->unit[0] != '\0'
      && (self->item->type == STRIDE_ITEM_NUMBER))
    g_string_append_printf (label, " (%s)", self->item->unit);
  if (extra != NULL)
    g_string_append_printf (label, ": %s", extra);

  return g_string_free (g_steal_pointer (&label), FALSE);
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* GtkDropDown 4.8 opens its list with an inner toggle button that has no
 * name of its own: a screen reader (and a walk-through driving the
 * accessibility tree) would meet a bare "GtkToggleButton". */
static void
set_drop_down_label (GtkWidget  *dropdown,
                     const char *label)
{
  set_accessible_label (dropdown, label);
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      set_accessible_label (child, label);
}

static gboolean
any_error (StrideItemRow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->errors); i++)
    if (self->errors[i] != NULL)
      return TRUE;
  return FALSE;
}

static void
update_subtitle (StrideItemRow *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_sides); i++)
    {
      StrideSide side = all_sides[i];

      if (self->errors[side] == NULL)
        continue;
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      if (side != STRIDE_SIDE_NONE)
        g_string_append_printf (subtitle, "%s: ", side_caption (side));
      g_string_append (subtitle, self->errors[side]);
    }

  if (subtitle->len == 0 && self->item != NULL && self->item->help != NULL)
    g_string_append (subtitle, self->item->help);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);

  gtk_widget_set_visible (self->error_icon, any_error (self));
  if (any_error (self))
    gtk_widget_add_css_class (GTK_WIDGET (self), "invalid-answer");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "invalid-answer");
}

/* The protocol's messages name the item for files and logs ("item
 * “worst-pain”: …"); at the field the row already says which question. */
static const char *
field_message (StrideItemRow *self,
               const char    *message)
{
  const char *id;
  const char *colon;

  if (message == NULL || self->item == NULL)
    return message;

  id = strstr (message, self->item->id);
  if (id == NULL || id - message > 16)
    return message;
  colon = strstr (id, ": ");
  if (colon == NULL || colon - id > (gssize) strlen (self->item->id) + 8)
    return message;
  return colon + 2;
}

static void
set_error (StrideItemRow *self,
           StrideSide     side,
           const char    *full_message)
{
  GtkWidget *editor = self->editors[side];
  g_autofree char *message = NULL;
  const char *shown = field_message (self, full_message);

  /* Start with a capital, as a sentence at the field. */
  if (shown != NULL)
    {
      char first[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (shown)), first);
      message = g_strconcat (first, g_utf8_next_char (shown), NULL);
    }

  if (g_strcmp0 (self->errors[side], message) == 0)
    return;

  g_free (self->errors[side]);
  self->errors[side] = g_strdup (message);

  if (editor != NULL)
    {
      if (message != NULL)
        {
          gtk_widget_add_css_class (editor, "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (editor),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (editor),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                          -1);
        }
      else
        {
          gtk_widget_remove_css_class (editor, "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (editor), GTK_ACCESSIBLE_STATE_INVALID);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (editor),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }

  update_subtitle (self);
}

static void
update_status (StrideItemRow *self)
{
  gboolean answered = FALSE;

  if (self->item == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (all_sides); i++)
    if (side_used (self, all_sides[i]) && self->answers != NULL
        && stride_answers_has (self->answers, self->item->id, all_sides[i]))
      answered = TRUE;

  /* Hidden but keeping its place, so the inputs of a group stay aligned. */
  gtk_widget_set_opacity (self->clear_button, answered ? 1.0 : 0.0);
  gtk_widget_set_sensitive (self->clear_button, answered);
  gtk_widget_set_can_target (self->clear_button, answered);
  gtk_widget_set_visible (self->required_label,
                          self->item->required && !stride_item_row_is_answered (self));
}

static void
write_answer (StrideItemRow *self,
              StrideSide     side,
              const char    *value)
{
  if (self->loading || self->answers == NULL || self->item == NULL)
    return;

  if (g_strcmp0 (stride_answers_get (self->answers, self->item->id, side), value) == 0)
    return;

  if (value == NULL)
    stride_answers_unset (self->answers, self->item->id, side);
  else
    stride_answers_set (self->answers, self->item->id, side, value);

  update_status (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Checks @value with the protocol; on refusal shows the reason at the field
 * and keeps it out of the answers. */
static gboolean
accept_value (StrideItemRow *self,
              StrideSide     side,
              const char    *value)
{
  g_autoptr(GError) error = NULL;
  StrideProtocol *protocol = stride_gui_get_protocol ();

  if (value != NULL && protocol != NULL
      && !stride_protocol_check_value (protocol, self->item->id, side, value, &error))
    {
      set_error (self, side, error->message);
      return FALSE;
    }

  set_error (self, side, NULL);
  write_answer (self, side, value);
  return TRUE;
}

static StrideSide
editor_side (gpointer widget)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "stride-side"));
}

/* Yes / no: a pair of toggles, so "not answered" stays possible. */

static void
on_yes_no_toggled (GtkToggleButton *button,
                   StrideItemRow   *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  accept_value (self, editor_side (button), g_object_get_data (G_OBJECT (button), "stride-value"));
}

static GtkWidget *
build_yes_no (StrideItemRow *self,
              StrideSide     side)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *yes = gtk_toggle_button_new_with_label (_("Yes"));
  GtkWidget *no = gtk_toggle_button_new_with_label (_("No"));
  g_autofree char *yes_label = editor_accessible_label (self, side, _("Yes"));
  g_autofree char *no_label = editor_accessible_label (self, side, _("No"));

  gtk_widget_add_css_class (box, "linked");
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (no), GTK_TOGGLE_BUTTON (yes));
  g_object_set_data (G_OBJECT (yes), "stride-value", (gpointer) "yes");
  g_object_set_data (G_OBJECT (no), "stride-value", (gpointer) "no");
  for (GtkWidget *b = yes; b != NULL; b = (b == yes ? no : NULL))
    {
      g_object_set_data (G_OBJECT (b), "stride-side", GINT_TO_POINTER (side));
      g_signal_connect (b, "toggled", G_CALLBACK (on_yes_no_toggled), self);
      gtk_box_append (GTK_BOX (box), b);
    }
  set_accessible_label (yes, yes_label);
  set_accessible_label (no, no_label);
  g_object_set_data (G_OBJECT (box), "stride-yes", yes);
  g_object_set_data (G_OBJECT (box), "stride-no", no);

  return box;
}

static void
load_yes_no (GtkWidget  *box,
             const char *value)
{
  GtkToggleButton *yes = g_object_get_data (G_OBJECT (box), "stride-yes");
  GtkToggleButton *no = g_object_get_data (G_OBJECT (box), "stride-no");

  /* A grouped toggle cannot be switched off directly: lift the group. */
  gtk_toggle_button_set_group (no, NULL);
  gtk_toggle_button_set_active (yes, g_strcmp0 (value, "yes") == 0);
  gtk_toggle_button_set_active (no, g_strcmp0 (value, "no") == 0);
  gtk_toggle_button_set_group (no, yes);
}

/* Scale and number: a spin button whose lowest step means "not answered". */

static gboolean
on_spin_output (GtkSpinButton *spin,
                StrideItemRow *self)
{
  double value = gtk_spin_button_get_value (spin);

  if (value < number_sentinel (self->item) + number_step (self->item) / 2)
    {
      if (gtk_editable_get_text (GTK_EDITABLE (spin))[0] != '\0')
        gtk_editable_set_text (GTK_EDITABLE (spin), "");
      return TRUE;
    }

  return FALSE;
}

static int
on_spin_input (GtkSpinButton *spin,
               double        *new_value,
               StrideItemRow *self)
{
  StrideSide side = editor_side (spin);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autofree char *canonical = NULL;
  g_autoptr(GError) error = NULL;
  StrideProtocol *protocol = stride_gui_get_protocol ();
  char *end = NULL;
  double value;

  if (text[0] == '\0')
    {
      *new_value = number_sentinel (self->item);
      set_error (self, side, NULL);
      return TRUE;
    }

  /* People type the decimal separator of their language. */
  g_strdelimit (text, ",", '.');
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number"),
                                                  gtk_editable_get_text (GTK_EDITABLE (spin)));
      set_error (self, side, message);
      return GTK_INPUT_ERROR;
    }

  canonical = format_number (self->item, value);
  if (protocol != NULL
      && !stride_protocol_check_value (protocol, self->item->id, side, text, &error))
    {
      set_error (self, side, error->message);
      return GTK_INPUT_ERROR;
    }

  set_error (self, side, NULL);
  *new_value = g_ascii_strtod (canonical, NULL);
  return TRUE;
}

static void
on_spin_value_changed (GtkSpinButton *spin,
                       StrideItemRow *self)
{
  StrideSide side = editor_side (spin);
  double value = gtk_spin_button_get_value (spin);
  g_autofree char *canonical = NULL;

  if (self->loading)
    return;

  if (value < number_sentinel (self->item) + number_step (self->item) / 2)
    {
      /* Refused while empty, the spin button shows "not answered" again: no
       * change, and the reason stays at the field (emptying it on purpose
       * clears the reason in on_spin_input()). */
      if (self->answers == NULL
          || stride_answers_get (self->answers, self->item->id, side) == NULL)
        return;
      set_error (self, side, NULL);
      write_answer (self, side, NULL);
      return;
    }

  canonical = format_number (self->item, value);
  /* A refused entry makes the spin button show its old value again: that
   * is no change, and the reason it was refused stays at the field. */
  if (self->answers != NULL
      && g_strcmp0 (stride_answers_get (self->answers, self->item->id, side), canonical) == 0)
    return;
  accept_value (self, side, canonical);
}

static GtkWidget *
build_number (StrideItemRow *self,
              StrideSide     side)
{
  const StrideItem *item = self->item;
  double step = number_step (item);
  double upper = item->type == STRIDE_ITEM_SCALE ? 10.0 : (item->has_range ? item->max : 100000.0);
  GtkAdjustment *adjustment = gtk_adjustment_new (number_sentinel (item), number_sentinel (item),
                                                  upper, step, step * 10, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, step,
                                         item->type == STRIDE_ITEM_SCALE ? 0 : item->digits);
  g_autofree char *label = editor_accessible_label (self, side, NULL);

  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), item->type == STRIDE_ITEM_SCALE ? 2 : 4);
  g_object_set_data (G_OBJECT (spin), "stride-side", GINT_TO_POINTER (side));
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output), self);
  g_signal_connect (spin, "input", G_CALLBACK (on_spin_input), self);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_value_changed), self);
  set_accessible_label (spin, label);
  on_spin_output (GTK_SPIN_BUTTON (spin), self);

  if (item->type == STRIDE_ITEM_NUMBER && item->unit != NULL && item->unit[0] != '\0')
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *unit = gtk_label_new (item->unit);

      gtk_widget_add_css_class (unit, "dim-label");
      gtk_box_append (GTK_BOX (box), spin);
      gtk_box_append (GTK_BOX (box), unit);
      g_object_set_data (G_OBJECT (box), "stride-input", spin);
      return box;
    }

  return spin;
}

static void
load_number (StrideItemRow *self,
             GtkWidget     *spin,
             const char    *value)
{
  double number = value != NULL ? g_ascii_strtod (value, NULL) : number_sentinel (self->item);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), number);
  /* set_value skips an unchanged value; the text may still show a refused entry. */
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  if (value == NULL)
    on_spin_output (GTK_SPIN_BUTTON (spin), self);
}

/* Choice: a drop-down whose first entry is "not answered". */

/* GTK 4.8 gives a drop-down no accessible value, and its button is named by
 * the question alone: the answer chosen is its description, so that a screen
 * reader says "Painful knee, Left" and not just "Painful knee". */
static void
describe_choice (GtkDropDown *dropdown)
{
  GtkStringObject *chosen = gtk_drop_down_get_selected_item (dropdown);
  const char *text = chosen != NULL ? gtk_string_object_get_string (chosen)
                                    : C_("answer", "Not answered");

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
on_choice_selected (GtkDropDown   *dropdown,
                    GParamSpec    *pspec,
                    StrideItemRow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    {
      set_error (self, editor_side (dropdown), NULL);
      write_answer (self, editor_side (dropdown), NULL);
    }
  else
    {
      StrideChoice *choice = g_ptr_array_index (self->item->choices, selected - 1);

      accept_value (self, editor_side (dropdown), choice->id);
    }
  /* After the answer: clearing an error resets the description. */
  describe_choice (dropdown);
}

static void
setup_choice_label (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (string));
}

static GtkListItemFactory *
choice_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_label),
                    GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_label), NULL);
  return factory;
}

static GtkWidget *
build_choice (StrideItemRow *self,
              StrideSide     side)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  g_autofree char *label = editor_accessible_label (self, side, NULL);

  gtk_string_list_append (strings, C_("answer", "Not answered"));
  for (guint i = 0; self->item->choices != NULL && i < self->item->choices->len; i++)
    {
      StrideChoice *choice = g_ptr_array_index (self->item->choices, i);

      gtk_string_list_append (strings, choice->label);
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (strings), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  /* A long choice is cut short on the button (whole in its tooltip) and
   * shown in full in the list, so the question keeps its room. */
  {
    g_autoptr(GtkListItemFactory) button = choice_factory (TRUE);
    g_autoptr(GtkListItemFactory) list = choice_factory (FALSE);

    gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), button);
    gtk_drop_down_set_list_factory (GTK_DROP_DOWN (dropdown), list);
  }
  g_object_set_data (G_OBJECT (dropdown), "stride-side", GINT_TO_POINTER (side));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_choice_selected), self);
  set_drop_down_label (dropdown, label);
  describe_choice (GTK_DROP_DOWN (dropdown));

  return dropdown;
}

static void
load_choice (StrideItemRow *self,
             GtkWidget     *dropdown,
             const char    *value)
{
  guint selected = 0;

  for (guint i = 0; value != NULL && self->item->choices != NULL
       && i < self->item->choices->len; i++)
    {
      StrideChoice *choice = g_ptr_array_index (self->item->choices, i);

      if (g_str_equal (choice->id, value))
        selected = i + 1;
    }

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
}

/* Multi: a button that says what is ticked and opens one check button per
 * choice; the answer lists the ticked ids in protocol order. */

static void
update_multi_summary (StrideItemRow *self,
                      GtkWidget     *button)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *accessible = NULL;
  guint ticked = 0;

  for (guint i = 0; self->item->choices != NULL && i < self->item->choices->len; i++)
    {
      StrideChoice *choice = g_ptr_array_index (self->item->choices, i);
      g_autofree char *key = g_strdup_printf ("stride-check-%u", i);
      GtkCheckButton *c = g_object_get_data (G_OBJECT (button), key);

      if (c != NULL && gtk_check_button_get_active (c))
        {
          if (summary->len > 0)
            g_string_append (summary, ", ");
          g_string_append (summary, choice->label);
          ticked++;
        }
    }

  if (ticked == 0)
    g_string_assign (summary, C_("answer", "None ticked"));
  gtk_label_set_text (g_object_get_data (G_OBJECT (button), "stride-summary"), summary->str);
  gtk_widget_set_tooltip_text (button, summary->str);
  accessible = editor_accessible_label (self, editor_side (button), summary->str);
  set_accessible_label (button, accessible);
}

static void
on_multi_toggled (GtkCheckButton *check,
                  StrideItemRow  *self)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (check), "stride-box");
  g_autoptr(GString) value = g_string_new (NULL);

  update_multi_summary (self, button);
  for (guint i = 0; self->item->choices != NULL && i < self->item->choices->len; i++)
    {
      StrideChoice *choice = g_ptr_array_index (self->item->choices, i);
      g_autofree char *key = g_strdup_printf ("stride-check-%u", i);
      GtkCheckButton *c = g_object_get_data (G_OBJECT (button), key);

      if (c != NULL && gtk_check_button_get_active (c))
        {
          if (value->len > 0)
            g_string_append_c (value, ' ');
          g_string_append (value, choice->id);
        }
    }

  if (self->loading)
    return;
  if (value->len == 0)
    {
      set_error (self, editor_side (button), NULL);
      write_answer (self, editor_side (button), NULL);
    }
  else
    accept_value (self, editor_side (button), value->str);
}

static GtkWidget *
build_multi (StrideItemRow *self,
             StrideSide     side)
{
  /* Only its inner toggle button can be pressed: the menu button itself is a
   * group around it, so that one button, not two, goes by the question's
   * name. */
  GtkWidget *button = g_object_new (GTK_TYPE_MENU_BUTTON,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (summary), 22);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_box_append (GTK_BOX (content), summary);
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), content);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "stride-side", GINT_TO_POINTER (side));
  g_object_set_data (G_OBJECT (button), "stride-summary", summary);

  for (guint i = 0; self->item->choices != NULL && i < self->item->choices->len; i++)
    {
      StrideChoice *choice = g_ptr_array_index (self->item->choices, i);
      GtkWidget *check = gtk_check_button_new_with_label (choice->label);
      g_autofree char *key = g_strdup_printf ("stride-check-%u", i);
      g_autofree char *label = editor_accessible_label (self, side, choice->label);

      g_object_set_data (G_OBJECT (check), "stride-box", button);
      g_object_set_data (G_OBJECT (check), "stride-side", GINT_TO_POINTER (side));
      g_object_set_data (G_OBJECT (button), key, check);
      g_signal_connect (check, "toggled", G_CALLBACK (on_multi_toggled), self);
      set_accessible_label (check, label);
      gtk_box_append (GTK_BOX (box), check);
    }
  update_multi_summary (self, button);

  return button;
}

static void
load_multi (StrideItemRow *self,
            GtkWidget     *button,
            const char    *value)
{
  g_auto(GStrv) ids = g_strsplit (value != NULL ? value : "", " ", -1);

  for (guint i = 0; self->item->choices != NULL && i < self->item->choices->len; i++)
    {
      StrideChoice *choice = g_ptr_array_index (self->item->choices, i);
      g_autofree char *key = g_strdup_printf ("stride-check-%u", i);
      GtkCheckButton *check = g_object_get_data (G_OBJECT (button), key);

      gtk_check_button_set_active (check, g_strv_contains ((const char * const *) ids,
                                                           choice->id));
    }
  update_multi_summary (self, button);
}

/* Date and text: an entry, checked as it is typed. */

static void
on_entry_changed (GtkEditable   *entry,
                  StrideItemRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  StrideSide side = editor_side (entry);

  if (self->loading)
    return;

  if (text[0] == '\0')
    {
      set_error (self, side, NULL);
      write_answer (self, side, NULL);
      return;
    }

  if (self->item->type == STRIDE_ITEM_DATE)
    {
      GDate date;

      /* Half-typed dates are not errors yet; a complete one is checked. */
      g_date_clear (&date, 1);
      if (strlen (text) < 10)
        {
          set_error (self, side, NULL);
          write_answer (self, side, NULL);
          return;
        }
      g_date_set_parse (&date, text);
      if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0)
          || !g_date_valid (&date))
        {
          set_error (self, side, _("Enter the date as year-month-day, e.g. 2026-03-31"));
          write_answer (self, side, NULL);
          return;
        }
    }

  if (!accept_value (self, side, text))
    write_answer (self, side, NULL);
}

static GtkWidget *
build_entry (StrideItemRow *self,
             StrideSide     side)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *label = editor_accessible_label (self, side, NULL);

  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  if (self->item->type == STRIDE_ITEM_DATE)
    {
      /* TRANSLATORS: the placeholder of a date field; dates are entered in ISO form */
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 11);
    }
  else
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 24);
      gtk_widget_set_hexpand (entry, TRUE);
    }
  g_object_set_data (G_OBJECT (entry), "stride-side", GINT_TO_POINTER (side));
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), self);
  set_accessible_label (entry, label);

  return entry;
}

static GtkWidget *
build_editor (StrideItemRow *self,
              StrideSide     side)
{
  switch (self->item->type)
    {
    case STRIDE_ITEM_YES_NO:
      return build_yes_no (self, side);
    case STRIDE_ITEM_SCALE:
    case STRIDE_ITEM_NUMBER:
      return build_number (self, side);
    case STRIDE_ITEM_CHOICE:
      return build_choice (self, side);
    case STRIDE_ITEM_MULTI:
      return build_multi (self, side);
    case STRIDE_ITEM_DATE:
    case STRIDE_ITEM_TEXT:
    default:
      return build_entry (self, side);
    }
}

/* The widget that holds the value: the spin button inside a box with its unit. */
static GtkWidget *
editor_input (GtkWidget *editor)
{
  GtkWidget *input = g_object_get_data (G_OBJECT (editor), "stride-input");

  return input != NULL ? input : editor;
}

static void
load_editor (StrideItemRow *self,
             StrideSide     side)
{
  GtkWidget *editor = self->editors[side];
  const char *value = self->answers != NULL
                      ? stride_answers_get (self->answers, self->item->id, side) : NULL;

  switch (self->item->type)
    {
    case STRIDE_ITEM_YES_NO:
      load_yes_no (editor, value);
      break;
    case STRIDE_ITEM_SCALE:
    case STRIDE_ITEM_NUMBER:
      load_number (self, editor_input (editor), value);
      break;
    case STRIDE_ITEM_CHOICE:
      load_choice (self, editor, value);
      break;
    case STRIDE_ITEM_MULTI:
      load_multi (self, editor, value);
      break;
    case STRIDE_ITEM_DATE:
    case STRIDE_ITEM_TEXT:
    default:
      gtk_editable_set_text (GTK_EDITABLE (editor), value != NULL ? value : "");
      break;
    }
}

static void
load_all (StrideItemRow *self)
{
  if (self->item == NULL)
    return;

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (all_sides); i++)
    {
      if (!side_used (self, all_sides[i]))
        continue;
      load_editor (self, all_sides[i]);
      g_clear_pointer (&self->errors[all_sides[i]], g_free);
      if (self->editors[all_sides[i]] != NULL)
        set_error (self, all_sides[i], NULL);
    }
  self->loading = FALSE;
  update_subtitle (self);
  update_status (self);
}

static void
update_previous (StrideItemRow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->item == NULL)
    return;

  for (guint i = 0; self->previous != NULL && i < G_N_ELEMENTS (all_sides); i++)
    {
      StrideSide side = all_sides[i];
      const char *value;
      g_autofree char *shown = NULL;

      if (!side_used (self, side))
        continue;
      value = stride_answers_get (self->previous, self->item->id, side);
      if (value == NULL)
        continue;
      shown = side != STRIDE_SIDE_NONE && self->item->type == STRIDE_ITEM_NUMBER
              ? stride_gui_format_value_plain (self->item, value)
              : stride_gui_format_value (self->item, value);
      if (text->len > 0)
        g_string_append (text, " · ");
      if (side != STRIDE_SIDE_NONE)
        g_string_append_printf (text, "%s %s", side_short (side), shown);
      else
        g_string_append (text, shown);
    }

  g_clear_pointer (&self->previous_text, g_free);
  if (text->len > 0)
    {
      g_autofree char *label = NULL;

      self->previous_text = g_strdup (text->str);
      /* TRANSLATORS: the previous visit's answer, for screen readers and the tooltip */
      label = g_strdup_printf (_("Last visit: %s"), text->str);
      gtk_label_set_text (GTK_LABEL (self->previous_label), text->str);
      gtk_widget_set_tooltip_text (self->previous_box, label);
      gtk_widget_set_visible (self->previous_box, TRUE);
    }
  else
    gtk_widget_set_visible (self->previous_box, FALSE);
}

static void
on_clear_clicked (GtkButton     *button,
                  StrideItemRow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_sides); i++)
    {
      if (!side_used (self, all_sides[i]))
        continue;
      if (self->answers != NULL)
        stride_answers_unset (self->answers, self->item->id, all_sides[i]);
    }
  load_all (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
build (StrideItemRow *self)
{
  StrideProtocol *protocol = stride_gui_get_protocol ();
  GtkWidget *editors_box;
  g_autofree char *clear_label = NULL;
  g_autofree char *question = NULL;

  self->item = protocol != NULL ? stride_protocol_lookup (protocol, self->item_id) : NULL;
  if (self->item == NULL)
    {
      g_autofree char *title = NULL;

      g_warning ("Protocol item “%s” named in a step is not in the protocol", self->item_id);
      /* TRANSLATORS: shown in place of a question the protocol does not have */
      title = g_strdup_printf (_("Unknown question “%s”"), self->item_id);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), self->item->label);
  gtk_widget_set_name (GTK_WIDGET (self), self->item->id);

  /* Left above right: the two knees read as a pair and the row stays
   * narrow enough for a folded window. */
  editors_box = gtk_box_new (self->item->per_side ? GTK_ORIENTATION_VERTICAL
                                                  : GTK_ORIENTATION_HORIZONTAL,
                             self->item->per_side ? 4 : 12);
  gtk_widget_set_valign (editors_box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (editors_box, self->item->per_side ? 6 : 0);
  gtk_widget_set_margin_bottom (editors_box, self->item->per_side ? 6 : 0);
  for (guint i = 0; i < G_N_ELEMENTS (all_sides); i++)
    {
      StrideSide side = all_sides[i];
      GtkWidget *editor;

      if (!side_used (self, side))
        continue;

      editor = build_editor (self, side);
      self->editors[side] = editor_input (editor);
      if (self->item->required)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->editors[side]),
                                        GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
      if (side != STRIDE_SIDE_NONE)
        {
          GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *caption = gtk_label_new (side_caption (side));

          gtk_widget_add_css_class (caption, "caption-heading");
          gtk_label_set_xalign (GTK_LABEL (caption), 1.0);
          gtk_widget_set_halign (pair, GTK_ALIGN_END);
          g_object_set_data (G_OBJECT (pair), "stride-caption", caption);
          gtk_widget_set_valign (pair, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (pair), caption);
          gtk_box_append (GTK_BOX (pair), editor);
          gtk_box_append (GTK_BOX (editors_box), pair);
        }
      else
        gtk_box_append (GTK_BOX (editors_box), editor);
    }

  /* Text answers take the row's width; the others sit at its end. */
  if (self->item->type == STRIDE_ITEM_TEXT)
    gtk_widget_set_hexpand (editors_box, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->previous_box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->required_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), editors_box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->clear_button);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), self->error_icon);

  /* Activating the row (or its mnemonic) moves to the first editor. */
  if (self->editors[STRIDE_SIDE_NONE] != NULL || self->editors[STRIDE_SIDE_LEFT] != NULL)
    {
      GtkWidget *first = self->editors[self->item->per_side ? STRIDE_SIDE_LEFT
                                                             : STRIDE_SIDE_NONE];

      if (GTK_IS_SPIN_BUTTON (first) || GTK_IS_ENTRY (first) || GTK_IS_DROP_DOWN (first)
          || GTK_IS_MENU_BUTTON (first))
        {
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), first);
          /* libadwaita labels it by the row's title too: keep our name, which
           * says the side and the unit. */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (first),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY);
        }
    }

  question = question_name (self);
  clear_label = g_strdup_printf (_("Clear the answer: %s"), question);
  set_accessible_label (self->clear_button, clear_label);
  gtk_widget_set_tooltip_text (self->clear_button, _("Clear the answer"));

  load_all (self);
  update_previous (self);
}

static void
stride_item_row_constructed (GObject *object)
{
  StrideItemRow *self = STRIDE_ITEM_ROW (object);

  G_OBJECT_CLASS (stride_item_row_parent_class)->constructed (object);

  if (self->item_id != NULL)
    build (self);
}

static void
stride_item_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StrideItemRow *self = STRIDE_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_string (value, self->item_id);
      break;
    case PROP_ANSWERS:
      g_value_set_object (value, self->answers);
      break;
    case PROP_PREVIOUS:
      g_value_set_object (value, self->previous);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stride_item_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StrideItemRow *self = STRIDE_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item_id = g_value_dup_string (value);
      break;
    case PROP_ANSWERS:
      stride_item_row_set_answers (self, g_value_get_object (value));
      break;
    case PROP_PREVIOUS:
      stride_item_row_set_previous (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stride_item_row_dispose (GObject *object)
{
  StrideItemRow *self = STRIDE_ITEM_ROW (object);

  g_clear_object (&self->answers);
  g_clear_object (&self->previous);

  G_OBJECT_CLASS (stride_item_row_parent_class)->dispose (object);
}

static void
stride_item_row_finalize (GObject *object)
{
  StrideItemRow *self = STRIDE_ITEM_ROW (object);

  g_free (self->item_id);
  g_free (self->previous_text);
  for (guint i = 0; i < G_N_ELEMENTS (self->errors); i++)
    g_free (self->errors[i]);

  G_OBJECT_CLASS (stride_item_row_parent_class)->finalize (object);
}

static void
stride_item_row_class_init (StrideItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = stride_item_row_constructed;
  object_class->get_property = stride_item_row_get_property;
  object_class->set_property = stride_item_row_set_property;
  object_class->dispose = stride_item_row_dispose;
  object_class->finalize = stride_item_row_finalize;

  /**
   * StrideItemRow:item:
   *
   * The protocol item id; the row takes everything else from the protocol.
   */
  properties[PROP_ITEM] =
    g_param_spec_string ("item", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWERS] =
    g_param_spec_object ("answers", NULL, NULL, STRIDE_TYPE_ANSWERS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREVIOUS] =
    g_param_spec_object ("previous", NULL, NULL, STRIDE_TYPE_ANSWERS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StrideItemRow::changed:
   *
   * The clinician changed the answer (it is already in the answers).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
stride_item_row_init (StrideItemRow *self)
{
  /* Labels from the protocol and patients' words are text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);

  /* The previous visit's answer sits beside the input, small and compact. */
  self->previous_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (self->previous_box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->previous_box, "previous-value");
  {
    GtkWidget *caption = gtk_label_new (_("Last visit"));

    gtk_widget_add_css_class (caption, "caption");
    gtk_widget_add_css_class (caption, "dim-label");
    gtk_label_set_xalign (GTK_LABEL (caption), 1.0);
    gtk_box_append (GTK_BOX (self->previous_box), caption);
  }
  self->previous_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->previous_label, "caption");
  gtk_label_set_xalign (GTK_LABEL (self->previous_label), 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (self->previous_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->previous_label), 16);
  gtk_box_append (GTK_BOX (self->previous_box), self->previous_label);
  gtk_widget_set_visible (self->previous_box, FALSE);

  self->required_label = gtk_label_new (_("Required"));
  gtk_widget_add_css_class (self->required_label, "required-tag");
  gtk_widget_set_valign (self->required_label, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->required_label, FALSE);

  self->error_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->error_icon, "error");
  gtk_widget_set_visible (self->error_icon, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Invalid answer"), -1);

  self->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (self->clear_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->clear_button, "flat");
  gtk_widget_set_opacity (self->clear_button, 0.0);
  gtk_widget_set_sensitive (self->clear_button, FALSE);
  set_accessible_label (self->clear_button, _("Clear the answer"));
  g_signal_connect (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked), self);
}

/**
 * stride_item_row_new:
 * @item_id: a protocol item id
 *
 * Returns: (transfer floating): a row asking @item_id
 */
GtkWidget *
stride_item_row_new (const char *item_id)
{
  g_return_val_if_fail (item_id != NULL, NULL);

  return g_object_new (STRIDE_TYPE_ITEM_ROW, "item", item_id, NULL);
}

const char *
stride_item_row_get_item_id (StrideItemRow *self)
{
  g_return_val_if_fail (STRIDE_IS_ITEM_ROW (self), NULL);

  return self->item_id;
}

/**
 * stride_item_row_get_item:
 * @self: a row
 *
 * Returns: (nullable): the protocol item, %NULL when the protocol lacks it
 */
const StrideItem *
stride_item_row_get_item (StrideItemRow *self)
{
  g_return_val_if_fail (STRIDE_IS_ITEM_ROW (self), NULL);

  return self->item;
}

/**
 * stride_item_row_set_answers:
 * @self: a row
 * @answers: (nullable): the visit's answers, which the row reads and writes
 */
void
stride_item_row_set_answers (StrideItemRow *self,
                             StrideAnswers *answers)
{
  g_return_if_fail (STRIDE_IS_ITEM_ROW (self));
  g_return_if_fail (answers == NULL || STRIDE_IS_ANSWERS (answers));

  if (g_set_object (&self->answers, answers))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERS]);
  load_all (self);
}

StrideAnswers *
stride_item_row_get_answers (StrideItemRow *self)
{
  g_return_val_if_fail (STRIDE_IS_ITEM_ROW (self), NULL);

  return self->answers;
}

/**
 * stride_item_row_set_previous:
 * @self: a row
 * @previous: (nullable): the previous visit's answers, shown beside the input
 */
void
stride_item_row_set_previous (StrideItemRow *self,
                              StrideAnswers *previous)
{
  g_return_if_fail (STRIDE_IS_ITEM_ROW (self));
  g_return_if_fail (previous == NULL || STRIDE_IS_ANSWERS (previous));

  if (g_set_object (&self->previous, previous))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIOUS]);
  update_previous (self);
}

/**
 * stride_item_row_is_answered:
 * @self: a row
 *
 * Returns: whether every side the item asks about has an answer
 */
gboolean
stride_item_row_is_answered (StrideItemRow *self)
{
  g_return_val_if_fail (STRIDE_IS_ITEM_ROW (self), FALSE);

  if (self->item == NULL || self->answers == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (all_sides); i++)
    if (side_used (self, all_sides[i])
        && !stride_answers_has (self->answers, self->item->id, all_sides[i]))
      return FALSE;

  return TRUE;
}

gboolean
stride_item_row_is_required (StrideItemRow *self)
{
  g_return_val_if_fail (STRIDE_IS_ITEM_ROW (self), FALSE);

  return self->item != NULL && self->item->required;
}

/**
 * stride_item_row_get_editor:
 * @self: a row
 * @side: %STRIDE_SIDE_NONE, or a side for a per-side item
 *
 * Returns: (transfer none) (nullable): the input for @side: a spin button,
 *   drop-down, entry, a box of toggles or check buttons
 */
GtkWidget *
stride_item_row_get_editor (StrideItemRow *self,
                            StrideSide     side)
{
  g_return_val_if_fail (STRIDE_IS_ITEM_ROW (self), NULL);
  g_return_val_if_fail (side <= STRIDE_SIDE_RIGHT, NULL);

  return self->editors[side];
}

/**
 * stride_item_row_get_error:
 * @self: a row
 * @side: the side
 *
 * Returns: (nullable): why the last value typed for @side was refused
 */
const char *
stride_item_row_get_error (StrideItemRow *self,
                           StrideSide     side)
{
  g_return_val_if_fail (STRIDE_IS_ITEM_ROW (self), NULL);
  g_return_val_if_fail (side <= STRIDE_SIDE_RIGHT, NULL);

  return self->errors[side];
}

/**
 * stride_item_row_get_previous_text:
 * @self: a row
 *
 * Returns: (nullable): the previous visit's answer as shown beside the input
 */
const char *
stride_item_row_get_previous_text (StrideItemRow *self)
{
  g_return_val_if_fail (STRIDE_IS_ITEM_ROW (self), NULL);

  return self->previous_text;
}

/**
 * stride_item_row_enter_text:
 * @self: a row
 * @side: the side
 * @text: what a clinician would enter: a number as typed, "yes"/"no", a
 *   choice id (several, space-separated, for a multi item), a date or text
 *
 * Operates the editor the way a person would (typing into the spin button
 * or entry, picking the drop-down entry, pressing the toggle), so the same
 * checks run. Used to drive the workflow in tests.
 *
 * Returns: %TRUE if the value was accepted
 */
gboolean
stride_item_row_enter_text (StrideItemRow *self,
                            StrideSide     side,
                            const char    *text)
{
  GtkWidget *editor;

  g_return_val_if_fail (STRIDE_IS_ITEM_ROW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  editor = side <= STRIDE_SIDE_RIGHT ? self->editors[side] : NULL;
  g_return_val_if_fail (editor != NULL, FALSE);

  switch (self->item->type)
    {
    case STRIDE_ITEM_YES_NO:
      {
        GtkWidget *button = g_object_get_data (G_OBJECT (editor),
                                               g_str_equal (text, "yes") ? "stride-yes"
                                                                         : "stride-no");
        if (!g_str_equal (text, "yes") && !g_str_equal (text, "no"))
          return FALSE;
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
        break;
      }
    case STRIDE_ITEM_SCALE:
    case STRIDE_ITEM_NUMBER:
      gtk_editable_set_text (GTK_EDITABLE (editor), text);
      gtk_spin_button_update (GTK_SPIN_BUTTON (editor));
      break;
    case STRIDE_ITEM_CHOICE:
      {
        gboolean found = FALSE;

        for (guint i = 0; self->item->choices != NULL && i < self->item->choices->len; i++)
          {
            StrideChoice *choice = g_ptr_array_index (self->item->choices, i);

            if (g_str_equal (choice->id, text))
              {
                gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), i + 1);
                found = TRUE;
              }
          }
        if (!found)
          return FALSE;
        break;
      }
    case STRIDE_ITEM_MULTI:
      {
        g_auto(GStrv) ids = g_strsplit (text, " ", -1);

        for (guint i = 0; self->item->choices != NULL && i < self->item->choices->len; i++)
          {
            StrideChoice *choice = g_ptr_array_index (self->item->choices, i);
            g_autofree char *key = g_strdup_printf ("stride-check-%u", i);
            GtkCheckButton *check = g_object_get_data (G_OBJECT (editor), key);

            gtk_check_button_set_active (check,
                                         g_strv_contains ((const char * const *) ids,
                                                          choice->id));
          }
        break;
      }
    case STRIDE_ITEM_DATE:
    case STRIDE_ITEM_TEXT:
    default:
      gtk_editable_set_text (GTK_EDITABLE (editor), text);
      break;
    }

  return self->errors[side] == NULL;
}
