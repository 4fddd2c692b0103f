/**
 * Shape checks: JSON text -> value -> current format (upgrade) -> zod `ModelSchema`. Every problem
 * becomes a finding with a JSON path (`tables[3].columns[1].name`); nothing here throws.
 */
import type { z } from 'zod';
import { ModelSchema, type Model } from '../schema';
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

/**
 * parseModel reads a model: JSON text (a string) or an already parsed value. It upgrades older
 * formats and checks the shape; semantic rules are `validate`'s job.
 */
export function parseModel(json: unknown): ParseResult {
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
  const parsed = ModelSchema.safeParse(upgraded.json);
  if (!parsed.success) return { ok: false, findings: shapeFindings(parsed.error, upgraded.json) };
  return { ok: true, model: parsed.data };
}
