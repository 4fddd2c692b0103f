/**
 * security-definer-search-path: a SECURITY DEFINER function (an SQL object) that does not pin its
 * search_path with pg_temp last, so a caller can plant objects the function then runs with its owner's
 * rights. Read from the parser's tree of the object's SQL, including a later ALTER FUNCTION ... SET.
 */
import type { Rule, RuleHit } from '../../types';
import { statementTrees } from '../../expression-tree';

interface DefElem { defname?: string; arg?: unknown }
interface SearchPath { kind?: string; name?: string; args?: { A_Const?: { sval?: { sval?: string } } }[] }

const sval = (n: unknown) => (n as { String?: { sval?: string } }).String?.sval?.toLowerCase();

/** safeSearchPath: SET search_path to a list ending in pg_temp, or to '' (every name then schema-qualified). */
function safeSearchPath(set: SearchPath | undefined): boolean {
  if (!set || set.name !== 'search_path' || set.kind !== 'VAR_SET_VALUE') return false;
  const values = (set.args ?? []).map((a) => a.A_Const?.sval?.sval?.trim().toLowerCase());
  return (values.length === 1 && values[0] === '') || values[values.length - 1] === 'pg_temp';
}

function searchPathOf(options: readonly { DefElem?: DefElem }[] | undefined): SearchPath | undefined {
  for (const o of options ?? []) {
    const set = o.DefElem?.defname === 'set' ? (o.DefElem.arg as { VariableSetStmt?: SearchPath } | undefined)?.VariableSetStmt : undefined;
    if (set?.name === 'search_path') return set;
  }
  return undefined;
}

export const securityDefinerSearchPath: Rule = {
  id: 'security-definer-search-path',
  severity: 'error',
  title: 'SECURITY DEFINER function without a safe search_path',
  help: "Add SET search_path = pg_catalog, pg_temp (or '' with every name schema-qualified) to the function: otherwise a caller can create a table, function or operator the function resolves first, and it runs with the owner's rights.",
  check(ctx) {
    const objects = ctx.model.sqlObjects ?? [];
    const trees = objects.map((o) => statementTrees(o.sql));
    // ALTER FUNCTION name SET search_path = ... anywhere in the model pins it as well.
    const altered = new Set(trees.flat().flatMap((t) => {
      const alter = (t as { AlterFunctionStmt?: { func?: { objname?: unknown[] }; actions?: { DefElem?: DefElem }[] } }).AlterFunctionStmt;
      return alter && safeSearchPath(searchPathOf(alter.actions)) ? [(alter.func?.objname ?? []).map(sval).join('.')] : [];
    }));
    const hits: RuleHit[] = [];
    objects.forEach((o, i) => {
      for (const t of trees[i]!) {
        const fn = (t as { CreateFunctionStmt?: { funcname?: unknown[]; options?: { DefElem?: DefElem }[] } }).CreateFunctionStmt;
        if (!fn) continue;
        const definer = fn.options?.some((d) => d.DefElem?.defname === 'security' && (d.DefElem.arg as { Boolean?: { boolval?: boolean } })?.Boolean?.boolval === true);
        const name = (fn.funcname ?? []).map(sval).join('.');
        const set = searchPathOf(fn.options);
        if (!definer || safeSearchPath(set) || altered.has(name)) continue;
        hits.push({
          target: { id: o.id, path: `sqlObjects[${i}]` },
          detail: name,
          message: `SECURITY DEFINER function ${name} ${set ? 'sets a search_path that does not end with pg_temp (pg_temp is then searched first)' : 'does not set search_path'}`,
        });
      }
    });
    return hits;
  },
};
