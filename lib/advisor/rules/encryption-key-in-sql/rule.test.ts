import { expect } from 'vitest';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { encryptionKeyInSql } from './rule';

const fn = (sql: string) => ({ sqlObjects: [{ id: 'fn_enc', kind: 'function', name: 'enc', phase: 'pre-tables' as const, sql }] });

testRule(encryptionKeyInSql, {
  pass: [
    model([{ name: 'people', columns: [col('ssn', 'bytea', { default: "pgp_sym_encrypt('x', current_setting('app.encryption_key'))" })] }]),
    model([], fn("CREATE FUNCTION enc(x text) RETURNS bytea LANGUAGE sql AS $$ SELECT pgp_sym_encrypt(x, current_setting('app.encryption_key')) $$;")),
    // A key that is a column or a parameter, and a literal that is not the key (the options argument).
    model([{ name: 'keys', columns: [col('k', 'text'), col('v', 'bytea', { generated: { expression: "pgp_sym_encrypt('x', k, 'cipher-algo=aes256')" } }), col('w', 'bytea', { generated: { expression: "pgp_sym_encrypt('x', k || 'pepper')" } })] }]),
    model([], fn('CREATE FUNCTION enc(x text, k text) RETURNS bytea LANGUAGE sql AS $$ SELECT encrypt(convert_to(x, $q$UTF8$q$), convert_to(k, $q$UTF8$q$), $q$aes$q$) $$;')),
  ],
  fail: [
    model([{ name: 'people', columns: [col('ssn', 'bytea', { default: "pgp_sym_encrypt('x', 'secret-key')" })] }]),
    model([{ name: 'people', columns: [col('ssn', 'bytea')], rest: { checks: [{ id: 'ck', name: 'people_ssn_check', expression: "pgp_sym_decrypt(ssn, 'k'::text) <> ''" }] } }]),
    model([], fn("CREATE FUNCTION enc(x text) RETURNS bytea LANGUAGE sql AS $$ SELECT pgp_sym_encrypt(x, 'hunter2') $$;")),
    model([], fn("CREATE VIEW v AS SELECT hmac('data', 'shared-secret', 'sha256') AS mac;")),
  ],
  expectFindings: (findings, fixture) => {
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch([/pgp_sym_encrypt/, /pgp_sym_decrypt/, /pgp_sym_encrypt/, /hmac/][fixture]!);
  },
});
