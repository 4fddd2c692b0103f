/**
 * A worker's copy of the editor's model: the whole model once, then patches. `contentRevision` is the
 * revision of the last change that was more than a pan or zoom (findings stay valid across those).
 */
import type { Model } from '@/lib/model';
import { applyModelPatch, isViewportOnly, type ModelPatch } from './protocol';

export type ModelMessage = { type: 'model'; revision: number; model: Model } | { type: 'patch'; revision: number; patch: ModelPatch };

export class ModelCopy {
  model: Model | undefined;
  revision = 0;
  contentRevision = 0;

  /** apply takes one message; returns whether the content (not only the view) changed. */
  apply(msg: ModelMessage): boolean {
    if (msg.type === 'model') {
      this.model = msg.model;
      this.revision = this.contentRevision = msg.revision;
      return true;
    }
    if (!this.model) return false;
    const content = !isViewportOnly(this.model, msg.patch);
    this.model = applyModelPatch(this.model, msg.patch);
    this.revision = msg.revision;
    if (content) this.contentRevision = msg.revision;
    return content;
  }
}
