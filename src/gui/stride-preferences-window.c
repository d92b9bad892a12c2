/* stride-preferences-window.c: clinic details, paper, units and review interval
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stride-entry-row.h"
#include "stride-gui-accessible.h"
#include "stride-preferences-window.h"

struct _StridePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  StrideEntryRow       *clinic_name_row;
  StrideEntryRow       *clinic_contact_row;
  StrideEntryRow       *clinician_name_row;
  AdwComboRow          *paper_size_row;
  AdwComboRow          *distance_unit_row;
  GtkSpinButton        *review_interval_spin;
};

G_DEFINE_FINAL_TYPE (StridePreferencesWindow, stride_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The combo rows list the choices in the order of these nicks (the schema's enum). */
static const char * const paper_size_nicks[] = { "auto", "a4", "letter", NULL };
static const char * const distance_unit_nicks[] = { "km", "miles", NULL };

static gboolean
nick_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      if (g_str_equal (nicks[i], nick))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[selected]);
}

static void
bind_choice (GSettings          *settings,
             const char         *key,
             AdwComboRow        *row,
             const char * const *nicks)
{
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_selected, selected_to_nick, (gpointer) nicks, NULL);
}

static void
stride_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  StridePreferencesWindow *self = STRIDE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* AdwPreferencesWindow's own page switchers (hidden with one page) and
 * search entry come without names; a screen reader listing the window's
 * controls read them as bare widget types. */
static void
name_window_controls (GtkWidget *widget)
{
  if (ADW_IS_VIEW_SWITCHER (widget))
    stride_gui_accessible_set_name (widget, _("Preferences pages"));
  else if (GTK_IS_SEARCH_ENTRY (widget))
    stride_gui_accessible_set_name (widget, _("Search preferences"));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_window_controls (child);
}

static void
stride_preferences_window_constructed (GObject *object)
{
  StridePreferencesWindow *self = STRIDE_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (stride_preferences_window_parent_class)->constructed (object);

  name_window_controls (GTK_WIDGET (self));
  /* The row's title would be read again after the field's own name. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->review_interval_spin),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  /* Without a settings object (tests, GtkBuilder), use the application's. */
  if (self->settings == NULL)
    self->settings = g_settings_new (APPLICATION_ID);

  g_settings_bind (self->settings, "clinic-name", self->clinic_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "clinic-contact", self->clinic_contact_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "clinician-name", self->clinician_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "review-interval-weeks",
                   gtk_spin_button_get_adjustment (self->review_interval_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  bind_choice (self->settings, "paper-size", self->paper_size_row, paper_size_nicks);
  bind_choice (self->settings, "distance-unit", self->distance_unit_row, distance_unit_nicks);
}

static void
stride_preferences_window_dispose (GObject *object)
{
  StridePreferencesWindow *self = STRIDE_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (stride_preferences_window_parent_class)->dispose (object);
}

static void
stride_preferences_window_class_init (StridePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = stride_preferences_window_set_property;
  object_class->constructed = stride_preferences_window_constructed;
  object_class->dispose = stride_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stride/Stride/"
                                               "stride-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow, clinic_name_row);
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow,
                                        clinic_contact_row);
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow,
                                        clinician_name_row);
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow, paper_size_row);
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow,
                                        distance_unit_row);
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow,
                                        review_interval_spin);
}

static void
stride_preferences_window_init (StridePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * stride_preferences_window_new:
 * @settings: Stride's settings
 *
 * Returns: (transfer full): a preferences window bound to @settings
 */
StridePreferencesWindow *
stride_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (STRIDE_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
