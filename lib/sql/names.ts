/**
 * SqlNames turns ids into quoted SQL names for one model version. Plans use one per side of a diff
 * (and a third where schema names are already renamed but objects not yet dropped), so every
 * statement names objects as they are at the moment it runs.
 */
import type { Column, Enum, Model, ModelIndex, Sequence, Table } from '@/lib/model';
import { quoteIdent } from './quote';

export class SqlNames {
  readonly target: number;
  private readonly schemaOverride?: (schemaId: string) => string | undefined;
  /**
   * Quoted names already rendered: a table's name is written by every statement about it and its
   * keys, so a large model would otherwise quote the same names thousands of times.
   */
  private readonly quotedSchemas = new Map<string, string>();
  private readonly quotedTables = new Map<Table, string>();

  constructor(readonly index: ModelIndex, options: { target: number; schemaName?: (schemaId: string) => string | undefined }) {
    this.target = options.target;
    this.schemaOverride = options.schemaName;
  }

  get model(): Model {
    return this.index.model;
  }

  /** schemaName is the unquoted name of a schema; a dangling id is a bug (validation rejects it). */
  schemaName(schemaId: string): string {
    const name = this.schemaOverride?.(schemaId) ?? this.index.schemaName(schemaId);
    if (name === undefined) throw new Error(`unknown schema id ${schemaId}`);
    return name;
  }

  schema(schemaId: string): string {
    let quoted = this.quotedSchemas.get(schemaId);
    if (quoted === undefined) {
      quoted = quoteIdent(this.schemaName(schemaId));
      this.quotedSchemas.set(schemaId, quoted);
    }
    return quoted;
  }

  /** qualified renders "schema"."name" for an object in a schema. */
  qualified(schemaId: string, name: string): string {
    return `${this.schema(schemaId)}.${quoteIdent(name)}`;
  }

  table(table: Table): string {
    let quoted = this.quotedTables.get(table);
    if (quoted === undefined) {
      quoted = this.qualified(table.schemaId, table.name);
      this.quotedTables.set(table, quoted);
    }
    return quoted;
  }

  tableById(tableId: string): string {
    return this.table(this.tableObject(tableId));
  }

  tableObject(tableId: string): Table {
    const table = this.index.tables.get(tableId);
    if (!table) throw new Error(`unknown table id ${tableId}`);
    return table;
  }

  enumObject(enumId: string): Enum {
    const e = this.index.enums.get(enumId);
    if (!e) throw new Error(`unknown enum id ${enumId}`);
    return e;
  }

  sequenceObject(sequenceId: string): Sequence {
    const s = this.index.sequences.get(sequenceId);
    if (!s) throw new Error(`unknown sequence id ${sequenceId}`);
    return s;
  }

  /**
   * columnObject finds a column of `table` (a partition's are its root's). Ids are unique in a valid
   * model, so looking in the table first only saves building the model-wide column map.
   */
  columnObject(table: Table, columnId: string): Column {
    const found = this.index.column(table, columnId);
    if (found) return found;
    const ref = this.index.columns.get(columnId);
    if (!ref) throw new Error(`unknown column id ${columnId}`);
    return ref.column;
  }

  column(table: Table, columnId: string): string {
    return quoteIdent(this.columnObject(table, columnId).name);
  }

  /** columns renders a comma-separated list of quoted column names of `table`. */
  columns(table: Table, columnIds: readonly string[]): string {
    if (columnIds.length === 1) return this.column(table, columnIds[0]!);
    return columnIds.map((id) => this.column(table, id)).join(', ');
  }
}
