import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { restartPoints } from '@/lib/editor/preview-sql-lexer';
import { applyChanges } from '@/lib/editor/preview-diff';
import { WireDecoder, WireEncoder } from './preview-wire';
import type { PreviewTab } from './protocol';

const arbFiles = fc.array(fc.record({
  name: fc.constantFrom('schema.sql', 'a.sql', 'b.ts'),
  content: fc.array(fc.constantFrom("'x;y'", ';', '\n', 'create table t', '"a"', '$$;$$', 'b', '-- c;\n'), { maxLength: 30 }).map((xs) => xs.join('')),
}), { maxLength: 3 }).map((fs) => fs.filter((f, i) => fs.findIndex((g) => g.name === f.name) === i));

describe('preview wire', () => {
  it('the editor rebuilds exactly the files the worker computed, with the restart points of each SQL text', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom<PreviewTab>('sql', 'drizzle', 'security'), arbFiles), { minLength: 1, maxLength: 12 }), (messages) => {
      const enc = new WireEncoder();
      const dec = new WireDecoder();
      for (const [tab, files] of messages) {
        const got = dec.decode(tab, enc.encode(tab, files))!;
        expect(got.map((f) => ({ name: f.name, content: f.content }))).toEqual(files);
        for (const f of got) expect(f.starts).toEqual(tab === 'drizzle' ? undefined : restartPoints(f.content));
        for (const f of got) if (f.edit) expect(applyChanges(f.edit.base, f.edit.changes)).toBe(f.content);
      }
    }), { numRuns: 300 });
  });

  it('long texts with a few scattered edits (strings and dollar quotes opened and closed among them) travel as edits with the right restart points', () => {
    const statement = fc.constantFrom('CREATE TABLE t (a int);\n', "COMMENT ON TABLE t IS 'x;\ny';\n", 'DO $$ BEGIN; END $$;\n', '-- note;\n', 'ALTER TABLE t ADD b text;\n');
    const edit = fc.tuple(fc.nat(), fc.constantFrom("'", '$$', ';', 'renamed', '', '\n', '/*', '*/'), fc.nat({ max: 12 }));
    fc.assert(fc.property(fc.array(statement, { minLength: 200, maxLength: 400 }), fc.array(fc.array(edit, { maxLength: 3 }), { minLength: 1, maxLength: 5 }), (statements, rounds) => {
      const enc = new WireEncoder();
      const dec = new WireDecoder();
      let text = statements.join('');
      dec.decode('sql', enc.encode('sql', [{ name: 'schema.sql', content: text }]));
      for (const edits of rounds) {
        for (const [at, insert, cut] of edits) { const p = at % (text.length + 1); text = text.slice(0, p) + insert + text.slice(p + cut); }
        const wire = enc.encode('sql', [{ name: 'schema.sql', content: text }]);
        const got = dec.decode('sql', wire)![0]!;
        expect(got.content).toBe(text);
        expect(got.starts).toEqual(restartPoints(text));
        if (edits.length && wire[0]!.edits) expect(wire[0]!.content).toBeUndefined();
      }
    }), { numRuns: 150 });
  });

  it('sends a small change as an edit, and asks for a resync when its base is unknown', () => {
    const big = 'CREATE TABLE t (a int);\n\n'.repeat(200);
    const enc = new WireEncoder();
    const dec = new WireDecoder();
    expect(enc.encode('sql', [{ name: 'schema.sql', content: big }])[0]!.content).toBe(big);
    dec.decode('sql', [{ name: 'schema.sql', content: big }]);
    const changed = big.replace('(a int)', '(b int)');
    const wire = enc.encode('sql', [{ name: 'schema.sql', content: changed }]);
    expect(wire[0]!.content).toBeUndefined();
    expect(wire[0]!.edits).toEqual([{ from: 16, to: 17, insert: 'b' }]);
    expect(dec.decode('sql', wire)![0]!.content).toBe(changed);
    expect(new WireDecoder().decode('sql', wire)).toBeUndefined();
    enc.reset();
    expect(enc.encode('sql', [{ name: 'schema.sql', content: changed }])[0]!.content).toBe(changed);
  });
});
