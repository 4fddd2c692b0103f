import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { tooManyIndexes } from './rule';

const columns = Array.from({ length: 10 }, (_, i) => col(`c${i}`, 'integer'));
const withIndexes = (n: number) => model([{ name: 'wide', columns, indexes: columns.slice(0, n).map((c) => ({ name: `wide_${c.name}_idx`, columns: [c.name] })) }]);

testRule(tooManyIndexes, { pass: [withIndexes(8)], fail: [withIndexes(9)] });
testRule(tooManyIndexes, { pass: [withIndexes(3)], fail: [withIndexes(4)], options: { maxIndexes: 3 } });
