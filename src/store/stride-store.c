/* stride-store.c: patient records in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "stride-data-dir.h"
#include "stride-i18n.h"
#include "stride-store-private.h"

/* How long a write waits for another program (the app, stride-cli) to finish
 * its own before giving up with LOCKED. */
#define BUSY_TIMEOUT_MS 5000

struct _StrideStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt, prepared once */
  gboolean    in_batch;     /* saves are savepoints in the caller's transaction */
};

G_DEFINE_FINAL_TYPE (StrideStore, stride_store, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------ */
/* Errors and small helpers                                                 */
/* ------------------------------------------------------------------------ */

static StrideStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return STRIDE_STORE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return STRIDE_STORE_ERROR_CORRUPT;
    case SQLITE_FULL:
      return STRIDE_STORE_ERROR_FULL;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return STRIDE_STORE_ERROR_LOCKED;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return STRIDE_STORE_ERROR_READ_ONLY;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_NOLFS:
      return STRIDE_STORE_ERROR_IO;
    default:
      return STRIDE_STORE_ERROR_FAILED;
    }
}

/**
 * stride_store_set_sqlite_error:
 * @db: (nullable): the connection, for SQLite's own message
 * @rc: SQLite's result code
 * @path: the database file, named in the message
 * @what_failed: a translated sentence: "Could not save the visit."
 *
 * Sets @error with a code the GUI can act on and a message that says what
 * failed, why, and whether anything was lost.
 */
void
stride_store_set_sqlite_error (GError     **error,
                               sqlite3     *db,
                               int          rc,
                               const char  *path,
                               const char  *what_failed)
{
  StrideStoreError code = error_code_for (rc);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (code)
    {
    case STRIDE_STORE_ERROR_NOT_A_DATABASE:
      g_set_error (error, STRIDE_STORE_ERROR, code,
                   _("%s “%s” is not a Stride database; it was left as it is."),
                   what_failed, path);
      break;
    case STRIDE_STORE_ERROR_CORRUPT:
      g_set_error (error, STRIDE_STORE_ERROR, code,
                   _("%s The database “%s” is damaged. Restore it from a backup; "
                     "the damaged file is kept."),
                   what_failed, path);
      break;
    case STRIDE_STORE_ERROR_FULL:
      g_set_error (error, STRIDE_STORE_ERROR, code,
                   _("%s The disk holding “%s” is full. Nothing of this change was "
                     "saved and what was saved before is unchanged; free some space "
                     "and try again."),
                   what_failed, path);
      break;
    case STRIDE_STORE_ERROR_LOCKED:
      g_set_error (error, STRIDE_STORE_ERROR, code,
                   _("%s Another program kept the database “%s” busy. Nothing of this "
                     "change was saved and what was saved before is unchanged; try "
                     "again."),
                   what_failed, path);
      break;
    case STRIDE_STORE_ERROR_READ_ONLY:
      g_set_error (error, STRIDE_STORE_ERROR, code,
                   _("%s The database “%s” or its folder cannot be written. Nothing "
                     "was changed."),
                   what_failed, path);
      break;
    case STRIDE_STORE_ERROR_IO:
      g_set_error (error, STRIDE_STORE_ERROR, code,
                   _("%s The file “%s” could not be read or written (%s). Nothing of "
                     "this change was saved."),
                   what_failed, path, detail);
      break;
    case STRIDE_STORE_ERROR_FAILED:
    case STRIDE_STORE_ERROR_TOO_NEW:
    case STRIDE_STORE_ERROR_NOT_FOUND:
    case STRIDE_STORE_ERROR_FINAL:
    case STRIDE_STORE_ERROR_NOT_FINAL:
    case STRIDE_STORE_ERROR_INVALID:
    default:
      g_set_error (error, STRIDE_STORE_ERROR, code, _("%s Database “%s”: %s."),
                   what_failed, path, detail);
      break;
    }
}

/**
 * stride_store_exec:
 *
 * Runs SQL that returns no rows.
 */
gboolean
stride_store_exec (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      stride_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"),
                                     _("The database could not be changed."));
      return FALSE;
    }

  return TRUE;
}

sqlite3 *
stride_store_get_handle (StrideStore *self)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);

  return self->db;
}

static void
set_error (StrideStore  *self,
           GError      **error,
           int           rc,
           const char   *what_failed)
{
  stride_store_set_sqlite_error (error, self->db, rc, self->path, what_failed);
}

/* A prepared statement, reset and unbound, kept for the store's lifetime:
 * the GUI saves drafts as the clinician types, so nothing is parsed twice. */
static sqlite3_stmt *
statement (StrideStore  *self,
           const char   *sql,
           GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (self, error, rc, _("The database could not be read."));
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Steps a statement that returns no rows; resets it either way. */
static int
step_done (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

static char *
date_to_text (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  g_autofree char *text = date_to_text (date);

  bind_text_or_null (stmt, index, text);
}

/* Reads "YYYY-MM-DD" into @date, or clears it. */
static void
date_from_text (GDate      *date,
                const char *text)
{
  guint year, month, day;
  char end;

  g_date_clear (date, 1);
  if (text != NULL && sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3
      && g_date_valid_dmy (day, month, year))
    g_date_set_dmy (date, day, month, year);
}

static void
column_date (sqlite3_stmt *stmt,
             int           index,
             GDate        *date)
{
  date_from_text (date, (const char *) sqlite3_column_text (stmt, index));
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

static char *
now_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

/* "@path@middle-STAMP", or with "-2", "-3" … when that exists: a copy kept
 * for safety must never replace an earlier one made in the same second. */
static char *
kept_copy_path (const char *path,
                const char *middle)
{
  g_autofree char *stamp = now_stamp ();
  char *candidate = g_strdup_printf ("%s%s-%s", path, middle, stamp);

  for (guint n = 2; g_file_test (candidate, G_FILE_TEST_EXISTS) && n < 1000; n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s%s-%s-%u", path, middle, stamp, n);
    }

  return candidate;
}

/* Parses a record's id as stored in StridePatient.id / StrideVisit.id. */
static gint64
parse_id (const char *text)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return 0;

  return (gint64) value;
}

static void
bind_optional_double (sqlite3_stmt *stmt,
                      int           index,
                      gboolean      has,
                      double        value)
{
  if (has)
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
column_optional_double (sqlite3_stmt *stmt,
                        int           index,
                        double       *out)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    {
      *out = 0.0;
      return FALSE;
    }

  *out = sqlite3_column_double (stmt, index);
  return TRUE;
}

static const char *
side_to_db (StrideSide side)
{
  return side == STRIDE_SIDE_NONE ? "" : stride_side_to_string (side);
}

static StrideSide
side_from_db (const char *text)
{
  StrideSide side = STRIDE_SIDE_NONE;

  if (text != NULL && *text != '\0' && !stride_side_from_string (text, &side))
    side = STRIDE_SIDE_NONE;

  return side;
}

/* ------------------------------------------------------------------------ */
/* Transactions                                                             */
/* ------------------------------------------------------------------------ */

/* Every save is one BEGIN IMMEDIATE transaction: it takes the write lock at
 * once (waiting up to the busy timeout), so two writers never deadlock.
 * Inside a batch it is a savepoint, so a failed save still undoes only
 * itself. */
static gboolean
begin_write (StrideStore  *self,
             const char   *what_failed,
             GError      **error)
{
  sqlite3_stmt *stmt = statement (self, self->in_batch ? "SAVEPOINT stride_save"
                                                       : "BEGIN IMMEDIATE", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = step_done (stmt);
  if (rc != SQLITE_OK)
    {
      set_error (self, error, rc, what_failed);
      return FALSE;
    }

  return TRUE;
}

/* A read of several statements sees one snapshot; does nothing inside a
 * transaction that is already open. Returns whether it began one. */
static gboolean
begin_read (StrideStore *self)
{
  sqlite3_stmt *stmt;

  if (!sqlite3_get_autocommit (self->db))
    return FALSE;

  stmt = statement (self, "BEGIN", NULL);
  return stmt != NULL && step_done (stmt) == SQLITE_OK;
}

static void
rollback (StrideStore *self)
{
  if (self->in_batch)
    sqlite3_exec (self->db, "ROLLBACK TO stride_save; RELEASE stride_save", NULL, NULL, NULL);
  else if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
end_read (StrideStore *self,
          gboolean     began)
{
  if (began)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
commit (StrideStore  *self,
        const char   *what_failed,
        GError      **error)
{
  sqlite3_stmt *stmt = statement (self, self->in_batch ? "RELEASE stride_save" : "COMMIT",
                                  error);
  int rc;

  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }

  rc = step_done (stmt);
  if (rc != SQLITE_OK)
    {
      set_error (self, error, rc, what_failed);
      rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * stride_store_batch_begin:
 *
 * Starts one transaction for many saves (imports, the benchmark): each save
 * becomes a savepoint, and nothing is durable before
 * stride_store_batch_commit().
 */
gboolean
stride_store_batch_begin (StrideStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);

  if (!begin_write (self, _("Could not start saving."), error))
    return FALSE;

  self->in_batch = TRUE;
  return TRUE;
}

gboolean
stride_store_batch_commit (StrideStore  *self,
                           GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_batch, FALSE);

  self->in_batch = FALSE;
  return commit (self, _("Could not save."), error);
}

void
stride_store_batch_rollback (StrideStore *self)
{
  g_return_if_fail (STRIDE_IS_STORE (self));

  self->in_batch = FALSE;
  rollback (self);
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                  */
/* ------------------------------------------------------------------------ */

static void
stride_store_finalize (GObject *object)
{
  StrideStore *self = STRIDE_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (stride_store_parent_class)->finalize (object);
}

static void
stride_store_class_init (StrideStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stride_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
stride_store_init (StrideStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/* Runs a PRAGMA or query that returns one integer. */
static gboolean
query_int (sqlite3      *db,
           const char   *sql,
           gint64       *out,
           int          *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *out_rc = rc;
  return rc == SQLITE_OK;
}

/* Runs a PRAGMA or query that returns one text value (NULL when the row
 * holds NULL). */
static gboolean
query_text (sqlite3     *db,
            const char  *sql,
            char       **out,
            int         *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *out_rc = rc;
  return rc == SQLITE_OK;
}

/* `PRAGMA quick_check` (or integrity_check): "ok", or the first problem. */
static gboolean
check_database (sqlite3     *db,
                const char  *pragma,
                const char  *path,
                GError     **error)
{
  g_autofree char *result = NULL;
  gboolean ok;
  int rc;

  query_text (db, pragma, &result, &rc);
  ok = g_strcmp0 (result, "ok") == 0;
  if (rc != SQLITE_OK)
    {
      stride_store_set_sqlite_error (error, db, rc, path, _("The database could not be checked."));
      return FALSE;
    }

  if (!ok)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged. Restore it from a backup; the damaged "
                     "file is kept."), path);
      return FALSE;
    }

  return TRUE;
}

/* What kind of file @db is, before anything is written to it: refuses other
 * programs' databases and newer versions. Sets @out_version. */
static gboolean
check_identity (sqlite3     *db,
                const char  *path,
                int         *out_version,
                GError     **error)
{
  gint64 version = 0, application_id = 0, n_objects = 0;
  int rc;

  if (!query_int (db, "PRAGMA user_version", &version, &rc)
      || !query_int (db, "PRAGMA application_id", &application_id, &rc)
      || !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, &rc))
    {
      stride_store_set_sqlite_error (error, db, rc, path, _("The database could not be opened."));
      return FALSE;
    }

  if ((application_id != 0 && application_id != STRIDE_STORE_APPLICATION_ID)
      || (version == 0 && n_objects > 0)
      || version < 0)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not of Stride; it was left "
                     "as it is."), path);
      return FALSE;
    }

  if (version > STRIDE_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Stride (database "
                     "version %d; this Stride reads up to version %d). Update Stride to open "
                     "it; the file was left as it is."),
                   path, (int) version, STRIDE_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  *out_version = (int) version;
  return TRUE;
}

/* Creates the database file 0600 ourselves, so SQLite (which gives its -wal
 * and -shm files the database's mode) never creates anything with the umask. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, STRIDE_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM
                   ? STRIDE_STORE_ERROR_READ_ONLY : STRIDE_STORE_ERROR_IO,
                   _("Could not create the database “%s”: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  /* fchmod: an unusual umask must not make it less private. */
  if (fchmod (fd, 0600) != 0)
    g_debug ("Could not set the mode of a new database: %s", g_strerror (errno));
  close (fd);
  return TRUE;
}

/* An existing database, -wal or -shm readable by others is made private. */
static void
tighten_mode (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && (st.st_mode & 0077) != 0
      && st.st_uid == geteuid ())
    {
      if (g_chmod (path, st.st_mode & 0700) != 0)
        g_debug ("Could not make a database file private: %s", g_strerror (errno));
    }
}

/* A link or something other than a file would let another user redirect
 * patient records: refuse clearly before SQLite's NOFOLLOW refuses vaguely. */
static gboolean
check_path (const char  *path,
            gboolean    *out_exists,
            GError     **error)
{
  GStatBuf st;
  g_autofree char *dir = g_path_get_dirname (path);

  *out_exists = FALSE;
  if (g_lstat (path, &st) == 0)
    {
      if (S_ISLNK (st.st_mode))
        {
          g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                       _("“%s” is a symbolic link. For the patients’ privacy Stride opens "
                         "only a database file itself; give the path of the file."), path);
          return FALSE;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” is not a file, so it cannot be a Stride database."), path);
          return FALSE;
        }
      *out_exists = TRUE;
    }

  /* WAL needs -wal and -shm beside the file: a folder we cannot write makes
   * every save fail, so say so at once. */
  if (g_file_test (dir, G_FILE_TEST_IS_DIR) && g_access (dir, W_OK) != 0)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY,
                   _("The folder “%s” of the database cannot be written, so nothing could be "
                     "saved. Choose a folder you may write to, or ask for write access."),
                   dir);
      return FALSE;
    }
  if (*out_exists && g_access (path, W_OK) != 0)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written, so nothing could be saved. Ask "
                     "for write access to it."), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
configure_connection (sqlite3     *db,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *mode = NULL;
  gboolean wal;
  int rc;

  query_text (db, "PRAGMA journal_mode = WAL", &mode, &rc);
  wal = mode != NULL && g_ascii_strcasecmp (mode, "wal") == 0;
  if (rc != SQLITE_OK)
    {
      stride_store_set_sqlite_error (error, db, rc, path, _("The database could not be opened."));
      return FALSE;
    }
  if (!wal)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_IO,
                   _("The database “%s” could not be switched to write-ahead logging (is it "
                     "on a network drive?). Keep it on a local disk."), path);
      return FALSE;
    }

  return stride_store_exec (db,
                            "PRAGMA synchronous = FULL;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA secure_delete = ON;"
                            /* Search and history stay in memory at 100,000
                             * patients; savepoints are not spilled to files. */
                            "PRAGMA cache_size = -32768;"
                            "PRAGMA temp_store = MEMORY;",
                            error);
}

static gboolean backup_connection (sqlite3     *db,
                                   const char  *db_path,
                                   const char  *dest_path,
                                   GError     **error);

/* Brings the schema to the current version, in one transaction; an existing
 * database is backed up first, so a failed migration loses nothing. */
static gboolean
upgrade_schema (sqlite3     *db,
                const char  *path,
                int          version,
                GError     **error)
{
  int rc;

  if (version == STRIDE_STORE_SCHEMA_VERSION)
    return TRUE;

  if (version > 0)
    {
      g_autofree char *middle = g_strdup_printf (".v%d-backup", version);
      g_autofree char *backup_path = kept_copy_path (path, middle);

      if (!backup_connection (db, path, backup_path, error))
        {
          g_prefix_error (error, _("The database was not upgraded, because no backup could "
                                   "be made first: "));
          return FALSE;
        }
    }

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      stride_store_set_sqlite_error (error, db, rc, path, _("Could not upgrade the database."));
      return FALSE;
    }

  /* Another program may have done it while we waited for the lock. */
  {
    gint64 now_version = 0;

    if (!query_int (db, "PRAGMA user_version", &now_version, &rc))
      {
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
        stride_store_set_sqlite_error (error, db, rc, path, _("Could not upgrade the database."));
        return FALSE;
      }
    version = (int) now_version;
  }

  if ((version == 0 && !stride_store_schema_create (db, error))
      || (version > 0 && version < STRIDE_STORE_SCHEMA_VERSION
          && !stride_store_schema_migrate (db, version, error)))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      stride_store_set_sqlite_error (error, db, rc, path, _("Could not upgrade the database."));
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Opens @path read-write, never following a link, without creating it. */
static sqlite3 *
open_connection (const char  *path,
                 gboolean     read_only,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
              | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_PRIVATECACHE;
  int rc = sqlite3_open_v2 (path, &db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      stride_store_set_sqlite_error (error, db, rc, path, _("The database could not be opened."));
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);
  /* A file from elsewhere (--db, a backup to restore) is input like any
   * other: no schema tricks, no functions with side effects in its schema. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  stride_store_register_functions (db);
  return db;
}

/**
 * stride_store_open:
 * @path: the database file
 * @flags: #StrideStoreOpenFlags
 * @error: return location for a #GError
 *
 * See the header for what is checked and in which order. Nothing is written
 * to the file before it is known to be a healthy Stride database of this or
 * an older version.
 *
 * Returns: (transfer full) (nullable): the store
 */
StrideStore *
stride_store_open (const char            *path,
                   StrideStoreOpenFlags   flags,
                   GError               **error)
{
  g_autoptr(StrideStore) self = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  gboolean exists = FALSE;
  int version = 0;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  {
    g_autoptr(GError) dir_error = NULL;

    if (!stride_data_dir_ensure_parent (path, &dir_error))
      {
        g_set_error_literal (error, STRIDE_STORE_ERROR,
                             g_error_matches (dir_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
                             || g_error_matches (dir_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY)
                             ? STRIDE_STORE_ERROR_READ_ONLY : STRIDE_STORE_ERROR_IO,
                             dir_error->message);
        return NULL;
      }
  }

  if (!check_path (path, &exists, error))
    return NULL;

  if (!exists && !create_private_file (path, error))
    return NULL;

  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  tighten_mode (path);
  tighten_mode (wal);
  tighten_mode (shm);

  self = g_object_new (STRIDE_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->db = open_connection (path, FALSE, error);
  if (self->db == NULL)
    return NULL;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written, so nothing could be saved. Ask "
                     "for write access to it."), path);
      return NULL;
    }

  if (!check_identity (self->db, path, &version, error))
    return NULL;

  if ((flags & STRIDE_STORE_OPEN_SKIP_QUICK_CHECK) == 0 && version > 0
      && !check_database (self->db, "PRAGMA quick_check", path, error))
    return NULL;

  if (!configure_connection (self->db, path, error)
      || !upgrade_schema (self->db, path, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * stride_store_check:
 * @self: a store
 * @full: integrity_check rather than quick_check
 * @error: return location for a #GError
 *
 * Returns: %TRUE when healthy, CORRUPT otherwise
 */
gboolean
stride_store_check (StrideStore  *self,
                    gboolean      full,
                    GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_database (self->db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check",
                         self->path, error);
}

/**
 * stride_store_get_path:
 *
 * Returns: (transfer none): the database file's path
 */
const char *
stride_store_get_path (StrideStore *self)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);

  return self->path;
}

/* ------------------------------------------------------------------------ */
/* Patients                                                                 */
/* ------------------------------------------------------------------------ */

static gboolean
check_patient (const StridePatient  *patient,
               GError              **error)
{
  g_autofree char *folded = NULL;

  if (patient->name == NULL || !g_utf8_validate (patient->name, -1, NULL))
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                   _("The patient has no name (or it is not valid text)."));
      return FALSE;
    }

  folded = stride_store_fold_name (patient->name);
  if (*folded == '\0')
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                   _("The patient’s name is empty: give at least one letter."));
      return FALSE;
    }

  return TRUE;
}

/* The patient's own columns, parameters 1 to 7 of both the INSERT and the
 * UPDATE: name, folded name, birth date, sex, language, contact, notes. */
static void
bind_patient_columns (sqlite3_stmt        *stmt,
                      const StridePatient *patient,
                      const char          *folded)
{
  bind_text_or_null (stmt, 1, patient->name);
  bind_text_or_null (stmt, 2, folded);
  bind_date (stmt, 3, &patient->birth_date);
  bind_text_or_null (stmt, 4, patient->sex);
  bind_text_or_null (stmt, 5, patient->language);
  bind_text_or_null (stmt, 6, patient->contact);
  bind_text_or_null (stmt, 7, patient->notes);
}

/**
 * stride_store_create_patient:
 * @self: a store
 * @patient: the patient; its id is set on success
 * @error: return location for a #GError
 *
 * Returns: the new id, or 0 with @error set
 */
gint64
stride_store_create_patient (StrideStore    *self,
                             StridePatient  *patient,
                             GError        **error)
{
  const char *what_failed = _("Could not save the new patient.");
  g_autofree char *folded = NULL;
  g_autofree char *now = now_text ();
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), 0);
  g_return_val_if_fail (patient != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_patient (patient, error))
    return 0;

  folded = stride_store_fold_name (patient->name);
  if (!begin_write (self, what_failed, error))
    return 0;

  stmt = statement (self,
                    "INSERT INTO patients (name, name_folded, birth_date, sex, language, contact,"
                    " notes, created, updated, last_activity)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed_quietly;

  bind_patient_columns (stmt, patient, folded);
  bind_text_or_null (stmt, 8, now);
  bind_text_or_null (stmt, 9, now);
  bind_text_or_null (stmt, 10, now);
  rc = step_done (stmt);
  if (rc != SQLITE_OK)
    goto failed;

  id = sqlite3_last_insert_rowid (self->db);
  if (!stride_store_index_name (self->db, id, NULL, folded, error))
    goto failed_quietly;

  if (!commit (self, what_failed, error))
    return 0;

  g_free (patient->id);
  patient->id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  return id;

failed:
  set_error (self, error, rc, what_failed);
failed_quietly:
  rollback (self);
  return 0;
}

static gboolean
set_not_found (GError     **error,
               const char  *what,
               gint64       id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND,
               /* TRANSLATORS: the first %s is "patient" or "visit" (translated), the second the id */
               _("There is no %s with the id %s in this database."), what, id_text);
  return FALSE;
}

/**
 * stride_store_update_patient:
 * @self: a store
 * @patient: the patient, with its id
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
stride_store_update_patient (StrideStore          *self,
                             const StridePatient  *patient,
                             GError              **error)
{
  const char *what_failed = _("Could not save the patient’s details.");
  g_autofree char *folded = NULL;
  g_autofree char *old_folded = NULL;
  g_autofree char *now = now_text ();
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (patient != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = parse_id (patient->id);
  if (id == 0)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                   _("The patient has not been saved yet, so there is nothing to update."));
      return FALSE;
    }
  if (!check_patient (patient, error))
    return FALSE;

  folded = stride_store_fold_name (patient->name);
  if (!begin_write (self, what_failed, error))
    return FALSE;

  stmt = statement (self, "SELECT name_folded FROM patients WHERE id = ?", error);
  if (stmt == NULL)
    goto failed_quietly;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    old_folded = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      rollback (self);
      return set_not_found (error, _("patient"), id);
    }
  if (rc != SQLITE_ROW)
    goto failed;

  stmt = statement (self,
                    "UPDATE patients SET name = ?, name_folded = ?, birth_date = ?, sex = ?,"
                    " language = ?, contact = ?, notes = ?, updated = ?, last_activity = ?"
                    " WHERE id = ?", error);
  if (stmt == NULL)
    goto failed_quietly;

  bind_patient_columns (stmt, patient, folded);
  bind_text_or_null (stmt, 8, now);
  bind_text_or_null (stmt, 9, now);
  sqlite3_bind_int64 (stmt, 10, id);
  rc = step_done (stmt);
  if (rc != SQLITE_OK)
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      rollback (self);
      return set_not_found (error, _("patient"), id);
    }

  if (!stride_store_index_name (self->db, id, old_folded, folded, error))
    goto failed_quietly;

  return commit (self, what_failed, error);

failed:
  set_error (self, error, rc, what_failed);
failed_quietly:
  rollback (self);
  return FALSE;
}

/**
 * stride_store_get_patient:
 * @self: a store
 * @patient_id: the patient's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the patient
 */
StridePatient *
stride_store_get_patient (StrideStore  *self,
                          gint64        patient_id,
                          GError      **error)
{
  g_autoptr(StridePatient) patient = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = statement (self,
                    "SELECT name, birth_date, sex, language, contact, notes"
                    " FROM patients WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, patient_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      patient = stride_patient_new ();
      patient->id = g_strdup_printf ("%" G_GINT64_FORMAT, patient_id);
      patient->name = column_dup (stmt, 0);
      column_date (stmt, 1, &patient->birth_date);
      patient->sex = column_dup (stmt, 2);
      patient->language = column_dup (stmt, 3);
      patient->contact = column_dup (stmt, 4);
      patient->notes = column_dup (stmt, 5);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      set_not_found (error, _("patient"), patient_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_error (self, error, rc, _("Could not read the patient."));
      return NULL;
    }

  return g_steal_pointer (&patient);
}

/* Checkpoints the WAL and truncates it to nothing, so no page of deleted
 * records stays in it. */
static gboolean
truncate_wal (StrideStore  *self,
              GError      **error)
{
  int log_frames = 0, checkpointed = 0;
  int rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
                                      &log_frames, &checkpointed);

  if (rc != SQLITE_OK)
    {
      set_error (self, error, rc,
                 _("The patient was deleted, but the database log could not be emptied yet "
                   "(another program is reading it); old copies of the records stay in the "
                   "log until it is."));
      return FALSE;
    }

  return TRUE;
}

/**
 * stride_store_delete_patient:
 * @self: a store
 * @patient_id: the patient to delete for good
 * @error: return location for a #GError
 *
 * Returns: %TRUE when deleted and no trace is left in the database or its
 *   log (LOCKED when another program's reading kept the log; the patient is
 *   deleted then, and the log is emptied by the next checkpoint)
 */
gboolean
stride_store_delete_patient (StrideStore  *self,
                             gint64        patient_id,
                             GError      **error)
{
  const char *what_failed = _("Could not delete the patient.");
  g_autofree char *old_folded = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, what_failed, error))
    return FALSE;

  stmt = statement (self, "SELECT name_folded FROM patients WHERE id = ?", error);
  if (stmt == NULL)
    goto failed_quietly;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    old_folded = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      rollback (self);
      return set_not_found (error, _("patient"), patient_id);
    }
  if (rc != SQLITE_ROW)
    goto failed;

  if (!stride_store_index_name (self->db, patient_id, old_folded, NULL, error))
    goto failed_quietly;

  stmt = statement (self, "DELETE FROM patients WHERE id = ?", error);
  if (stmt == NULL)
    goto failed_quietly;

  sqlite3_bind_int64 (stmt, 1, patient_id);
  rc = step_done (stmt);
  if (rc != SQLITE_OK)
    goto failed;

  /* The FTS5 'delete' above only marks the name's trigrams deleted; merging
   * the index drops them, and secure_delete zeroes the freed pages. */
  stmt = statement (self, "INSERT INTO patient_names (patient_names) VALUES ('optimize')", error);
  if (stmt == NULL)
    goto failed_quietly;
  rc = step_done (stmt);
  if (rc != SQLITE_OK)
    goto failed;

  if (!commit (self, what_failed, error))
    return FALSE;

  return truncate_wal (self, error);

failed:
  set_error (self, error, rc, what_failed);
failed_quietly:
  rollback (self);
  return FALSE;
}

/**
 * stride_store_count_patients:
 *
 * Returns: the number of patients, or -1 with @error set
 */
gint64
stride_store_count_patients (StrideStore  *self,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), -1);

  stmt = statement (self, "SELECT count(*) FROM patients", error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    set_error (self, error, rc, _("Could not count the patients."));

  return count;
}

static GArray *
collect_ids (StrideStore   *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error (self, error, rc, _("Could not search the patients."));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Quotes a word as an FTS5 string: inside double quotes, quotes doubled. */
static void
append_fts_string (GString    *query,
                   const char *word)
{
  g_string_append_c (query, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
}

/**
 * stride_store_search_ids:
 * @self: a store
 * @text: what was typed
 * @limit: the most ids wanted, 0 for all
 * @error: return location for a #GError
 *
 * Words of 2 letters or more go to the trigram index (any part of the name
 * for 3 and more, a word's start for 2), single letters to the table of
 * first letters; both are indexed, so the time does not grow with the
 * number of patients the way `LIKE '%x%'` does.
 *
 * Returns: (transfer full) (element-type gint64): ids, newest first
 */
GArray *
stride_store_search_ids (StrideStore  *self,
                         const char   *text,
                         guint         limit,
                         GError      **error)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GPtrArray) prefixes = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int index = 1;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folded = stride_store_fold_name (text);
  words = g_strsplit (folded, " ", -1);
  /* Eight words narrow any name down; more would only make longer SQL. */
  for (guint i = 0; words[i] != NULL && i < 8; i++)
    {
      glong n_chars = g_utf8_strlen (words[i], -1);

      if (n_chars == 0)
        continue;

      if (n_chars >= 2)
        {
          g_autofree char *phrase = NULL;

          /* 2 letters: " xy", the start of a word; more: anywhere. */
          phrase = n_chars == 2 ? g_strconcat (" ", words[i], NULL) : g_strdup (words[i]);
          if (match->len > 0)
            g_string_append (match, " AND ");
          append_fts_string (match, phrase);
        }
      else
        g_ptr_array_add (prefixes, words[i]);
    }

  if (match->len > 0)
    {
      /* The index intersects the words; single letters are checked per row. */
      g_string_append (sql, "SELECT rowid FROM patient_names WHERE patient_names MATCH ?");
      for (guint i = 0; i < prefixes->len; i++)
        g_string_append (sql, " AND EXISTS (SELECT 1 FROM name_prefixes"
                              " WHERE prefix = ? AND patient_id = patient_names.rowid)");
      g_string_append (sql, " ORDER BY rowid DESC LIMIT ?");
    }
  else if (prefixes->len > 0)
    {
      g_string_append (sql, "SELECT patient_id FROM name_prefixes AS n WHERE prefix = ?");
      for (guint i = 1; i < prefixes->len; i++)
        g_string_append (sql, " AND EXISTS (SELECT 1 FROM name_prefixes"
                              " WHERE prefix = ? AND patient_id = n.patient_id)");
      g_string_append (sql, " ORDER BY patient_id DESC LIMIT ?");
    }
  else
    {
      g_string_append (sql, "SELECT id FROM patients ORDER BY id DESC LIMIT ?");
    }

  stmt = statement (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (match->len > 0)
    sqlite3_bind_text (stmt, index++, match->str, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < prefixes->len; i++)
    sqlite3_bind_text (stmt, index++, g_ptr_array_index (prefixes, i), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, index, limit > 0 ? (gint64) limit : -1);

  return collect_ids (self, stmt, error);
}

gint64
stride_store_find_same_patient (StrideStore          *self,
                                const StridePatient  *patient,
                                GError              **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  /* A record without a name is no one's duplicate (and is refused when it
   * is imported). */
  if (patient == NULL || patient->name == NULL)
    return 0;
  /* The search narrows to the names with the same words; each is then
   * compared whole, so that "Ann Smith" is not "Anna Smithson". */
  folded = stride_store_fold_name (patient->name);
  if (folded[0] == '\0')
    return 0;
  ids = stride_store_search_ids (self, patient->name, 0, error);
  if (ids == NULL)
    return -1;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(StridePatient) stored = stride_store_get_patient (self, id, error);
      g_autofree char *stored_folded = NULL;
      gboolean both_unknown, same_date;

      if (stored == NULL)
        return -1;
      stored_folded = stride_store_fold_name (stored->name);
      both_unknown = !g_date_valid (&stored->birth_date) && !g_date_valid (&patient->birth_date);
      same_date = g_date_valid (&stored->birth_date) && g_date_valid (&patient->birth_date)
                  && g_date_compare (&stored->birth_date, &patient->birth_date) == 0;
      if (g_str_equal (stored_folded, folded) && (both_unknown || same_date))
        return id;
    }
  return 0;
}

/**
 * stride_store_recent_patient_ids:
 * @self: a store
 * @limit: the most ids wanted, 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint64): most recent activity first
 */
GArray *
stride_store_recent_patient_ids (StrideStore  *self,
                                 guint         limit,
                                 GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = statement (self,
                    "SELECT id FROM patients ORDER BY last_activity DESC, id DESC LIMIT ?",
                    error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  return collect_ids (self, stmt, error);
}

/* The date a visit has now: its latest amendment's, or its own. */
#define EFFECTIVE_DATE(v) \
  "COALESCE ((SELECT a.date FROM amendments AS a WHERE a.visit_id = " v ".id" \
  " ORDER BY a.revision DESC LIMIT 1), " v ".date)"

/**
 * stride_store_get_patient_summary:
 * @self: a store
 * @patient_id: a patient
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): name, birth date, last visit
 */
StridePatientSummary *
stride_store_get_patient_summary (StrideStore  *self,
                                  gint64        patient_id,
                                  GError      **error)
{
  StridePatientSummary *summary = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = statement (self,
                    "SELECT p.name, p.birth_date,"
                    " (SELECT max (" EFFECTIVE_DATE ("v") ") FROM visits AS v"
                    "   WHERE v.patient_id = p.id),"
                    " (SELECT count (*) FROM visits AS v WHERE v.patient_id = p.id),"
                    " EXISTS (SELECT 1 FROM visits AS v WHERE v.patient_id = p.id"
                    "   AND v.status = 'draft')"
                    " FROM patients AS p WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, patient_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      summary = g_new0 (StridePatientSummary, 1);
      summary->id = patient_id;
      summary->name = column_dup (stmt, 0);
      column_date (stmt, 1, &summary->birth_date);
      column_date (stmt, 2, &summary->last_visit);
      summary->n_visits = (guint) sqlite3_column_int64 (stmt, 3);
      summary->has_draft = sqlite3_column_int (stmt, 4) != 0;
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    set_not_found (error, _("patient"), patient_id);
  else if (rc != SQLITE_ROW)
    set_error (self, error, rc, _("Could not read the patient."));

  return summary;
}

/* ------------------------------------------------------------------------ */
/* Visit content                                                            */
/* ------------------------------------------------------------------------ */

static const char *const content_tables[] = {
  "answers", "overrides", "plans", "plan_items", "plan_lists",
  "findings_summary", "summary_tests",
};

static int
delete_content (StrideStore  *self,
                gint64        visit_id,
                guint         revision,
                GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (content_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE visit_id = ? AND revision = ?",
                                              content_tables[i]);
      sqlite3_stmt *stmt = statement (self, sql, error);
      int rc;

      if (stmt == NULL)
        return SQLITE_ERROR;

      sqlite3_bind_int64 (stmt, 1, visit_id);
      sqlite3_bind_int64 (stmt, 2, revision);
      rc = step_done (stmt);
      if (rc != SQLITE_OK)
        return rc;
    }

  return SQLITE_OK;
}

static int
write_summary (StrideStore                  *self,
               gint64                        visit_id,
               guint                         revision,
               const StrideFindingsSummary  *summary,
               GError                      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = statement (self,
                    "INSERT INTO findings_summary (visit_id, revision, worst_pain, run_pain,"
                    " irritability, phase, triage, rtr_met, rtr_total)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  bind_optional_double (stmt, 3, summary->has_worst_pain, summary->worst_pain);
  bind_optional_double (stmt, 4, summary->has_run_pain, summary->run_pain);
  bind_text_or_null (stmt, 5, summary->has_irritability
                              ? stride_irritability_to_string (summary->irritability) : NULL);
  sqlite3_bind_int (stmt, 6, (int) summary->phase);
  bind_text_or_null (stmt, 7, stride_triage_to_string (summary->triage));
  sqlite3_bind_int64 (stmt, 8, summary->rtr_met);
  sqlite3_bind_int64 (stmt, 9, summary->rtr_total);
  rc = step_done (stmt);
  if (rc != SQLITE_OK)
    return rc;

  stmt = statement (self,
                    "INSERT INTO summary_tests (visit_id, revision, position, test_id,"
                    " value_none, value_left, value_right, lsi) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  for (guint i = 0; i < summary->tests->len; i++)
    {
      const StrideSummaryTest *test = g_ptr_array_index (summary->tests, i);

      sqlite3_bind_int64 (stmt, 1, visit_id);
      sqlite3_bind_int64 (stmt, 2, revision);
      sqlite3_bind_int64 (stmt, 3, i);
      bind_text_or_null (stmt, 4, test->test_id);
      for (guint side = 0; side < 3; side++)
        bind_optional_double (stmt, 5 + side, test->tested[side], test->value[side]);
      bind_optional_double (stmt, 8, test->has_lsi, test->lsi);
      rc = step_done (stmt);
      if (rc != SQLITE_OK)
        return rc;
    }

  return SQLITE_OK;
}

static int
write_list (StrideStore  *self,
            gint64        visit_id,
            guint         revision,
            const char   *list,
            GPtrArray    *values,
            GError      **error)
{
  sqlite3_stmt *stmt = statement (self,
                                  "INSERT INTO plan_lists (visit_id, revision, list, position,"
                                  " value) VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return SQLITE_ERROR;

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, visit_id);
      sqlite3_bind_int64 (stmt, 2, revision);
      sqlite3_bind_text (stmt, 3, list, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, i);
      bind_text_or_null (stmt, 5, g_ptr_array_index (values, i));
      rc = step_done (stmt);
      if (rc != SQLITE_OK)
        return rc;
    }

  return SQLITE_OK;
}

static int
write_plan (StrideStore       *self,
            gint64             visit_id,
            guint              revision,
            const StridePlan  *plan,
            GError           **error)
{
  const StrideRunningPlan *running = &plan->running;
  sqlite3_stmt *stmt;
  int rc;

  stmt = statement (self,
                    "INSERT INTO plans (visit_id, revision, running_rule, walkrun_stage,"
                    " spike_limit_km, shortened_minutes, shortened_km, paused, detail,"
                    " next_review, maintenance, edited)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  bind_text_or_null (stmt, 3, running->rule_id != NULL ? running->rule_id : "RP-NONE");
  sqlite3_bind_int (stmt, 4, running->walkrun_stage);
  bind_optional_double (stmt, 5, running->has_spike_limit, running->spike_limit_km);
  bind_optional_double (stmt, 6, running->has_shortened, running->shortened_minutes);
  bind_optional_double (stmt, 7, running->has_shortened, running->shortened_km);
  sqlite3_bind_int (stmt, 8, running->paused ? 1 : 0);
  bind_text_or_null (stmt, 9, running->detail);
  bind_date (stmt, 10, &plan->next_review);
  sqlite3_bind_int (stmt, 11, plan->maintenance ? 1 : 0);
  sqlite3_bind_int (stmt, 12, plan->edited ? 1 : 0);
  rc = step_done (stmt);
  if (rc != SQLITE_OK)
    return rc;

  stmt = statement (self,
                    "INSERT INTO plan_items (visit_id, revision, position, exercise_id, sets,"
                    " reps, seconds, each_side, frequency, note)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  for (guint i = 0; i < plan->items->len; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);

      sqlite3_bind_int64 (stmt, 1, visit_id);
      sqlite3_bind_int64 (stmt, 2, revision);
      sqlite3_bind_int64 (stmt, 3, i);
      bind_text_or_null (stmt, 4, item->exercise_id);
      sqlite3_bind_int (stmt, 5, item->sets);
      sqlite3_bind_int (stmt, 6, item->reps);
      sqlite3_bind_int (stmt, 7, item->seconds);
      sqlite3_bind_int (stmt, 8, item->each_side ? 1 : 0);
      bind_text_or_null (stmt, 9, item->frequency);
      bind_text_or_null (stmt, 10, item->note);
      rc = step_done (stmt);
      if (rc != SQLITE_OK)
        return rc;
    }

  rc = write_list (self, visit_id, revision, "advice", running->advice, error);
  if (rc == SQLITE_OK)
    rc = write_list (self, visit_id, revision, "education", plan->education, error);

  return rc;
}

/* Writes @visit's answers, overrides, plan and @summary as @revision. */
static int
write_content (StrideStore                  *self,
               gint64                        visit_id,
               guint                         revision,
               const StrideVisit            *visit,
               const StrideFindingsSummary  *summary,
               GError                      **error)
{
  g_autoptr(GPtrArray) keys = stride_answers_list_keys (visit->answers);
  sqlite3_stmt *stmt;
  int rc;

  stmt = statement (self,
                    "INSERT INTO answers (visit_id, revision, item, side, value)"
                    " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  for (guint i = 0; i < keys->len; i++)
    {
      g_autofree char *item = NULL;
      StrideSide side = STRIDE_SIDE_NONE;

      if (!stride_answers_split_key (g_ptr_array_index (keys, i), &item, &side))
        continue;

      sqlite3_bind_int64 (stmt, 1, visit_id);
      sqlite3_bind_int64 (stmt, 2, revision);
      bind_text_or_null (stmt, 3, item);
      sqlite3_bind_text (stmt, 4, side_to_db (side), -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 5, stride_answers_get (visit->answers, item, side));
      rc = step_done (stmt);
      if (rc != SQLITE_OK)
        return rc;
    }

  stmt = statement (self,
                    "INSERT INTO overrides (visit_id, revision, position, what, value, reason)"
                    " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  for (guint i = 0; i < visit->overrides->len; i++)
    {
      const StrideOverride *o = g_ptr_array_index (visit->overrides, i);

      sqlite3_bind_int64 (stmt, 1, visit_id);
      sqlite3_bind_int64 (stmt, 2, revision);
      sqlite3_bind_int64 (stmt, 3, i);
      bind_text_or_null (stmt, 4, o->what);
      bind_text_or_null (stmt, 5, o->value);
      bind_text_or_null (stmt, 6, o->reason != NULL ? o->reason : "");
      rc = step_done (stmt);
      if (rc != SQLITE_OK)
        return rc;
    }

  if (visit->plan != NULL)
    {
      rc = write_plan (self, visit_id, revision, visit->plan, error);
      if (rc != SQLITE_OK)
        return rc;
    }

  if (summary != NULL)
    {
      rc = write_summary (self, visit_id, revision, summary, error);
      if (rc != SQLITE_OK)
        return rc;
    }

  return SQLITE_OK;
}

static gboolean
check_visit (const StrideVisit  *visit,
             GError            **error)
{
  if (visit->answers == NULL || visit->overrides == NULL)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                   _("The visit is incomplete (it has no answers or overrides list)."));
      return FALSE;
    }

  for (guint i = 0; i < visit->overrides->len; i++)
    {
      const StrideOverride *o = g_ptr_array_index (visit->overrides, i);

      if (o->what == NULL || o->value == NULL)
        {
          g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                       _("Override %u of the visit names no finding or no value."), i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

static int
touch_patient (StrideStore  *self,
               gint64        patient_id,
               const char   *now,
               GError      **error)
{
  sqlite3_stmt *stmt = statement (self, "UPDATE patients SET last_activity = ? WHERE id = ?",
                                  error);

  if (stmt == NULL)
    return SQLITE_ERROR;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, patient_id);
  return step_done (stmt);
}

/* Saves the visit as revision 0, and marks it final when @finalise. */
static gboolean
save_visit (StrideStore                  *self,
            gint64                        patient_id,
            StrideVisit                  *visit,
            const StrideFindingsSummary  *summary,
            gboolean                      finalise,
            GError                      **error)
{
  const char *what_failed = finalise ? _("Could not finalise the visit.")
                                     : _("Could not save the visit.");
  g_autofree char *now = now_text ();
  sqlite3_stmt *stmt;
  gint64 visit_id = 0;
  int rc = SQLITE_OK;

  if (!check_visit (visit, error))
    return FALSE;

  if (visit->id != NULL)
    {
      visit_id = parse_id (visit->id);
      if (visit_id == 0)
        {
          g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                       _("The visit’s id “%s” is not a number of this database."), visit->id);
          return FALSE;
        }
    }

  if (!begin_write (self, what_failed, error))
    return FALSE;

  if (visit_id != 0)
    {
      gint64 owner;
      gboolean final;

      stmt = statement (self, "SELECT patient_id, status FROM visits WHERE id = ?", error);
      if (stmt == NULL)
        goto failed_quietly;
      sqlite3_bind_int64 (stmt, 1, visit_id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            goto failed;
          rollback (self);
          return set_not_found (error, _("visit"), visit_id);
        }
      owner = sqlite3_column_int64 (stmt, 0);
      final = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "final") == 0;
      sqlite3_reset (stmt);

      if (owner != patient_id)
        {
          rollback (self);
          g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                       _("The visit belongs to another patient."));
          return FALSE;
        }
      if (final)
        {
          rollback (self);
          g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_FINAL,
                       _("The visit is final and is never changed in place; record the change "
                         "as an amendment, with its reason."));
          return FALSE;
        }

      stmt = statement (self,
                        "UPDATE visits SET date = ?, kind = ?, clinician = ?, notes = ?,"
                        " updated = ? WHERE id = ?", error);
      if (stmt == NULL)
        goto failed_quietly;
      bind_date (stmt, 1, &visit->date);
      sqlite3_bind_text (stmt, 2, stride_visit_kind_to_string (visit->kind), -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 3, visit->clinician);
      bind_text_or_null (stmt, 4, visit->notes);
      bind_text_or_null (stmt, 5, now);
      sqlite3_bind_int64 (stmt, 6, visit_id);
      rc = step_done (stmt);
      if (rc != SQLITE_OK)
        goto failed;

      rc = delete_content (self, visit_id, 0, error);
      if (rc != SQLITE_OK)
        goto failed;
    }
  else
    {
      stmt = statement (self, "SELECT 1 FROM patients WHERE id = ?", error);
      if (stmt == NULL)
        goto failed_quietly;
      sqlite3_bind_int64 (stmt, 1, patient_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          rollback (self);
          return set_not_found (error, _("patient"), patient_id);
        }
      if (rc != SQLITE_ROW)
        goto failed;

      stmt = statement (self,
                        "INSERT INTO visits (patient_id, date, kind, status, clinician, notes,"
                        " created, updated) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto failed_quietly;
      sqlite3_bind_int64 (stmt, 1, patient_id);
      bind_date (stmt, 2, &visit->date);
      sqlite3_bind_text (stmt, 3, stride_visit_kind_to_string (visit->kind), -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 4, visit->clinician);
      bind_text_or_null (stmt, 5, visit->notes);
      bind_text_or_null (stmt, 6, now);
      bind_text_or_null (stmt, 7, now);
      rc = step_done (stmt);
      if (rc != SQLITE_OK)
        goto failed;
      visit_id = sqlite3_last_insert_rowid (self->db);
    }

  rc = write_content (self, visit_id, 0, visit, summary, error);
  if (rc != SQLITE_OK)
    goto failed;

  if (finalise)
    {
      stmt = statement (self, "UPDATE visits SET status = 'final', finalised = ? WHERE id = ?",
                        error);
      if (stmt == NULL)
        goto failed_quietly;
      bind_text_or_null (stmt, 1, now);
      sqlite3_bind_int64 (stmt, 2, visit_id);
      rc = step_done (stmt);
      if (rc != SQLITE_OK)
        goto failed;
    }

  rc = touch_patient (self, patient_id, now, error);
  if (rc != SQLITE_OK)
    goto failed;

  if (!commit (self, what_failed, error))
    return FALSE;

  /* Only now: a rolled-back save must not leave the caller with an id that
   * does not exist. */
  if (visit->id == NULL)
    visit->id = g_strdup_printf ("%" G_GINT64_FORMAT, visit_id);
  visit->status = finalise ? STRIDE_VISIT_FINAL : STRIDE_VISIT_DRAFT;
  return TRUE;

failed:
  if (error == NULL || *error == NULL)
    set_error (self, error, rc, what_failed);
failed_quietly:
  rollback (self);
  return FALSE;
}

/**
 * stride_store_save_draft:
 * @self: a store
 * @patient_id: whose visit
 * @visit: the visit; its id is set when it is new
 * @summary: (nullable): key measures
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
stride_store_save_draft (StrideStore                  *self,
                         gint64                        patient_id,
                         StrideVisit                  *visit,
                         const StrideFindingsSummary  *summary,
                         GError                      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (visit != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_visit (self, patient_id, visit, summary, FALSE, error);
}

/**
 * stride_store_finalise_visit:
 * @self: a store
 * @patient_id: whose visit
 * @visit: the visit; its id is set when it is new, its status becomes final
 * @summary: (nullable): key measures
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved and final
 */
gboolean
stride_store_finalise_visit (StrideStore                  *self,
                             gint64                        patient_id,
                             StrideVisit                  *visit,
                             const StrideFindingsSummary  *summary,
                             GError                      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (visit != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_visit (self, patient_id, visit, summary, TRUE, error);
}

/* ------------------------------------------------------------------------ */
/* Reading visits                                                           */
/* ------------------------------------------------------------------------ */

/* The latest revision of a visit: 0 until it is amended. -1 on error. */
static gint64
latest_revision (StrideStore  *self,
                 gint64        visit_id,
                 GError      **error)
{
  sqlite3_stmt *stmt = statement (self,
                                  "SELECT coalesce (max (revision), 0) FROM amendments"
                                  " WHERE visit_id = ?", error);
  gint64 revision = -1;
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    revision = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    set_error (self, error, rc, _("Could not read the visit."));

  return revision;
}

static int
read_list (StrideStore  *self,
           gint64        visit_id,
           guint         revision,
           const char   *list,
           GPtrArray    *values,
           GError      **error)
{
  sqlite3_stmt *stmt = statement (self,
                                  "SELECT value FROM plan_lists WHERE visit_id = ?"
                                  " AND revision = ? AND list = ? ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return SQLITE_ERROR;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  sqlite3_bind_text (stmt, 3, list, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, column_dup (stmt, 0));
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
read_plan (StrideStore   *self,
           gint64         visit_id,
           guint          revision,
           StridePlan   **out_plan,
           GError       **error)
{
  g_autoptr(StridePlan) plan = NULL;
  StrideRunningPlan *running;
  sqlite3_stmt *stmt;
  int rc;

  *out_plan = NULL;
  stmt = statement (self,
                    "SELECT running_rule, walkrun_stage, spike_limit_km, shortened_minutes,"
                    " shortened_km, paused, detail, next_review, maintenance, edited"
                    " FROM plans WHERE visit_id = ? AND revision = ?", error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      plan = stride_plan_new ();
      running = &plan->running;
      g_free (running->rule_id);
      running->rule_id = column_dup (stmt, 0);
      running->walkrun_stage = sqlite3_column_int (stmt, 1);
      running->has_spike_limit = column_optional_double (stmt, 2, &running->spike_limit_km);
      running->has_shortened = column_optional_double (stmt, 3, &running->shortened_minutes);
      column_optional_double (stmt, 4, &running->shortened_km);
      running->paused = sqlite3_column_int (stmt, 5) != 0;
      running->detail = column_dup (stmt, 6);
      column_date (stmt, 7, &plan->next_review);
      plan->maintenance = sqlite3_column_int (stmt, 8) != 0;
      plan->edited = sqlite3_column_int (stmt, 9) != 0;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return SQLITE_OK;
  if (rc != SQLITE_ROW)
    return rc;

  stmt = statement (self,
                    "SELECT exercise_id, sets, reps, seconds, each_side, frequency, note"
                    " FROM plan_items WHERE visit_id = ? AND revision = ? ORDER BY position",
                    error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StridePlanItem *item = stride_plan_item_new ((const char *) sqlite3_column_text (stmt, 0));

      item->sets = sqlite3_column_int (stmt, 1);
      item->reps = sqlite3_column_int (stmt, 2);
      item->seconds = sqlite3_column_int (stmt, 3);
      item->each_side = sqlite3_column_int (stmt, 4) != 0;
      item->frequency = column_dup (stmt, 5);
      item->note = column_dup (stmt, 6);
      g_ptr_array_add (plan->items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rc;

  rc = read_list (self, visit_id, revision, "advice", plan->running.advice, error);
  if (rc == SQLITE_OK)
    rc = read_list (self, visit_id, revision, "education", plan->education, error);
  if (rc == SQLITE_OK)
    *out_plan = g_steal_pointer (&plan);

  return rc;
}

/* Reads one revision of a visit; the caller holds a read transaction. */
static StrideVisit *
read_visit (StrideStore  *self,
            gint64        visit_id,
            guint         revision,
            gint64       *out_patient_id,
            GError      **error)
{
  const char *what_failed = _("Could not read the visit.");
  g_autoptr(StrideVisit) visit = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (revision == 0)
    stmt = statement (self,
                      "SELECT date, kind, status, clinician, notes, patient_id"
                      " FROM visits WHERE id = ?", error);
  else
    stmt = statement (self,
                      "SELECT a.date, a.kind, v.status, a.clinician, a.notes, v.patient_id"
                      " FROM amendments AS a JOIN visits AS v ON v.id = a.visit_id"
                      " WHERE a.visit_id = ? AND a.revision = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  if (revision > 0)
    sqlite3_bind_int64 (stmt, 2, revision);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      visit = stride_visit_new ();
      visit->id = g_strdup_printf ("%" G_GINT64_FORMAT, visit_id);
      column_date (stmt, 0, &visit->date);
      if (!stride_visit_kind_from_string ((const char *) sqlite3_column_text (stmt, 1),
                                          &visit->kind))
        visit->kind = STRIDE_VISIT_INITIAL;
      if (!stride_visit_status_from_string ((const char *) sqlite3_column_text (stmt, 2),
                                            &visit->status))
        visit->status = STRIDE_VISIT_DRAFT;
      visit->clinician = column_dup (stmt, 3);
      visit->notes = column_dup (stmt, 4);
      if (out_patient_id != NULL)
        *out_patient_id = sqlite3_column_int64 (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      if (revision == 0)
        set_not_found (error, _("visit"), visit_id);
      else
        g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND,
                     _("The visit has no amendment %u."), revision);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    goto failed;

  stmt = statement (self,
                    "SELECT item, side, value FROM answers WHERE visit_id = ? AND revision = ?",
                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    stride_answers_set (visit->answers, (const char *) sqlite3_column_text (stmt, 0),
                        side_from_db ((const char *) sqlite3_column_text (stmt, 1)),
                        (const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = statement (self,
                    "SELECT what, value, reason FROM overrides WHERE visit_id = ?"
                    " AND revision = ? ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (visit->overrides,
                     stride_override_new ((const char *) sqlite3_column_text (stmt, 0),
                                          (const char *) sqlite3_column_text (stmt, 1),
                                          (const char *) sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  rc = read_plan (self, visit_id, revision, &visit->plan, error);
  if (rc != SQLITE_OK)
    goto failed;

  return g_steal_pointer (&visit);

failed:
  if (error == NULL || *error == NULL)
    set_error (self, error, rc, what_failed);
  return NULL;
}

/* Reads the key measures of one revision; %NULL without error when none. */
static StrideFindingsSummary *
read_summary (StrideStore  *self,
              gint64        visit_id,
              guint         revision,
              GError      **error)
{
  g_autoptr(StrideFindingsSummary) summary = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = statement (self,
                    "SELECT worst_pain, run_pain, irritability, phase, triage, rtr_met, rtr_total"
                    " FROM findings_summary WHERE visit_id = ? AND revision = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *irritability = (const char *) sqlite3_column_text (stmt, 2);
      int phase = sqlite3_column_int (stmt, 3);

      summary = stride_findings_summary_new ();
      summary->has_worst_pain = column_optional_double (stmt, 0, &summary->worst_pain);
      summary->has_run_pain = column_optional_double (stmt, 1, &summary->run_pain);
      summary->has_irritability = irritability != NULL
                                  && stride_irritability_from_string (irritability,
                                                                      &summary->irritability);
      summary->phase = phase >= STRIDE_PHASE_NONE && phase <= STRIDE_PHASE_3
                       ? (StridePhase) phase : STRIDE_PHASE_NONE;
      if (!stride_triage_from_string ((const char *) sqlite3_column_text (stmt, 4),
                                      &summary->triage))
        summary->triage = STRIDE_TRIAGE_NONE;
      summary->rtr_met = (guint) sqlite3_column_int64 (stmt, 5);
      summary->rtr_total = (guint) sqlite3_column_int64 (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      set_error (self, error, rc, _("Could not read the visit’s measures."));
      return NULL;
    }

  stmt = statement (self,
                    "SELECT test_id, value_none, value_left, value_right, lsi FROM summary_tests"
                    " WHERE visit_id = ? AND revision = ? ORDER BY position", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StrideSummaryTest *test = stride_summary_test_new ((const char *) sqlite3_column_text (stmt, 0));

      for (guint side = 0; side < 3; side++)
        test->tested[side] = column_optional_double (stmt, 1 + side, &test->value[side]);
      test->has_lsi = column_optional_double (stmt, 4, &test->lsi);
      g_ptr_array_add (summary->tests, test);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error (self, error, rc, _("Could not read the visit’s measures."));
      return NULL;
    }

  return g_steal_pointer (&summary);
}

/**
 * stride_store_load_visit:
 * @self: a store
 * @visit_id: the visit
 * @out_patient_id: (out) (optional): whose visit it is
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the visit as it stands now
 */
StrideVisit *
stride_store_load_visit (StrideStore  *self,
                         gint64        visit_id,
                         gint64       *out_patient_id,
                         GError      **error)
{
  StrideVisit *visit = NULL;
  gboolean began;
  gint64 revision;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  began = begin_read (self);
  revision = latest_revision (self, visit_id, error);
  if (revision >= 0)
    visit = read_visit (self, visit_id, (guint) revision, out_patient_id, error);
  end_read (self, began);

  return visit;
}

/**
 * stride_store_load_visit_revision:
 * @self: a store
 * @visit_id: the visit
 * @revision: 0 for the visit as finalised, n for after amendment n
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): that revision of the visit
 */
StrideVisit *
stride_store_load_visit_revision (StrideStore  *self,
                                  gint64        visit_id,
                                  guint         revision,
                                  GError      **error)
{
  StrideVisit *visit;
  gboolean began;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  began = begin_read (self);
  visit = read_visit (self, visit_id, revision, NULL, error);
  end_read (self, began);

  return visit;
}

/**
 * stride_store_load_summary:
 * @self: a store
 * @visit_id: the visit
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the key measures of the latest
 *   revision, %NULL without error when none were saved
 */
StrideFindingsSummary *
stride_store_load_summary (StrideStore  *self,
                           gint64        visit_id,
                           GError      **error)
{
  StrideFindingsSummary *summary = NULL;
  gboolean began;
  gint64 revision;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  began = begin_read (self);
  revision = latest_revision (self, visit_id, error);
  if (revision >= 0)
    summary = read_summary (self, visit_id, (guint) revision, error);
  end_read (self, began);

  return summary;
}

/* The ids of a patient's visits in the order of the history: by the date
 * they have now, then by id; an undated draft last. */
static GArray *
visit_ids_in_order (StrideStore  *self,
                    gint64        patient_id,
                    gboolean      final_only,
                    GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = statement (self,
                    final_only
                    ? "SELECT v.id FROM visits AS v WHERE v.patient_id = ? AND v.status = 'final'"
                      " ORDER BY coalesce (" EFFECTIVE_DATE ("v") ", '9999-12-31'), v.id"
                    : "SELECT v.id FROM visits AS v WHERE v.patient_id = ?"
                      " ORDER BY coalesce (" EFFECTIVE_DATE ("v") ", '9999-12-31'), v.id",
                    error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, patient_id);
  return collect_ids (self, stmt, error);
}

static gboolean
read_visits (StrideStore       *self,
             GArray            *ids,
             StrideAssessment  *assessment,
             GError           **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gint64 revision = latest_revision (self, id, error);
      StrideVisit *visit;

      if (revision < 0)
        return FALSE;
      visit = read_visit (self, id, (guint) revision, NULL, error);
      if (visit == NULL)
        return FALSE;
      g_ptr_array_add (assessment->visits, visit);
    }

  return TRUE;
}

static StrideAssessment *
load_record (StrideStore  *self,
             gint64        patient_id,
             gint64        up_to_visit_id,
             GError      **error)
{
  g_autoptr(StrideAssessment) assessment = stride_assessment_new ();
  g_autoptr(StridePatient) patient = NULL;
  g_autoptr(GArray) ids = NULL;

  patient = stride_store_get_patient (self, patient_id, error);
  if (patient == NULL)
    return NULL;
  stride_patient_free (assessment->patient);
  assessment->patient = g_steal_pointer (&patient);

  if (up_to_visit_id == 0)
    {
      ids = visit_ids_in_order (self, patient_id, FALSE, error);
      if (ids == NULL)
        return NULL;
    }
  else
    {
      /* Final visits before the one judged, then that one: a draft that was
       * abandoned is not history. */
      g_autoptr(GArray) finals = visit_ids_in_order (self, patient_id, TRUE, error);
      g_autoptr(GArray) all = NULL;

      if (finals == NULL)
        return NULL;
      all = visit_ids_in_order (self, patient_id, FALSE, error);
      if (all == NULL)
        return NULL;

      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < all->len; i++)
        {
          gint64 id = g_array_index (all, gint64, i);
          gboolean final = FALSE;

          if (id == up_to_visit_id)
            {
              g_array_append_val (ids, id);
              break;
            }
          for (guint j = 0; j < finals->len && !final; j++)
            final = g_array_index (finals, gint64, j) == id;
          if (final)
            g_array_append_val (ids, id);
        }
    }

  if (!read_visits (self, ids, assessment, error))
    return NULL;

  return g_steal_pointer (&assessment);
}

/**
 * stride_store_load_assessment:
 * @self: a store
 * @visit_id: the visit to judge
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the patient, their final visits
 *   before @visit_id and @visit_id itself, oldest first
 */
StrideAssessment *
stride_store_load_assessment (StrideStore  *self,
                              gint64        visit_id,
                              GError      **error)
{
  StrideAssessment *assessment = NULL;
  sqlite3_stmt *stmt;
  gint64 patient_id = 0;
  gboolean began;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  began = begin_read (self);
  stmt = statement (self, "SELECT patient_id FROM visits WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, visit_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        patient_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (rc == SQLITE_ROW)
        assessment = load_record (self, patient_id, visit_id, error);
      else if (rc == SQLITE_DONE)
        set_not_found (error, _("visit"), visit_id);
      else
        set_error (self, error, rc, _("Could not read the visit."));
    }
  end_read (self, began);

  return assessment;
}

/**
 * stride_store_load_patient_record:
 * @self: a store
 * @patient_id: the patient
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the patient and every visit
 */
StrideAssessment *
stride_store_load_patient_record (StrideStore  *self,
                                  gint64        patient_id,
                                  GError      **error)
{
  StrideAssessment *assessment;
  gboolean began;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  began = begin_read (self);
  assessment = load_record (self, patient_id, 0, error);
  end_read (self, began);

  return assessment;
}

/**
 * stride_store_list_history:
 * @self: a store
 * @patient_id: the patient
 * @error: return location for a #GError
 *
 * One query for the visits, two per visit for its measures, all on indexes.
 *
 * Returns: (transfer full) (element-type StrideHistoryEntry): oldest first
 */
GPtrArray *
stride_store_list_history (StrideStore  *self,
                           gint64        patient_id,
                           GError      **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  gboolean began;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  began = begin_read (self);

  stmt = statement (self, "SELECT 1 FROM patients WHERE id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found (error, _("patient"), patient_id);
      goto out;
    }
  if (rc != SQLITE_ROW)
    {
      set_error (self, error, rc, _("Could not read the patient’s history."));
      goto out;
    }

  stmt = statement (self,
                    "SELECT v.id, coalesce (a.date, v.date), coalesce (a.kind, v.kind), v.status,"
                    " coalesce (a.revision, 0)"
                    " FROM visits AS v LEFT JOIN amendments AS a ON a.visit_id = v.id"
                    "  AND a.revision = (SELECT max (revision) FROM amendments"
                    "                    WHERE visit_id = v.id)"
                    " WHERE v.patient_id = ?"
                    " ORDER BY coalesce (coalesce (a.date, v.date), '9999-12-31'), v.id", error);
  if (stmt == NULL)
    goto out;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_history_entry_free);
  sqlite3_bind_int64 (stmt, 1, patient_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StrideHistoryEntry *entry = g_new0 (StrideHistoryEntry, 1);

      entry->visit_id = sqlite3_column_int64 (stmt, 0);
      column_date (stmt, 1, &entry->date);
      if (!stride_visit_kind_from_string ((const char *) sqlite3_column_text (stmt, 2),
                                          &entry->kind))
        entry->kind = STRIDE_VISIT_INITIAL;
      if (!stride_visit_status_from_string ((const char *) sqlite3_column_text (stmt, 3),
                                            &entry->status))
        entry->status = STRIDE_VISIT_DRAFT;
      entry->n_amendments = (guint) sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error (self, error, rc, _("Could not read the patient’s history."));
      g_clear_pointer (&entries, g_ptr_array_unref);
      goto out;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      StrideHistoryEntry *entry = g_ptr_array_index (entries, i);
      GError *local_error = NULL;

      entry->summary = read_summary (self, entry->visit_id, entry->n_amendments, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          g_clear_pointer (&entries, g_ptr_array_unref);
          goto out;
        }
    }

out:
  end_read (self, began);
  return g_steal_pointer (&entries);
}

/* ------------------------------------------------------------------------ */
/* Amendments                                                               */
/* ------------------------------------------------------------------------ */

static void
add_change (GPtrArray  *changes,
            const char *field,
            const char *old_value,
            const char *new_value)
{
  StrideAmendmentChange *change;

  if (g_strcmp0 (old_value, new_value) == 0)
    return;

  change = g_new0 (StrideAmendmentChange, 1);
  change->field = g_strdup (field);
  change->old_value = g_strdup (old_value);
  change->new_value = g_strdup (new_value);
  g_ptr_array_add (changes, change);
}

static void
amendment_change_free (StrideAmendmentChange *change)
{
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static char *
override_text (const StrideVisit *visit,
               const char        *what)
{
  const StrideOverride *o = stride_visit_get_override (visit, what);

  if (o == NULL)
    return NULL;
  if (o->reason == NULL || *o->reason == '\0')
    return g_strdup (o->value);

  return g_strdup_printf ("%s (%s)", o->value, o->reason);
}

/* A plan in one line, for the record of what an amendment changed. */
static char *
plan_text (const StridePlan *plan)
{
  GString *text;

  if (plan == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);
      g_autofree char *dose = stride_plan_item_format_dose (item);

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", item->exercise_id);
      if (*dose != '\0')
        g_string_append_printf (text, " %s", dose);
      if (item->frequency != NULL)
        g_string_append_printf (text, " %s", item->frequency);
      if (item->note != NULL && *item->note != '\0')
        g_string_append_printf (text, " (%s)", item->note);
    }
  g_string_append_printf (text, " | %s", plan->running.rule_id);
  if (plan->running.detail != NULL)
    g_string_append_printf (text, ": %s", plan->running.detail);
  if (plan->education->len > 0)
    {
      g_string_append (text, " | ");
      for (guint i = 0; i < plan->education->len; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                                (const char *) g_ptr_array_index (plan->education, i));
    }
  if (g_date_valid (&plan->next_review))
    {
      g_autofree char *date = date_to_text (&plan->next_review);

      g_string_append_printf (text, " | %s", date);
    }

  return g_string_free (text, FALSE);
}

static char *
summary_text (const StrideFindingsSummary *summary)
{
  GString *text;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (summary == NULL)
    return NULL;

  text = g_string_new (NULL);
  g_string_append_printf (text, "phase %d, triage %s", (int) summary->phase,
                          stride_triage_to_string (summary->triage));
  if (summary->has_irritability)
    g_string_append_printf (text, ", irritability %s",
                            stride_irritability_to_string (summary->irritability));
  if (summary->has_worst_pain)
    g_string_append_printf (text, ", worst pain %s",
                            g_ascii_dtostr (number, sizeof number, summary->worst_pain));
  if (summary->has_run_pain)
    g_string_append_printf (text, ", pain running %s",
                            g_ascii_dtostr (number, sizeof number, summary->run_pain));
  g_string_append_printf (text, ", RTR %u/%u", summary->rtr_met, summary->rtr_total);
  return g_string_free (text, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The keys of @table, unowned, sorted (2.74 has no get_keys_as_ptr_array). */
static GPtrArray *
hash_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

/* What differs between two revisions, field by field. */
static GPtrArray *
diff_visits (const StrideVisit            *old_visit,
             const StrideVisit            *new_visit,
             const StrideFindingsSummary  *old_summary,
             const StrideFindingsSummary  *new_summary)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) amendment_change_free);
  g_autoptr(GPtrArray) old_keys = stride_answers_list_keys (old_visit->answers);
  g_autoptr(GPtrArray) new_keys = stride_answers_list_keys (new_visit->answers);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GHashTable) whats = g_hash_table_new (g_str_hash, g_str_equal);

  {
    g_autofree char *old_date = date_to_text (&old_visit->date);
    g_autofree char *new_date = date_to_text (&new_visit->date);

    add_change (changes, "date", old_date, new_date);
  }
  add_change (changes, "kind", stride_visit_kind_to_string (old_visit->kind),
              stride_visit_kind_to_string (new_visit->kind));
  add_change (changes, "clinician", old_visit->clinician, new_visit->clinician);
  add_change (changes, "notes", old_visit->notes, new_visit->notes);

  for (guint i = 0; i < old_keys->len; i++)
    g_hash_table_add (keys, g_ptr_array_index (old_keys, i));
  for (guint i = 0; i < new_keys->len; i++)
    g_hash_table_add (keys, g_ptr_array_index (new_keys, i));
  sorted = hash_keys (keys);
  g_ptr_array_sort (sorted, compare_strings);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *key = g_ptr_array_index (sorted, i);
      g_autofree char *item = NULL;
      g_autofree char *field = NULL;
      StrideSide side;

      if (!stride_answers_split_key (key, &item, &side))
        continue;
      field = g_strconcat ("answer:", key, NULL);
      add_change (changes, field, stride_answers_get (old_visit->answers, item, side),
                  stride_answers_get (new_visit->answers, item, side));
    }

  for (guint i = 0; i < old_visit->overrides->len; i++)
    g_hash_table_add (whats, ((StrideOverride *) g_ptr_array_index (old_visit->overrides, i))->what);
  for (guint i = 0; i < new_visit->overrides->len; i++)
    g_hash_table_add (whats, ((StrideOverride *) g_ptr_array_index (new_visit->overrides, i))->what);
  {
    g_autoptr(GPtrArray) what_list = hash_keys (whats);

    g_ptr_array_sort (what_list, compare_strings);

    for (guint i = 0; i < what_list->len; i++)
      {
        const char *what = g_ptr_array_index (what_list, i);
        g_autofree char *field = g_strconcat ("override:", what, NULL);
        g_autofree char *old_value = override_text (old_visit, what);
        g_autofree char *new_value = override_text (new_visit, what);

        add_change (changes, field, old_value, new_value);
      }
  }

  if ((old_visit->plan == NULL) != (new_visit->plan == NULL)
      || (old_visit->plan != NULL && !stride_plan_equal (old_visit->plan, new_visit->plan)))
    {
      g_autofree char *old_value = plan_text (old_visit->plan);
      g_autofree char *new_value = plan_text (new_visit->plan);

      /* Two plans can differ in what one line does not show (a flag): say so. */
      if (g_strcmp0 (old_value, new_value) == 0)
        {
          g_free (new_value);
          new_value = g_strconcat (old_value != NULL ? old_value : "", " (edited)", NULL);
        }
      add_change (changes, "plan", old_value, new_value);
    }

  if ((old_summary == NULL) != (new_summary == NULL)
      || (old_summary != NULL && !stride_findings_summary_equal (old_summary, new_summary)))
    {
      g_autofree char *old_value = summary_text (old_summary);
      g_autofree char *new_value = summary_text (new_summary);

      if (g_strcmp0 (old_value, new_value) == 0)
        {
          g_free (new_value);
          new_value = g_strconcat (old_value != NULL ? old_value : "", " (tests changed)", NULL);
        }
      add_change (changes, "summary", old_value, new_value);
    }

  return changes;
}

/* The latest revision of @visit_id and its key measures (%NULL when none
 * were stored): what an amendment is compared with. Within a transaction. */
static StrideVisit *
read_latest_revision (StrideStore            *self,
                      gint64                  visit_id,
                      gint64                 *out_revision,
                      gint64                 *out_patient_id,
                      StrideFindingsSummary **out_summary,
                      GError                **error)
{
  g_autoptr(StrideVisit) visit = NULL;
  GError *local_error = NULL;
  gint64 revision = latest_revision (self, visit_id, error);

  if (revision < 0)
    return NULL;
  visit = read_visit (self, visit_id, (guint) revision, out_patient_id, error);
  if (visit == NULL)
    return NULL;
  *out_summary = read_summary (self, visit_id, (guint) revision, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  *out_revision = revision;
  return g_steal_pointer (&visit);
}

/**
 * stride_store_visit_has_changes:
 * @self: a store
 * @visit: a saved visit, as the clinician has it now
 * @summary: (nullable): key measures of @visit as it is now (%NULL: the
 *   stored ones)
 * @has_changes: (out): whether @visit differs from its latest stored revision
 *   in anything an amendment would record
 * @error: return location for a #GError
 *
 * Tells whether an amendment of @visit would store anything: the app asks
 * before it lets a correction be left unsaved.
 *
 * Returns: %TRUE when @has_changes is set; %FALSE with @error set
 */
gboolean
stride_store_visit_has_changes (StrideStore                  *self,
                                const StrideVisit            *visit,
                                const StrideFindingsSummary  *summary,
                                gboolean                     *has_changes,
                                GError                      **error)
{
  g_autoptr(StrideVisit) current = NULL;
  g_autoptr(StrideFindingsSummary) current_summary = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 visit_id, revision;
  gboolean began;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (visit != NULL && has_changes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  visit_id = parse_id (visit->id);
  if (visit_id == 0)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                   _("The visit is not saved in this database."));
      return FALSE;
    }

  began = begin_read (self);
  current = read_latest_revision (self, visit_id, &revision, NULL, &current_summary, error);
  end_read (self, began);
  if (current == NULL)
    return FALSE;

  changes = diff_visits (current, visit, current_summary,
                         summary != NULL ? summary : current_summary);
  *has_changes = changes->len > 0;
  return TRUE;
}

/**
 * stride_store_amend_visit:
 * @self: a store
 * @visit: the final visit with its corrected content
 * @summary: (nullable): key measures of the corrected content (%NULL keeps
 *   the previous ones)
 * @reason: why the visit is amended
 * @error: return location for a #GError
 *
 * Returns: the new revision, or 0 with @error set
 */
guint
stride_store_amend_visit (StrideStore                  *self,
                          const StrideVisit            *visit,
                          const StrideFindingsSummary  *summary,
                          const char                   *reason,
                          GError                      **error)
{
  const char *what_failed = _("Could not save the amendment.");
  g_autoptr(StrideVisit) current = NULL;
  g_autoptr(StrideFindingsSummary) current_summary = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *now = now_text ();
  g_autofree char *reason_text = NULL;
  const StrideFindingsSummary *new_summary;
  sqlite3_stmt *stmt;
  gint64 visit_id, revision, patient_id = 0, amendment_id;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), 0);
  g_return_val_if_fail (visit != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  reason_text = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*reason_text == '\0' || !g_utf8_validate (reason_text, -1, NULL))
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                   _("An amendment of a final visit needs a reason."));
      return 0;
    }
  visit_id = parse_id (visit->id);
  if (visit_id == 0)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                   _("Only a saved, final visit can be amended."));
      return 0;
    }
  if (!check_visit (visit, error))
    return 0;

  if (!begin_write (self, what_failed, error))
    return 0;

  current = read_latest_revision (self, visit_id, &revision, &patient_id, &current_summary,
                                  error);
  if (current == NULL)
    goto failed_quietly;
  if (current->status != STRIDE_VISIT_FINAL)
    {
      rollback (self);
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FINAL,
                   _("The visit is still a draft: save it as a draft instead of amending it."));
      return 0;
    }

  new_summary = summary != NULL ? summary : current_summary;
  changes = diff_visits (current, visit, current_summary, new_summary);
  if (changes->len == 0)
    {
      rollback (self);
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                   _("The amendment changes nothing in the visit."));
      return 0;
    }

  revision++;
  stmt = statement (self,
                    "INSERT INTO amendments (visit_id, revision, time, reason, date, kind,"
                    " clinician, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed_quietly;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  bind_text_or_null (stmt, 3, now);
  bind_text_or_null (stmt, 4, reason_text);
  bind_date (stmt, 5, &visit->date);
  sqlite3_bind_text (stmt, 6, stride_visit_kind_to_string (visit->kind), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 7, visit->clinician);
  bind_text_or_null (stmt, 8, visit->notes);
  rc = step_done (stmt);
  if (rc != SQLITE_OK)
    goto failed;
  amendment_id = sqlite3_last_insert_rowid (self->db);

  stmt = statement (self,
                    "INSERT INTO amendment_changes (amendment_id, position, field, old_value,"
                    " new_value) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed_quietly;
  for (guint i = 0; i < changes->len; i++)
    {
      const StrideAmendmentChange *change = g_ptr_array_index (changes, i);

      sqlite3_bind_int64 (stmt, 1, amendment_id);
      sqlite3_bind_int64 (stmt, 2, i);
      bind_text_or_null (stmt, 3, change->field);
      bind_text_or_null (stmt, 4, change->old_value);
      bind_text_or_null (stmt, 5, change->new_value);
      rc = step_done (stmt);
      if (rc != SQLITE_OK)
        goto failed;
    }

  rc = write_content (self, visit_id, (guint) revision, visit, new_summary, error);
  if (rc != SQLITE_OK)
    goto failed;
  rc = touch_patient (self, patient_id, now, error);
  if (rc != SQLITE_OK)
    goto failed;

  if (!commit (self, what_failed, error))
    return 0;

  return (guint) revision;

failed:
  if (error == NULL || *error == NULL)
    set_error (self, error, rc, what_failed);
failed_quietly:
  rollback (self);
  return 0;
}

/**
 * stride_store_list_amendments:
 * @self: a store
 * @visit_id: a visit
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type StrideAmendment): oldest first
 */
GPtrArray *
stride_store_list_amendments (StrideStore  *self,
                              gint64        visit_id,
                              GError      **error)
{
  const char *what_failed = _("Could not read the visit’s amendments.");
  g_autoptr(GPtrArray) amendments = NULL;
  sqlite3_stmt *stmt;
  sqlite3_stmt *changes_stmt;
  gboolean began;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  began = begin_read (self);
  stmt = statement (self, "SELECT id, revision, time, reason FROM amendments"
                          " WHERE visit_id = ? ORDER BY revision", error);
  changes_stmt = stmt == NULL ? NULL
                 : statement (self, "SELECT field, old_value, new_value FROM amendment_changes"
                                    " WHERE amendment_id = ? ORDER BY position", error);
  if (changes_stmt == NULL)
    goto out;

  amendments = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_amendment_free);
  sqlite3_bind_int64 (stmt, 1, visit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StrideAmendment *amendment = g_new0 (StrideAmendment, 1);

      amendment->id = sqlite3_column_int64 (stmt, 0);
      amendment->visit_id = visit_id;
      amendment->revision = (guint) sqlite3_column_int64 (stmt, 1);
      amendment->time = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 2),
                                                      NULL);
      amendment->reason = column_dup (stmt, 3);
      amendment->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) amendment_change_free);
      g_ptr_array_add (amendments, amendment);

      sqlite3_reset (changes_stmt);
      sqlite3_bind_int64 (changes_stmt, 1, amendment->id);
      while ((rc = sqlite3_step (changes_stmt)) == SQLITE_ROW)
        {
          StrideAmendmentChange *change = g_new0 (StrideAmendmentChange, 1);

          change->field = column_dup (changes_stmt, 0);
          change->old_value = column_dup (changes_stmt, 1);
          change->new_value = column_dup (changes_stmt, 2);
          g_ptr_array_add (amendment->changes, change);
        }
      sqlite3_reset (changes_stmt);
      if (rc != SQLITE_DONE)
        break;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error (self, error, rc, what_failed);
      g_clear_pointer (&amendments, g_ptr_array_unref);
    }

out:
  end_read (self, began);
  return g_steal_pointer (&amendments);
}

/**
 * stride_store_delete_draft:
 * @self: a store
 * @visit_id: a draft visit
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the draft is gone
 */
gboolean
stride_store_delete_draft (StrideStore  *self,
                           gint64        visit_id,
                           GError      **error)
{
  const char *what_failed = _("Could not discard the draft.");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, what_failed, error))
    return FALSE;

  stmt = statement (self, "SELECT status FROM visits WHERE id = ?", error);
  if (stmt == NULL)
    goto failed_quietly;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "final") == 0)
    {
      sqlite3_reset (stmt);
      rollback (self);
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_FINAL,
                   _("The visit is final: it is kept with the patient’s record."));
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      rollback (self);
      return set_not_found (error, _("visit"), visit_id);
    }
  if (rc != SQLITE_ROW)
    goto failed;

  stmt = statement (self, "DELETE FROM visits WHERE id = ? AND status = 'draft'", error);
  if (stmt == NULL)
    goto failed_quietly;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  rc = step_done (stmt);
  if (rc != SQLITE_OK)
    goto failed;

  return commit (self, what_failed, error);

failed:
  set_error (self, error, rc, what_failed);
failed_quietly:
  rollback (self);
  return FALSE;
}

/**
 * stride_store_import_assessment:
 * @self: a store
 * @assessment: the patient and visits to add
 * @out_patient_id: (out) (optional): the new patient's id
 * @error: return location for a #GError
 *
 * Returns: %TRUE when everything was imported (and nothing otherwise)
 */
gboolean
stride_store_import_assessment (StrideStore             *self,
                                const StrideAssessment  *assessment,
                                gint64                  *out_patient_id,
                                GError                 **error)
{
  return stride_store_import_assessment_with_summaries (self, assessment, NULL,
                                                        out_patient_id, error);
}

/**
 * stride_store_import_assessment_with_summaries:
 * @self: a store
 * @assessment: the patient and visits to add
 * @summaries: (nullable) (element-type StrideFindingsSummary): the key
 *   measures of each visit, in the order of @assessment's visits, so the
 *   imported history shows in charts and `history` at once
 * @out_patient_id: (out) (optional): the new patient's id
 * @error: return location for a #GError
 *
 * As stride_store_import_assessment(), in the same single transaction.
 *
 * Returns: %TRUE when everything was imported (and nothing otherwise)
 */
gboolean
stride_store_import_assessment_with_summaries (StrideStore             *self,
                                               const StrideAssessment  *assessment,
                                               GPtrArray               *summaries,
                                               gint64                  *out_patient_id,
                                               GError                 **error)
{
  g_autoptr(StridePatient) patient = NULL;
  gint64 patient_id;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (assessment != NULL && assessment->patient != NULL, FALSE);
  g_return_val_if_fail (summaries == NULL || summaries->len == assessment->visits->len, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  patient = stride_patient_copy (assessment->patient);
  g_clear_pointer (&patient->id, g_free);
  if (!check_patient (patient, error))
    return FALSE;

  if (!stride_store_batch_begin (self, error))
    return FALSE;

  patient_id = stride_store_create_patient (self, patient, error);
  if (patient_id == 0)
    goto failed;

  for (guint i = 0; assessment->visits != NULL && i < assessment->visits->len; i++)
    {
      /* A shallow copy without the document's id: save_visit() only sets
       * the id and status of what it is given. */
      StrideVisit visit = *(StrideVisit *) g_ptr_array_index (assessment->visits, i);
      gboolean ok;

      visit.id = NULL;
      ok = save_visit (self, patient_id, &visit,
                       summaries != NULL ? g_ptr_array_index (summaries, i) : NULL,
                       visit.status == STRIDE_VISIT_FINAL, error);
      g_free (visit.id);
      if (!ok)
        goto failed;
    }

  if (!stride_store_batch_commit (self, error))
    return FALSE;

  if (out_patient_id != NULL)
    *out_patient_id = patient_id;
  return TRUE;

failed:
  stride_store_batch_rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Backup and restore                                                       */
/* ------------------------------------------------------------------------ */

static void
remove_sqlite_files (const char *path)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static gboolean
sync_file (const char  *path,
           gboolean     directory,
           GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, STRIDE_STORE_ERROR,
                   saved_errno == ENOSPC ? STRIDE_STORE_ERROR_FULL : STRIDE_STORE_ERROR_IO,
                   _("Could not write “%s” to disk: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Copies every page of @src into @dest with the backup API. A busy source is
 * waited for rather than failing at once. */
static int
copy_database (sqlite3 *dest,
               sqlite3 *src)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  int rc;

  if (backup == NULL)
    return sqlite3_errcode (dest);

  for (guint tries = 0; ; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries < BUSY_TIMEOUT_MS / 10)
        {
          sqlite3_sleep (10);
          continue;
        }
      break;
    }

  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  if (sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_OK)
    rc = sqlite3_errcode (dest);

  return rc;
}

/* Writes a copy of @db's database to @dest_path: a 0600 temporary file
 * beside it, synced, then renamed over it. */
static gboolean
backup_connection (sqlite3     *db,
                   const char  *db_path,
                   const char  *dest_path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *base = g_path_get_basename (dest_path);
  g_autofree char *tmp_path = NULL;
  sqlite3 *dest = NULL;
  int fd, rc;

  tmp_path = g_strdup_printf ("%s/.%s.tmp-XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, STRIDE_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM
                   ? STRIDE_STORE_ERROR_READ_ONLY
                   : saved_errno == ENOSPC ? STRIDE_STORE_ERROR_FULL : STRIDE_STORE_ERROR_IO,
                   _("Could not write the backup “%s”: %s."), dest_path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  fchmod (fd, 0600);
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc == SQLITE_OK)
    rc = copy_database (dest, db);
  /* A backup is one self-contained file: no -wal beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not write the backup “%s”."), dest_path);

      stride_store_set_sqlite_error (error, dest, rc, db_path, what);
      sqlite3_close_v2 (dest);
      remove_sqlite_files (tmp_path);
      return FALSE;
    }
  sqlite3_close_v2 (dest);

  if (!sync_file (tmp_path, FALSE, error))
    {
      remove_sqlite_files (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_IO,
                   _("Could not write the backup “%s”: %s."), dest_path,
                   g_strerror (saved_errno));
      remove_sqlite_files (tmp_path);
      return FALSE;
    }

  return sync_file (dir, TRUE, error);
}

/**
 * stride_store_backup:
 * @self: a store
 * @dest_path: the backup file to write
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the backup is complete on disk
 */
gboolean
stride_store_backup (StrideStore  *self,
                     const char   *dest_path,
                     GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return backup_connection (self->db, self->path, dest_path, error);
}

/* Opens a backup read-only and checks it is a healthy Stride database this
 * version can read. */
static sqlite3 *
open_backup (const char  *backup_path,
             int         *out_version,
             GError     **error)
{
  sqlite3 *src;
  GStatBuf st;

  if (g_lstat (backup_path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND,
                   _("The backup “%s” does not exist or is not a file."), backup_path);
      return NULL;
    }

  src = open_connection (backup_path, TRUE, error);
  if (src == NULL)
    return NULL;

  if (!check_identity (src, backup_path, out_version, error)
      || !check_database (src, "PRAGMA quick_check", backup_path, error))
    {
      sqlite3_close_v2 (src);
      return NULL;
    }

  if (*out_version == 0)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is empty: it holds no Stride records."), backup_path);
      sqlite3_close_v2 (src);
      return NULL;
    }

  return src;
}

/**
 * stride_store_restore:
 * @self: a store
 * @backup_path: a backup
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the store now holds the backup's records
 */
gboolean
stride_store_restore (StrideStore  *self,
                      const char   *backup_path,
                      GError      **error)
{
  g_autofree char *safety = NULL;
  sqlite3 *src;
  int version = 0, rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  src = open_backup (backup_path, &version, error);
  if (src == NULL)
    return FALSE;

  safety = kept_copy_path (self->path, ".before-restore");
  if (!backup_connection (self->db, self->path, safety, error))
    {
      g_prefix_error (error, _("Nothing was restored, because the current records could not "
                               "be saved first: "));
      sqlite3_close_v2 (src);
      return FALSE;
    }

  /* The statements hold the old schema; drop them before it is replaced. */
  g_hash_table_remove_all (self->statements);
  rc = copy_database (self->db, src);
  sqlite3_close_v2 (src);
  if (rc != SQLITE_OK)
    {
      stride_store_set_sqlite_error (error, self->db, rc, self->path,
                                     _("Could not restore the backup."));
      return FALSE;
    }

  return upgrade_schema (self->db, self->path, version, error);
}

static gboolean
move_aside (const char  *path,
            const char  *aside,
            GError     **error)
{
  if (g_rename (path, aside) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_IO,
                   _("Could not move “%s” aside: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * stride_store_restore_file:
 * @db_path: a database that could not be opened
 * @backup_path: a backup
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @db_path holds the backup's records
 */
gboolean
stride_store_restore_file (const char  *db_path,
                           const char  *backup_path,
                           GError     **error)
{
  g_autofree char *stamp = now_stamp ();
  g_autofree char *aside = NULL;
  g_autofree char *tmp_path = NULL;
  sqlite3 *src;
  int version = 0;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  src = open_backup (backup_path, &version, error);
  if (src == NULL)
    return FALSE;

  if (!stride_data_dir_ensure_parent (db_path, error))
    {
      sqlite3_close_v2 (src);
      return FALSE;
    }

  tmp_path = g_strdup_printf ("%s.restoring-%s", db_path, stamp);
  if (!backup_connection (src, backup_path, tmp_path, error))
    {
      sqlite3_close_v2 (src);
      return FALSE;
    }
  sqlite3_close_v2 (src);

  /* The damaged file is kept: it may still hold something the backup lacks. */
  aside = kept_copy_path (db_path, ".damaged");
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
    g_autofree char *wal_aside = g_strconcat (aside, "-wal", NULL);
    g_autofree char *shm_aside = g_strconcat (aside, "-shm", NULL);

    if (!move_aside (db_path, aside, error)
        || !move_aside (wal, wal_aside, error)
        || !move_aside (shm, shm_aside, error))
      {
        remove_sqlite_files (tmp_path);
        return FALSE;
      }
  }

  if (g_rename (tmp_path, db_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_IO,
                   _("Could not put the backup in place of “%s”: %s. The damaged file is "
                     "kept as “%s”."), db_path, g_strerror (saved_errno), aside);
      return FALSE;
    }

  {
    g_autofree char *dir = g_path_get_dirname (db_path);

    return sync_file (dir, TRUE, error);
  }
}
