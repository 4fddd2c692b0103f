import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { emailCaseSensitiveUnique } from './rule';

testRule(emailCaseSensitiveUnique, {
  pass: [
    model([{ name: 'users', columns: [col('email', 'citext')], uniques: [{ name: 'users_email_key', columns: ['email'] }] }]),
    model([{ name: 'users', columns: [col('email', 'text')], indexes: [{ name: 'users_email_lower_key', expressions: ['lower(email)'], unique: true }] }]),
  ],
  fail: [model([{ name: 'users', columns: [col('email', 'text')], uniques: [{ name: 'users_email_key', columns: ['email'] }] }])],
});
