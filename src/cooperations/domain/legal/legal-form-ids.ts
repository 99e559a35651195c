export const LEGAL_FORM_IDS = [
  'kommunale-arbeitsgemeinschaft',
  'oeffentlich-rechtliche-vereinbarung',
  'zweckverband',
  'gemeinsames-kommunalunternehmen',
  'private-law',
] as const;
export type LegalFormId = (typeof LEGAL_FORM_IDS)[number];

/** Öffentlich-rechtliche Vereinbarung: the task moves (delegating) or is performed for (mandating). */
export const ORV_VARIANTS = ['delegating', 'mandating'] as const;
export type OrvVariant = (typeof ORV_VARIANTS)[number];
