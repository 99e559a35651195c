import type { de, Messages } from './de';

/*
 * The catalogue's types and the pure constructors of texts: the domain names its messages by key
 * too (translated at the HTTP edge by `common/i18n`), so this lives in a domain folder.
 */

type Catalogue = typeof de;

/** Dot paths of the catalogue's leaves, e.g. `problems.cooperation-not-found.detail`. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Catalogue>;

type At<T, K extends string> = K extends `${infer H}.${infer R}`
  ? H extends keyof T
    ? At<T[H], R>
    : never
  : K extends keyof T
    ? T[K]
    : never;
type Placeholders<S> = S extends `${string}{{${infer P}}}${infer R}` ? P | Placeholders<R> : never;
/** Values of placeholders; a text among them is put into the same language. */
export type Params = { readonly [name: string]: string | number | Text };
/** The parameters a key's German text names; `field` is a field name (shown with its label). */
export type ParamsOf<K extends string> = { [P in Placeholders<At<Catalogue, K>>]: string | number | Text };
type ParamsArg<K extends string> = [Placeholders<At<Catalogue, K>>] extends [never] ? [] : [ParamsOf<K>];

/** A text not yet in a language: translated when the answer's language is known. */
export interface Text {
  readonly key: MessageKey;
  readonly params?: Params;
}

/** A text by key, its parameters checked against the German catalogue. */
export const text = <K extends MessageKey>(key: K, ...params: ParamsArg<K>): Text => ({ key, params: params[0] });

export type ProblemKey = keyof Catalogue['problems'];
/** Problems whose detail takes no parameters (usable as data, e.g. in a lookup table). */
export type PlainProblemKey = {
  [K in ProblemKey]: [Placeholders<Catalogue['problems'][K]['detail']>] extends [never] ? K : never;
}[ProblemKey];
/** A problem's title and detail; the detail may be the domain's own bilingual text. */
export interface ProblemText {
  readonly title: Text;
  readonly detail: Text | { de: string; en: string };
}

/** `problems.<key>`: its title, and its detail with the parameters its German text names. */
export const problem = <K extends ProblemKey>(key: K, ...params: ParamsArg<`problems.${K}.detail`>): ProblemText => ({
  title: { key: `problems.${key}.title` },
  detail: { key: `problems.${key}.detail`, params: params[0] },
});

export type { Messages };
export { de } from './de';
export { en } from './en';
