/**
 * SqlNames turns ids into quoted SQL names for one model version. Plans use one per side of a diff
 * (and a third where schema names are already renamed but objects not yet dropped), so every
 * statement names objects as they are at the moment it runs.
 */
import type { Column, Enum, Model, ModelIndex, Sequence, Table } from '@/lib/model';
import { quoteIdent, quoteQualified } from './quote';

export class SqlNames {
  readonly target: number;
  private readonly schemaOverride?: (schemaId: string) => string | undefined;

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
    return quoteIdent(this.schemaName(schemaId));
  }

  /** qualified renders "schema"."name" for an object in a schema. */
  qualified(schemaId: string, name: string): string {
    return quoteQualified(this.schemaName(schemaId), name);
  }

  table(table: Table): string {
    return this.qualified(table.schemaId, table.name);
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

  columnObject(columnId: string): Column {
    const ref = this.index.columns.get(columnId);
    if (!ref) throw new Error(`unknown column id ${columnId}`);
    return ref.column;
  }

  column(columnId: string): string {
    return quoteIdent(this.columnObject(columnId).name);
  }

  /** columns renders a comma-separated list of quoted column names. */
  columns(columnIds: readonly string[]): string {
    return columnIds.map((id) => this.column(id)).join(', ');
  }
}
