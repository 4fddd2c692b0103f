import { expect, it } from 'vitest';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { usesWeakDigest, weakDigestInExpression } from './rule';

testRule(weakDigestInExpression, {
  pass: [model([{ name: 't', columns: [col('id', 'uuid', { default: 'gen_random_uuid()' }), col('sum', 'bytea', { generated: { expression: "sha256(convert_to(id::text, 'UTF8'))" } })] }])],
  fail: [
    model([{ name: 't', columns: [col('token', 'text', { default: 'md5(random()::text)' })] }]),
    model([{ name: 't', columns: [col('pw', 'text')], rest: { checks: [{ id: 'ck1', name: 't_pw_check', expression: "pw <> encode(digest('x', 'sha1'), 'hex')" }] } }]),
  ],
});

it('recognises the weak digests and not their look-alikes', () => {
  expect(['MD5(x)', "digest(x, 'sha1')", "crypt(p, gen_salt('md5'))"].map(usesWeakDigest)).toEqual([true, true, true]);
  expect(['sha256(x)', 'cmd5(x)', "crypt(p, gen_salt('bf', 12))"].map(usesWeakDigest)).toEqual([false, false, false]);
});
