import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { bcryptCostTooLow } from './rule';

const users = (cost?: number) => model([{ name: 'users', columns: [col('password_hash', 'text', { security: { passwordHash: { algorithm: 'bcrypt', inDatabase: true, ...(cost ? { cost } : {}) } } })] }]);

testRule(bcryptCostTooLow, { pass: [users(), users(10), users(13)], fail: [users(6), users(9)] });
