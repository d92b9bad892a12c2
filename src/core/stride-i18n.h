/* stride-i18n.h: gettext set-up shared by every layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

void   stride_i18n_init            (void);
char  *stride_i18n_collapse_space  (const char *text);
const char *stride_i18n_data_text  (const char *text);

typedef struct _StrideLanguageSwitch StrideLanguageSwitch;

StrideLanguageSwitch *stride_i18n_switch_language  (const char           *lang);
void                  stride_i18n_restore_language (StrideLanguageSwitch *saved);

G_END_DECLS
