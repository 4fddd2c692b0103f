/**
 * Locating findings (validation and advisor) on the model: which table and column a finding is about,
 * the worst level per table (canvas markers), and the messages for one field (shown beside it).
 * Findings carry an object `id` and/or a path like `tables[3].columns[2].name`.
 */
import type { Model } from '@/lib/model';

export interface LocatableFinding {
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly path: string;
  readonly id?: string;
}

export interface FindingLocation {
  readonly tableId?: string;
  readonly columnId?: string;
  /** The last path segment that is a property name (`name`, `type`, `default`, ...). */
  readonly field?: string;
  /** The id of the object the finding is about (table, column, constraint, index, ...). */
  readonly objectId?: string;
}

/** MODEL_FINDINGS_ID is the object id the inspector's project fields use for findings about the model itself. */
export const MODEL_FINDINGS_ID = '(model)';

export function locateFinding(model: Model, f: LocatableFinding): FindingLocation {
  const segs = [...f.path.matchAll(/([A-Za-z_]+)(?:\[(\d+)\])?/g)].map((m) => ({ key: m[1]!, index: m[2] === undefined ? undefined : Number(m[2]) }));
  let tableId: string | undefined;
  let columnId: string | undefined;
  let objectId: string | undefined = f.id;
  const t0 = segs.find((s) => s.key === 'tables' && s.index !== undefined);
  const table = t0 ? model.tables[t0.index!] : undefined;
  if (table) {
    tableId = table.id;
    objectId ??= table.id;
    const after = segs.slice(segs.indexOf(t0!) + 1);
    const part = after.find((s) => s.index !== undefined);
    if (part) {
      const list = (table as unknown as Record<string, { id: string }[] | undefined>)[part.key];
      const obj = list?.[part.index!];
      if (obj) { objectId = f.id ?? obj.id; if (part.key === 'columns') columnId = obj.id; }
    }
  }
  if (!tableId && f.id) {
    for (const t of model.tables) {
      if (t.id === f.id) { tableId = t.id; break; }
      const col = t.columns.find((c) => c.id === f.id);
      if (col) { tableId = t.id; columnId = col.id; break; }
      const parts = [t.primaryKey, ...(t.uniques ?? []), ...(t.checks ?? []), ...(t.foreignKeys ?? []), ...(t.indexes ?? []), ...(t.policies ?? [])];
      if (parts.some((p) => p?.id === f.id)) { tableId = t.id; break; }
    }
  }
  const named = segs.filter((s) => s.index === undefined);
  return { tableId, columnId, objectId, field: named.length ? named[named.length - 1]!.key : undefined };
}

/** problemsByTable gives the worst level per table for the canvas markers; advice (`info`) gets no marker. */
export function problemsByTable(model: Model, findings: readonly LocatableFinding[]): Map<string, 'error' | 'warning'> {
  const out = new Map<string, 'error' | 'warning'>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const { tableId } = locateFinding(model, f);
    if (!tableId) continue;
    if (f.severity === 'error' || !out.has(tableId)) out.set(tableId, f.severity === 'error' ? 'error' : out.get(tableId) ?? 'warning');
  }
  return out;
}

/** messagesFor returns the findings about one object (by id) and, if given, one field of it. */
export function messagesFor(model: Model, findings: readonly LocatableFinding[], objectId: string, field?: string): LocatableFinding[] {
  return findings.filter((f) => {
    const loc = locateFinding(model, f);
    if (loc.objectId !== objectId && loc.columnId !== objectId && !(loc.tableId === objectId && !loc.columnId && loc.objectId === objectId)) return false;
    return field === undefined || loc.field === field;
  });
}

/**
 * indexFindings groups findings by `<object id>:<field>` (object: the column for column findings, else
 * the object the finding is about) so each inspector field finds its messages without a scan.
 */
export function indexFindings(model: Model, findings: readonly LocatableFinding[]): Map<string, LocatableFinding[]> {
  const out = new Map<string, LocatableFinding[]>();
  for (const f of findings) {
    const loc = locateFinding(model, f);
    // A finding on a project-wide value (`security.bcryptCost`) has no object: it is keyed by MODEL_FINDINGS_ID.
    const id = loc.columnId ?? loc.objectId ?? (loc.tableId === undefined && f.path ? MODEL_FINDINGS_ID : undefined);
    if (!id) continue;
    const key = `${id}:${loc.field ?? ''}`;
    const list = out.get(key);
    if (list) list.push(f); else out.set(key, [f]);
  }
  return out;
}
