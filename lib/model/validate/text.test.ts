import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../expression';
import { validate } from './index';
import { baseModel, expectClean, expectFinding, table } from './test-fixtures';
import { unstorableText } from './text';

beforeAll(() => loadSqlParser());

describe('text rules', () => {
  it('accepts any Unicode, including astral characters (paired surrogates)', () => {
    const m = baseModel();
    table(m, 'tbl_users').comment = 'émoji 🐘 and 中文, tabs\tand\nnewlines';
    expectClean(m);
  });

  it('rejects a NUL character in a comment, with its path and id', () => {
    const m = baseModel();
    table(m, 'tbl_posts').columns[1]!.comment = 'before\u0000after';
    const f = expectFinding(m, 'text-unstorable', 'tables[1].columns[1].comment');
    expect(f.id).toBe(table(m, 'tbl_posts').columns[1]!.id);
    expect(f.message).toMatch(/NUL/);
  });

  it('rejects a lone high or low surrogate anywhere', () => {
    const m = baseModel();
    table(m, 'tbl_users').comment = 'broken \ud83d end';
    table(m, 'tbl_posts').comment = '\udc18 first';
    expectFinding(m, 'text-unstorable', 'tables[0].comment');
    const low = expectFinding(m, 'text-unstorable', 'tables[1].comment');
    expect(low.message).toMatch(/\\udc18/);
  });

  it('checks keys too, and leaves NUL in names to name-nul (one finding each)', () => {
    const m = baseModel();
    table(m, 'tbl_posts').name = 'po\u0000sts';
    const findings = validate(m).filter((f) => f.path === 'tables[1].name');
    expect(findings.map((f) => f.code)).toEqual(['name-nul']);
    const withKey = { ...baseModel(), layout: { tables: { ['x\ud800']: { x: 1, y: 2 } }, notes: [{ id: 'n1', x: 0, y: 0, text: 'a\u0000b' }] } };
    const key = expectFinding(withKey, 'text-unstorable', `layout.tables[${JSON.stringify('x\ud800')}]`);
    expect(key.message).toMatch(/^key: /);
    expect(expectFinding(withKey, 'text-unstorable', 'layout.notes[0].text').id).toBe('n1');
  });

  it('unstorableText answers undefined for storable text and a reason otherwise', () => {
    expect(unstorableText('plain')).toBeUndefined();
    expect(unstorableText('𝄞')).toBeUndefined();
    expect(unstorableText('a\u0000')).toMatch(/character 2/);
    expect(unstorableText('a\u0000', true)).toBeUndefined();
    expect(unstorableText('\ud834')).toMatch(/\\ud834/);
  });
});
