import { describe, expect, it } from 'vitest';
import type { Model } from '@/lib/model';
import { adviseEngine } from './engines';

/** One varchar(40) column without a comment (advice, `info`) and one char(3) column (a warning). */
const model: Model = {
  format: 1,
  schemas: [{ id: 's', name: 'public' }],
  tables: [{
    id: 't', schemaId: 's', name: 'things', comment: 'Things.',
    columns: [
      { id: 'c_id', name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false, identity: { generation: 'always' } },
      { id: 'c_code', name: 'code', type: { kind: 'builtin', name: 'varchar', length: 40 }, nullable: false },
      { id: 'c_cur', name: 'currency', type: { kind: 'builtin', name: 'char', length: 3 }, nullable: false },
    ],
    primaryKey: { id: 'pk', name: 'things_pkey', columnIds: ['c_id'] },
  }],
} as Model;

describe('advisor findings sent to the problems panel', () => {
  it('keep the rule\'s severity: info stays info, a warning stays a warning', () => {
    const findings = adviseEngine!(model);
    const byCode = Object.fromEntries(findings.map((f) => [f.code, f.severity]));
    expect(byCode).toMatchObject({ 'varchar-with-length': 'info', 'char-type': 'warning' });
    expect(findings.find((f) => f.code === 'varchar-with-length')).toMatchObject({ id: 'c_code', path: 'tables[0].columns[1]', findingId: 'varchar-with-length:c_code' });
  });
});
