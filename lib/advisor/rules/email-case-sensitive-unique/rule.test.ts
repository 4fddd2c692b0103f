import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { emailCaseSensitiveUnique } from './rule';

const unique = { name: 'users_email_key', columns: ['email'] };

testRule(emailCaseSensitiveUnique, {
  pass: [
    model([{ name: 'users', columns: [col('email', 'citext')], uniques: [unique] }]),
    model([{ name: 'users', columns: [col('email', 'text')], indexes: [{ name: 'users_email_lower_key', expressions: ['lower(email)'], unique: true }] }]),
    // Both a plain unique and a unique lower(email): the lower index is what keeps Bob and bob apart.
    model([{ name: 'users', columns: [col('email', 'text')], uniques: [unique], indexes: [{ name: 'users_email_lower_key', expressions: ['LOWER("email"::text)'], unique: true }] }]),
    // A CHECK keeps every value lower-case (pgcanvas's own users table): the plain unique is case-insensitive in effect.
    model([{ name: 'users', columns: [col('email', 'text')], uniques: [unique], rest: { checks: [{ id: 'ck', name: 'users_email_check', expression: 'users.email = lower(btrim(users.email)) AND length(email) > 2' }] } }]),
  ],
  fail: [
    model([{ name: 'users', columns: [col('email', 'text')], uniques: [unique] }]),
    // lower() of another column, or a lower(email) index that is not unique, does not help.
    // ... nor does a lower() check that is only one side of an OR, or compares another column.
    model([{ name: 'users', columns: [col('email', 'text'), col('name', 'text')], uniques: [unique], rest: { checks: [
      { id: 'ck1', name: 'users_email_or', expression: 'email = lower(email) OR email IS NULL OR name IS NULL' },
      { id: 'ck2', name: 'users_name_lower', expression: 'name = lower(email)' },
    ] } }]),
    model([{ name: 'users', columns: [col('email', 'text'), col('name', 'text')], uniques: [unique], indexes: [{ name: 'users_name_lower_key', expressions: ['lower(name)'], unique: true }, { name: 'users_email_lower_idx', expressions: ['lower(email)'] }] }]),
  ],
});
