/// <reference lib="webworker" />
/**
 * The findings worker entry (validation and advisor, see findings-main.ts). The SQL parser starts
 * fetching its WASM as soon as its module is evaluated, so the fetch shim must run first: everything
 * else is loaded with a dynamic import after it, and messages that arrive meanwhile are queued.
 */
import './wasm-shim';
import type { ToWorker } from './protocol';

const queue: ToWorker[] = [];
let handle: ((msg: ToWorker) => void) | undefined;
self.onmessage = (e: MessageEvent<ToWorker>) => { if (handle) handle(e.data); else queue.push(e.data); };
void import('./findings-main').then((m) => {
  handle = m.handleMessage;
  for (const msg of queue.splice(0)) handle(msg);
});
