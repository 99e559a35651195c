import type { Language } from './domain/bilingual';

export type { Bilingual, Language } from './domain/bilingual';

/**
 * The answer language from `Accept-Language`: German (authoritative) unless English is preferred
 * over German. Ranges are weighed by `q`; `*` and unknown languages do not change the default.
 */
export function preferredLanguage(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranges = value
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)).find(Boolean);
      return { primary: tag.split('-')[0], q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => (r.primary === 'de' || r.primary === 'en') && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges[0]?.primary === 'en' ? 'en' : 'de';
}
