/** weak-digest-in-expression: md5() or sha1 digests in defaults, checks, generated columns or index expressions. */
import type { Rule, RuleHit } from '../../types';
import { expressionTree, functionCalls, stringConstants } from '../../expression-tree';
import { tableExpressions } from '../../stored-expressions';

const WEAK_ALGORITHMS = new Set(['md5', 'sha1']);
/** gen_salt types that make crypt() produce md5 or DES hashes. */
const WEAK_SALTS = new Set(['md5', 'des', 'xdes']);

/**
 * weakDigest names the weak digest an expression uses, read from the parse tree: md5(...) or sha1(...),
 * pgcrypto's digest()/hmac() with 'md5' or 'sha1', or gen_salt('md5' | 'des' | 'xdes'). A string that only
 * contains "md5(" is not a call.
 */
export function weakDigest(expression: string): string | undefined {
  const tree = expressionTree(expression);
  if (tree === undefined) return undefined;
  for (const call of functionCalls(tree)) {
    if (call.schema !== undefined && call.schema !== 'pg_catalog' && call.schema !== 'public' && call.schema !== 'extensions') continue;
    if (WEAK_ALGORITHMS.has(call.base)) return `${call.base}()`;
    const constant = call.args.length > 0 ? stringConstants(call.args[call.args.length - 1])[0] : undefined;
    if ((call.base === 'digest' || call.base === 'hmac') && constant !== undefined && WEAK_ALGORITHMS.has(constant)) return `${call.base}(..., '${constant}')`;
    const saltType = call.args.length > 0 ? stringConstants(call.args[0])[0] : undefined;
    if (call.base === 'gen_salt' && saltType !== undefined && WEAK_SALTS.has(saltType)) return `gen_salt('${saltType}')`;
  }
  return undefined;
}

export function usesWeakDigest(expression: string): boolean {
  return weakDigest(expression) !== undefined;
}

export const weakDigestInExpression: Rule = {
  id: 'weak-digest-in-expression',
  severity: 'warning',
  title: 'md5 or sha1 used in a default, check or expression',
  help: 'md5 and sha1 are broken for anything security-related. For ids use gen_random_uuid(); for integrity use sha256(); for passwords use argon2id/bcrypt.',
  check(ctx) {
    const hits: RuleHit[] = [];
    ctx.model.tables.forEach((table) => {
      const tp = ctx.tablePath(table);
      const report = (expression: string | undefined, id: string, path: string, what: string, detail?: string) => {
        const weak = expression === undefined ? undefined : weakDigest(expression);
        if (weak) hits.push({ target: { id, path }, ...(detail ? { detail } : {}), message: `${what} uses ${weak}` });
      };
      for (const e of tableExpressions(ctx, table)) {
        // docs.md names defaults, generated columns, CHECKs and indexes (not policies); an index is reported once, below, predicate included.
        if (e.kind === 'default' || e.kind === 'generated' || e.kind === 'check') report(e.expression, e.id, e.path, e.what, e.detail);
      }
      (table.indexes ?? []).forEach((x, i) => {
        const expression = x.elements.find((e) => e.expression && usesWeakDigest(e.expression))?.expression ?? x.where;
        report(expression, x.id, `${tp}.indexes[${i}]`, `index ${x.name} on ${table.name}`);
      });
    });
    return hits;
  },
};
