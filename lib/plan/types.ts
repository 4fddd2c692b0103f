/** A planned migration step: SQL with provenance, its reverse where one exists, and its hazards. */
import type { Hazard } from './hazards';
import type { Phase } from './phases';

export type SourceKind = 'role' | 'schema' | 'extension' | 'enum' | 'sequence' | 'table' | 'column' | 'constraint' | 'index' | 'policy' | 'sql-object';

export interface Step {
  /** One statement without the final semicolon (a verbatim SQL object may hold several). */
  readonly sql: string;
  /** SQL that undoes the step, when there is one. */
  readonly reverse?: string;
  readonly hazards: readonly Hazard[];
  /** False when the statement cannot run inside a transaction block (or its effect cannot be used in the same one). */
  readonly transactional: boolean;
  readonly source: { readonly kind: SourceKind; readonly id: string };
  readonly phase: Phase;
}

export interface PlanOptions {
  /** PostgreSQL major version, 13..18; default 16. */
  readonly target?: number;
}
