import i18next from 'i18next';
import { de, en, type Text } from '../domain/messages';
import type { Bilingual, Language } from '../language';

export * from '../domain/messages';

/*
 * The server's texts, through i18next (the console's library too): one catalogue per language
 * (`common/domain/messages/de.ts` authoritative, `en.ts` typed against it), looked up by key with
 * `{{name}}` placeholders.
 * Keys and their parameters are checked by TypeScript: `text('problems.x', { id })` does not
 * compile when `x` or a placeholder of its German text is unknown, and `en.ts` does not compile
 * when a key is missing there. `i18n.spec.ts` checks that both languages use the same placeholders.
 */

export const LANGUAGES = ['de', 'en'] as const satisfies readonly Language[];

const i18n = i18next.createInstance();
void i18n.init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: 'de',
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  // Answers are JSON, not HTML; values are inserted as they are.
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
});

/** The German or English wording of a text; a field parameter becomes its label in that language. */
export function translate(lang: Language, { key, params }: Text): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    values[name] = typeof value === 'object' ? translate(lang, value) : value;
  }
  if (typeof values.field === 'string') values.field = fieldLabel(lang, values.field);
  return i18n.t(key, { ...values, lng: lang });
}

/** `fields.<name>` when the catalogue has a label for the field, else the name in quotation marks. */
export function fieldLabel(lang: Language, name: string): string {
  const key = `fields.${name}`;
  if (i18n.exists(key, { lng: lang })) return i18n.t(key, { lng: lang });
  return lang === 'de' ? `„${name}“` : `"${name}"`;
}

/** A text, or the domain's bilingual data, in one language. */
export const localize = (lang: Language, value: Text | Bilingual): string =>
  'key' in value ? translate(lang, value) : value[lang];
