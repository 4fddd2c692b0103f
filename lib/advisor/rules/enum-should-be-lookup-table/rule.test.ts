import { testRule } from '../../testing/rule-fixtures';
import { model } from '../../testing/model-builder';
import { enumShouldBeLookupTable } from './rule';

const withEnum = (n: number) => model([], { enums: [{ id: 'e1', schemaId: 'schema_public', name: 'country', values: Array.from({ length: n }, (_, i) => `v${i}`) }] });

testRule(enumShouldBeLookupTable, { pass: [withEnum(12), withEnum(0)], fail: [withEnum(13)] });
