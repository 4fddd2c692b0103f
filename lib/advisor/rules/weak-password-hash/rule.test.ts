import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { weakPasswordHash } from './rule';

const users = (algorithm: 'argon2id' | 'bcrypt' | 'scrypt' | 'md5' | 'sha1' | 'plain') =>
  model([{ name: 'users', columns: [col('id', 'bigint'), col('password_hash', 'text', { security: { passwordHash: { algorithm } } })] }]);

testRule(weakPasswordHash, {
  pass: [users('argon2id'), users('bcrypt'), users('scrypt')],
  fail: [users('md5'), users('sha1'), users('plain')],
});
