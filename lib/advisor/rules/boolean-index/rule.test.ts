import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { booleanIndex } from './rule';

const columns = [col('id', 'bigint'), col('active', 'boolean')];

testRule(booleanIndex, {
  pass: [model([{ name: 't', columns, indexes: [{ name: 't_active_idx', columns: ['id'], where: 'active' }, { name: 't_active_live_idx', columns: ['active'], where: 'id > 0' }, { name: 't_active_id_idx', columns: ['active', 'id'] }] }])],
  fail: [model([{ name: 't', columns, indexes: [{ name: 't_active_idx', columns: ['active'] }] }])],
});
