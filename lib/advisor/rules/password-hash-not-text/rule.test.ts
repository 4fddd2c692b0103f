import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { passwordHashNotText } from './rule';

const users = (type: string) => model([{ name: 'users', columns: [col('password_hash', type, { security: { passwordHash: { algorithm: 'argon2id' } } })] }]);

testRule(passwordHashNotText, { pass: [users('text'), users('varchar(255)')], fail: [users('bytea'), users('text[]')] });
