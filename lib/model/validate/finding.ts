/**
 * Finding is one problem validation found: data, never an exception. `path` is a JSON path into the
 * model as the user wrote it (`tables[3].columns[1].name`, '' for the whole document); `id` is the
 * stable id of the object the finding is about, when there is one.
 */
export type Severity = 'error' | 'warning';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
  readonly id?: string;
}

/** FINDING_CODES lists every code validation can report; docs/model-format.md explains each family. */
export const FINDING_CODES = [
  // document
  'invalid-json', 'format-missing', 'format-unknown', 'format-too-new', 'shape', 'internal-error', 'parser-not-loaded', 'target-unsupported',
  // names
  'name-empty', 'name-too-long', 'name-nul', 'name-duplicate', 'name-reserved',
  // ids and references
  'id-duplicate', 'reference-dangling',
  // types
  'type-modifier', 'type-invalid', 'type-extension-missing', 'collation-unsupported',
  // columns
  'identity-type', 'identity-nullable', 'default-conflict', 'generated-reference', 'sequence-options', 'sequence-owned-by',
  // keys and foreign keys
  'key-nullable', 'key-type', 'key-columns', 'fk-column-count', 'fk-type-mismatch', 'fk-length-mismatch', 'fk-target-not-unique',
  'fk-action-not-null', 'deferrable-missing',
  // indexes
  'index-element', 'index-method', 'index-opclass',
  // expressions
  'expression-invalid', 'expression-column', 'expression-volatile',
  // partitions
  'partition-parent', 'partition-columns', 'partition-bound', 'partition-key', 'partition-key-not-in-unique',
  // rls
  'policy-without-rls', 'policy-expression', 'policy-role-unknown', 'rls-force-without-enable',
  // enums, comments, versions, verbatim SQL, storable text
  'enum-label', 'comment-empty', 'version-feature', 'sql-object-invalid', 'text-unstorable',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** formatFinding renders a finding the way the CLI prints it: `path: message`. */
export function formatFinding(f: Finding): string {
  return `${f.path === '' ? '(model)' : f.path}: ${f.severity === 'warning' ? 'warning: ' : ''}${f.message}`;
}

/** hasErrors is true when any finding is an error (warnings do not block). */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
