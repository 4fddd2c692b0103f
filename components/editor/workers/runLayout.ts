'use client';
/** runLayout sends a graph to the layout worker (one per call; ELK holds no state we need). */
import type { ElkGraph } from '@/lib/editor/layout';

export function runLayout(graph: ElkGraph): Promise<{ children?: { id: string; x?: number; y?: number }[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ result?: { children?: { id: string; x?: number; y?: number }[] }; error?: string }>) => {
      worker.terminate();
      if (e.data.error) reject(new Error(e.data.error)); else resolve(e.data.result ?? {});
    };
    worker.onerror = (e) => { worker.terminate(); reject(new Error(e.message || 'layout worker failed')); };
    worker.postMessage({ id: 1, graph });
  });
}
