/* stride-protocol.h: what the assessment asks (data/protocol/protocol.xml)
 *
 * CONTRACT (implemented in stride-protocol.c by the engine work): the item
 * ids are those of protocol.xml (listed in docs/protocol.md); labels, help,
 * choice labels and headings are translated into the current language when
 * the protocol is loaded: load it again after changing the language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "stride-answers.h"
#include "stride-types.h"

G_BEGIN_DECLS

typedef enum
{
  STRIDE_ITEM_YES_NO,
  STRIDE_ITEM_SCALE,     /* NRS 0–10, whole numbers */
  STRIDE_ITEM_NUMBER,    /* with unit, range and decimal digits */
  STRIDE_ITEM_CHOICE,    /* one of the choices */
  STRIDE_ITEM_MULTI,     /* any of the choices */
  STRIDE_ITEM_DATE,
  STRIDE_ITEM_TEXT,
} StrideItemType;

typedef struct
{
  char *id;
  char *label;           /* translated */
} StrideChoice;

typedef struct
{
  char            *id;          /* "worst-pain", "mt-sls-reps" … */
  char            *section;     /* "history", "red-flags", "load-sensitivity",
                                   "movement-tolerance", "follow-up" */
  char            *group;       /* (nullable) a heading inside the section */
  StrideItemType   type;
  char            *label;       /* translated, plain text (never markup) */
  char            *help;        /* (nullable) translated */
  char            *unit;        /* (nullable) "min", "cm", "N", "km", "reps" */
  gboolean         has_range;
  double           min;
  double           max;
  int              digits;      /* decimals allowed for numbers */
  gboolean         per_side;
  gboolean         required;
  GPtrArray       *choices;     /* StrideChoice, for choice and multi items */
  char           **rules;       /* rule ids that read this item, NULL-terminated */
  char            *group_title; /* (nullable) translated heading of @group */
  char            *section_title; /* translated heading of @section */
  gboolean         carried;     /* a follow-up that leaves it out keeps the earlier answer */
} StrideItem;

#define STRIDE_PROTOCOL_ERROR (stride_protocol_error_quark ())

typedef enum
{
  STRIDE_PROTOCOL_ERROR_UNKNOWN_ITEM,   /* no such item id */
  STRIDE_PROTOCOL_ERROR_SIDE,           /* a side on an item that has none, or none where needed */
  STRIDE_PROTOCOL_ERROR_VALUE,          /* of the wrong type or out of range */
  STRIDE_PROTOCOL_ERROR_REQUIRED,       /* a required answer is missing */
} StrideProtocolError;

/* The resource path of the schema protocol files are validated against. */
#define STRIDE_PROTOCOL_SCHEMA_RESOURCE "/io/github/stride/Stride/data/schemas/protocol.rng"

#define STRIDE_TYPE_PROTOCOL (stride_protocol_get_type ())

G_DECLARE_FINAL_TYPE (StrideProtocol, stride_protocol, STRIDE, PROTOCOL, GObject)

StrideProtocol   *stride_protocol_load_default  (GError         **error);
StrideProtocol   *stride_protocol_new_from_file (const char      *path,
                                                 GError         **error);
const StrideItem *stride_protocol_lookup        (StrideProtocol  *self,
                                                 const char      *item_id);
GPtrArray        *stride_protocol_get_items     (StrideProtocol  *self);
GPtrArray        *stride_protocol_get_section   (StrideProtocol  *self,
                                                 const char      *section);
gboolean          stride_protocol_check_value   (StrideProtocol  *self,
                                                 const char      *item_id,
                                                 StrideSide       side,
                                                 const char      *value,
                                                 GError         **error);

GQuark            stride_protocol_error_quark   (void);
StrideProtocol   *stride_protocol_new_from_bytes (const char     *display_name,
                                                 GBytes          *bytes,
                                                 GError         **error);
const char * const *stride_protocol_get_section_ids (StrideProtocol *self);
const char       *stride_protocol_get_section_title (StrideProtocol *self,
                                                     const char     *section);
const char       *stride_protocol_get_choice_label (StrideProtocol *self,
                                                    const char     *item_id,
                                                    const char     *choice_id);
GPtrArray        *stride_protocol_missing_required (StrideProtocol *self,
                                                    StrideAnswers  *answers);
guint             stride_protocol_count_unasked (StrideProtocol  *self,
                                                 const char      *section,
                                                 StrideAnswers   *answers);
gboolean          stride_protocol_check_answers (StrideProtocol  *self,
                                                 StrideAnswers   *answers,
                                                 GError         **error);
gboolean          stride_item_reads_rule       (const StrideItem *item,
                                                const char       *rule_id);

G_END_DECLS
