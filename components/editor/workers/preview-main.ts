/// <reference lib="webworker" />
/**
 * The preview worker's body (loaded by preview.worker.ts after the WASM shim): holds a copy of the model (patched per edit), computes the open preview tab
 * (SQL incrementally, Drizzle, Security) and the findings (validation, advisor) off the main thread.
 * Bursts of edits coalesce: only the newest revision is computed.
 */
import type { Model } from '@/lib/model';
import { IncrementalSql } from '@/lib/editor/preview/incremental-sql';
import { adviseEngine, applyAdvisorFix, drizzleEngine, securityEngine, validateEngine } from './engines';
import { applyModelPatch, isViewportOnly, type FromWorker, type PreviewFile, type PreviewTab, type ToWorker } from './protocol';
import { WireEncoder } from './preview-wire';

let model: Model | undefined;
let revision = 0;
/** The revision of the last change that was more than a pan or zoom: findings stay valid across those. */
let contentRevision = 0;
let tab: PreviewTab = 'sql';
let target: number | undefined;
let scheduled = false;
let findingsTimer: ReturnType<typeof setTimeout> | undefined;
const sql = new IncrementalSql();
const wire = new WireEncoder();
const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function computePreview(): void {
  scheduled = false;
  if (!model) return;
  const start = performance.now();
  const rev = revision;
  let files: PreviewFile[] = [];
  let offsets: Record<string, number> | undefined;
  let error: string | undefined;
  try {
    switch (tab) {
      case 'sql': {
        const out = sql.compile(model, target);
        files = [{ name: 'schema.sql', content: out.sql }];
        offsets = out.offsets;
        break;
      }
      case 'drizzle':
        if (!drizzleEngine) error = 'not available';
        else files = drizzleEngine(model).files.map((f) => ({ name: f.path, content: f.content }));
        break;
      case 'security':
        if (!securityEngine) error = 'not available';
        else files = securityEngine(model).map((f) => ({ name: f.name, content: f.sql, note: f.explanation }));
        break;
    }
  } catch (e) {
    error = `The preview cannot be generated yet: ${message(e)}`;
  }
  post({ type: 'preview', revision: rev, tab, files: wire.encode(tab, files), offsets, ms: performance.now() - start, error });
}

async function computeFindings(): Promise<void> {
  if (!model) return;
  const content = contentRevision;
  const current = model;
  const findings: FromWorker & { type: 'findings' } = { type: 'findings', revision: revision, findings: [], available: { validate: Boolean(validateEngine), advisor: Boolean(adviseEngine) } };
  try {
    if (validateEngine) findings.findings.push(...(await validateEngine(current, target)).map((f) => ({ ...f, source: 'validate' as const })));
    if (adviseEngine) findings.findings.push(...adviseEngine(current).map((f) => ({ ...f, source: 'advisor' as const })));
  } catch (e) {
    findings.error = message(e);
  }
  if (content === contentRevision) post({ ...findings, revision });
}

function schedule(findings = true): void {
  if (!scheduled) { scheduled = true; setTimeout(computePreview, 0); }
  // Panning a 1,000-table model would otherwise re-validate it (seconds of CPU on a small machine) per move.
  if (!findings) return;
  clearTimeout(findingsTimer);
  // Findings (validation + advisor) wait for a pause in typing: they are slower than the preview at
  // 1,000 tables and, once started, would delay the preview of the next keystroke.
  findingsTimer = setTimeout(() => void computeFindings(), model && model.tables.length > 200 ? 600 : 150);
}

export function handleMessage(msg: ToWorker): void {
  switch (msg.type) {
    case 'model': model = msg.model; revision = contentRevision = msg.revision; schedule(); break;
    case 'patch': if (model) {
      const findings = !isViewportOnly(model, msg.patch);
      model = applyModelPatch(model, msg.patch);
      revision = msg.revision;
      if (findings) contentRevision = revision;
      schedule(findings);
    } break;
    case 'request': tab = msg.tab; target = msg.target; schedule(); break;
    case 'resync': wire.reset(); schedule(false); break;
    case 'fix': {
      if (!model || msg.revision !== revision) { post({ type: 'fixed', revision: msg.revision, findingId: msg.findingId, error: 'the model changed meanwhile; try again' }); break; }
      try {
        const fixed = applyAdvisorFix(model, msg.findingId);
        post({ type: 'fixed', revision: msg.revision, findingId: msg.findingId, ...(fixed ? { model: fixed } : { error: 'this finding has no fix any more' }) });
      } catch (e) {
        post({ type: 'fixed', revision: msg.revision, findingId: msg.findingId, error: message(e) });
      }
      break;
    }
  }
}
