/**
 * Shape checks: JSON text -> value -> current format (upgrade) -> zod `ModelSchema`. Every problem
 * becomes a finding with a JSON path (`tables[3].columns[1].name`); nothing here throws.
 */
import type { z } from 'zod';
import { ModelSchema, TableSchema, type Model, type Table } from '../schema';
import { upgradeModel } from '../upgrade';
import type { Finding } from './finding';

export type ParseResult = { ok: true; model: Model } | { ok: false; findings: Finding[] };

/** MAX_SHAPE_FINDINGS caps the list for badly broken input; one more finding says how many were left out. */
const MAX_SHAPE_FINDINGS = 100;

/** jsonPath renders a path of keys and indexes as `a.b[3].c` (odd keys as `["key"]`). */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** idAt walks the input along a path and returns the id of the deepest object on it that has one. */
function idAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = input;
  let id: string | undefined;
  for (const key of path) {
    if (node && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string') id = (node as { id: string }).id;
    if (!node || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[key as string];
  }
  if (node && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string') id = (node as { id: string }).id;
  return id;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys': return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_type': return issue.message.replace(/^Invalid input: /, '');
    case 'invalid_value': return issue.message.replace(/^Invalid (input|option): /, '');
    case 'invalid_union': return issue.message === 'Invalid input' ? 'not one of the allowed shapes (check "kind")' : issue.message.replace(/^Invalid discriminator value\. Expected /, '"kind" must be one of ');
    default: return issue.message;
  }
}

/** shapeFindings maps zod issues to findings. */
export function shapeFindings(error: z.ZodError, input: unknown): Finding[] {
  const findings: Finding[] = [];
  for (const issue of error.issues.slice(0, MAX_SHAPE_FINDINGS)) {
    const id = idAt(input, issue.path);
    const f: Finding = { code: 'shape', severity: 'error', message: issueMessage(issue), path: jsonPath(issue.path) };
    findings.push(id === undefined ? f : { ...f, id });
  }
  if (error.issues.length > MAX_SHAPE_FINDINGS) {
    findings.push({ code: 'shape', severity: 'error', message: `${error.issues.length - MAX_SHAPE_FINDINGS} more shape problems not shown`, path: '' });
  }
  return findings;
}

/** jsonErrorPosition turns V8's "at position N" into line and column. */
function jsonErrorMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  if (!match) return message;
  const pos = Number(match[1]);
  const before = text.slice(0, pos).split('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '')} at line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

export interface ParseOptions {
  /**
   * A model parseModel accepted before (for instance the last stored version). A table of the input
   * equal as JSON to that model's table of the same id is not parsed again: the earlier result is
   * used (the schema is a pure function of the JSON value, and for valid input its output equals its
   * input). Any other table is parsed, and if anything fails the whole input is parsed the usual way,
   * so the result, findings included, is always exactly parseModel(json). Treat reused tables as
   * read-only: they are shared with `reuse`.
   */
  readonly reuse?: Model;
}

/**
 * parseModel reads a model: JSON text (a string) or an already parsed value. It upgrades older
 * formats and checks the shape; semantic rules are `validate`'s job.
 */
export function parseModel(json: unknown, options: ParseOptions = {}): ParseResult {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return { ok: false, findings: [{ code: 'invalid-json', severity: 'error', message: `not valid JSON: ${jsonErrorMessage(json, error)}`, path: '' }] };
    }
  }
  const upgraded = upgradeModel(value);
  if (!upgraded.ok) return upgraded;
  if (options.reuse !== undefined) {
    const model = parseReusing(upgraded.json, options.reuse);
    if (model !== undefined) return { ok: true, model };
  }
  const parsed = ModelSchema.safeParse(upgraded.json);
  if (!parsed.success) return { ok: false, findings: shapeFindings(parsed.error, upgraded.json) };
  return { ok: true, model: parsed.data };
}

const tablesById = new WeakMap<Model, Map<string, Table>>();

/**
 * parseReusing is ModelSchema.safeParse split at `tables` (an array without checks of its own, so
 * the model is valid exactly when the rest and every table are): unchanged tables come from
 * `previous`. Returns undefined when any part fails; the caller then parses everything.
 */
function parseReusing(input: unknown, previous: Model): Model | undefined {
  if (!isPlainObject(input) || !Array.isArray(input['tables'])) return undefined;
  let known = tablesById.get(previous);
  if (known === undefined) {
    known = new Map();
    for (const t of previous.tables) if (!known.has(t.id)) known.set(t.id, t);
    tablesById.set(previous, known);
  }
  const raw = input['tables'] as unknown[];
  const tables: Table[] = new Array(raw.length);
  // Each previous table object at most once: rules tell tables apart by identity (a repeated table
  // must be two objects, as a fresh parse makes it).
  const used = new Set<Table>();
  for (let i = 0; i < raw.length; i++) {
    const table = raw[i];
    const id = isPlainObject(table) ? table['id'] : undefined;
    const old = typeof id === 'string' ? known.get(id) : undefined;
    if (old !== undefined && !used.has(old) && sameJson(table, old)) {
      used.add(old);
      tables[i] = old;
      continue;
    }
    const parsed = TableSchema.safeParse(table);
    if (!parsed.success) return undefined;
    tables[i] = parsed.data;
  }
  const rest = ModelSchema.safeParse({ ...input, tables: [] });
  if (!rest.success) return undefined;
  return { ...rest.data, tables };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * sameJson: `a` (any input) and `b` (a parsed model part) are the same JSON value: plain objects
 * with the same own keys in any order, arrays of the same length, equal primitives. Anything that
 * is not plain JSON in `a` (a Date, a Map, an undefined field) makes them differ.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(a)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !sameJson(a[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
