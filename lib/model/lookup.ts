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

export class ModelIndex {
  readonly schemas = new Map<string, Schema>();
  readonly tables = new Map<string, Table>();
  readonly enums = new Map<string, Enum>();
  readonly sequences = new Map<string, Sequence>();
  readonly columns = new Map<string, ColumnRef>();

  constructor(readonly model: Model) {
    for (const s of model.schemas) this.schemas.set(s.id, s);
    for (const e of model.enums ?? []) this.enums.set(e.id, e);
    for (const s of model.sequences ?? []) this.sequences.set(s.id, s);
    for (const t of model.tables) {
      this.tables.set(t.id, t);
      t.columns.forEach((column, index) => this.columns.set(column.id, { table: t, column, index }));
    }
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

  /** column finds a column by id within a table (or the table's partition parent). */
  column(table: Table, columnId: string): Column | undefined {
    return this.columnsOf(table).find((c) => c.id === columnId);
  }
}
