/* consult-catalogue-private.h
 *
 * Copyright 2026 The MedSpa Consult authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "consult-catalogue.h"
#include "consult-intake-schema.h"

G_BEGIN_DECLS

/* Treatments are numbered by catalogue order and sets of them are bit
 * masks, so the planner's hot path never compares strings. */
#define CONSULT_CATALOGUE_MAX_TREATMENTS 64
typedef guint64 ConsultTreatmentSet;

#define CONSULT_TREATMENT_BIT(index) (G_GUINT64_CONSTANT (1) << (index))

typedef struct
{
  int months;
  int weeks;
  int days;
} ConsultOffset;

typedef enum
{
  CONSULT_CONDITION_ALL,
  CONSULT_CONDITION_ANY,
  CONSULT_CONDITION_NOT,
  CONSULT_CONDITION_IS_TRUE,
  CONSULT_CONDITION_IS_SET,
  CONSULT_CONDITION_IN_MASK,            /* enum equals / one_of, list contains */
  CONSULT_CONDITION_INT_EQUALS,
  CONSULT_CONDITION_INT_AT_LEAST,
  CONSULT_CONDITION_INT_AT_MOST,
  CONSULT_CONDITION_BEFORE_START_LESS_THAN,
  CONSULT_CONDITION_AFTER_START_LESS_THAN,
  CONSULT_CONDITION_CANDIDATES_INCLUDE,
  CONSULT_CONDITION_CANDIDATES_COUNT_AT_LEAST,
} ConsultConditionKind;

typedef struct _ConsultCondition ConsultCondition;

struct _ConsultCondition
{
  ConsultConditionKind  kind;
  guint                 field;     /* index into the catalogue's field table */
  guint64               mask;      /* enum values, or treatments */
  gint64                number;
  ConsultOffset         offset;
  GPtrArray            *children;  /* ConsultCondition, for all / any / not */
};

/* An intake field as one plan sees it, converted once per plan: enum
 * values become bits in the order of the schema's values. */
typedef struct
{
  gboolean  set;
  gboolean  boolean;
  gint64    integer;
  guint64   mask;
  GDate     date;
} ConsultFieldValue;

typedef struct
{
  const ConsultFieldValue *values;
  const GDate             *start;
  ConsultTreatmentSet      candidates;
} ConsultConditionContext;

typedef enum
{
  CONSULT_EFFECT_EXCLUDE,
  CONSULT_EFFECT_DEFER,
  CONSULT_EFFECT_REQUIRE_PHYSICIAN,
  CONSULT_EFFECT_FLAG,
  CONSULT_EFFECT_NOTE,
  CONSULT_EFFECT_REFER,
  CONSULT_EFFECT_WARN,
  CONSULT_EFFECT_SPACE,
  CONSULT_EFFECT_START_AFTER_PHASE1,
  CONSULT_EFFECT_ADD,
  CONSULT_EFFECT_MOVE,
} ConsultEffectKind;

#define CONSULT_FIELD_START G_MAXUINT

typedef struct
{
  ConsultEffectKind      kind;
  ConsultCondition      *when;          /* NULL: whenever the rule fires */
  ConsultTreatmentSet    targets;
  guint8                 order[CONSULT_CATALOGUE_MAX_TREATMENTS];
  guint                  n_order;       /* targets in the order written */
  ConsultStepFlags       flags;
  ConsultReferralTarget  refer;
  char                  *text;          /* warning, deferral condition */
  guint                  until_field;   /* CONSULT_FIELD_START or a field */
  ConsultOffset          until_offset;
  gboolean               until_is_date;
  ConsultTreatmentSet    earlier;
  ConsultTreatmentSet    later;
  guint                  weeks;
  gboolean               either_order;
  guint                  phase;
  gboolean               one_of;
} ConsultEffect;

struct _ConsultTreatment
{
  guint                index;
  char                *id;
  char                *name;
  char                *summary;
  char                *expect;
  char                *preparation;
  char                *aftercare;
  guint                phase;
  guint                allowed_phases;
  gboolean             heat_or_light;
  char                *depth;
  char                *pregnancy;
  char                *dark_skin;
  char                *melasma_risk;
  guint                sessions;
  guint                interval_weeks;
  guint                downtime_days;
  ConsultDowntime      downtime;
  ConsultPerformer     performer;
  char               **indications;
  guint64              indication_mask;   /* over the concerns field's values */
  char               **common_practice;
};

struct _ConsultRule
{
  guint              index;
  char              *id;
  char              *title;
  char              *rationale;
  char             **sources;
  ConsultCondition  *when;
  GPtrArray         *effects;        /* ConsultEffect */
  char             **treatments;     /* touched, expanded */
  char              *when_json;
  char              *then_json;
};

typedef struct
{
  char                *id;
  guint                pick;
  guint64              concerns;      /* active only for these; 0: always */
  guint8               order[CONSULT_CATALOGUE_MAX_TREATMENTS];
  guint                n_order;
} ConsultChoice;

typedef struct
{
  char                *id;
  ConsultTreatmentSet  members;
  guint8               order[CONSULT_CATALOGUE_MAX_TREATMENTS];
  guint                n_order;
} ConsultGroup;

/* Fields every plan reads, at fixed places in the field table. */
typedef enum
{
  CONSULT_CORE_FIELD_CONSULTATION_DATE,
  CONSULT_CORE_FIELD_CONCERNS,
  CONSULT_CORE_FIELD_REQUESTED,
  CONSULT_CORE_FIELD_DOWNTIME,
  CONSULT_CORE_FIELD_EVENT_DATE,
  CONSULT_N_CORE_FIELDS,
} ConsultCoreField;

struct _ConsultCatalogue
{
  GObject              parent_instance;

  char                *origin;
  char                *version;
  GPtrArray           *treatments;     /* ConsultTreatment, catalogue order */
  GHashTable          *treatment_ids;  /* id -> ConsultTreatment */
  GPtrArray           *rules;          /* ConsultRule */
  GPtrArray           *groups;         /* ConsultGroup */
  GPtrArray           *choices;        /* ConsultChoice */
  GPtrArray           *fields;         /* const ConsultIntakeField *, by index */
  char                *phase_titles[3];

  ConsultTreatmentSet  always;
  ConsultTreatmentSet  devices;
  guint                phase1_min_weeks;
  guint                event_buffer_weeks;
  ConsultDowntime      default_downtime;
};

/* Reading members (consult-catalogue-json.c); each sets the error. */
gboolean           _consult_catalogue_check_members    (ConsultCatalogue     *self,
                                                        JsonObject           *object,
                                                        const char           *where,
                                                        const char           *known,
                                                        GError              **error);
JsonNode          *_consult_catalogue_require_member   (ConsultCatalogue     *self,
                                                        JsonObject           *object,
                                                        const char           *where,
                                                        const char           *name,
                                                        GError              **error);
gboolean           _consult_catalogue_read_text        (ConsultCatalogue     *self,
                                                        JsonObject           *object,
                                                        const char           *where,
                                                        const char           *name,
                                                        char                **out,
                                                        GError              **error);
gboolean           _consult_catalogue_read_uint        (ConsultCatalogue     *self,
                                                        JsonObject           *object,
                                                        const char           *where,
                                                        const char           *name,
                                                        guint                 max,
                                                        guint                *out,
                                                        GError              **error);
gboolean           _consult_catalogue_read_choice      (ConsultCatalogue     *self,
                                                        JsonObject           *object,
                                                        const char           *where,
                                                        const char           *name,
                                                        const char * const   *choices,
                                                        guint                 n_choices,
                                                        guint                *out,
                                                        GError              **error);
gboolean           _consult_catalogue_read_strv        (ConsultCatalogue     *self,
                                                        JsonObject           *object,
                                                        const char           *where,
                                                        const char           *name,
                                                        gboolean              required,
                                                        char               ***out,
                                                        GError              **error);
/* The bit of @concern among the intake's concern values; 0 if unknown. */
guint64            _consult_catalogue_concern_bit      (ConsultCatalogue     *self,
                                                        const char           *concern);

/* Rules (consult-catalogue-rules.c). */
gboolean           _consult_catalogue_parse_rule       (ConsultCatalogue     *self,
                                                        JsonNode             *node,
                                                        guint                 index,
                                                        GError              **error);

/* Parsing (consult-catalogue-parse.c). */
gboolean           _consult_catalogue_parse            (ConsultCatalogue     *self,
                                                        JsonObject           *root,
                                                        GError              **error);
/* Set the error as "ORIGIN: WHERE: PROBLEM". */
void               _consult_catalogue_set_error        (ConsultCatalogue     *self,
                                                        GError              **error,
                                                        const char           *where,
                                                        const char           *format,
                                                        ...) G_GNUC_PRINTF (4, 5);
/* Expands treatment ids and group ids, keeping the written order. */
gboolean           _consult_catalogue_resolve_targets  (ConsultCatalogue     *self,
                                                        JsonNode             *node,
                                                        const char           *where,
                                                        ConsultTreatmentSet  *set,
                                                        guint8               *order,
                                                        guint                *n_order,
                                                        GError              **error);
guint              _consult_catalogue_intern_field     (ConsultCatalogue     *self,
                                                        const ConsultIntakeField *field);
const char        *_consult_catalogue_translate        (const char           *text);
void               _consult_treatment_free             (ConsultTreatment     *treatment);

/* Conditions (consult-rule-condition.c). */
ConsultCondition  *_consult_condition_compile          (ConsultCatalogue     *catalogue,
                                                        JsonNode             *node,
                                                        const char           *where,
                                                        GError              **error);
void               _consult_condition_free             (ConsultCondition     *condition);
gboolean           _consult_condition_eval             (const ConsultCondition        *condition,
                                                        const ConsultConditionContext *context);
gboolean           _consult_offset_parse               (JsonNode             *node,
                                                        ConsultOffset        *offset);
void               _consult_offset_apply               (const ConsultOffset  *offset,
                                                        GDate                *date,
                                                        int                   sign);

/* Effects (consult-rule-effect.c). */
ConsultEffect     *_consult_effect_compile             (ConsultCatalogue     *catalogue,
                                                        JsonNode             *node,
                                                        const char           *where,
                                                        GError              **error);
void               _consult_effect_free                (ConsultEffect        *effect);

G_END_DECLS
