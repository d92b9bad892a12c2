/* stride-application.c: the AdwApplication, its actions and command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stride-application.h"
#include "stride-data-dir.h"
#include "stride-gui-accessible.h"
#include "stride-gui-types.h"
#include "stride-preferences-window.h"
#include "stride-window.h"

struct _StrideApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *database_path;
  char           *database_help;  /* GOptionEntry keeps a pointer to it */
};

G_DEFINE_FINAL_TYPE (StrideApplication, stride_application, ADW_TYPE_APPLICATION)

static char *
database_help_text (void)
{
  g_autofree char *path = stride_data_dir_default_database ();

  /* TRANSLATORS: %s is the default database file path */
  return g_strdup_printf (_("The patient database to open (default: %s)"), path);
}

StrideApplication *
stride_application_new (void)
{
  return g_object_new (STRIDE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/stride/Stride",
                       NULL);
}

/**
 * stride_application_get_database_path:
 * @self: the application
 *
 * Returns: (transfer none): the database the windows open
 */
const char *
stride_application_get_database_path (StrideApplication *self)
{
  g_return_val_if_fail (STRIDE_IS_APPLICATION (self), NULL);

  return self->database_path;
}

/**
 * stride_application_get_settings:
 * @self: the application
 *
 * Returns: (transfer none): Stride's #GSettings
 */
GSettings *
stride_application_get_settings (StrideApplication *self)
{
  g_return_val_if_fail (STRIDE_IS_APPLICATION (self), NULL);

  return self->settings;
}

static void
stride_application_activate (GApplication *app)
{
  StrideApplication *self = STRIDE_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (stride_window_new (self));

  gtk_window_present (window);
}

static int
stride_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  StrideApplication *self = STRIDE_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("stride %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    self->database_path = g_canonicalize_filename (db, NULL);

  return G_APPLICATION_CLASS (stride_application_parent_class)->handle_local_options (app, options);
}

static void
stride_application_startup (GApplication *app)
{
  StrideApplication *self = STRIDE_APPLICATION (app);

  G_APPLICATION_CLASS (stride_application_parent_class)->startup (app);

  stride_gui_ensure_types ();
  stride_gui_accessible_init ();
  self->settings = g_settings_new (APPLICATION_ID);
  if (self->database_path == NULL)
    self->database_path = stride_data_dir_default_database ();
}

static void
stride_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  static const char *developers[] = { "Stride developers", NULL };
  StrideApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Stride"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("Stride developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Assessment and progressive rehabilitation for runners "
                                       "with knee pain"),
                         "website", "https://github.com/stride/stride",
                         "issue-url", "https://github.com/stride/stride/issues",
                         "developers", developers,
                         /* TRANSLATORS: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 Stride developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
stride_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  StrideApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  StridePreferencesWindow *prefs;

  prefs = stride_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), window);
  gtk_window_present (GTK_WINDOW (prefs));
}

/* Quitting closes each window, as its close button does: the open draft is
 * saved, and unsaved corrections of a final visit are asked about. The
 * application ends with its last window. */
static void
stride_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  GList *windows = NULL;

  /* A copy: each window leaves the application's list as it closes. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = stride_application_about_action },
  { .name = "preferences", .activate = stride_application_preferences_action },
  { .name = "quit", .activate = stride_application_quit_action },
};

static void
stride_application_finalize (GObject *object)
{
  StrideApplication *self = STRIDE_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->database_help, g_free);

  G_OBJECT_CLASS (stride_application_parent_class)->finalize (object);
}

static void
stride_application_class_init (StrideApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = stride_application_finalize;
  app_class->activate = stride_application_activate;
  app_class->startup = stride_application_startup;
  app_class->handle_local_options = stride_application_handle_local_options;
}

static void
stride_application_init (StrideApplication *self)
{
  GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, NULL, _("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, _("Show the version and exit"), NULL },
    { NULL }
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  self->database_help = database_help_text ();
  options[0].description = self->database_help;
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Assessment and progressive rehabilitation "
                                              "for runners with knee pain."));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         prefs_accels);
}
