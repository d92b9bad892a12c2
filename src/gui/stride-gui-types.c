/* stride-gui-types.c: registers the widget types that .ui files name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "stride-gui-types.h"
#include "stride-document-preview.h"
#include "stride-documents-page.h"
#include "stride-entry-row.h"
#include "stride-exercise-chooser.h"
#include "stride-figure-area.h"
#include "stride-findings-page.h"
#include "stride-plan-page.h"
#include "stride-history-page.h"
#include "stride-item-row.h"
#include "stride-items-page.h"
#include "stride-load-page.h"
#include "stride-movement-page.h"
#include "stride-patient-dialog.h"
#include "stride-patient-page.h"
#include "stride-preferences-window.h"
#include "stride-progress-chart.h"
#include "stride-red-flags-page.h"
#include "stride-visit-view.h"
#include "stride-window.h"

/**
 * stride_gui_ensure_types:
 *
 * GtkBuilder finds a custom widget type by name only once it is registered;
 * every Stride widget type is listed here, so templates and tests can use it.
 */
void
stride_gui_ensure_types (void)
{
  g_type_ensure (STRIDE_TYPE_ENTRY_ROW);
  g_type_ensure (STRIDE_TYPE_ITEM_ROW);
  g_type_ensure (STRIDE_TYPE_ITEMS_PAGE);
  g_type_ensure (STRIDE_TYPE_HISTORY_PAGE);
  g_type_ensure (STRIDE_TYPE_RED_FLAGS_PAGE);
  g_type_ensure (STRIDE_TYPE_LOAD_PAGE);
  g_type_ensure (STRIDE_TYPE_MOVEMENT_PAGE);
  g_type_ensure (STRIDE_TYPE_FINDINGS_PAGE);
  g_type_ensure (STRIDE_TYPE_PLAN_PAGE);
  g_type_ensure (STRIDE_TYPE_EXERCISE_CHOOSER);
  g_type_ensure (STRIDE_TYPE_FIGURE_AREA);
  g_type_ensure (STRIDE_TYPE_DOCUMENT_PREVIEW);
  g_type_ensure (STRIDE_TYPE_DOCUMENTS_PAGE);
  g_type_ensure (STRIDE_TYPE_VISIT_VIEW);
  g_type_ensure (STRIDE_TYPE_PROGRESS_CHART);
  g_type_ensure (STRIDE_TYPE_PATIENT_PAGE);
  g_type_ensure (STRIDE_TYPE_PATIENT_DIALOG);
  g_type_ensure (STRIDE_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (STRIDE_TYPE_WINDOW);
}
