/// <reference lib="webworker" />
/**
 * The preview worker's body (loaded by preview.worker.ts): holds a copy of the model (patched per
 * edit) and computes the open preview tab (SQL incrementally, Drizzle, Security) off the main thread.
 * Bursts of edits coalesce: only the newest revision is computed. Findings (validation, advisor) run
 * in their own worker (findings-main.ts), so a long validation never delays a preview; this worker
 * passes the model and its patches on to it through a message port, after computing its preview.
 */
import { IncrementalSql } from '@/lib/editor/preview/incremental-sql';
import { drizzleEngine, securityEngine } from './engines';
import { ModelCopy, type ModelMessage } from './model-copy';
import type { FromWorker, PreviewFile, PreviewTab, ToWorker } from './protocol';
import { WireEncoder } from './preview-wire';

const copy = new ModelCopy();
let tab: PreviewTab = 'sql';
let target: number | undefined;
let scheduled = false;
let findingsPort: MessagePort | undefined;
const forward: ModelMessage[] = [];
const sql = new IncrementalSql();
const wire = new WireEncoder();
const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface Computed { readonly files: PreviewFile[]; readonly offsets?: Record<string, number>; readonly error?: string }

/** The last preview computed, with what it depends on: a pan or zoom (no content change) reuses it. */
let last: { tab: PreviewTab; target: number | undefined; content: number; computed: Computed } | undefined;

function compute(model: NonNullable<ModelCopy['model']>): Computed {
  try {
    switch (tab) {
      case 'sql': {
        const out = sql.compile(model, target);
        return { files: [{ name: 'schema.sql', content: out.sql }], offsets: out.offsets };
      }
      case 'drizzle':
        if (!drizzleEngine) return { files: [], error: 'not available' };
        return { files: drizzleEngine(model).files.map((f) => ({ name: f.path, content: f.content })) };
      case 'security':
        if (!securityEngine) return { files: [], error: 'not available' };
        return { files: securityEngine(model).map((f) => ({ name: f.name, content: f.content, note: [f.explanation, ...(f.warnings ?? []).map((w) => `Warning: ${w}`)].filter(Boolean).join('\n') })) };
    }
  } catch (e) {
    return { files: [], error: `The preview cannot be generated yet: ${message(e)}` };
  }
}

function computePreview(): void {
  scheduled = false;
  const model = copy.model;
  if (!model) return;
  const start = performance.now();
  const rev = copy.revision;
  const content = copy.contentRevision;
  if (!last || last.tab !== tab || last.target !== target || last.content !== content) last = { tab, target, content, computed: compute(model) };
  const { files, offsets, error } = last.computed;
  post({ type: 'preview', revision: rev, tab, files: wire.encode(tab, files), offsets, ms: performance.now() - start, error });
}

function schedule(): void {
  if (!scheduled) { scheduled = true; setTimeout(computePreview, 0); }
}

/** Passes model messages on to the findings worker in a later task: the preview goes first. */
function passOn(msg: ModelMessage): void {
  if (forward.push(msg) > 1) return;
  setTimeout(() => {
    for (const m of forward.splice(0)) findingsPort?.postMessage(m);
  }, 0);
}

export function handleMessage(msg: ToWorker): void {
  switch (msg.type) {
    case 'model':
    case 'patch':
      // Also after a pan: the preview of each revision is posted (computed once per content revision, its text unchanged, a few bytes).
      copy.apply(msg);
      schedule();
      passOn(msg);
      break;
    case 'request': tab = msg.tab; target = msg.target; schedule(); break;
    case 'resync': wire.reset(); schedule(); break;
    case 'port': findingsPort = msg.port; break;
    case 'fix': break;
  }
}
