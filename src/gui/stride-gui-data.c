/* stride-gui-data.c: the protocol and exercise library the screens share
 *
 * Loaded once from the core's resources: every row of every step asks the
 * same protocol, so a label lives in one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "stride-engine.h"
#include "stride-gui-data.h"
#include "stride-planner.h"

/**
 * stride_gui_get_protocol:
 *
 * Returns: (transfer none) (nullable): the default protocol, or %NULL when it
 *   cannot be loaded (the reason is logged once)
 */
StrideProtocol *
stride_gui_get_protocol (void)
{
  static StrideProtocol *protocol;
  static gboolean tried;

  if (!tried)
    {
      g_autoptr(GError) error = NULL;

      tried = TRUE;
      protocol = stride_protocol_load_default (&error);
      if (protocol == NULL)
        g_warning ("Cannot load the assessment protocol: %s", error->message);
    }

  return protocol;
}

/**
 * stride_gui_format_value:
 * @item: a protocol item
 * @value: (nullable): a canonical answer
 *
 * Returns: (transfer full): @value as a person reads it: "Yes", a choice's
 *   label, a number with its unit; an empty string for no answer
 */
char *
stride_gui_format_value (const StrideItem *item,
                         const char       *value)
{
  g_return_val_if_fail (item != NULL, NULL);

  if (value == NULL || value[0] == '\0')
    return g_strdup ("");

  switch (item->type)
    {
    case STRIDE_ITEM_YES_NO:
      if (g_str_equal (value, "yes"))
        return g_strdup (_("Yes"));
      if (g_str_equal (value, "no"))
        return g_strdup (_("No"));
      return g_strdup (value);

    case STRIDE_ITEM_CHOICE:
    case STRIDE_ITEM_MULTI:
      {
        g_auto(GStrv) ids = g_strsplit (value, " ", -1);
        g_autoptr(GString) out = g_string_new (NULL);

        for (guint i = 0; ids[i] != NULL; i++)
          {
            const char *label = ids[i];

            if (ids[i][0] == '\0')
              continue;
            for (guint c = 0; item->choices != NULL && c < item->choices->len; c++)
              {
                StrideChoice *choice = g_ptr_array_index (item->choices, c);

                if (g_str_equal (choice->id, ids[i]))
                  label = choice->label;
              }
            if (out->len > 0)
              g_string_append (out, ", ");
            g_string_append (out, label);
          }
        return g_string_free (g_steal_pointer (&out), FALSE);
      }

    case STRIDE_ITEM_SCALE:
    case STRIDE_ITEM_NUMBER:
      if (item->unit != NULL && item->unit[0] != '\0')
        {
          double number = g_ascii_strtod (value, NULL);

          /* TRANSLATORS: a number and its unit, e.g. "25 min" */
          return g_strdup_printf (C_("value with unit", "%.*f %s"),
                                  item->digits, number, item->unit);
        }
      else
        {
          double number = g_ascii_strtod (value, NULL);

          return g_strdup_printf ("%.*f", item->digits, number);
        }

    case STRIDE_ITEM_DATE:
    case STRIDE_ITEM_TEXT:
    default:
      return g_strdup (value);
    }
}

/**
 * stride_gui_format_value_plain:
 * @item: a number or scale item
 * @value: a canonical answer
 *
 * Returns: (transfer full): @value with the item's decimals, without unit
 */
char *
stride_gui_format_value_plain (const StrideItem *item,
                               const char       *value)
{
  g_return_val_if_fail (item != NULL, NULL);

  if (value == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%.*f", item->digits, g_ascii_strtod (value, NULL));
}

/**
 * stride_gui_item_group_title:
 * @item: a protocol item
 *
 * Returns: (nullable): the translated heading of the item's group
 */
const char *
stride_gui_item_group_title (const StrideItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return item->group_title;
}

/**
 * stride_gui_evaluate:
 * @assessment: the patient and their visits; the last is judged
 *
 * Returns: (transfer full) (nullable): the findings, or %NULL when the
 *   engine cannot judge the visit yet (the reason is logged without data)
 */
StrideFindings *
stride_gui_evaluate (StrideAssessment *assessment)
{
  StrideProtocol *protocol = stride_gui_get_protocol ();
  g_autoptr(GError) error = NULL;
  StrideFindings *findings;

  g_return_val_if_fail (assessment != NULL, NULL);

  if (protocol == NULL)
    return NULL;

  findings = stride_engine_evaluate (protocol, assessment, &error);
  /* The message names items and values, never the patient. */
  if (findings == NULL)
    g_debug ("The visit cannot be judged yet: %s", error->message);
  return findings;
}

/**
 * stride_gui_suggest_plan:
 * @assessment: the patient and their visits; the last is planned for
 * @findings: what the engine made of it
 *
 * Returns: (transfer full) (nullable): the suggested plan
 */
StridePlan *
stride_gui_suggest_plan (StrideAssessment *assessment,
                         StrideFindings   *findings)
{
  StrideLibrary *library = stride_gui_get_library ();
  GApplication *app = g_application_get_default ();
  g_autoptr(GError) error = NULL;
  guint review_days = STRIDE_PLANNER_DEFAULT_REVIEW_DAYS;
  StridePlan *plan;

  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (findings != NULL, NULL);

  if (library == NULL)
    return NULL;

  /* The clinic's review interval, from the preferences. */
  if (app != NULL && g_application_get_application_id (app) != NULL
      && g_str_equal (g_application_get_application_id (app), APPLICATION_ID))
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

      review_days = 7 * g_settings_get_int (settings, "review-interval-weeks");
    }

  plan = stride_planner_suggest_full (library, assessment, findings, review_days, &error);
  if (plan == NULL)
    g_debug ("No plan suggested: %s", error->message);
  return plan;
}

/**
 * stride_gui_get_library:
 *
 * Returns: (transfer none) (nullable): the exercise library
 */
StrideLibrary *
stride_gui_get_library (void)
{
  static StrideLibrary *library;
  static gboolean tried;

  if (!tried)
    {
      g_autoptr(GError) error = NULL;

      tried = TRUE;
      library = stride_library_load_default (&error);
      if (library == NULL)
        g_warning ("Cannot load the exercise library: %s", error->message);
    }

  return library;
}

/**
 * stride_gui_get_education:
 *
 * Returns: (transfer none) (nullable): the education texts
 */
StrideEducation *
stride_gui_get_education (void)
{
  static StrideEducation *education;
  static gboolean tried;

  if (!tried)
    {
      g_autoptr(GError) error = NULL;

      tried = TRUE;
      education = stride_education_load_default (&error);
      if (education == NULL)
        g_warning ("Cannot load the education texts: %s", error->message);
    }

  return education;
}
