/**
 * jsonbText writes a JSON value exactly as PostgreSQL prints it back from a jsonb column
 * (`model::text`): keys sorted shorter first, then by their UTF-8 bytes; `", "` and `": "` between
 * items; numbers as plain decimals (jsonb keeps numeric, which has no exponent and no -0). So the
 * text a save sends is the text a later load would read, and the model cache can answer a load
 * with the same bytes whether or not it was this process that stored the version.
 * tests/app/jsonb-text.test.ts holds it against PostgreSQL and PGlite on random values and models.
 *
 * Values are what JSON.stringify accepts; like it, undefined and functions are left out of objects
 * and written as null in arrays, and non-finite numbers are null.
 */
import type { Model } from '@/lib/model';

const ASCII = /^[\x00-\x7f]*$/;

function compareKeys(a: string, b: string): number {
  if (ASCII.test(a) && ASCII.test(b)) {
    if (a.length !== b.length) return a.length - b.length;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length !== y.length ? x.length - y.length : Buffer.compare(x, y);
}

/** jsonbNumber: JavaScript's shortest round-trip digits, with any exponent written out. */
export function jsonbNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  if (n === 0) return '0';
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  let mantissa = s.slice(0, e);
  const exponent = Number(s.slice(e + 1));
  const negative = mantissa.startsWith('-');
  if (negative) mantissa = mantissa.slice(1);
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  const plain = point <= 0 ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length ? digits + '0'.repeat(point - digits.length)
    : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}

function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

export function jsonbText(value: unknown, parts?: (key: string, value: unknown) => string | undefined): string {
  switch (typeof value) {
    case 'string': return JSON.stringify(value);
    case 'number': return jsonbNumber(value);
    case 'boolean': return value ? 'true' : 'false';
    case 'bigint': throw new TypeError('jsonbText: a BigInt is not JSON');
    case 'object': break;
    default: return 'null';
  }
  if (value === null) return 'null';
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return jsonbText(toJSON.call(value));
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ', ') + (omitted(value[i]) ? 'null' : jsonbText(value[i]));
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => !omitted(record[k])).sort(compareKeys);
  let out = '{';
  keys.forEach((k, i) => {
    out += `${i === 0 ? '' : ', '}${JSON.stringify(k)}: ${parts?.(k, record[k]) ?? jsonbText(record[k])}`;
  });
  return `${out}}`;
}

/**
 * Tables' texts by table object. A save reuses the table objects of the last stored model for
 * tables that did not change (parseModel's `reuse`), so only changed tables are written again.
 * Table objects are never mutated after parsing, which is what makes the identity a valid key.
 */
const tableTexts = new WeakMap<object, string>();

export function modelJsonbText(model: Model): string {
  return jsonbText(model, (key, value) => {
    if (key !== 'tables' || !Array.isArray(value)) return undefined;
    const parts = value.map((t: object) => {
      let text = tableTexts.get(t);
      if (text === undefined) tableTexts.set(t, text = jsonbText(t));
      return text;
    });
    return `[${parts.join(', ')}]`;
  });
}
