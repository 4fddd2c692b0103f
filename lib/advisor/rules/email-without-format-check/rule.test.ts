import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { emailWithoutFormatCheck } from './rule';

testRule(emailWithoutFormatCheck, {
  pass: [
    model([{ name: 'users', columns: [col('email', 'text')], rest: { checks: [{ id: 'ck', name: 'users_email_check', expression: "email ~* '^[^@]+@[^@]+$'" }] } }]),
    model([{ name: 'users', columns: [col('emailed_at', 'timestamptz')] }]),
  ],
  fail: [model([{ name: 'users', columns: [col('email', 'text'), col('billingEmail', 'citext')] }])],
});
