import { beforeAll, expect, it } from 'vitest';
import { loadSqlParser } from '@/lib/model';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { weakDigest, weakDigestInExpression } from './rule';

testRule(weakDigestInExpression, {
  pass: [
    model([{ name: 't', columns: [col('id', 'uuid', { default: 'gen_random_uuid()' }), col('sum', 'bytea', { generated: { expression: "sha256(convert_to(id::text, 'UTF8'))" } })] }]),
    // The word md5 in a string or a column name is not a call.
    model([{ name: 't', columns: [col('algo', 'text', { default: "'md5(x)'" }), col('md5', 'text')], rest: { checks: [{ id: 'ck1', name: 't_algo_check', expression: "algo <> 'sha1' AND md5 IS NOT NULL" }] } }]),
  ],
  fail: [
    model([{ name: 't', columns: [col('token', 'text', { default: 'md5(random()::text)' })] }]),
    model([{ name: 't', columns: [col('pw', 'text')], rest: { checks: [{ id: 'ck1', name: 't_pw_check', expression: "pw <> encode(digest('x', 'sha1'), 'hex')" }] } }]),
    model([{ name: 't', columns: [col('pw', 'text')], indexes: [{ name: 't_pw_idx', expressions: ["crypt(pw, gen_salt('md5'))"] }] }]),
    model([{ name: 't', columns: [col('pw', 'text')], indexes: [{ name: 't_pw_idx', columns: ['pw'], where: "pw <> MD5('')" }] }]),
  ],
  expectFindings: (findings, fixture) => {
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch([/md5\(\)/, /digest\(\.\.\., 'sha1'\)/, /gen_salt\('md5'\)/, /md5\(\)/][fixture]!);
  },
});

beforeAll(async () => { await loadSqlParser(); });

it('recognises the weak digests and not their look-alikes', () => {
  expect(['MD5(x)', "digest(x, 'SHA1')", "crypt(p, gen_salt('des'))", "hmac(x, k, 'md5')", 'pg_catalog.md5(x)'].map((e) => weakDigest(e) !== undefined)).toEqual([true, true, true, true, true]);
  expect(['sha256(x)', 'cmd5(x)', "crypt(p, gen_salt('bf', 12))", "digest(x, 'sha256')", "'md5(' || x", 'mylib.md5(x)'].map((e) => weakDigest(e))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
});
