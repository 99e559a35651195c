import type { PublicRegisterEntry } from '../application/read-register.query';

const HEADER = ['Titel', 'Arbeitsfeld', 'Mitglieder', 'Rechtsform', 'Phase', 'In Kraft seit', 'Ansprechpersonen'];

/**
 * A cell for spreadsheet programs: quoted, quotes doubled, and a leading = + - @ neutralised so that
 * no cell becomes a formula (CSV injection).
 */
const cell = (value: string | null): string => {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** The register as CSV for German spreadsheets: UTF-8 with BOM, `;` between cells, CRLF lines. */
export function registerCsv(entries: readonly PublicRegisterEntry[]): string {
  const rows = entries.map((e) => [
    e.title,
    e.fieldOfWork,
    e.members.map((m) => `${m.name} (${m.ags})`).join(', '),
    e.legalForm,
    e.phase,
    e.inForceSince,
    e.contacts.map((c) => `${c.name}, ${c.position}${c.email ? `, ${c.email}` : ''} (${c.municipality})`).join('; '),
  ]);
  return '\uFEFF' + [HEADER, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
