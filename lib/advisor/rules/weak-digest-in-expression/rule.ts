/** weak-digest-in-expression: md5() or sha1 digests in defaults, checks, generated columns or index expressions. */
import type { Rule, RuleHit } from '../../types';

const WEAK = /\bmd5\s*\(|\bsha1\s*\(|\bdigest\s*\([^)]*'(md5|sha1)'|\bcrypt\s*\([^)]*gen_salt\s*\(\s*'(md5|des|xdes)'/i;

export function usesWeakDigest(expression: string): boolean {
  return WEAK.test(expression);
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
      table.columns.forEach((c, i) => {
        if (c.default && usesWeakDigest(c.default)) hits.push({ target: { id: c.id, path: `${tp}.columns[${i}].default` }, detail: 'default', message: `default of ${table.name}.${c.name} uses md5/sha1` });
        if (c.generated && usesWeakDigest(c.generated.expression)) hits.push({ target: { id: c.id, path: `${tp}.columns[${i}].generated` }, detail: 'generated', message: `generated column ${table.name}.${c.name} uses md5/sha1` });
      });
      (table.checks ?? []).forEach((k, i) => {
        if (usesWeakDigest(k.expression)) hits.push({ target: { id: k.id, path: `${tp}.checks[${i}]` }, message: `check ${k.name} on ${table.name} uses md5/sha1` });
      });
      (table.indexes ?? []).forEach((x, i) => {
        if (x.elements.some((e) => e.expression && usesWeakDigest(e.expression))) hits.push({ target: { id: x.id, path: `${tp}.indexes[${i}]` }, message: `index ${x.name} on ${table.name} uses md5/sha1` });
      });
    });
    return hits;
  },
};
