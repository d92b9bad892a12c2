/* stride-visit.h: a patient, one visit, and an assessment (a patient with
 * their visits), as the engine, the store and assessment documents see them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "stride-answers.h"
#include "stride-plan.h"

G_BEGIN_DECLS

typedef struct
{
  char  *id;          /* stable id: the store's row id as text, or a document's id */
  char  *name;
  GDate  birth_date;  /* invalid when unknown */
  char  *sex;         /* "female", "male", "other", or NULL */
  char  *language;    /* preferred language for printed sheets: "en", "de", "es" */
  char  *contact;
  char  *notes;
} StridePatient;

/* What a clinician changed in the findings, and why (rules: overrides). */
typedef struct
{
  char *what;    /* "phase", "presentation" or "triage" */
  char *value;   /* "2", "PR-ITBS", "urgent" … the string forms of stride-types.h */
  char *reason;  /* required when lowering triage; kept and printed in every case */
} StrideOverride;

typedef struct
{
  char              *id;
  GDate              date;
  StrideVisitKind    kind;
  StrideVisitStatus  status;
  char              *clinician;
  StrideAnswers     *answers;
  GPtrArray         *overrides;   /* StrideOverride */
  StridePlan        *plan;        /* (nullable) the kept plan, edited or as suggested */
  char              *notes;
} StrideVisit;

typedef struct
{
  StridePatient *patient;
  GPtrArray     *visits;   /* StrideVisit, oldest first; the last is the one judged */
} StrideAssessment;

StridePatient    *stride_patient_new       (void);
StridePatient    *stride_patient_copy      (const StridePatient *patient);
void              stride_patient_free      (StridePatient *patient);
int               stride_patient_age_on    (const StridePatient *patient,
                                            const GDate   *date);

StrideOverride   *stride_override_new      (const char    *what,
                                            const char    *value,
                                            const char    *reason);
void              stride_override_free     (StrideOverride *override);

StrideVisit      *stride_visit_new         (void);
StrideVisit      *stride_visit_copy        (const StrideVisit *visit);
void              stride_visit_free        (StrideVisit   *visit);
const StrideOverride *stride_visit_get_override (const StrideVisit *visit,
                                                 const char        *what);

StrideAssessment *stride_assessment_new    (void);
void              stride_assessment_free   (StrideAssessment *assessment);
StrideVisit      *stride_assessment_get_current  (StrideAssessment *assessment);
StrideVisit      *stride_assessment_get_previous (StrideAssessment *assessment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StridePatient, stride_patient_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideOverride, stride_override_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideVisit, stride_visit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideAssessment, stride_assessment_free)

G_END_DECLS
