/**
 * encryption-key-in-sql: a pgcrypto call (pgp_sym_encrypt, encrypt, hmac, ...) whose key is a string
 * literal in SQL the model stores (defaults, generated columns, CHECKs, index expressions, policies,
 * SQL objects). Such keys end up in the schema, dumps, logs and pg_stat_activity.
 */
import type { Rule, RuleHit } from '../../types';
import { expressionTree, functionCalls, hasKey, statementTrees } from '../../expression-tree';
import { tableExpressions } from '../../stored-expressions';

/** pgcrypto functions and the position of their key (or password) argument. */
const KEY_ARGUMENT: Readonly<Record<string, number>> = {
  pgp_sym_encrypt: 1, pgp_sym_encrypt_bytea: 1, pgp_sym_decrypt: 1, pgp_sym_decrypt_bytea: 1,
  encrypt: 1, decrypt: 1, encrypt_iv: 1, decrypt_iv: 1, hmac: 1,
};

/** literalKey: the key argument is a constant (a string, possibly cast), not a setting, parameter or column. */
function literalKey(arg: unknown): boolean {
  return hasKey(arg, 'A_Const') && !hasKey(arg, 'ColumnRef') && !hasKey(arg, 'FuncCall') && !hasKey(arg, 'ParamRef') && !hasKey(arg, 'SubLink');
}

/** literalKeyCalls names the calls in a parse tree that pass their key as a literal. */
export function literalKeyCalls(tree: unknown): string[] {
  return [...new Set(functionCalls(tree).filter((c) => {
    const at = KEY_ARGUMENT[c.base];
    return at !== undefined && c.args.length > at && literalKey(c.args[at]);
  }).map((c) => c.base))];
}

/**
 * Trees of an SQL object's statements, plus the bodies of its LANGUAGE sql functions (a string the
 * outer parse leaves unread). PL/pgSQL bodies are not SQL statements and are not read.
 */
function sqlObjectTrees(sql: string): unknown[] {
  const trees = statementTrees(sql);
  const bodies = trees.flatMap((t) => {
    const fn = (t as { CreateFunctionStmt?: { options?: { DefElem?: { defname?: string; arg?: unknown } }[] } }).CreateFunctionStmt;
    if (!fn) return [];
    const option = (name: string) => fn.options?.find((o) => o.DefElem?.defname === name)?.DefElem?.arg;
    const language = (option('language') as { String?: { sval?: string } } | undefined)?.String?.sval?.toLowerCase();
    const body = (option('as') as { List?: { items?: { String?: { sval?: string } }[] } } | undefined)?.List?.items?.[0]?.String?.sval;
    return language === 'sql' && body ? statementTrees(body) : [];
  });
  return [...trees, ...bodies];
}

export const encryptionKeyInSql: Rule = {
  id: 'encryption-key-in-sql',
  severity: 'error',
  title: 'Encryption key written as a literal in SQL',
  help: "Read the key from a server-side setting, e.g. pgp_sym_encrypt(x, current_setting('app.encryption_key')), or encrypt in the application (AES-256-GCM). A literal key is in every dump, log line and pg_stat_activity row.",
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const table of ctx.model.tables) {
      for (const { expression, id, path, what, detail } of tableExpressions(ctx, table)) {
        const tree = expressionTree(expression);
        const calls = tree === undefined ? [] : literalKeyCalls(tree);
        if (calls.length > 0) hits.push({ target: { id, path }, ...(detail ? { detail } : {}), message: `${what} passes a literal key to ${calls.join(', ')}()` });
      }
    }
    (ctx.model.sqlObjects ?? []).forEach((o, i) => {
      const calls = [...new Set(sqlObjectTrees(o.sql).flatMap(literalKeyCalls))];
      if (calls.length > 0) hits.push({ target: { id: o.id, path: `sqlObjects[${i}]` }, message: `${o.kind} ${o.name ?? o.id} passes a literal key to ${calls.join(', ')}()` });
    });
    return hits;
  },
};
