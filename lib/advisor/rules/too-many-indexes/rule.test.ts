import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { tooManyIndexes } from './rule';

const columns = Array.from({ length: 10 }, (_, i) => col(`c${i}`, 'integer'));
const withIndexes = (n: number) => model([{ name: 'wide', columns, indexes: columns.slice(0, n).map((c) => ({ name: `wide_${c.name}_idx`, columns: [c.name] })) }]);

// The primary key and unique constraints are indexes too: 7 indexes + a unique + the key is 9.
const withKeys = (n: number) => model([{ name: 'wide', columns: [...columns.slice(0, 9), col('c9', 'integer', { nullable: false })], pk: ['c9'], uniques: [{ name: 'wide_c8_key', columns: ['c8'] }], indexes: columns.slice(0, n).map((c) => ({ name: `wide_${c.name}_idx`, columns: [c.name] })) }]);

testRule(tooManyIndexes, { pass: [withIndexes(8), withKeys(6)], fail: [withIndexes(9), withKeys(7)] });
testRule(tooManyIndexes, { pass: [withIndexes(3)], fail: [withIndexes(4)], options: { maxIndexes: 3 } });
