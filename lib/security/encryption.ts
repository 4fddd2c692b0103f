/**
 * encryption.sql: encrypt_<col>/decrypt_<col> helpers for columns marked encrypted (stored as bytea),
 * using pgp_sym_encrypt with AES-256. The key comes from a server-side setting, never a literal: a key
 * in the SQL text ends up in logs and pg_stat_activity.
 */
import { quoteIdent, quoteLiteral, quoteQualified } from '@/lib/sql/quote';
import type { Column, Table } from '@/lib/model';
import { dollarQuote, fitName, commentText } from './names';
import { ensurePgcrypto, isBytea, pgcryptoFn, PINNED_SEARCH_PATH, roleList, schemaOf, type SecurityContext } from './context';
import { Warnings, type SecurityFile } from './file';

export interface EncryptedColumn {
  readonly table: Table;
  readonly column: Column;
  readonly encryptFn: string;
  readonly decryptFn: string;
  readonly schema: string;
}

/** encryptedColumns lists the encrypted bytea columns with their helper names: encrypt_<col>, or encrypt_<table>_<col> when <col> repeats. */
export function encryptedColumns(ctx: SecurityContext): { usable: EncryptedColumn[]; skipped: { table: Table; column: Column }[] } {
  const marked = ctx.model.tables.flatMap((table) => table.columns.filter((c) => c.security?.encrypted).map((column) => ({ table, column })));
  const usable: EncryptedColumn[] = [];
  const skipped: { table: Table; column: Column }[] = [];
  const count = new Map<string, number>();
  for (const m of marked) {
    const key = `${schemaOf(ctx, m.table)}\u0000${m.column.name}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  for (const m of marked) {
    if (!isBytea(m.column) || m.column.generated) { skipped.push(m); continue; }
    const schema = schemaOf(ctx, m.table);
    const unique = count.get(`${schema}\u0000${m.column.name}`) === 1;
    const base = unique ? [m.column.name] : [m.table.name, m.column.name];
    usable.push({ ...m, schema, encryptFn: fitName('encrypt', ...base), decryptFn: fitName('decrypt', ...base) });
  }
  return { usable, skipped };
}

export function encryptionFile(ctx: SecurityContext): SecurityFile | undefined {
  const { usable, skipped } = encryptedColumns(ctx);
  if (usable.length === 0 && skipped.length === 0) return undefined;
  const setting = quoteLiteral(ctx.encryptionKeySetting);
  const warnings = new Warnings();
  const keyCheck = [
    `  IF key IS NULL OR key = '' THEN`,
    `    RAISE EXCEPTION 'the setting % is not set', ${setting} USING ERRCODE = '22023';`,
    '  END IF;',
  ];
  const out: string[] = [
    commentText(`-- Column encryption with pgcrypto (OpenPGP, AES-256). The key is read from the setting ${ctx.encryptionKeySetting}:`),
    commentText(`--   set it per transaction with a bound parameter: SELECT set_config(${setting}, $1, true);`),
    '-- never as a literal in SQL text (it would reach the server log and pg_stat_activity).',
    '-- Stronger option: encrypt in the application with AES-256-GCM and a key from a KMS, storing the',
    '-- nonce + ciphertext + tag in the same bytea column; the database then never sees the key at all.',
    '',
  ];
  if (usable.length > 0) out.push(ensurePgcrypto(ctx));
  for (const s of skipped) {
    out.push(warnings.comment(`${s.table.name}.${s.column.name} is marked encrypted but is not a plain bytea column: no helpers (advisor rule encrypted-column-not-bytea).`));
  }
  const grantees = roleList(ctx, ['app', 'admin']);
  for (const c of usable) {
    const enc = quoteQualified(c.schema, c.encryptFn);
    const dec = quoteQualified(c.schema, c.decryptFn);
    const encBody = ['DECLARE', `  key text := current_setting(${setting}, true);`, 'BEGIN', ...keyCheck,
      `  RETURN ${pgcryptoFn(ctx, 'pgp_sym_encrypt')}(plaintext, key, 'cipher-algo=aes256');`, 'END'].join('\n');
    const decBody = ['DECLARE', `  key text := current_setting(${setting}, true);`, 'BEGIN', ...keyCheck,
      `  RETURN ${pgcryptoFn(ctx, 'pgp_sym_decrypt')}(ciphertext, key);`, 'END'].join('\n');
    out.push(
      commentText(`-- ${c.table.name}.${c.column.name}: INSERT ... VALUES (${quoteIdent(c.encryptFn)}($1)); SELECT ${quoteIdent(c.decryptFn)}(${quoteIdent(c.column.name)}) ...`),
      `CREATE OR REPLACE FUNCTION ${enc}(plaintext text) RETURNS bytea`,
      `LANGUAGE plpgsql VOLATILE STRICT ${PINNED_SEARCH_PATH}`,
      `AS ${dollarQuote(encBody, 'fn')};`,
      '',
      `CREATE OR REPLACE FUNCTION ${dec}(ciphertext bytea) RETURNS text`,
      `LANGUAGE plpgsql VOLATILE STRICT ${PINNED_SEARCH_PATH}`,
      `AS ${dollarQuote(decBody, 'fn')};`,
      '',
      `REVOKE EXECUTE ON FUNCTION ${enc}(text) FROM PUBLIC;`,
      `REVOKE EXECUTE ON FUNCTION ${dec}(bytea) FROM PUBLIC;`,
      `GRANT EXECUTE ON FUNCTION ${enc}(text) TO ${grantees};`,
      `GRANT EXECUTE ON FUNCTION ${dec}(bytea) TO ${grantees};`,
      '',
    );
  }
  return {
    kind: 'encryption',
    name: 'encryption.sql',
    sql: out.join('\n').replace(/\n{3,}/g, '\n\n'),
    explanation: `Defines encrypt/decrypt helpers for ${usable.length} encrypted bytea column(s) with pgp_sym_encrypt (AES-256), `
      + `reading the key from the server-side setting ${ctx.encryptionKeySetting} so it never appears in SQL text; only the app role may call them. `
      + 'Application-side AES-256-GCM is the stronger option and is described in the file.'
      + (skipped.length > 0 ? ` ${skipped.length} marked column(s) are not bytea and were skipped.` : ''),
    warnings: warnings.list,
  };
}
