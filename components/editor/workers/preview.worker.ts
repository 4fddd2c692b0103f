/// <reference lib="webworker" />
/**
 * The preview worker entry (SQL, Drizzle and Security previews, see preview-main.ts). It never parses
 * SQL, so the parser's WASM, which starts loading when its module is evaluated, is kept from loading
 * (no-parser-shim.ts, imported first); everything else is loaded with a dynamic import after it, and
 * messages that arrive meanwhile are queued.
 */
import './no-parser-shim';
import type { ToWorker } from './protocol';

const queue: ToWorker[] = [];
let handle: ((msg: ToWorker) => void) | undefined;
self.onmessage = (e: MessageEvent<ToWorker>) => { if (handle) handle(e.data); else queue.push(e.data); };
void import('./preview-main').then((m) => {
  handle = m.handleMessage;
  for (const msg of queue.splice(0)) handle(msg);
});
