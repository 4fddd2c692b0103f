import { expect, it } from 'vitest';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { looksLikePassword, passwordColumnNotMarked } from './rule';

testRule(passwordColumnNotMarked, {
  pass: [
    model([{ name: 'users', columns: [col('id', 'bigint'), col('password_hash', 'text', { security: { passwordHash: { algorithm: 'argon2id' } } }), col('password_changed_at', 'timestamptz'), col('password_set_at', 'timestamptz')] }]),
    model([{ name: 'users', columns: [col('id', 'bigint'), col('passport_no', 'text'), col('compass', 'text')] }]),
  ],
  fail: [
    model([{ name: 'users', columns: [col('id', 'bigint'), col('password', 'text')] }]),
    model([{ name: 'users', columns: [col('id', 'bigint'), col('userPwd', 'varchar(100)'), col('PassWord_Hash', 'text')] }]),
  ],
  expectFindings: (findings, i) => expect(findings).toHaveLength(i === 0 ? 1 : 2),
});

it('does not take reset tokens or timestamps for passwords', () => {
  expect(['password_reset_token', 'password_changed_at', 'passport'].map(looksLikePassword)).toEqual([false, false, false]);
  expect(['pwd', 'userPassword', 'pass_hash'].map(looksLikePassword)).toEqual([true, true, true]);
});
