/**
 * What the importer tells the user besides the model: every statement it did not turn into model
 * objects, with its line, so nothing is dropped silently.
 * - `verbatim`: kept as a SQL object (emitted as is by the compiler).
 * - `ignored`: session settings and ownership that do not belong in a design (SET, OWNER TO, set_config).
 * - `skipped`: not schema at all (INSERT, COPY, ...) or a duplicate; not in the model.
 * - `warning`: imported, but something in it could not be represented exactly (the message says what).
 */
export type ReportAction = 'verbatim' | 'ignored' | 'skipped' | 'warning';

export interface ReportEntry {
  readonly action: ReportAction;
  /** What the statement is about: view, function, trigger, grant, set, insert, table, ... */
  readonly kind: string;
  readonly name?: string;
  /** 1-based line of the statement's first token in the input. */
  readonly line: number;
  readonly message: string;
  /** How many statements this entry stands for (data statements are grouped per table). */
  readonly count?: number;
}

export interface ImportError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** formatReport renders report entries one per line, for the CLI's stderr. */
export function formatReport(entries: readonly ReportEntry[]): string {
  return entries
    .map((e) => `line ${e.line}: ${e.action} ${e.kind}${e.name ? ` ${e.name}` : ''}${e.count && e.count > 1 ? ` (${e.count} statements)` : ''}: ${e.message}`)
    .join('\n');
}
