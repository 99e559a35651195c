/**
 * A simple detector of the other language in an answer: stopwords of English in a German text
 * and of German in an English one, and catalogue keys i18next echoed because it found no text.
 * Quoted names (fields, values the client sent), codes such as SIGN_LOI or staff-recruitment, paths
 * and URLs are removed first: they are identifiers or the client's words, not the answer's.
 */
const ENGLISH = new Set(
  (
    'the is are was were be been must should not no of and or to this that these with for from has have ' +
    'cannot can may only than its it you your please there which when while exist exists missing invalid ' +
    'shorter longer least most each'
  ).split(' '),
);
const GERMAN = new Set(
  (
    'der die das den dem des und ist sind nicht kein keine keinen ein eine einen muss müssen darf sie ' +
    'bitte für mit von oder zu auf bei aus nach als auch sich dieser diese dieses wurde werden fehlt ' +
    'höchstens mindestens enthält entfernen prüfen senden geben'
  ).split(' '),
);
/** A key of the server catalogues, as i18next returns one it cannot resolve. */
const UNRESOLVED_KEY = /\b(?:problems|validation|rules|fields|tokens|webhookTargets)\.[A-Za-z-]+|\blimits\.[A-Z_]+/;

const clientWords = (text: string, names: readonly string[]): string => {
  let rest = text;
  for (const name of [...names].filter(Boolean).sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ');
  return rest
    .replace(/\b[\p{Lu}\d_]*[\p{Lu}\d]_[\p{Lu}\d_]*\b/gu, ' ')
    .replace(/\b[a-z\d]+(?:-[a-z\d]+)+\b/g, ' ')
    .replace(/„[^“]*“|"[^"]*"|'[^']*'/g, ' ')
    .replace(/(?:https?:\/\/|\/)[^\s;,)]+/g, ' ')
    .replace(/\b[\w.-]+@[\w.-]+\b/g, ' ');
};

/** The words of `lang`'s other language in `text`, and whether it is an unresolved key; empty when clean. */
export function foreignWords(text: string, lang: 'de' | 'en', names: readonly string[] = []): string[] {
  if (UNRESOLVED_KEY.test(text)) return [`unresolved key in: ${text}`];
  const foreign = lang === 'de' ? ENGLISH : GERMAN;
  const words =
    clientWords(text, names)
      .toLowerCase()
      .match(/[\p{L}]+/gu) ?? [];
  return [...new Set(words.filter((w) => foreign.has(w)))];
}

interface Problem {
  title?: unknown;
  detail?: unknown;
  errors?: Array<{ path: string; messages: string[] }>;
  obligations?: Array<{ message?: string; satisfiedBy?: string }>;
}

/** Every text of a problem document in the wrong language (title, detail, field and obligation messages). */
export function foreignInProblem(problem: Problem, lang: 'de' | 'en'): string[] {
  const found: string[] = [];
  const check = (text: unknown, names: readonly string[] = []) => {
    if (typeof text !== 'string') return void found.push(`not a text: ${JSON.stringify(text)}`);
    const words = foreignWords(text, lang, names);
    if (words.length > 0) found.push(`${text} → ${words.join(', ')}`);
  };
  check(problem.title);
  check(problem.detail);
  for (const { path, messages } of problem.errors ?? []) {
    // The message names the field (its label, or its name as sent): the path's segments are the client's.
    const names = [path, ...path.split(/[.[\]]+/)];
    for (const message of messages) check(message, names);
  }
  for (const o of problem.obligations ?? []) {
    check(o.message);
    check(o.satisfiedBy);
  }
  return found;
}
