import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../expression';
import { parseModel, validate } from './index';

const DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));
const EXAMPLES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

beforeAll(() => loadSqlParser());

describe('examples/', () => {
  it('holds at least the blog, saas and shop models', () => {
    expect(EXAMPLES).toEqual(expect.arrayContaining(['blog.json', 'saas.json', 'shop.json']));
  });

  it.each(EXAMPLES)('%s is valid with no findings at all, for every target 13-18', (file) => {
    const text = readFileSync(`${DIR}${file}`, 'utf8');
    for (const target of [13, 14, 15, 16, 17, 18]) expect(validate(text, { target })).toEqual([]);
  });

  it.each(EXAMPLES)('%s places every table on the canvas', (file) => {
    const parsed = parseModel(readFileSync(`${DIR}${file}`, 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.findings));
    const positions = parsed.model.layout?.tables ?? {};
    for (const t of parsed.model.tables) expect(positions[t.id], t.name).toBeDefined();
  });
});
