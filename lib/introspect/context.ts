/** BuildContext: the model being built from catalog rows, with oid -> object maps. */
import type { Column, Model, Table } from '@/lib/model/schema';
import type { ReportEntry } from '@/lib/import/report';
import type { CatalogRows } from './read';

export interface TableInfo {
  readonly table: Table;
  readonly schema: string;
  /** attnum -> column name, for the table's own attribute numbers (partitions included). */
  readonly attnames: Map<number, string>;
}

export class BuildContext {
  readonly schemaIds = new Map<string, string>();
  readonly enumIds = new Map<string, string>();
  readonly sequenceIds = new Map<string, string>();
  readonly tables = new Map<string, TableInfo>();
  readonly report: ReportEntry[] = [];
  /** SQL for things the model does not hold (exclusion constraints, indexes on materialized views). */
  /** Qualified names (qkey) of tables, views and composite types: routines typed by them go after the tables. */
  readonly relationNames = new Set<string>();
  readonly pendingSql: { kind: string; name: string; sql: string }[] = [];

  constructor(readonly rows: CatalogRows, readonly model: Model) {}

  columnsOf(table: Table): Column[] {
    if (table.partitionOf) {
      const parent = [...this.tables.values()].find((t) => t.table.id === table.partitionOf!.parentId)?.table;
      if (parent && parent !== table) return this.columnsOf(parent);
    }
    return table.columns;
  }

  /** columnId resolves a table's attnum to a model column id (a partition's attnums go through names to the parent's columns). */
  columnId(tableOid: unknown, attnum: number): string | undefined {
    const info = this.tables.get(String(tableOid));
    if (!info) return undefined;
    const name = info.attnames.get(Number(attnum));
    return this.columnsOf(info.table).find((c) => c.name === name)?.id;
  }

  note(kind: string, message: string, name?: string): void {
    this.report.push({ action: 'warning', kind, line: 0, message, ...(name === undefined ? {} : { name }) });
  }
}
