/**
 * ModelIndex answers "which object has this id" in O(1); build one per model version and do not
 * mutate the model while using it. Generators and validation use it instead of repeated scans.
 */
import type { Column, Enum, Model, Schema, Sequence, Table } from './schema';

export interface ColumnRef {
  readonly table: Table;
  readonly column: Column;
  readonly index: number;
}

/**
 * Past this many columns a table gets its own id map for `column()`; below it a scan is cheaper than
 * building one.
 */
const SCAN_LIMIT = 24;

export class ModelIndex {
  readonly schemas = new Map<string, Schema>();
  readonly tables = new Map<string, Table>();
  readonly enums = new Map<string, Enum>();
  readonly sequences = new Map<string, Sequence>();
  private columnMap?: Map<string, ColumnRef>;
  private wideTables?: WeakMap<Table, Map<string, Column>>;

  constructor(readonly model: Model) {
    for (const s of model.schemas) this.schemas.set(s.id, s);
    for (const e of model.enums ?? []) this.enums.set(e.id, e);
    for (const s of model.sequences ?? []) this.sequences.set(s.id, s);
    for (const t of model.tables) this.tables.set(t.id, t);
  }

  /**
   * columns maps every column id of the model to its table. Built on first use: one map entry per
   * column of a large model costs more than the whole of compiling it (V8 puts a map that size in
   * large-object space), and generators look columns up within a known table instead (`column`).
   */
  get columns(): Map<string, ColumnRef> {
    if (!this.columnMap) {
      const map = new Map<string, ColumnRef>();
      for (const t of this.model.tables) t.columns.forEach((column, index) => map.set(column.id, { table: t, column, index }));
      this.columnMap = map;
    }
    return this.columnMap;
  }

  schemaName(schemaId: string): string | undefined {
    return this.schemas.get(schemaId)?.name;
  }

  /** columnsOf returns a table's columns; a partition has none of its own and takes its parent's. */
  columnsOf(table: Table): Column[] {
    return this.partitionRoot(table).columns;
  }

  /**
   * partitionRoot follows partitionOf up to the table that holds the columns. It stops at a missing
   * parent or a cycle (which validation reports), so it always terminates.
   */
  partitionRoot(table: Table): Table {
    if (!table.partitionOf) return table;
    const seen = new Set<Table>([table]);
    let current = table;
    while (current.partitionOf) {
      const parent = this.tables.get(current.partitionOf.parentId);
      if (!parent || seen.has(parent)) break;
      seen.add(parent);
      current = parent;
    }
    return current;
  }

  /** column finds a column by id within a table (or the table's partition parent); the first one when ids repeat. */
  column(table: Table, columnId: string): Column | undefined {
    const root = this.partitionRoot(table);
    const columns = root.columns;
    if (columns.length <= SCAN_LIMIT) {
      for (const c of columns) if (c.id === columnId) return c;
      return undefined;
    }
    this.wideTables ??= new WeakMap();
    let byId = this.wideTables.get(root);
    if (!byId) {
      byId = new Map();
      for (const c of columns) if (!byId.has(c.id)) byId.set(c.id, c);
      this.wideTables.set(root, byId);
    }
    return byId.get(columnId);
  }
}
