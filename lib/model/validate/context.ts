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
}

export type Rule = (ctx: RuleContext) => void;

export function createContext(model: Model, target: number, findings: Finding[]): RuleContext {
  const index = new ModelIndex(model);
  const paths = new Map<Table, string>(model.tables.map((t, i) => [t, `tables[${i}]`]));
  const add = (severity: Finding['severity']) => (code: FindingCode, message: string, path: string, id?: string) => {
    findings.push(id === undefined ? { code, severity, message, path } : { code, severity, message, path, id });
  };
  return {
    model, index, target,
    error: add('error'),
    warn: add('warning'),
    tablePath: (t) => paths.get(t) ?? 'tables[?]',
    columnsOf: (t) => index.columnsOf(t),
  };
}

/** describeName quotes a name for messages, so empty and odd names stay visible. */
export function describeName(name: string): string {
  return JSON.stringify(name);
}
