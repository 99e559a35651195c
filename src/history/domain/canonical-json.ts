/*
 * Canonical JSON (docs/hash-chain.md § 2), the text every hash of the history covers. Pure and
 * free of Node built-ins: the console bundles this file to verify a chain in the browser.
 */

/** Keys by Unicode code point, the spec's order: spreads both strings into code points. */
export const byCodePointReference = (a: string, b: string): number => {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
};

const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;

/**
 * The same order as `byCodePointReference`, without allocating: compares UTF-16 code units and
 * falls back to the reference only when the first differing unit of either string is a surrogate.
 * Otherwise the common prefix holds the same code points in both strings (a lead surrogate just
 * before the difference is unpaired in both), and two differing non-surrogate units are two BMP
 * code points whose order is their units' order. A proper prefix sorts first in both orders.
 */
export const byCodePoint = (a: string, b: string): number => {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return isSurrogate(x) || isSurrogate(y) ? byCodePointReference(a, b) : x - y;
  }
  return a.length - b.length;
};

/**
 * Canonical JSON: object keys sorted by Unicode code point, no whitespace, arrays in order,
 * properties whose value is `undefined` omitted, strings and numbers as JSON.stringify writes
 * them. Anything without one obvious JSON form (non-finite numbers, undefined in arrays,
 * bigint, functions, symbols, Dates and other class instances) throws.
 */
export function canonicalize(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalize: non-finite number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === undefined) throw new TypeError(`canonicalize: undefined at array index ${i}`);
      out += i === 0 ? canonicalize(v) : `,${canonicalize(v)}`;
    }
    return `${out}]`;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto === Object.prototype || proto === null) {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort(byCodePoint);
      let out = '{';
      for (const k of keys) {
        const v = record[k];
        if (v === undefined) continue;
        out += `${out.length === 1 ? '' : ','}${JSON.stringify(k)}:${canonicalize(v)}`;
      }
      return `${out}}`;
    }
  }
  throw new TypeError(`canonicalize: unsupported value of type ${typeof value}`);
}
