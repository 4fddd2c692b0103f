import { expect } from 'vitest';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { duplicateIndex } from './rule';

const columns = [col('id', 'bigint', { nullable: false }), col('email', 'text')];

testRule(duplicateIndex, {
  pass: [model([{ name: 'users', columns, pk: ['id'], indexes: [{ name: 'users_email_idx', columns: ['email'] }, { name: 'users_email_id_idx', columns: ['email', 'id'] }] }])],
  fail: [
    model([{ name: 'users', columns, pk: ['id'], indexes: [{ name: 'users_id_idx', columns: ['id'] }] }]),
    model([{ name: 'users', columns, pk: ['id'], indexes: [{ name: 'a_idx', columns: ['email'] }, { name: 'b_idx', columns: ['email'] }] }]),
    // A unique index is not a duplicate of a plain one on the same columns; the plain one is the duplicate.
    model([{ name: 'users', columns, pk: ['id'], indexes: [{ name: 'a_idx', columns: ['email'] }, { name: 'b_key', columns: ['email'], unique: true }] }]),
  ],
  expectFindings: (findings, i) => expect(findings.map((f) => f.message)).toEqual([
    ['index users_id_idx on users duplicates primary key users_pkey'], ['index b_idx on users duplicates index a_idx'], ['index a_idx on users duplicates index b_key'],
  ][i]),
});
