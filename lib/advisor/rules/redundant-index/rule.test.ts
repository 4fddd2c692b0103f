import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { redundantIndex } from './rule';

const columns = [col('id', 'bigint', { nullable: false }), col('a', 'text'), col('b', 'text')];

testRule(redundantIndex, {
  pass: [
    model([{ name: 't', columns, pk: ['id'], indexes: [{ name: 't_a_idx', columns: ['a'] }, { name: 't_b_a_idx', columns: ['b', 'a'] }] }]),
    model([{ name: 't', columns, pk: ['id'], indexes: [{ name: 't_a_key', columns: ['a'], unique: true }, { name: 't_a_b_idx', columns: ['a', 'b'] }] }]),
  ],
  fail: [model([{ name: 't', columns, pk: ['id'], indexes: [{ name: 't_a_idx', columns: ['a'] }, { name: 't_a_b_idx', columns: ['a', 'b'] }] }])],
});
