import i18n from './i18n';

/** Instants in Europe/Berlin, the time zone of the users' offices. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(i18n.language, {
    timeZone: 'Europe/Berlin',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** Calendar dates (`2027-03-31`) are days in Germany already: formatted without shifting them. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '–';
  return new Intl.DateTimeFormat(i18n.language, { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

/** The phase of a dotted state value: `active.reporting.onTrack,…` → `active`. */
export const phaseOf = (state: string): string => state.split(/[.,]/)[0];

/** "Deutsch / English" descriptions of the API's schemas, in the user's language. */
export function bilingual(text: string | undefined): string {
  if (!text) return '';
  const at = text.indexOf(' / ');
  if (at < 0) return text;
  return i18n.language === 'en' ? text.slice(at + 3) : text.slice(0, at);
}

/** A text field of a submitted form, trimmed ('' when absent; files are no text). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}
