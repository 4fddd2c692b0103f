import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { weakPasswordHash } from './rule';

const users = (algorithm: 'argon2id' | 'bcrypt' | 'scrypt' | 'pbkdf2' | 'md5' | 'sha1' | 'sha256' | 'plain') =>
  model([{ name: 'users', columns: [col('id', 'bigint'), col('password_hash', 'text', { security: { passwordHash: { algorithm } } })] }]);

testRule(weakPasswordHash, {
  pass: [users('argon2id'), users('bcrypt'), users('scrypt'), users('pbkdf2')],
  fail: [users('md5'), users('sha1'), users('sha256'), users('plain')],
});
