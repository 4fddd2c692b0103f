/**
 * RuleContext is what every rule family receives: the shape-valid model, its id index, the target
 * version and a sink for findings. Rules never throw on user input; `index.ts` still catches and
 * reports an `internal-error` if one does, because a bug must not take the caller down.
 */
import { ModelIndex } from '../lookup';
import type { Column, Model, Table } from '../schema';
import type { Finding, FindingCode } from './finding';

export interface RuleContext {
  readonly model: Model;
  readonly index: ModelIndex;
  readonly target: number;
  readonly error: (code: FindingCode, message: string, path: string, id?: string) => void;
  readonly warn: (code: FindingCode, message: string, path: string, id?: string) => void;
  /** tablePath is `tables[i]` for a table object of the model. */
  readonly tablePath: (table: Table) => string;
  /** columnsOf is a table's own columns, or its partition parent's. */
  readonly columnsOf: (table: Table) => Column[];
  /**
   * column is `index.column(table, columnId)` (the first column with that id among `columnsOf`),
   * answered from a map per table: rules ask it for every key, index and reference, and a linear
   * search plus a partition walk per question was a tenth of validation on large models.
   */
  readonly column: (table: Table, columnId: string) => Column | undefined;
}

export type Rule = (ctx: RuleContext) => void;

export function createContext(model: Model, target: number, findings: Finding[]): RuleContext {
  const index = new ModelIndex(model);
  const paths = new Map<Table, string>(model.tables.map((t, i) => [t, `tables[${i}]`]));
  const add = (severity: Finding['severity']) => (code: FindingCode, message: string, path: string, id?: string) => {
    findings.push(id === undefined ? { code, severity, message, path } : { code, severity, message, path, id });
  };
  const roots = new Map<Table, Table>();
  const columnsOf = (t: Table): Column[] => {
    let root = roots.get(t);
    if (root === undefined) roots.set(t, root = index.partitionRoot(t));
    return root.columns;
  };
  const byId = new Map<Column[], Map<string, Column>>();
  const column = (t: Table, columnId: string): Column | undefined => {
    const columns = columnsOf(t);
    let map = byId.get(columns);
    if (map === undefined) {
      map = new Map();
      // First wins, as Array.find does when an (invalid) table repeats an id.
      for (const c of columns) if (!map.has(c.id)) map.set(c.id, c);
      byId.set(columns, map);
    }
    return map.get(columnId);
  };
  return {
    model, index, target,
    error: add('error'),
    warn: add('warning'),
    tablePath: (t) => paths.get(t) ?? 'tables[?]',
    columnsOf,
    column,
  };
}

/** describeName quotes a name for messages, so empty and odd names stay visible. */
export function describeName(name: string): string {
  return JSON.stringify(name);
}
