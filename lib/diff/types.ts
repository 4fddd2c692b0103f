/**
 * Change records: what differs between two model versions, matched by id, so a rename is a rename.
 * Each record carries the objects it is about (both sides where both exist); `diff()` also remembers the
 * two model versions for each record (see context.ts) so the planner can resolve names.
 */
import type { Column, Enum, Extension, Index, Policy, Role, Schema, Sequence, SqlObject, Table } from '@/lib/model';
import type { ConstraintDef } from '@/lib/model/constraints';

export type { ConstraintDef };

export type SchemaAspect = 'comment';
export type ExtensionAspect = 'schema' | 'comment';
export type EnumAspect = 'comment';
export type SequenceAspect = 'options' | 'owned-by' | 'comment';
export type TableAspect = 'comment' | 'rls' | 'force-rls' | 'partition-bound' | 'partition-by';
export type ColumnAspect = 'type' | 'nullable' | 'default' | 'identity' | 'generated' | 'collation' | 'comment';
export type ConstraintAspect = 'comment';
export type IndexAspect = 'comment';
export type PolicyAspect = 'roles' | 'using' | 'with-check' | 'comment';

export type Change =
  /**
   * A declared role (model.roles) the database must have: policies and the security files name it. Roles
   * are cluster-wide and may serve other databases, so a migration only creates a missing one, and
   * never renames or drops one.
   */
  | { readonly kind: 'role.ensure'; readonly role: Role }
  | { readonly kind: 'schema.create'; readonly schema: Schema }
  | { readonly kind: 'schema.drop'; readonly schema: Schema }
  | { readonly kind: 'schema.rename'; readonly from: Schema; readonly to: Schema }
  | { readonly kind: 'schema.alter'; readonly from: Schema; readonly to: Schema; readonly aspects: readonly SchemaAspect[] }
  | { readonly kind: 'extension.create'; readonly extension: Extension }
  | { readonly kind: 'extension.drop'; readonly extension: Extension }
  | { readonly kind: 'extension.alter'; readonly from: Extension; readonly to: Extension; readonly aspects: readonly ExtensionAspect[] }
  | { readonly kind: 'enum.create'; readonly enum: Enum }
  | { readonly kind: 'enum.drop'; readonly enum: Enum }
  /** Name and/or schema changed. */
  | { readonly kind: 'enum.rename'; readonly from: Enum; readonly to: Enum }
  | { readonly kind: 'enum.add-value'; readonly enum: Enum; readonly value: string; readonly before?: string; readonly after?: string }
  | { readonly kind: 'enum.rename-value'; readonly enum: Enum; readonly from: string; readonly to: string }
  /** Values removed or reordered: PostgreSQL cannot do that in place, so the planner recreates the type. */
  | { readonly kind: 'enum.reorder-values'; readonly from: Enum; readonly to: Enum }
  | { readonly kind: 'enum.alter'; readonly from: Enum; readonly to: Enum; readonly aspects: readonly EnumAspect[] }
  | { readonly kind: 'sequence.create'; readonly sequence: Sequence }
  /** `cascaded`: the sequence belongs to a column that is dropped, so it goes with it. */
  | { readonly kind: 'sequence.drop'; readonly sequence: Sequence; readonly cascaded: boolean }
  | { readonly kind: 'sequence.rename'; readonly from: Sequence; readonly to: Sequence }
  | { readonly kind: 'sequence.alter'; readonly from: Sequence; readonly to: Sequence; readonly aspects: readonly SequenceAspect[] }
  | { readonly kind: 'table.create'; readonly table: Table }
  | { readonly kind: 'table.drop'; readonly table: Table }
  /** Name and/or schema changed. */
  | { readonly kind: 'table.rename'; readonly from: Table; readonly to: Table }
  | { readonly kind: 'table.alter'; readonly from: Table; readonly to: Table; readonly aspects: readonly TableAspect[] }
  /** `last`: the column is the table's last one, so ADD COLUMN puts it where the model has it. */
  | { readonly kind: 'column.create'; readonly table: Table; readonly column: Column; readonly last: boolean }
  | { readonly kind: 'column.drop'; readonly table: Table; readonly column: Column }
  | { readonly kind: 'column.rename'; readonly table: Table; readonly from: Column; readonly to: Column }
  | { readonly kind: 'column.alter'; readonly table: Table; readonly from: Column; readonly to: Column; readonly aspects: readonly ColumnAspect[] }
  | { readonly kind: 'constraint.create'; readonly table: Table; readonly constraint: ConstraintDef }
  | { readonly kind: 'constraint.drop'; readonly table: Table; readonly constraint: ConstraintDef }
  | { readonly kind: 'constraint.rename'; readonly table: Table; readonly from: ConstraintDef; readonly to: ConstraintDef }
  | { readonly kind: 'constraint.alter'; readonly table: Table; readonly from: ConstraintDef; readonly to: ConstraintDef; readonly aspects: readonly ConstraintAspect[] }
  | { readonly kind: 'index.create'; readonly table: Table; readonly index: Index }
  | { readonly kind: 'index.drop'; readonly table: Table; readonly index: Index }
  | { readonly kind: 'index.rename'; readonly table: Table; readonly from: Index; readonly to: Index }
  | { readonly kind: 'index.alter'; readonly table: Table; readonly from: Index; readonly to: Index; readonly aspects: readonly IndexAspect[] }
  | { readonly kind: 'policy.create'; readonly table: Table; readonly policy: Policy }
  | { readonly kind: 'policy.drop'; readonly table: Table; readonly policy: Policy }
  | { readonly kind: 'policy.rename'; readonly table: Table; readonly from: Policy; readonly to: Policy }
  | { readonly kind: 'policy.alter'; readonly table: Table; readonly from: Policy; readonly to: Policy; readonly aspects: readonly PolicyAspect[] }
  | { readonly kind: 'sql-object.create'; readonly object: SqlObject }
  | { readonly kind: 'sql-object.drop'; readonly object: SqlObject }
  | { readonly kind: 'sql-object.replace'; readonly from: SqlObject; readonly to: SqlObject };

export type ChangeKind = Change['kind'];
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;
