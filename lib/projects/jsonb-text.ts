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

/** jsonb's key order: shorter first (in UTF-8 bytes), then bytewise; for ASCII that is code-unit order. */
function compareAscii(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

function compareUtf8(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length !== y.length ? x.length - y.length : Buffer.compare(x, y);
}

function sortKeys(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  for (const k of keys) if (!ASCII.test(k)) return keys.sort(compareUtf8);
  return keys.sort(compareAscii);
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
  const out: string[] = [];
  write(value, out, parts);
  // One join: a flat string (appending would build a deep rope that every later use walks again).
  return out.join('');
}

function write(value: unknown, out: string[], parts?: (key: string, value: unknown) => string | undefined): void {
  switch (typeof value) {
    case 'string': out.push(JSON.stringify(value)); return;
    case 'number': out.push(jsonbNumber(value)); return;
    case 'boolean': out.push(value ? 'true' : 'false'); return;
    case 'bigint': throw new TypeError('jsonbText: a BigInt is not JSON');
    case 'object': break;
    default: out.push('null'); return;
  }
  if (value === null) { out.push('null'); return; }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') { write(toJSON.call(value), out); return; }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(', ');
      if (omitted(value[i])) out.push('null');
      else write(value[i], out);
    }
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys: string[] = [];
  for (const k of Object.keys(record)) if (!omitted(record[k])) keys.push(k);
  sortKeys(keys);
  out.push('{');
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    out.push(i > 0 ? ', ' : '', JSON.stringify(k), ': ');
    const given = parts?.(k, record[k]);
    if (given !== undefined) out.push(given);
    else write(record[k], out);
  }
  out.push('}');
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
