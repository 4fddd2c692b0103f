/// <reference lib="webworker" />
/** The auto-layout worker: runs ELK (layered) on the graph it is sent and posts the result back. */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkGraph } from '@/lib/editor/layout';

const elk = new ELK();

self.onmessage = async (e: MessageEvent<{ id: number; graph: ElkGraph }>) => {
  try {
    const result = await elk.layout(e.data.graph as never);
    (self as unknown as Worker).postMessage({ id: e.data.id, result });
  } catch (err) {
    (self as unknown as Worker).postMessage({ id: e.data.id, error: err instanceof Error ? err.message : String(err) });
  }
};
