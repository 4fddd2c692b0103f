/**
 * Messages between the editor and its two workers (previews; findings). The editor sends the model
 * once, then only what changed (top-level fields and changed tables by id), so a 1,000-table model is
 * not copied per edit; the preview worker passes them on to the findings worker.
 */
import type { Model, Table } from '@/lib/model';

export type PreviewTab = 'sql' | 'drizzle' | 'security';

export interface ModelPatch {
  readonly fields: Partial<Omit<Model, 'tables'>>;
  /** Present when tables were added, removed or reordered. */
  readonly order?: readonly string[];
  readonly tables: readonly Table[];
}

export type ToWorker =
  | { type: 'model'; revision: number; model: Model }
  | { type: 'patch'; revision: number; patch: ModelPatch }
  | { type: 'request'; tab: PreviewTab; target?: number }
  | { type: 'fix'; revision: number; findingId: string }
  /** The editor lost the text an edit applies to: send every file whole next time. */
  | { type: 'resync' }
  /** To the preview worker: where to pass model messages on; to the findings worker: where they arrive. */
  | { type: 'port'; port: MessagePort };

export interface PreviewFile {
  readonly name: string;
  readonly content: string;
  readonly note?: string;
  /** SQL files: restart points of `content` for the highlighter (lib/editor/preview-sql-lexer). */
  readonly starts?: readonly number[];
}

/**
 * A file as the worker posts it: whole (`content`), or as changes against the same file of the same
 * tab in the previous preview message (`edits`: sorted, positions in that text; none when unchanged),
 * so a one-word rename does not copy 600 KB.
 */
export interface WireFile {
  readonly name: string;
  readonly content?: string;
  readonly edits?: readonly { readonly from: number; readonly to: number; readonly insert: string }[];
  readonly note?: string;
  readonly starts?: readonly number[];
}

/** How bad a problem is; `info` is the advisor's advice level, shown as such and never counted as a warning. */
export type FindingSeverity = 'error' | 'warning' | 'info';

export interface FindingLike {
  readonly code: string;
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly path: string;
  readonly id?: string;
  readonly source: 'validate' | 'advisor';
  /** Advisor findings: the stable finding id and the title of its one-click fix, if any. */
  readonly findingId?: string;
  readonly fixTitle?: string;
}

export type FromWorker =
  | { type: 'preview'; revision: number; tab: PreviewTab; files: WireFile[]; offsets?: Record<string, number>; ms: number; error?: string }
  | { type: 'fixed'; revision: number; findingId: string; model?: Model; error?: string }
  | { type: 'findings'; revision: number; findings: FindingLike[]; available: { validate: boolean; advisor: boolean }; error?: string };

/** makePatch lists what changed between two models, comparing records by reference. */
export function makePatch(before: Model, after: Model): ModelPatch {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys({ ...before, ...after }) as (keyof Model)[]) {
    if (key !== 'tables' && before[key] !== after[key]) fields[key] = after[key];
  }
  const old = new Map(before.tables.map((t) => [t.id, t]));
  const tables = after.tables.filter((t) => old.get(t.id) !== t);
  const sameOrder = before.tables.length === after.tables.length && before.tables.every((t, i) => t.id === after.tables[i]!.id);
  return { fields: fields as ModelPatch['fields'], tables, ...(sameOrder ? {} : { order: after.tables.map((t) => t.id) }) };
}

/** applyPatch rebuilds the model on the worker side, keeping unchanged table objects. */
export function applyModelPatch(model: Model, patch: ModelPatch): Model {
  const next = { ...model, ...patch.fields } as Model & Record<string, unknown>;
  for (const [k, v] of Object.entries(patch.fields)) if (v === undefined) delete next[k];
  const byId = new Map(model.tables.map((t) => [t.id, t]));
  for (const t of patch.tables) byId.set(t.id, t);
  const order = patch.order ?? model.tables.map((t) => t.id);
  next.tables = order.map((id) => byId.get(id)!).filter(Boolean);
  return next;
}

/** isViewportOnly: the patch only moved the view (pan, zoom, fit), so no finding can have changed. */
export function isViewportOnly(before: Model, patch: ModelPatch): boolean {
  if (patch.tables.length || patch.order || Object.keys(patch.fields).some((k) => k !== 'layout')) return false;
  const a = (before.layout ?? {}) as Record<string, unknown>;
  const b = (patch.fields.layout ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('viewport');
  return [...keys].every((k) => a[k] === b[k]);
}
