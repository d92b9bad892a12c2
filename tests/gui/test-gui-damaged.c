/* test-gui-damaged.c: the app meets a damaged patient database (issue 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A database scribbled over in the middle is refused with a clear message and
 * an offer to restore from a backup; the damaged file is not changed; a
 * restore brings the records back and keeps the damaged file beside them.
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "stride-application.h"
#include "stride-gui-accessible.h"
#include "stride-gui-types.h"
#include "stride-i18n.h"
#include "stride-store.h"
#include "stride-test-a11y.h"
#include "stride-window.h"

#define N_PATIENTS 200

static char *db_path;
static char *backup_path;
static char *damaged_digest;
static gboolean ran;

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
make_damaged_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  char garbage[512];
  int fd;

  store = stride_store_open (db_path, STRIDE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_PATIENTS; i++)
    {
      g_autoptr(StridePatient) patient = stride_patient_new ();

      patient->name = g_strdup_printf ("Damaged Test Patient %u", i);
      g_assert_cmpint (stride_store_create_patient (store, patient, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (stride_store_backup (store, backup_path, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Scribble over a page header and the middle of the file. */
  memset (garbage, 0xA5, sizeof garbage);
  fd = g_open (db_path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, 16, 4096 * 2), ==, 16);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, 4096 * 5), ==, (ssize_t) sizeof garbage);
  close (fd);
  damaged_digest = file_digest (db_path);
}

static GtkWidget *
find_button_named (GtkWidget  *root,
                   const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_button_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

static void
on_activate (GApplication *app,
             gpointer      user_data)
{
  StrideWindow *window = STRIDE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AdwStatusPage *welcome;
  GtkWidget *restore;
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *folder = g_path_get_dirname (db_path);
  const char *name;
  gboolean kept = FALSE;

  stride_test_iterate_main_loop ();

  /* Refused, said clearly, nothing written. */
  g_assert_null (stride_window_get_store (window));
  welcome = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                             STRIDE_TYPE_WINDOW,
                                                             "welcome_page"));
  g_assert_cmpstr (adw_status_page_get_title (welcome), ==, "Patient Records Damaged");
  g_assert_nonnull (strstr (adw_status_page_get_description (welcome), "backup"));
  g_assert_nonnull (stride_window_get_last_error (window));
  restore = find_button_named (GTK_WIDGET (welcome), "restore-button");
  g_assert_nonnull (restore);
  g_assert_true (gtk_widget_get_visible (restore));
  /* Checks the Restore button has a name (fails inside otherwise). */
  g_assert_cmpuint (stride_test_assert_inputs_labelled (GTK_WIDGET (welcome)), ==, 1);
  digest = file_digest (db_path);
  g_assert_cmpstr (digest, ==, damaged_digest);

  /* What the Restore button's file chooser hands on. */
  g_assert_true (stride_store_restore_file (db_path, backup_path, &error));
  g_assert_no_error (error);
  stride_window_reopen_store (window);
  stride_test_iterate_main_loop ();
  g_assert_nonnull (stride_window_get_store (window));
  g_assert_cmpint (stride_store_count_patients (stride_window_get_store (window), NULL), ==,
                   N_PATIENTS);
  g_assert_cmpuint (g_list_model_get_n_items (stride_window_get_patients (window)), ==,
                    N_PATIENTS);
  g_assert_cmpstr (adw_status_page_get_title (welcome), ==, "Welcome to Stride");
  g_assert_null (find_button_named (GTK_WIDGET (welcome), "restore-button"));

  /* The damaged file was moved aside, not deleted. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, ".damaged-") != NULL && !g_str_has_suffix (name, "-wal")
        && !g_str_has_suffix (name, "-shm"))
      {
        g_autofree char *kept_path = g_build_filename (folder, name, NULL);
        g_autofree char *kept_digest = file_digest (kept_path);

        kept = kept || g_strcmp0 (kept_digest, damaged_digest) == 0;
      }
  g_assert_true (kept);

  ran = TRUE;
  g_application_quit (app);
}

static void
test_damaged (void)
{
  g_autoptr(StrideApplication) app = stride_application_new ();
  char *argv[] = { (char *) "stride", (char *) "--db", db_path, NULL };

  make_damaged_database ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (ran);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;

  g_test_init (&argc, &argv, NULL);
  stride_i18n_init ();
  tmp = stride_test_isolate_user_dirs ();
  db_path = g_build_filename (tmp, "records", "stride.db", NULL);
  backup_path = g_build_filename (tmp, "stride-backup.db", NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_path_get_dirname (db_path), 0700), ==, 0);
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    g_error ("no display: run the GUI tests under Xvfb (build-aux/test does)");
  stride_test_require_display ();
  adw_init ();
  stride_gui_ensure_types ();
  stride_gui_accessible_init ();

  g_test_add_func ("/gui/damaged/corrupt", test_damaged);

  return g_test_run ();
}
