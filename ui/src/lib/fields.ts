// Generated from the entity declarations in src/ by `WIEG_UPDATE_BINDINGS=1 cargo test`. Do not edit.

/** Per declared field: must it be filled in, and the most characters it takes. */
export const FIELDS = {
  'coalition.name': { required: true, max: 200 },
  'coalition.start_date': { required: false, max: null },
  'organisation.name': { required: true, max: 200 },
  'organisation.kind': { required: true, max: null },
  'organisation.domain': { required: true, max: null },
  'organisation.website': { required: false, max: 500 },
  'organisation.phone': { required: false, max: 50 },
  'organisation.notes': { required: false, max: 10000 },
  'organisation.place': { required: false, max: 200 },
  'organisation.involved_since': { required: false, max: null },
  'organisation.signed_on': { required: false, max: null },
  'organisation.signatory': { required: false, max: 200 },
  'organisation.covenant_version': { required: false, max: 50 },
  'organisation.left_on': { required: false, max: null },
} as const;

/** What a coordinator calls each declared field. */
export const FIELD_LABELS = {
  nl: {
    'field.coalition.name': "Naam van de coalitie",
    'field.coalition.start_date': "Gestart op",
    'field.organisation.name': "Naam",
    'field.organisation.kind': "Soort",
    'field.organisation.domain': "Domein",
    'field.organisation.website': "Website",
    'field.organisation.phone': "Telefoon (algemeen)",
    'field.organisation.notes': "Notities",
    'field.organisation.place': "Plaats",
    'field.organisation.involved_since': "Betrokken sinds",
    'field.organisation.signed_on': "Convenant getekend op",
    'field.organisation.signatory': "Getekend door",
    'field.organisation.covenant_version': "Convenantversie",
    'field.organisation.left_on': "Gestopt op",
  },
  en: {
    'field.coalition.name': "Name of the coalition",
    'field.coalition.start_date': "Started on",
    'field.organisation.name': "Name",
    'field.organisation.kind': "Kind",
    'field.organisation.domain': "Domain",
    'field.organisation.website': "Website",
    'field.organisation.phone': "Phone (general)",
    'field.organisation.notes': "Notes",
    'field.organisation.place': "Place",
    'field.organisation.involved_since': "Involved since",
    'field.organisation.signed_on': "Covenant signed on",
    'field.organisation.signatory': "Signed by",
    'field.organisation.covenant_version': "Covenant version",
    'field.organisation.left_on': "Left on",
  },
} as const;
