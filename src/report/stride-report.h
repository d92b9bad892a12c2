/* stride-report.h: the clinician report, the home exercise sheet and the
 * referral notice, built as StrideDocuments from one visit's findings and plan
 *
 * Use:
 *   StrideReportInput input = { 0 };
 *   stride_report_input_prepare (&input, assessment, protocol, library, education, &error);
 *   input.clinic = (StrideClinic) { name, contact, clinician };   (GSettings)
 *   input.paper = paper;  input.amendments = strings;              (optional)
 *   report = stride_report_build (&input);  sheet = stride_sheet_build (&input);
 *   stride_report_input_clear (&input);   (the documents keep what they need)
 * then stride_document_draw_page() for each page onto any cairo_t (points,
 * origin top left), or stride_document_write_pdf(). The sheet is in the
 * current language: print it from a process in the patient's language
 * (`stride-cli sheet --lang`), GLib will not switch one in-process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "stride-education.h"
#include "stride-findings.h"
#include "stride-layout.h"
#include "stride-library.h"
#include "stride-plan.h"
#include "stride-protocol.h"
#include "stride-visit.h"

G_BEGIN_DECLS

/* The clinic printing the document; the GUI reads it from GSettings. */
typedef struct
{
  const char *name;        /* (nullable) */
  const char *contact;     /* (nullable) address, phone, e-mail; may hold newlines */
  const char *clinician;   /* (nullable) used when the visit names none */
} StrideClinic;

/* An education point in the patient's words. */
typedef struct
{
  char *title;
  char *text;
} StrideEducationText;

/* Where the documents get the exercise library, the education texts and the
 * illustrations. Any function left NULL uses Stride's own data. */
typedef struct
{
  const StrideExercise *(*lookup_exercise)  (const char          *exercise_id,
                                             gpointer             user_data);
  gboolean              (*lookup_education) (const char          *education_id,
                                             StrideEducationText *out,
                                             gpointer             user_data);
  char                **(*warning_signs)    (gpointer             user_data);
  void                  (*draw_figure)      (cairo_t             *cr,
                                             const StrideExercise *exercise,
                                             double               x,
                                             double               y,
                                             double               width,
                                             double               height,
                                             gpointer             user_data);
  gpointer              user_data;
} StrideDocumentSources;

typedef struct
{
  StrideAssessment            *assessment;  /* patient and visits, oldest first */
  GPtrArray                   *findings;    /* StrideFindings, one per visit, same order */
  const StridePlan            *plan;        /* (nullable) the current visit's plan */
  StrideClinic                 clinic;
  GPtrArray                   *amendments;  /* (nullable) char*: amendments, for people */
  StridePaper                  paper;
  const StrideDocumentSources *sources;     /* (nullable) overrides the three below */
  StrideProtocol              *protocol;    /* (nullable) labels for the answers */
  StrideLibrary               *library;     /* (nullable) exercises and their figures */
  StrideEducation             *education;   /* (nullable) education and warning signs */

  /* Owned by stride_report_input_prepare(), freed by _clear(). */
  StridePlan                  *suggested_plan;
} StrideReportInput;

gboolean        stride_report_input_prepare (StrideReportInput *input,
                                             StrideAssessment  *assessment,
                                             StrideProtocol    *protocol,
                                             StrideLibrary     *library,
                                             StrideEducation   *education,
                                             GError           **error);
void            stride_report_input_clear   (StrideReportInput *input);

/* Body text sizes in points: the patient's sheet is read at arm's length by
 * people of every age, the clinician's report is dense. */
#define STRIDE_REPORT_BODY_SIZE 9.5
#define STRIDE_SHEET_BODY_SIZE  12.5

StrideDocument *stride_report_build         (const StrideReportInput *input);
StrideDocument *stride_sheet_build          (const StrideReportInput *input);
void            stride_report_preload_fonts (void);
void            stride_sheet_preload_fonts  (void);

/* Shared words (also used by the GUI). */
const char     *stride_report_test_name     (const char   *test_id);
const char     *stride_report_test_unit     (const char   *test_id);
const char     *stride_report_criterion_name (const char  *criterion_id);
const char     *stride_report_presentation_name (const char *pattern_id);
const char     *stride_report_red_flag_name (const char   *rule_id);
const char     *stride_report_triage_label  (StrideTriage  triage);
const char     *stride_report_triage_headline (StrideFindings *findings);
char           *stride_report_format_date   (const GDate  *date);
char           *stride_report_format_short_date (const GDate *date);
char           *stride_report_format_answer (StrideProtocol *protocol,
                                             const StrideItem *item,
                                             const char   *value);
char           *stride_report_dose_in_words (const StridePlanItem *item);
const char     *stride_report_frequency_in_words (const char *frequency);

void            stride_education_text_clear (StrideEducationText *text);

G_END_DECLS
