/**
 * Per-request phase timing for the bench (PGCANVAS_TIMING=1): route() opens a timer, the project
 * service marks phases (`mark('state')` = time since the previous mark), and the response carries
 * them as a Server-Timing header. Off (the default), every call is a no-op and nothing is kept.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const enabled = process.env.PGCANVAS_TIMING === '1';
const storage = new AsyncLocalStorage<PhaseTimer>();

export class PhaseTimer {
  private last = performance.now();
  readonly phases: [string, number][] = [];

  mark(name: string): void {
    const now = performance.now();
    this.phases.push([name, now - this.last]);
    this.last = now;
  }

  header(): string {
    return this.phases.map(([n, ms]) => `${n};dur=${ms.toFixed(2)}`).join(', ');
  }
}

/** timed runs fn with a timer when timing is on; `timer` is undefined otherwise. */
export function timed<T>(fn: (timer: PhaseTimer | undefined) => Promise<T>): Promise<T> {
  if (!enabled) return fn(undefined);
  const timer = new PhaseTimer();
  return storage.run(timer, () => fn(timer));
}

/** mark ends the current phase of this request's timer (no-op when timing is off). */
export function mark(name: string): void {
  if (enabled) storage.getStore()?.mark(name);
}
