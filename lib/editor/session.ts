/**
 * SessionStore: UI state that is never in the model's history: selection, hover, drag positions in
 * flight, collapsed mode, schema filter, the object the inspector should focus, and transient notices.
 * Framework-free like EditorStore; React reads it with useSyncExternalStore.
 */
export interface FocusRequest {
  readonly tableId: string;
  readonly columnId?: string;
  /** e.g. 'name', 'type', a part id: where the inspector puts the keyboard focus. */
  readonly field?: string;
  readonly nonce: number;
}

export interface Notice {
  readonly kind: 'error' | 'info';
  readonly message: string;
  readonly nonce: number;
}

export interface Session {
  readonly selected: ReadonlySet<string>;
  readonly selectedEdge?: string;
  readonly hoveredEdge?: string;
  readonly dragPositions?: ReadonlyMap<string, { x: number; y: number }>;
  readonly collapsedAll: boolean;
  readonly schemaFilter?: ReadonlySet<string>;
  readonly focus?: FocusRequest;
  /** Canvas should center this table (search result, problem click). */
  readonly reveal?: FocusRequest;
  readonly notice?: Notice;
}

export class SessionStore {
  private state: Session = { selected: new Set(), collapsedAll: false };
  private readonly listeners = new Set<() => void>();
  private nonce = 0;

  getSnapshot = (): Session => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  };

  update(patch: Partial<Session>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  select(ids: Iterable<string>): void {
    const next = new Set(ids);
    const cur = this.state.selected;
    if (next.size === cur.size && [...next].every((id) => cur.has(id)) && !this.state.selectedEdge) return;
    this.update({ selected: next, selectedEdge: undefined });
  }

  /** focusObject selects a table, asks the canvas to reveal it and the inspector to focus a field. */
  focusObject(tableId: string, columnId?: string, field?: string): void {
    const req = { tableId, columnId, field, nonce: ++this.nonce };
    this.update({ selected: new Set([tableId]), selectedEdge: undefined, focus: req, reveal: req });
  }

  notify(kind: Notice['kind'], message: string): void {
    this.update({ notice: { kind, message, nonce: ++this.nonce } });
  }

  /** prune drops selected ids that no longer exist (after delete or undo). */
  prune(exists: (id: string) => boolean): void {
    const kept = [...this.state.selected].filter(exists);
    if (kept.length !== this.state.selected.size) this.update({ selected: new Set(kept) });
  }
}
