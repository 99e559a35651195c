import { Environment } from '../../config/configuration';
import { getMetadataStorage } from 'class-validator';
import { de, en, fieldLabel, text, translate } from '.';
import { ApplicationError } from '../errors';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a catalogue: its dot path and text. */
const leaves = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('the server catalogues', () => {
  const german = new Map(leaves(de));
  const english = new Map(leaves(en));

  it('have the same keys in German and English', () => {
    expect([...english.keys()].sort()).toEqual([...german.keys()].sort());
  });

  it('fill every key in both languages, with the same placeholders', () => {
    for (const [key, wording] of german) {
      const other = english.get(key) ?? '';
      expect({ key, de: wording.trim().length > 0, en: other.trim().length > 0 }).toEqual({ key, de: true, en: true });
      expect({ key, placeholders: placeholders(other) }).toEqual({ key, placeholders: placeholders(wording) });
    }
  });

  it('give every problem a title and a detail', () => {
    for (const [key, entry] of Object.entries(de.problems)) {
      expect({ key, parts: Object.keys(entry).sort() }).toEqual({ key, parts: ['detail', 'title'] });
    }
  });

  it('resolve every key through i18next in both languages (no key echoed back)', () => {
    for (const [key] of german) {
      for (const lang of ['de', 'en'] as const) {
        const wording = translate(lang, { key: key as never, params: {} });
        expect({ key, lang, resolved: wording !== key && !wording.startsWith('problems.') }).toEqual({
          key,
          lang,
          resolved: true,
        });
      }
    }
  });

  it('insert parameters, field labels and nested texts in the answer language', () => {
    expect(translate('de', text('validation.missing', { field: 'title' }))).toBe('Titel fehlt.');
    expect(translate('en', text('validation.missing', { field: 'title' }))).toBe('title is missing.');
    expect(fieldLabel('de', 'unlabelled')).toBe('„unlabelled“');
    const reason = text('webhookTargets.scheme');
    expect(translate('de', text('problems.webhook-target-refused.detail', { reason }))).toBe(
      'Dieses Webhook-Ziel ist nicht erlaubt: nur http- und https-URLs sind erlaubt.',
    );
  });

  it('name every validation key a decorator gives as its message', () => {
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, Array<{ message?: unknown; type: string }>>;
    };
    // Importing the DTOs registers their decorators.
    jest.requireActual('../../app.module');
    const messages = [...storage.validationMetadatas.entries()]
      // The settings are checked at start-up, and their lines are for the operator's terminal.
      .filter(([target]) => target !== Environment)
      .flatMap(([, metadata]) => metadata)
      // class-validator words a non-object under @ValidateNested itself; the pipe picks `validation.object`.
      .filter((m) => m.type !== 'nestedValidation')
      .map((m) => m.message)
      .filter((m): m is string => typeof m === 'string');
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect({ message, known: message.startsWith('validation.') && german.has(message) }).toEqual({
        message,
        known: true,
      });
    }
  });

  it('make an error of the old shape (an English string to super) fail to compile (tsc)', () => {
    class Probe extends ApplicationError {
      readonly category = 'not-found';
      readonly code = 'probe';
      constructor() {
        // @ts-expect-error: an error's texts are catalogue keys, never a literal string
        super('No probe here.');
      }
    }
    expect(Probe.prototype).toBeInstanceOf(ApplicationError);
  });
});
