/* stride-plan.c: plan items, running plan and the plan as a whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stride-i18n.h"
#include "stride-plan.h"

static GPtrArray *
new_reasons (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) stride_reason_free);
}

static GPtrArray *
copy_reasons (GPtrArray *reasons)
{
  GPtrArray *copy = new_reasons ();

  for (guint i = 0; reasons != NULL && i < reasons->len; i++)
    {
      const StrideReason *r = g_ptr_array_index (reasons, i);

      g_ptr_array_add (copy, stride_reason_new (r->rule_id, r->item, r->text));
    }

  return copy;
}

static GPtrArray *
copy_strings (GPtrArray *strings)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (strings, i)));

  return copy;
}

static gboolean
strings_equal (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * stride_plan_item_new:
 * @exercise_id: a library id
 *
 * Returns: (transfer full): an item with no dose yet
 */
StridePlanItem *
stride_plan_item_new (const char *exercise_id)
{
  StridePlanItem *item;

  g_return_val_if_fail (exercise_id != NULL, NULL);

  item = g_new0 (StridePlanItem, 1);
  item->exercise_id = g_strdup (exercise_id);
  item->reasons = new_reasons ();
  return item;
}

StridePlanItem *
stride_plan_item_copy (const StridePlanItem *item)
{
  StridePlanItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = stride_plan_item_new (item->exercise_id);
  copy->sets = item->sets;
  copy->reps = item->reps;
  copy->seconds = item->seconds;
  copy->each_side = item->each_side;
  copy->frequency = g_strdup (item->frequency);
  copy->note = g_strdup (item->note);
  g_ptr_array_unref (copy->reasons);
  copy->reasons = copy_reasons (item->reasons);
  return copy;
}

void
stride_plan_item_free (StridePlanItem *item)
{
  if (item == NULL)
    return;

  g_free (item->exercise_id);
  g_free (item->frequency);
  g_free (item->note);
  g_ptr_array_unref (item->reasons);
  g_free (item);
}

/**
 * stride_plan_item_format_dose:
 * @item: a plan item
 *
 * The dose in the clinician's short form, such as "3 × 12 each side" or
 * "5 × 45 s"; the frequency is not included.
 *
 * Returns: (transfer full): the dose, or an empty string when none is set
 */
char *
stride_plan_item_format_dose (const StridePlanItem *item)
{
  GString *dose;

  g_return_val_if_fail (item != NULL, NULL);

  dose = g_string_new (NULL);
  if (item->sets > 0 && item->reps > 0)
    g_string_append_printf (dose, "%d × %d", item->sets, item->reps);
  else if (item->sets > 0 && item->seconds > 0)
    g_string_append_printf (dose, _("%d × %d s"), item->sets, item->seconds);
  else if (item->seconds > 0)
    g_string_append_printf (dose, _("%d min"), item->seconds / 60);
  else if (item->reps > 0)
    g_string_append_printf (dose, "%d", item->reps);

  if (dose->len > 0 && item->each_side)
    {
      g_string_append_c (dose, ' ');
      g_string_append (dose, _("each side"));
    }

  return g_string_free (dose, FALSE);
}

/**
 * stride_plan_new:
 *
 * Returns: (transfer full): an empty plan with RP-NONE running
 */
StridePlan *
stride_plan_new (void)
{
  StridePlan *plan = g_new0 (StridePlan, 1);

  plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_plan_item_free);
  plan->running.rule_id = g_strdup ("RP-NONE");
  plan->running.advice = g_ptr_array_new_with_free_func (g_free);
  plan->running.reasons = new_reasons ();
  plan->education = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&plan->next_review, 1);
  return plan;
}

StridePlan *
stride_plan_copy (const StridePlan *plan)
{
  StridePlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = stride_plan_new ();
  for (guint i = 0; i < plan->items->len; i++)
    g_ptr_array_add (copy->items, stride_plan_item_copy (g_ptr_array_index (plan->items, i)));

  /* The struct copy below takes the scalars; the new plan's own strings and
   * arrays are released first, then replaced by deep copies. */
  g_free (copy->running.rule_id);
  g_ptr_array_unref (copy->running.advice);
  g_ptr_array_unref (copy->running.reasons);
  copy->running = plan->running;
  copy->running.rule_id = g_strdup (plan->running.rule_id);
  copy->running.detail = g_strdup (plan->running.detail);
  copy->running.advice = copy_strings (plan->running.advice);
  copy->running.reasons = copy_reasons (plan->running.reasons);

  g_ptr_array_unref (copy->education);
  copy->education = copy_strings (plan->education);
  copy->next_review = plan->next_review;
  copy->maintenance = plan->maintenance;
  copy->edited = plan->edited;
  return copy;
}

void
stride_plan_free (StridePlan *plan)
{
  if (plan == NULL)
    return;

  g_ptr_array_unref (plan->items);
  g_free (plan->running.rule_id);
  g_free (plan->running.detail);
  g_ptr_array_unref (plan->running.advice);
  g_ptr_array_unref (plan->running.reasons);
  g_ptr_array_unref (plan->education);
  g_free (plan);
}

static gboolean
items_equal (const StridePlanItem *a,
             const StridePlanItem *b)
{
  return g_strcmp0 (a->exercise_id, b->exercise_id) == 0
         && a->sets == b->sets
         && a->reps == b->reps
         && a->seconds == b->seconds
         && a->each_side == b->each_side
         && g_strcmp0 (a->frequency, b->frequency) == 0
         && g_strcmp0 (a->note, b->note) == 0;
}

/**
 * stride_plan_equal:
 *
 * Compares what is kept of a plan (not the engine's reasons).
 *
 * Returns: %TRUE when @a and @b hold the same plan
 */
gboolean
stride_plan_equal (const StridePlan *a,
                   const StridePlan *b)
{
  const StrideRunningPlan *ra, *rb;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->items->len != b->items->len)
    return FALSE;
  for (guint i = 0; i < a->items->len; i++)
    {
      if (!items_equal (g_ptr_array_index (a->items, i), g_ptr_array_index (b->items, i)))
        return FALSE;
    }

  ra = &a->running;
  rb = &b->running;
  if (g_strcmp0 (ra->rule_id, rb->rule_id) != 0
      || ra->walkrun_stage != rb->walkrun_stage
      || ra->has_spike_limit != rb->has_spike_limit
      || (ra->has_spike_limit && ra->spike_limit_km != rb->spike_limit_km)
      || ra->has_shortened != rb->has_shortened
      || (ra->has_shortened && (ra->shortened_minutes != rb->shortened_minutes
                                || ra->shortened_km != rb->shortened_km))
      || ra->paused != rb->paused
      || g_strcmp0 (ra->detail, rb->detail) != 0
      || !strings_equal (ra->advice, rb->advice))
    return FALSE;

  if (!strings_equal (a->education, b->education))
    return FALSE;

  if (g_date_valid (&a->next_review) != g_date_valid (&b->next_review))
    return FALSE;
  if (g_date_valid (&a->next_review) && g_date_compare (&a->next_review, &b->next_review) != 0)
    return FALSE;

  return a->maintenance == b->maintenance && a->edited == b->edited;
}

/**
 * stride_plan_exercise_ids:
 *
 * Returns: (transfer full): the exercise ids in plan order, space-separated
 *   (the `plan.exercises` line of `stride-cli evaluate`)
 */
char *
stride_plan_exercise_ids (const StridePlan *plan)
{
  GString *ids = g_string_new (NULL);

  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->items->len; i++)
    {
      const StridePlanItem *item = g_ptr_array_index (plan->items, i);

      if (ids->len > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, item->exercise_id);
    }

  return g_string_free (ids, FALSE);
}
