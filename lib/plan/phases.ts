/**
 * PHASES is the order a migration runs in, as one readable list. Steps are bucketed by phase and keep
 * the diff's (model) order inside a phase. The reasoning, top to bottom:
 * - first drop what depends on other objects (views, policies, indexes, foreign keys, constraints),
 *   then columns and tables, while every name is still the old one (a sequence that changes owner is
 *   released first, so dropping its old column does not take it along); a type, sequence or schema whose
 *   name a new object takes is dropped here too, before that object is created;
 * - then make sure the roles policies name exist (create a missing one; roles are cluster-wide, so a
 *   migration never drops or renames one), and create or rename containers before their contents: schemas, extensions, enums, sequences,
 *   verbatim pre-table SQL (domains, functions), tables (partitions after their parent), columns;
 * - constraints and indexes before foreign keys (a foreign key needs the referenced key), foreign keys
 *   after every table so reference cycles work;
 * - RLS, policies, then comments (a comment needs its object), then verbatim post-table SQL;
 * - last, drop the types and containers nothing uses any more (after columns stopped using them).
 */
export const PHASES = [
  'drop-post-sql-objects',
  'drop-policies',
  'drop-indexes',
  'drop-foreign-keys',
  'drop-constraints',
  'release-sequences',
  'drop-columns',
  'drop-tables',
  'drop-replaced-sequences',
  'drop-replaced-enums',
  'drop-replaced-schemas',
  'roles',
  'schemas',
  'extensions',
  'enums',
  'sequences',
  'pre-sql-objects',
  'tables',
  'columns',
  'sequence-owners',
  'constraints',
  'indexes',
  'foreign-keys',
  'rls',
  'policies',
  'comments',
  'post-sql-objects',
  'drop-sequences',
  'drop-pre-sql-objects',
  'drop-enums',
  'drop-extensions',
  'drop-schemas',
] as const;

export type Phase = (typeof PHASES)[number];

export const PHASE_ORDER: ReadonlyMap<Phase, number> = new Map(PHASES.map((p, i) => [p, i]));
