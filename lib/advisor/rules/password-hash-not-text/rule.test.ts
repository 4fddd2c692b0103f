import { expect } from 'vitest';
import type { PasswordAlgorithm } from '@/lib/model';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { passwordHashNotText } from './rule';

const users = (type: string, algorithm: PasswordAlgorithm = 'argon2id') => model([{ name: 'users', columns: [col('password_hash', type, { security: { passwordHash: { algorithm } } })] }]);

testRule(passwordHashNotText, {
  pass: [users('text'), users('varchar(255)'), users('varchar(60)', 'bcrypt'), users('varchar'), users('citext')],
  fail: [
    users('bytea'), users('text[]'),
    // pagila's staff.password is varchar(40): no argon2id (~97) or bcrypt (60) string fits.
    users('varchar(40)'), users('varchar(59)', 'bcrypt'), users('char(60)', 'scrypt'),
  ],
  expectFindings: (findings, fixture) => expect(findings[0]!.message).toMatch(fixture < 2 ? /is not a text column$/ : /too short for a (argon2id|bcrypt|scrypt) hash/),
});
