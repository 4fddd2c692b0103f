import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { advise } from '@/lib/advisor';
import { runCommand } from '@/lib/editor/commands';
import { generatedModel } from '@/lib/editor/fixtures';
import type { FromWorker, ToWorker } from './protocol';
import { makePatch } from './protocol';

// The worker body posts with self.postMessage: collect what it posts.
const posted: FromWorker[] = [];
const g = globalThis as unknown as { self?: unknown };
const hadSelf = 'self' in g;
const oldSelf = g.self;
let handle: (msg: ToWorker) => void;

beforeAll(async () => {
  g.self = { postMessage: (m: FromWorker) => posted.push(m) };
  handle = (await import('./findings-main')).handleMessage;
});
afterAll(() => { if (hadSelf) g.self = oldSelf; else delete g.self; });

describe('findings worker', () => {
  it('runs an advisor fix once its copy has the revision it was asked for, and refuses a stale one', () => {
    // The findings round waits for a pause (a timer): not part of this test.
    vi.useFakeTimers();
    const m1 = generatedModel(4, 4, 1);
    const finding = advise(m1).find((f) => f.fix);
    if (!finding) throw new Error('the fixture should have an advisor finding with a fix');
    handle({ type: 'model', revision: 1, model: m1 });
    const moved = runCommand(m1, { type: 'moveTables', positions: { t0: { x: 1, y: 2 } } });
    if (!moved.ok) throw new Error(moved.error.message);

    // Asked for revision 2 before the patch to 2 has arrived (it comes through the preview worker).
    handle({ type: 'fix', revision: 2, findingId: finding.id });
    expect(posted.filter((p) => p.type === 'fixed')).toHaveLength(0);
    handle({ type: 'patch', revision: 2, patch: makePatch(m1, moved.model) });
    const fixed = posted.filter((p) => p.type === 'fixed');
    expect(fixed).toHaveLength(1);
    expect(fixed[0]).toMatchObject({ revision: 2, findingId: finding.id });
    expect(fixed[0]!.type === 'fixed' && fixed[0]!.model).toEqual(finding.fix!.apply(moved.model));

    handle({ type: 'fix', revision: 1, findingId: finding.id });
    expect(posted.at(-1)).toMatchObject({ type: 'fixed', revision: 1, error: 'the model changed meanwhile; try again' });
    vi.clearAllTimers();
    vi.useRealTimers();
  });
});
