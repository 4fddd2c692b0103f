/**
 * Text rules: every string of the model (and every key, e.g. of layout records keyed by id) must be
 * text PostgreSQL can store. jsonb, like text, refuses a NUL character (`\u0000`), and JSON text with
 * an unpaired UTF-16 surrogate (`\ud800` alone) is not Unicode at all; either would make the save fail
 * inside the database. Names and enum labels have their own NUL findings (`name-nul`, `enum-label`).
 */
import type { RuleContext } from './context';
import { jsonPath } from './shape';

/** Any character worth a closer look: NUL or a surrogate (paired ones are fine). */
const SUSPECT = /[\u0000\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** unstorable says why a string cannot be stored, or undefined when it can. */
export function unstorableText(s: string, nulReportedElsewhere = false): string | undefined {
  if (!SUSPECT.test(s)) return undefined;
  const lone = LONE_SURROGATE.exec(s);
  if (lone) {
    const code = lone[0].charCodeAt(0).toString(16);
    return `text contains an unpaired UTF-16 surrogate (\\u${code}) at character ${lone.index + 1}, which is not Unicode and cannot be stored; remove it`;
  }
  if (!nulReportedElsewhere && s.includes('\u0000')) {
    return `text contains a NUL character (\\u0000) at character ${s.indexOf('\u0000') + 1}, which PostgreSQL cannot store; remove it`;
  }
  return undefined;
}

export function textRules(ctx: RuleContext): void {
  textRulesSkipping(ctx, NONE);
}

const NONE: ReadonlySet<object> = new Set();

/**
 * textRulesSkipping is textRules without walking the tables in `clean`. A table's text findings
 * depend on nothing but the table object (its strings, keys and own id; a table is never under a
 * `values` array or a `name` key), so for tables known to have none (the same objects in a model
 * validated without errors) the findings are exactly textRules' own.
 */
export function textRulesSkipping(ctx: RuleContext, clean: ReadonlySet<object>): void {
  // The path is kept as a stack of keys and rendered only for a finding: this rule visits every
  // string of the model on every save.
  const path: PropertyKey[] = [];
  const ids: (string | undefined)[] = [];
  const report = (why: string, prefix = '') => ctx.error('text-unstorable', prefix + why, jsonPath(path), ids[ids.length - 1]);
  const walk = (value: unknown, key: PropertyKey | undefined, inLabels: boolean): void => {
    if (typeof value === 'string') {
      if (!SUSPECT.test(value)) return;
      const why = unstorableText(value, key === 'name' || inLabels);
      if (why) report(why);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      const labels = key === 'values';
      const skip = path.length === 1 && key === 'tables' && clean.size > 0;
      for (let i = 0; i < value.length; i++) {
        if (skip && clean.has(value[i] as object)) continue;
        path.push(i);
        walk(value[i], i, labels);
        path.pop();
      }
      return;
    }
    const record = value as Record<string, unknown>;
    const id = record['id'];
    ids.push(typeof id === 'string' ? id : ids[ids.length - 1]);
    for (const k in record) {
      path.push(k);
      if (SUSPECT.test(k)) {
        const why = unstorableText(k);
        if (why) report(why, 'key: ');
      }
      walk(record[k], k, false);
      path.pop();
    }
    ids.pop();
  };
  walk(ctx.model, undefined, false);
}
