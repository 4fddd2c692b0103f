import { expect, it } from 'vitest';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { secretColumnNotMarked, secretName } from './rule';

testRule(secretColumnNotMarked, {
  pass: [model([{ name: 'keys', columns: [col('api_key', 'text', { security: { secret: true } }), col('token_expires_at', 'timestamptz')] }])],
  fail: [model([{ name: 'keys', columns: [col('apiKey', 'text'), col('refresh_token', 'text')] }])],
});

it('tells secrets from their metadata', () => {
  expect(['client_secret', 'webhookSecret', 'token'].map(secretName)).toEqual([true, true, true]);
  expect(['token_type', 'secret_hint', 'api_key_id', 'tokens_count'].map(secretName)).toEqual([false, false, false, false]);
});
