/**
 * ImportState is the model under construction plus the name lookups PostgreSQL itself would do while
 * running the script: relations, enums and sequences by qualified name, and per-schema namespaces for
 * choosing default constraint names. Statements are applied to it one by one, in file order.
 */
import type { Column, Enum, ForeignKey, Model, Sequence, SqlObject, Table } from '@/lib/model/schema';
import { newId } from '@/lib/import/ids';
import { PUBLIC_SCHEMA_ID, emptyModel } from '@/lib/model/empty';
import { qkey, type QualifiedName } from './ast';
import { Namespace } from './names';
import type { ReportAction, ReportEntry } from './report';

export interface PendingForeignKey {
  readonly table: Table;
  readonly fk: ForeignKey;
  readonly columnNames: string[];
  readonly ref: QualifiedName;
  /** Referenced columns; empty means the referenced table's primary key. */
  readonly refColumnNames: string[];
  readonly line: number;
  /** The constraint as SQL, in case it has to stay verbatim (reference to an object outside the model). */
  readonly sql: () => string;
}

export interface PendingNextval {
  readonly table: Table;
  readonly column: Column;
  readonly sequence: QualifiedName;
}

export class ImportState {
  readonly model: Model = { ...emptyModel(), extensions: [], enums: [], sequences: [], sqlObjects: [] };
  readonly tables = new Map<string, Table>();
  readonly enums = new Map<string, Enum>();
  readonly sequences = new Map<string, Sequence>();
  readonly schemaIds = new Map<string, string>([['public', PUBLIC_SCHEMA_ID]]);
  /** Relations kept as SQL objects (views, inherited tables, ...): later statements on them stay verbatim too. */
  readonly verbatimRelations = new Set<string>();
  /** Functions kept as SQL after the tables (qkey): a policy that calls one stays SQL too. */
  readonly postTablesRoutines = new Set<string>();
  readonly pendingForeignKeys: PendingForeignKey[] = [];
  readonly pendingNextvals: PendingNextval[] = [];
  readonly report: ReportEntry[] = [];
  private readonly namespaces = new Map<string, Namespace>();
  private readonly grouped = new Map<string, { entry: ReportEntry; count: number; index: number }>();

  /** Current statement: its 1-based line and its exact text (for verbatim objects). */
  line = 1;
  text = '';

  namespace(schema: string): Namespace {
    let ns = this.namespaces.get(schema);
    if (!ns) {
      ns = new Namespace();
      this.namespaces.set(schema, ns);
    }
    return ns;
  }

  /** schemaId returns the id of a schema, creating the model schema when a statement first names it. */
  schemaId(name: string): string {
    let id = this.schemaIds.get(name);
    if (!id) {
      id = newId('schema');
      this.schemaIds.set(name, id);
      this.model.schemas.push({ id, name });
    }
    return id;
  }

  schemaName(id: string): string {
    for (const [name, sid] of this.schemaIds) if (sid === id) return name;
    return 'public';
  }

  table(q: QualifiedName): Table | undefined {
    return this.tables.get(qkey(q));
  }

  /** columnsOf: a partition has no columns of its own, it uses its parent's. */
  columnsOf(table: Table): Column[] {
    if (table.partitionOf) {
      const parent = this.model.tables.find((t) => t.id === table.partitionOf!.parentId);
      if (parent && parent !== table) return this.columnsOf(parent);
    }
    return table.columns;
  }

  column(table: Table, name: string): Column | undefined {
    return this.columnsOf(table).find((c) => c.name === name);
  }

  qualifiedOf(table: Table): QualifiedName {
    return { schema: this.schemaName(table.schemaId), name: table.name };
  }

  note(action: ReportAction, kind: string, message: string, name?: string): void {
    this.report.push({ action, kind, line: this.line, message, ...(name === undefined ? {} : { name }) });
  }

  /** noteGrouped folds repeated statements (thousands of INSERTs) into one entry per kind and name. */
  noteGrouped(action: ReportAction, kind: string, message: string, name?: string): void {
    const key = `${action}\u0000${kind}\u0000${name ?? ''}`;
    const g = this.grouped.get(key);
    if (g) {
      g.count++;
      this.report[g.index] = { ...g.entry, count: g.count };
      return;
    }
    const entry: ReportEntry = { action, kind, line: this.line, message, ...(name === undefined ? {} : { name }) };
    this.grouped.set(key, { entry, count: 1, index: this.report.length });
    this.report.push(entry);
  }

  /** verbatim keeps the current statement as a SQL object and reports it. */
  verbatim(kind: string, phase: SqlObject['phase'], name?: string, sql = this.text): void {
    this.model.sqlObjects!.push({ id: newId('sql'), kind, ...(name === undefined ? {} : { name }), phase, sql: withSemicolon(sql) });
    this.note('verbatim', kind, `kept as SQL (${phase})`, name);
  }
}

function withSemicolon(sql: string): string {
  const t = sql.trim();
  return t.endsWith(';') ? t : `${t};`;
}
