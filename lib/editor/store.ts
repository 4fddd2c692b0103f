/**
 * EditorStore holds the working model, runs commands as transactions and keeps the undo history. It is
 * framework-free: React subscribes through `subscribe`/`getSnapshot` (useSyncExternalStore).
 * - `dispatch` runs a command; its diff is recorded (squashed into the open gesture if the keys match).
 * - `load` (opening, reloading, a remote update) replaces the model and is not undoable.
 * - `setViewport` changes only the viewport: never in history, never a "dirty" edit by itself.
 */
import type { Model } from '@/lib/model';
import { describeCommand, runCommand, type Command, type CommandError } from './commands';
import { applyDiff, diffModels, History, isEmptyDiff, type Diff } from './history';

export interface DispatchOptions {
  /** Commands with the same gesture key squash into one undo step until `endGesture` (e.g. typing in one field). */
  readonly gesture?: string;
}

export type DispatchResult = { ok: true; created: readonly string[]; diff: Diff } | { ok: false; error: CommandError };

export interface StoreSnapshot {
  readonly model: Model;
  /** Increases with every change (commands, undo/redo, load); autosave compares it. */
  readonly revision: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

export class EditorStore {
  private snapshot: StoreSnapshot;
  private readonly history = new History();
  private readonly listeners = new Set<() => void>();

  constructor(model: Model) {
    this.snapshot = { model, revision: 0, canUndo: false, canRedo: false };
  }

  get model(): Model { return this.snapshot.model; }
  getSnapshot = (): StoreSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  };

  dispatch(cmd: Command, options: DispatchOptions = {}): DispatchResult {
    const result = runCommand(this.snapshot.model, cmd);
    if (!result.ok) return result;
    const diff = diffModels(this.snapshot.model, result.model);
    if (!isEmptyDiff(diff)) {
      this.history.record(describeCommand(cmd), diff, options.gesture);
      this.set(result.model);
    }
    return { ok: true, created: result.created ?? [], diff };
  }

  endGesture(): void {
    this.history.endGesture();
  }

  undo(): boolean {
    const entry = this.history.popUndo();
    if (!entry) return false;
    this.set(applyDiff(this.snapshot.model, entry.diff, 'undo'));
    return true;
  }

  redo(): boolean {
    const entry = this.history.popRedo();
    if (!entry) return false;
    this.set(applyDiff(this.snapshot.model, entry.diff, 'redo'));
    return true;
  }

  get undoLabel(): string | undefined { return this.history.undoLabel; }
  get redoLabel(): string | undefined { return this.history.redoLabel; }

  /** load replaces the model without an undo step and clears history (what was undoable referred to the old model). */
  load(model: Model): void {
    this.history.clear();
    this.set(model);
  }

  setViewport(viewport: { x: number; y: number; zoom: number }): void {
    const m = this.snapshot.model;
    const old = m.layout?.viewport;
    if (old && old.x === viewport.x && old.y === viewport.y && old.zoom === viewport.zoom) return;
    this.set({ ...m, layout: { ...(m.layout ?? {}), viewport } });
  }

  private set(model: Model): void {
    this.snapshot = { model, revision: this.snapshot.revision + 1, canUndo: this.history.canUndo, canRedo: this.history.canRedo };
    for (const l of this.listeners) l();
  }
}
