/* stride-patient-dialog.c: a new patient, or a patient's details edited
 *
 * The dialog only collects and checks; ::save hands the patient to the
 * window, which stores it and closes the dialog or shows the store's error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "stride-entry-row.h"
#include "stride-patient-dialog.h"

struct _StridePatientDialog
{
  AdwWindow       parent_instance;

  char           *patient_id;   /* NULL for a new patient */

  StrideEntryRow *name_row;
  StrideEntryRow *birth_row;
  AdwComboRow    *sex_row;
  AdwComboRow    *language_row;
  StrideEntryRow *contact_row;
  GtkTextView    *notes_view;
  GtkLabel       *error_label;
  GtkButton     *save_button;
};

G_DEFINE_FINAL_TYPE (StridePatientDialog, stride_patient_dialog, ADW_TYPE_WINDOW)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const sex_values[] = { NULL, "female", "male", "other" };
static const char * const language_values[] = { "en", "de", "es" };

/**
 * stride_patient_dialog_set_error:
 * @self: the dialog
 * @message: (nullable): what is wrong, or %NULL
 */
void
stride_patient_dialog_set_error (StridePatientDialog *self,
                                 const char          *message)
{
  g_return_if_fail (STRIDE_IS_PATIENT_DIALOG (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
parse_birth_date (const char  *text,
                  GDate       *out,
                  GError     **error)
{
  g_date_clear (out, 1);
  if (text[0] == '\0')
    return TRUE;

  if (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0))
    {
      int y = atoi (text), m = atoi (text + 5), d = atoi (text + 8);

      if (g_date_valid_dmy (d, m, y))
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          GDate today;

          g_date_set_dmy (out, d, m, y);
          g_date_clear (&today, 1);
          g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                          g_date_time_get_month (now), g_date_time_get_year (now));
          if (g_date_compare (out, &today) > 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The date of birth is in the future."));
              return FALSE;
            }
          return TRUE;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("Enter the date of birth as year-month-day, e.g. 1990-05-14."));
  return FALSE;
}

/**
 * stride_patient_dialog_get_patient:
 * @self: the dialog
 * @error: why the details cannot be saved
 *
 * Returns: (transfer full) (nullable): the patient as entered
 */
StridePatient *
stride_patient_dialog_get_patient (StridePatientDialog  *self,
                                   GError              **error)
{
  g_autoptr(StridePatient) patient = stride_patient_new ();
  g_autofree char *name = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint sex, language;

  g_return_val_if_fail (STRIDE_IS_PATIENT_DIALOG (self), NULL);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  birth = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->birth_row))));
  contact = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->contact_row))));
  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  if (name[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Enter the patient's name."));
      return NULL;
    }
  if (!parse_birth_date (birth, &patient->birth_date, error))
    return NULL;

  sex = adw_combo_row_get_selected (self->sex_row);
  language = adw_combo_row_get_selected (self->language_row);
  patient->id = g_strdup (self->patient_id);
  patient->name = g_steal_pointer (&name);
  patient->sex = g_strdup (sex < G_N_ELEMENTS (sex_values) ? sex_values[sex] : NULL);
  patient->language = g_strdup (language < G_N_ELEMENTS (language_values)
                                ? language_values[language] : "en");
  patient->contact = contact[0] != '\0' ? g_steal_pointer (&contact) : NULL;
  patient->notes = notes[0] != '\0' ? g_steal_pointer (&notes) : NULL;

  return g_steal_pointer (&patient);
}

/**
 * stride_patient_dialog_get_field:
 * @self: the dialog
 * @name: "name", "birth-date", "sex", "language", "contact" or "notes"
 *
 * Returns: (transfer none) (nullable): the field's widget
 */
GtkWidget *
stride_patient_dialog_get_field (StridePatientDialog *self,
                                 const char          *name)
{
  g_return_val_if_fail (STRIDE_IS_PATIENT_DIALOG (self), NULL);

  if (g_str_equal (name, "name"))
    return GTK_WIDGET (self->name_row);
  if (g_str_equal (name, "birth-date"))
    return GTK_WIDGET (self->birth_row);
  if (g_str_equal (name, "sex"))
    return GTK_WIDGET (self->sex_row);
  if (g_str_equal (name, "language"))
    return GTK_WIDGET (self->language_row);
  if (g_str_equal (name, "contact"))
    return GTK_WIDGET (self->contact_row);
  if (g_str_equal (name, "notes"))
    return GTK_WIDGET (self->notes_view);
  return NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StridePatientDialog *self = STRIDE_PATIENT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(StridePatient) patient = stride_patient_dialog_get_patient (self, &error);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
                                                  GTK_EDITABLE (self->name_row))));

  stride_entry_row_set_error (self->name_row, NULL);
  stride_entry_row_set_error (self->birth_row, NULL);
  if (patient == NULL)
    {
      /* Only the name and the date of birth can be wrong. The field at
       * fault says so to a screen reader too, and takes the focus. */
      StrideEntryRow *field = name[0] == '\0' ? self->name_row : self->birth_row;

      stride_entry_row_set_error (field, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (field));
      stride_patient_dialog_set_error (self, error->message);
      return;
    }

  stride_patient_dialog_set_error (self, NULL);
  g_signal_emit (self, signals[SAVE], 0, patient);
}

static void
on_name_activated (StridePatientDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "patient.save", NULL);
}

static void
stride_patient_dialog_finalize (GObject *object)
{
  StridePatientDialog *self = STRIDE_PATIENT_DIALOG (object);

  g_free (self->patient_id);

  G_OBJECT_CLASS (stride_patient_dialog_parent_class)->finalize (object);
}

static void
stride_patient_dialog_class_init (StridePatientDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = stride_patient_dialog_finalize;

  /**
   * StridePatientDialog::save:
   * @patient: (type gpointer): the #StridePatient as entered
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/"
                                               "stride-patient-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StridePatientDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, StridePatientDialog, birth_row);
  gtk_widget_class_bind_template_child (widget_class, StridePatientDialog, sex_row);
  gtk_widget_class_bind_template_child (widget_class, StridePatientDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, StridePatientDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, StridePatientDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, StridePatientDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StridePatientDialog, save_button);

  gtk_widget_class_install_action (widget_class, "patient.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "patient.save", NULL);
}

static void
stride_patient_dialog_init (StridePatientDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Enter in the name field saves, as in any form. */
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (on_name_activated),
                            self);
  /* Typing starts in the name. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

/**
 * stride_patient_dialog_new:
 * @patient: (nullable): the patient to edit, or %NULL for a new one
 *
 * Returns: (transfer full): the dialog
 */
StridePatientDialog *
stride_patient_dialog_new (const StridePatient *patient)
{
  StridePatientDialog *self = g_object_new (STRIDE_TYPE_PATIENT_DIALOG, NULL);

  if (patient == NULL)
    return self;

  self->patient_id = g_strdup (patient->id);
  gtk_window_set_title (GTK_WINDOW (self), _("Patient Details"));
  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), patient->name != NULL ? patient->name : "");
  if (g_date_valid (&patient->birth_date))
    {
      char buf[16];

      g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &patient->birth_date);
      gtk_editable_set_text (GTK_EDITABLE (self->birth_row), buf);
    }
  for (guint i = 1; i < G_N_ELEMENTS (sex_values); i++)
    if (g_strcmp0 (patient->sex, sex_values[i]) == 0)
      adw_combo_row_set_selected (self->sex_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (language_values); i++)
    if (g_strcmp0 (patient->language, language_values[i]) == 0)
      adw_combo_row_set_selected (self->language_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row),
                         patient->contact != NULL ? patient->contact : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            patient->notes != NULL ? patient->notes : "", -1);

  return self;
}
