import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { redundantSaltColumn } from './rule';

const hash = (algorithm: 'bcrypt' | 'argon2id' | 'sha256') => col('password_hash', 'text', { security: { passwordHash: { algorithm } } });

testRule(redundantSaltColumn, {
  pass: [
    model([{ name: 'users', columns: [hash('argon2id')] }]),
    model([{ name: 'users', columns: [hash('sha256'), col('password_salt', 'bytea')] }]),
  ],
  fail: [model([{ name: 'users', columns: [hash('bcrypt'), col('password_salt', 'text')] }]), model([{ name: 'users', columns: [hash('argon2id'), col('Salt', 'bytea')] }])],
});
