/**
 * Partition rules: a partition's parent exists, is partitioned and is not the partition itself (no
 * cycles); a partition has no columns of its own; its bound is exactly one `FOR VALUES ...` or
 * `DEFAULT` clause for the parent's strategy (parsed as `CREATE TABLE x PARTITION OF y <bound>`,
 * nothing else smuggled in); one DEFAULT partition per parent; no two identical bounds. Partition
 * keys: list takes one key; each key is a column or an expression, never a generated column.
 */
import { parseSql, sqlParserReady } from '../expression';
import type { Table } from '../schema';
import type { RuleContext } from './context';

const STRATEGY_CODE = { range: 'r', list: 'l', hash: 'h' } as const;
const ALLOWED_CREATE_KEYS: ReadonlySet<string> = new Set(['relation', 'inhRelations', 'partbound', 'oncommit']);

interface Bound { readonly isDefault: boolean; readonly strategy?: string; readonly lower?: number; readonly upper?: number; readonly modulus?: number; readonly remainder?: number }

/** parseBound reads a bound clause; returns the bound or the reason it is not one. */
export function parseBound(bound: string): Bound | string {
  const parsed = parseSql(`CREATE TABLE pgcanvas_partition PARTITION OF pgcanvas_parent ${bound}\n`);
  if (!parsed.ok) return `not a valid partition bound: ${parsed.message}`;
  if (parsed.stmts.length !== 1) return 'must be one partition bound (FOR VALUES ... or DEFAULT), not several statements';
  const create = ((parsed.stmts[0] as { stmt?: Record<string, unknown> }).stmt ?? {})['CreateStmt'] as Record<string, unknown> | undefined;
  const spec = create?.['partbound'] as { is_default?: boolean; strategy?: string; lowerdatums?: unknown[]; upperdatums?: unknown[]; modulus?: number; remainder?: number } | undefined;
  if (!create || !spec) return 'must be a partition bound: FOR VALUES ... or DEFAULT';
  const extra = Object.keys(create).filter((k) => !ALLOWED_CREATE_KEYS.has(k));
  if (extra.length > 0) return 'must be only the bound (FOR VALUES ... or DEFAULT), without storage options, tablespace or sub-partitioning';
  return { isDefault: spec.is_default === true, strategy: spec.strategy, lower: spec.lowerdatums?.length, upper: spec.upperdatums?.length, modulus: spec.modulus ?? 0, remainder: spec.remainder ?? 0 };
}

function partitionOfRules(ctx: RuleContext, t: Table, path: string, defaults: Map<string, string>, bounds: Map<string, string>): void {
  if (!t.partitionOf) return;
  const parent = ctx.index.tables.get(t.partitionOf.parentId);
  if (t.columns.length > 0) {
    ctx.error('partition-columns', `a partition takes its columns from its parent; remove its ${t.columns.length} own column${t.columns.length === 1 ? '' : 's'}`, `${path}.columns`, t.id);
  }
  if (!parent) return;
  const seen = new Set<Table>([t]);
  for (let p: Table | undefined = parent; p?.partitionOf; p = ctx.index.tables.get(p.partitionOf.parentId)) {
    if (seen.has(p)) { ctx.error('partition-parent', 'partitionOf forms a cycle', `${path}.partitionOf.parentId`, t.id); return; }
    seen.add(p);
  }
  if (parent === t) { ctx.error('partition-parent', 'a table cannot be a partition of itself', `${path}.partitionOf.parentId`, t.id); return; }
  if (!parent.partitionBy) { ctx.error('partition-parent', `table ${JSON.stringify(parent.name)} is not partitioned (it has no partitionBy)`, `${path}.partitionOf.parentId`, t.id); return; }
  if (!sqlParserReady()) return;
  const bound = parseBound(t.partitionOf.bound);
  const bpath = `${path}.partitionOf.bound`;
  if (typeof bound === 'string') { ctx.error('partition-bound', bound, bpath, t.id); return; }
  const strategy = parent.partitionBy.strategy;
  if (bound.isDefault) {
    if (strategy === 'hash') ctx.error('partition-bound', 'a hash-partitioned table cannot have a DEFAULT partition', bpath, t.id);
    const other = defaults.get(parent.id);
    if (other) ctx.error('partition-bound', `table ${JSON.stringify(parent.name)} already has a DEFAULT partition (${other})`, bpath, t.id);
    else defaults.set(parent.id, path);
    return;
  }
  if (bound.strategy !== STRATEGY_CODE[strategy]) {
    const expected = { range: 'FOR VALUES FROM (...) TO (...)', list: 'FOR VALUES IN (...)', hash: 'FOR VALUES WITH (MODULUS m, REMAINDER r)' }[strategy];
    ctx.error('partition-bound', `the parent is partitioned by ${strategy}, so the bound must be ${expected}`, bpath, t.id);
    return;
  }
  const keys = parent.partitionBy.keys.length;
  if (strategy === 'range' && (bound.lower !== keys || bound.upper !== keys)) {
    ctx.error('partition-bound', `a range bound needs ${keys} value${keys === 1 ? '' : 's'} in FROM and TO, one per partition key`, bpath, t.id);
  }
  if (strategy === 'hash' && (bound.modulus! < 1 || bound.remainder! >= bound.modulus!)) {
    ctx.error('partition-bound', 'a hash partition needs MODULUS >= 1 and 0 <= REMAINDER < MODULUS', bpath, t.id);
  }
  const normal = strategy === 'hash' ? `${parent.id}:hash:${bound.modulus}:${bound.remainder}` : `${parent.id}:${t.partitionOf.bound.replace(/\s+/g, ' ').trim().toLowerCase()}`;
  const twin = bounds.get(normal);
  if (twin) ctx.error('partition-bound', `the same bound as partition ${twin}; partitions of one table cannot overlap`, bpath, t.id);
  else bounds.set(normal, path);
}

function partitionByRules(ctx: RuleContext, t: Table, path: string): void {
  if (!t.partitionBy) return;
  const { strategy, keys } = t.partitionBy;
  if (strategy === 'list' && keys.length > 1) ctx.error('partition-key', 'list partitioning takes exactly one key', `${path}.partitionBy.keys`, t.id);
  keys.forEach((key, k) => {
    const kpath = `${path}.partitionBy.keys[${k}]`;
    if ((key.columnId === undefined) === (key.expression === undefined)) ctx.error('partition-key', 'a partition key has exactly one of "columnId" and "expression"', kpath, t.id);
    const column = key.columnId !== undefined ? ctx.column(t, key.columnId) : undefined;
    if (column?.generated) ctx.error('partition-key', `generated column ${JSON.stringify(column.name)} cannot be a partition key`, kpath, t.id);
  });
}

export function partitionRules(ctx: RuleContext): void {
  const defaults = new Map<string, string>();
  const bounds = new Map<string, string>();
  ctx.model.tables.forEach((t) => {
    const path = ctx.tablePath(t);
    partitionOfRules(ctx, t, path, defaults, bounds);
    partitionByRules(ctx, t, path);
  });
}
