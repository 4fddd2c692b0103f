import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../expression';
import type { Index } from '../schema';
import { baseModel, expectClean, expectFinding, table } from './test-fixtures';

beforeAll(() => loadSqlParser());

function withIndex(index: Partial<Index>): ReturnType<typeof baseModel> {
  const m = baseModel();
  table(m, 'tbl_posts').indexes!.push({ id: 'ix_new', name: 'posts_new_idx', elements: [{ columnId: 'col_posts_title' }], ...index });
  return m;
}
const PATH = 'tables[1].indexes[2]';

describe('index rules', () => {
  it('accepts btree with DESC, NULLS FIRST, INCLUDE, partial WHERE and unique', () => {
    expectClean(withIndex({ unique: true, elements: [{ columnId: 'col_posts_title', order: 'desc', nulls: 'first' }], include: ['col_posts_user'], where: 'user_id > 0' }));
  });

  it.each(['hash', 'gin', 'gist', 'brin', 'spgist'] as const)('rejects UNIQUE for %s', (method) => {
    expectFinding(withIndex({ method, unique: true, elements: [{ columnId: 'col_posts_tags' }] }), 'index-method', `${PATH}.unique`);
  });

  it('rejects multicolumn hash and ASC/DESC outside btree', () => {
    expectFinding(withIndex({ method: 'hash', elements: [{ columnId: 'col_posts_title' }, { columnId: 'col_posts_user' }] }), 'index-method', `${PATH}.elements`);
    expectFinding(withIndex({ method: 'hash', elements: [{ columnId: 'col_posts_user', order: 'desc' }] }), 'index-method', `${PATH}.elements[0]`);
  });

  it('rejects INCLUDE on hash, gin and brin, and on spgist before 14', () => {
    expectFinding(withIndex({ method: 'gin', elements: [{ columnId: 'col_posts_tags' }], include: ['col_posts_id'] }), 'index-method', `${PATH}.include`);
    const sp = withIndex({ method: 'spgist', elements: [{ columnId: 'col_posts_title' }], include: ['col_posts_id'] });
    expectClean(sp, 14);
    expectFinding(sp, 'version-feature', `${PATH}.include`, { target: 13 });
  });

  it('rejects NULLS NOT DISTINCT without UNIQUE, and before 15', () => {
    expectFinding(withIndex({ nullsNotDistinct: true }), 'index-method', `${PATH}.nullsNotDistinct`);
    expectFinding(withIndex({ unique: true, nullsNotDistinct: true }), 'version-feature', `${PATH}.nullsNotDistinct`, { target: 14 });
  });

  it('requires exactly one of columnId and expression', () => {
    expectFinding(withIndex({ elements: [{ columnId: 'col_posts_title', expression: 'lower(title)' }] }), 'index-element', `${PATH}.elements[0]`);
    expectFinding(withIndex({ elements: [{}] }), 'index-element', `${PATH}.elements[0]`);
  });

  it('rejects a method without a default operator class for the type, unless an opclass is given', () => {
    expectFinding(withIndex({ method: 'gin', elements: [{ columnId: 'col_posts_title' }] }), 'index-opclass', `${PATH}.elements[0].columnId`);
    const trgm = withIndex({ method: 'gin', elements: [{ columnId: 'col_posts_title', opclass: 'gin_trgm_ops' }] });
    expectFinding(trgm, 'index-opclass', `${PATH}.elements[0].opclass`, { severity: 'warning' });
    trgm.extensions!.push({ id: 'ext_trgm', name: 'pg_trgm' });
    expectClean(trgm);
    expectFinding(withIndex({ method: 'brin', elements: [{ columnId: 'col_posts_tags' }] }), 'index-opclass', `${PATH}.elements[0].columnId`);
    const gist = withIndex({ method: 'gist', elements: [{ columnId: 'col_posts_user' }] });
    expectFinding(gist, 'index-opclass', `${PATH}.elements[0].columnId`);
    gist.extensions!.push({ id: 'ext_btree_gist', name: 'btree_gist' });
    expectClean(gist);
  });

  it('requires partition keys in a unique index of a partitioned table', () => {
    const m = baseModel();
    table(m, 'tbl_events').indexes = [{ id: 'ix_ev', name: 'events_id_key', unique: true, elements: [{ columnId: 'col_events_id' }] }];
    expect(expectFinding(m, 'partition-key-not-in-unique', 'tables[2].indexes[0]').message).toContain('"at"');
  });
});
