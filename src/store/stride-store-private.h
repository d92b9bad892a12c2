/* stride-store-private.h: the store's internals, for its own files and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "stride-store.h"

G_BEGIN_DECLS

/* 'STRD': marks a database file as Stride's (`PRAGMA application_id`). */
#define STRIDE_STORE_APPLICATION_ID 0x53545244

/* For tests: the store's own connection (e.g. `PRAGMA max_page_count`,
 * which only holds for the connection that sets it). */
sqlite3  *stride_store_get_handle        (StrideStore  *self);

/* Many saves in one transaction (imports, the benchmark). */
gboolean  stride_store_batch_begin       (StrideStore  *self,
                                          GError      **error);
gboolean  stride_store_batch_commit      (StrideStore  *self,
                                          GError      **error);
void      stride_store_batch_rollback    (StrideStore  *self);

/* stride-store-schema.c */
gboolean  stride_store_schema_create     (sqlite3      *db,
                                          GError      **error);
gboolean  stride_store_schema_migrate    (sqlite3      *db,
                                          int           from_version,
                                          GError      **error);
gboolean  stride_store_index_name        (sqlite3      *db,
                                          gint64        patient_id,
                                          const char   *old_folded,
                                          const char   *new_folded,
                                          GError      **error);
void      stride_store_register_functions (sqlite3     *db);

/* stride-store.c */
gboolean  stride_store_exec              (sqlite3      *db,
                                          const char   *sql,
                                          GError      **error);
void      stride_store_set_sqlite_error  (GError      **error,
                                          sqlite3      *db,
                                          int           rc,
                                          const char   *path,
                                          const char   *action);

G_END_DECLS
