/**
 * Format upgrades: a stored model carries `format: N`; `upgradeModel` runs the numbered upgrade
 * functions N -> N+1 -> ... -> FORMAT_VERSION in order before the shape is checked. Each upgrade is a
 * pure function over plain JSON, added when the format changes and never edited afterwards, so a
 * model saved by any earlier release still opens. Format 1 is the first, so the list is empty today.
 */
import { FORMAT_VERSION } from './schema';
import type { Finding } from './validate/finding';

/** Upgrade turns a format-N document into a format-(N+1) document. */
export type Upgrade = (json: Record<string, unknown>) => Record<string, unknown>;

/** UPGRADES[n] upgrades format n to n + 1. */
export const UPGRADES: Readonly<Record<number, Upgrade>> = {};

export type UpgradeResult = { ok: true; json: unknown; from: number } | { ok: false; findings: Finding[] };

function fail(code: Finding['code'], message: string): UpgradeResult {
  return { ok: false, findings: [{ code, severity: 'error', message, path: 'format' }] };
}

/** upgradeModel accepts any JSON value; returns it at the current format, or a finding saying why not. */
export function upgradeModel(json: unknown): UpgradeResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, findings: [{ code: 'shape', severity: 'error', message: `a model is a JSON object, not ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}`, path: '' }] };
  }
  const doc = json as Record<string, unknown>;
  const format = doc['format'];
  if (format === undefined) return fail('format-missing', `"format" is missing; this pgcanvas reads format ${FORMAT_VERSION}`);
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) return fail('format-unknown', `unknown format ${JSON.stringify(format)}; this pgcanvas reads formats 1 to ${FORMAT_VERSION}`);
  if (format > FORMAT_VERSION) return fail('format-too-new', `format ${format} was written by a newer pgcanvas; this one reads formats 1 to ${FORMAT_VERSION}`);
  let current = doc;
  for (let n = format; n < FORMAT_VERSION; n++) {
    const step = UPGRADES[n];
    if (!step) return fail('format-unknown', `no upgrade from format ${n} to ${n + 1}`);
    current = step(current);
  }
  return { ok: true, json: current, from: format };
}
