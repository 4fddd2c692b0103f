/**
 * The advisor's data: a Rule checks the model and returns hits; advise() turns hits into findings with
 * stable ids (`<rule-id>:<target id>[:<detail>]`) that the editor's problems panel lists and the CLI prints.
 */
import type { Model } from '@/lib/model';
import type { RuleContext } from './context';

export type Severity = 'error' | 'warning' | 'info';

/** Fix is one click in the editor: a pure model -> model function the editor runs as an undoable command. */
export interface Fix {
  readonly title: string;
  readonly apply: (model: Model) => Model;
}

export interface FindingTarget {
  /** Id of the object the finding is about (table, column, index, policy, enum, ...). */
  readonly id: string;
  /** Where in the model JSON: `tables[2].columns[0]`. */
  readonly path: string;
}

export interface AdvisorFinding {
  /** Stable across runs while the model does not change: `<ruleId>:<target id>[:<detail>]`. */
  readonly id: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly help: string;
  readonly target: FindingTarget;
  readonly fix?: Fix;
}

export interface RuleHit {
  readonly target: FindingTarget;
  readonly message: string;
  /** Distinguishes two hits on the same target (e.g. two function calls in one policy). */
  readonly detail?: string;
  readonly help?: string;
  readonly fix?: Fix;
}

export interface Rule {
  /** kebab-case, also the folder name under rules/. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule looks for. */
  readonly title: string;
  /** Default help: what to do instead. */
  readonly help: string;
  readonly check: (ctx: RuleContext) => RuleHit[];
}

export interface AdviseOptions {
  /** Run only these rule ids. */
  readonly only?: readonly string[];
  /** Skip these rule ids. */
  readonly disable?: readonly string[];
  /** too-many-indexes threshold (default 8). */
  readonly maxIndexes?: number;
  /** enum-should-be-lookup-table threshold (default 12). */
  readonly maxEnumValues?: number;
}
