/*
 * Where the lifecycle keeps copies of a contact person's name and e-mail address — the places
 * personal-data erasure overwrites (docs/personal-data.md § Erasure). The domain copies them in
 * exactly two ways: the contact itself (APPOINT_CONTACT, `contacts` and `pendingContacts`), and the
 * contact's name in the signatures they give (`signatureOf`: `signatoryName`). Nothing else is
 * touched: a string equal to the name elsewhere (a state, a status, a municipality) is not the
 * person's, and token subjects (`userSub`, `signedBy`, `appointedBy`, actors) are pseudonyms that
 * signing depends on.
 */

/** The person erased in one cooperation: the records of their appointments, the subjects they signed as. */
export interface ErasedPerson {
  municipality: string | null;
  /** `personRef`s of the person's personal-data records. */
  personRefs: ReadonlySet<string>;
  /** Token subjects the person was appointed as (`userSub`), i.e. the `signedBy` of their signatures. */
  subs: ReadonlySet<string>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A copy of a cooperation context (of any definition version, as stored or as repeated in an
 * answer) with the person's fields replaced by `erasedText`: their contact entries lose `email`
 * and read `{name: erasedText, erased: true}`; their signatures' `signatoryName` reads `erasedText`.
 */
export function withoutPerson(context: unknown, person: ErasedPerson, erasedText: string): unknown {
  if (!isObject(context)) return context;
  const contacts = (key: string) => {
    const entries = context[key];
    if (!isObject(entries)) return {};
    const rewritten = Object.entries(entries).map(([ags, c]): [string, unknown] => {
      if (!isObject(c) || typeof c.personRef !== 'string' || !person.personRefs.has(c.personRef)) return [ags, c];
      const { email: _email, ...rest } = c;
      return [ags, { ...rest, name: erasedText, erased: true }];
    });
    return { [key]: Object.fromEntries(rewritten) };
  };
  const signatures = (key: 'loi' | 'contract') => {
    const part = context[key];
    if (!isObject(part) || !Array.isArray(part.signatures)) return {};
    const rewritten: unknown[] = (part.signatures as unknown[]).map((s) =>
      isObject(s) && s.municipality === person.municipality && person.subs.has(s.signedBy as string)
        ? { ...s, signatoryName: erasedText }
        : s,
    );
    return { [key]: { ...part, signatures: rewritten } };
  };
  return {
    ...context,
    ...contacts('contacts'),
    ...contacts('pendingContacts'),
    ...signatures('loi'),
    ...signatures('contract'),
  };
}
