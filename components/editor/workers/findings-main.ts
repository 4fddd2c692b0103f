/// <reference lib="webworker" />
/**
 * The findings worker's body (loaded by findings.worker.ts after the WASM shim): validation (with the
 * SQL parser) and the advisor on its own copy of the model, which the preview worker passes on through
 * a message port; advisor fixes run here too. At 1,000 tables one round takes half a second or more,
 * so it waits for a pause in typing, and it runs beside the preview worker instead of before the next
 * preview.
 */
import { adviseEngine, applyAdvisorFix, validateEngine } from './engines';
import { ModelCopy, type ModelMessage } from './model-copy';
import type { FromWorker, ToWorker } from './protocol';

const copy = new ModelCopy();
let target: number | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Fix requests for a revision this copy has not reached yet (its patch is still on the way). */
const pendingFixes: { revision: number; findingId: string }[] = [];
const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function computeFindings(): Promise<void> {
  const current = copy.model;
  if (!current) return;
  const content = copy.contentRevision;
  const findings: FromWorker & { type: 'findings' } = { type: 'findings', revision: copy.revision, findings: [], available: { validate: Boolean(validateEngine), advisor: Boolean(adviseEngine) } };
  try {
    if (validateEngine) findings.findings.push(...(await validateEngine(current, target)).map((f) => ({ ...f, source: 'validate' as const })));
    if (adviseEngine) findings.findings.push(...adviseEngine(current).map((f) => ({ ...f, source: 'advisor' as const })));
  } catch (e) {
    findings.error = message(e);
  }
  if (content === copy.contentRevision) post({ ...findings, revision: copy.revision });
}

function schedule(): void {
  clearTimeout(timer);
  // Wait for a pause in typing: a round at 1,000 tables is seconds of CPU on a small machine.
  timer = setTimeout(() => void computeFindings(), copy.model && copy.model.tables.length > 200 ? 600 : 150);
}

function fix(revision: number, findingId: string): void {
  const model = copy.model;
  if (!model || revision !== copy.revision) { post({ type: 'fixed', revision, findingId, error: 'the model changed meanwhile; try again' }); return; }
  try {
    const fixed = applyAdvisorFix(model, findingId);
    post({ type: 'fixed', revision, findingId, ...(fixed ? { model: fixed } : { error: 'this finding has no fix any more' }) });
  } catch (e) {
    post({ type: 'fixed', revision, findingId, error: message(e) });
  }
}

function onModel(msg: ModelMessage): void {
  if (copy.apply(msg)) schedule();
  for (const p of pendingFixes.splice(0)) {
    if (p.revision > copy.revision) pendingFixes.push(p); else fix(p.revision, p.findingId);
  }
}

export function handleMessage(msg: ToWorker): void {
  switch (msg.type) {
    case 'port':
      msg.port.onmessage = (e: MessageEvent<ModelMessage>) => onModel(e.data);
      break;
    case 'model': case 'patch': onModel(msg); break;
    case 'request':
      if (msg.target !== target) { target = msg.target; if (copy.model) schedule(); }
      break;
    case 'fix':
      if (msg.revision > copy.revision) pendingFixes.push({ revision: msg.revision, findingId: msg.findingId });
      else fix(msg.revision, msg.findingId);
      break;
    case 'resync': break;
  }
}
