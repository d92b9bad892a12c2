/* stride-types.c: string forms of the model's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-types.h"

static gboolean
lookup (const char * const *names,
        guint               n_names,
        const char         *text,
        int                *out)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (names[i] != NULL && g_str_equal (names[i], text))
        {
          *out = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

#define STRIDE_DEFINE_STRINGS(lower, Type, ...)                                 \
  static const char * const lower##_names[] = { __VA_ARGS__ };                  \
  const char *                                                                  \
  stride_##lower##_to_string (Type value)                                       \
  {                                                                             \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (lower##_names), NULL);  \
    return lower##_names[value];                                                \
  }

#define STRIDE_DEFINE_PARSER(lower, Type)                                       \
  gboolean                                                                      \
  stride_##lower##_from_string (const char *text,                               \
                                Type       *out)                                \
  {                                                                             \
    int value;                                                                  \
                                                                                \
    if (!lookup (lower##_names, G_N_ELEMENTS (lower##_names), text, &value))    \
      return FALSE;                                                             \
    *out = (Type) value;                                                        \
    return TRUE;                                                                \
  }

STRIDE_DEFINE_STRINGS (side, StrideSide, NULL, "left", "right")
STRIDE_DEFINE_PARSER (side, StrideSide)
STRIDE_DEFINE_STRINGS (triage, StrideTriage, "none", "routine", "urgent", "emergency")
STRIDE_DEFINE_PARSER (triage, StrideTriage)
STRIDE_DEFINE_STRINGS (restriction, StrideRestriction,
                       "none", "no-running", "phase-1-only", "no-plan")
STRIDE_DEFINE_PARSER (restriction, StrideRestriction)
STRIDE_DEFINE_STRINGS (irritability, StrideIrritability, "low", "moderate", "high")
STRIDE_DEFINE_PARSER (irritability, StrideIrritability)
STRIDE_DEFINE_STRINGS (criterion_state, StrideCriterionState, "not-tested", "not-met", "met")
STRIDE_DEFINE_STRINGS (presentation_kind, StridePresentationKind,
                       "unclear", "possible", "likely", "mixed")
STRIDE_DEFINE_STRINGS (followup, StrideFollowup, NULL, "progress", "hold", "step-back")
STRIDE_DEFINE_PARSER (followup, StrideFollowup)
STRIDE_DEFINE_STRINGS (visit_kind, StrideVisitKind, "initial", "follow-up")
STRIDE_DEFINE_PARSER (visit_kind, StrideVisitKind)
STRIDE_DEFINE_STRINGS (visit_status, StrideVisitStatus, "draft", "final")
STRIDE_DEFINE_PARSER (visit_status, StrideVisitStatus)
