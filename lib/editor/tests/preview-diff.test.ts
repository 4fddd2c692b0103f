import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileSql } from '@/lib/compile';
import { applyChanges, textChanges } from '../preview-diff';
import { runCommand } from '../commands';
import { generatedModel } from '../fixtures';

const sorted = (cs: { from: number; to: number }[]) => cs.every((c, k) => c.from <= c.to && (k === 0 || c.from >= cs[k - 1]!.to));

describe('textChanges', () => {
  it('turns a into b exactly, with sorted non-overlapping changes (random texts)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
      const cs = textChanges(a, b);
      expect(sorted(cs)).toBe(true);
      expect(applyChanges(a, cs)).toBe(b);
    }), { numRuns: 300 });
  });

  it('finds scattered line edits in long texts as separate small changes', () => {
    const line = fc.stringMatching(/^[a-z ;'$]{10,40}$/);
    fc.assert(fc.property(fc.array(line, { minLength: 300, maxLength: 800 }), fc.array(fc.tuple(fc.nat(), fc.option(line, { nil: undefined })), { minLength: 1, maxLength: 6 }), (lines, edits) => {
      const a = lines.join('\n') + '\n';
      const next = [...lines];
      for (const [at, text] of edits) {
        const k = at % next.length;
        if (text === undefined) next.splice(k, 1); else next[k] = text;
      }
      const b = next.join('\n') + '\n';
      const cs = textChanges(a, b);
      expect(sorted(cs)).toBe(true);
      expect(applyChanges(a, cs)).toBe(b);
      // The changes stay within what the edited lines account for (or one change of at most 2 KB per
      // side, sent as it is), not everything from the first edit to the last.
      expect(cs.reduce((n, c) => n + c.insert.length + (c.to - c.from), 0)).toBeLessThanOrEqual(Math.max(edits.length * 100, 2 * 2048 + 200));
    }), { numRuns: 150 });
  });

  it('a foreign-key column rename is two small changes (its CREATE TABLE and its FOREIGN KEY), not one spanning 300 KB', () => {
    const m = generatedModel(1000, 10, 1.5);
    const a = compileSql(m);
    const r = runCommand(m, { type: 'renameColumn', tableId: 't500', columnId: 't500_c1', name: 'renamed_key' });
    if (!r.ok) throw new Error(r.error.message);
    const b = compileSql(r.model);
    const cs = textChanges(a, b);
    expect(cs).toHaveLength(2);
    expect(cs.map((c) => c.insert)).toEqual(['renamed_key', 'renamed_key']);
    expect(cs[1]!.from - cs[0]!.to).toBeGreaterThan(100_000);
    expect(applyChanges(a, cs)).toBe(b);
  });
});
