/**
 * relations.ts for Drizzle's query API: every foreign key between two emitted tables becomes a `one()`
 * on the referencing table and a `many()` on the referenced one, paired by `relationName` so several
 * keys between the same tables (and self-references) stay unambiguous.
 */
import type { ForeignKey, Table } from '@/lib/model';
import type { EmitContext } from './context';
import { Namer, camelIdentifier, pascal } from './names';
import { joinFile, tsString } from './ts';

interface Edge {
  readonly source: Table;
  readonly target: Table;
  readonly fk: ForeignKey;
}

/** endsWithId: the name ends in id, Id or ID after at least one character (tested before the regex, which allocates). */
function endsWithId(name: string): boolean {
  if (name.length < 3) return false;
  const i = name.charCodeAt(name.length - 2);
  const d = name.charCodeAt(name.length - 1);
  return (i === 105 && d === 100) || (i === 73 && (d === 100 || d === 68));
}

function oneKeyBase(ctx: EmitContext, edge: Edge): string {
  if (edge.fk.columnIds.length === 1) {
    const column = ctx.idx.column(edge.source, edge.fk.columnIds[0]!);
    const m = column && endsWithId(column.name) ? /^(.+?)[_ ]?(id|Id|ID)$/.exec(column.name) : null;
    if (m) return camelIdentifier(m[1]!, 'ref');
  }
  return camelIdentifier(edge.target.name, 'ref');
}

/** members renders `tableVar.key, ...` for columns of a table. */
function members(ctx: EmitContext, tableVar: string, table: Table, columnIds: readonly string[]): string {
  if (columnIds.length === 1) return `${tableVar}.${ctx.columnKey(table, columnIds[0]!)}`;
  return columnIds.map((id) => `${tableVar}.${ctx.columnKey(table, id)}`).join(', ');
}

/** emitRelations returns the body of relations.ts, or undefined when the model has no foreign keys. */
export function emitRelations(ctx: EmitContext): string | undefined {
  const edges: Edge[] = [];
  for (const source of ctx.model.tables) {
    if (!ctx.tableVars.has(source.id)) continue;
    for (const fk of source.foreignKeys ?? []) {
      const target = ctx.idx.tables.get(fk.refTableId);
      if (target && ctx.tableVars.has(target.id)) edges.push({ source, target, fk });
    }
  }
  if (edges.length === 0) return undefined;

  // How many keys each table has to each target: edges come grouped by source table, so one count per source.
  const targetsOf = new Map<string, Map<string, number>>();
  for (let i = 0; i + 1 < edges.length; i++) {
    const source = edges[i]!.source;
    if (edges[i + 1]!.source !== source || targetsOf.has(source.id)) continue;
    const counts = new Map<string, number>();
    for (let j = i; j < edges.length && edges[j]!.source === source; j++) counts.set(edges[j]!.target.id, (counts.get(edges[j]!.target.id) ?? 0) + 1);
    targetsOf.set(source.id, counts);
  }
  const pairCount = (e: Edge) => targetsOf.get(e.source.id)?.get(e.target.id) ?? 1;

  const relationNames = new Namer();
  /**
   * Per table (one map: a large model's per-table maps are costly): the scope of its relation keys,
   * which helpers it uses, and its relation lines as written (indented, with their comma).
   */
  const entries = new Map<string, { namer: Namer; one: boolean; many: boolean; lines: string[] }>();
  const entryFor = (table: Table) => {
    let e = entries.get(table.id);
    if (!e) {
      e = { namer: new Namer(ctx.columnKeys.get(table.id)), one: false, many: false, lines: [] };
      entries.set(table.id, e);
    }
    return e;
  };
  // Edges come grouped by source table: its many-side key base is computed once per table.
  let lastSource: Table | undefined;
  let sourceBase = '';
  for (const edge of edges) {
    if (edge.source !== lastSource) {
      lastSource = edge.source;
      sourceBase = camelIdentifier(edge.source.name, 'ref');
    }
    const sourceVar = ctx.tableVars.get(edge.source.id)!;
    const targetVar = ctx.tableVars.get(edge.target.id)!;
    const relationName = relationNames.take(edge.fk.name);
    const oneBase = oneKeyBase(ctx, edge);
    const src = entryFor(edge.source);
    const oneKey = src.namer.take(oneBase);
    const fields = members(ctx, sourceVar, edge.source, edge.fk.columnIds);
    const references = members(ctx, targetVar, edge.target, edge.fk.refColumnIds);
    const relationString = tsString(relationName);
    src.one = true;
    src.lines.push(`  ${oneKey}: one(${targetVar}, { fields: [${fields}], references: [${references}], relationName: ${relationString} }),`);
    const shared = pairCount(edge) > 1 || edge.source.id === edge.target.id;
    const manyBase = shared ? `${sourceBase}By${pascal(oneBase)}` : sourceBase;
    const tgt = entryFor(edge.target);
    const manyKey = tgt.namer.take(manyBase);
    tgt.many = true;
    tgt.lines.push(`  ${manyKey}: many(${sourceVar}, { relationName: ${relationString} }),`);
  }

  const out: string[] = [];
  const imported: string[] = [];
  for (const table of ctx.model.tables) {
    const entry = entries.get(table.id);
    if (!entry) continue;
    const tableVar = ctx.tableVars.get(table.id)!;
    imported.push(tableVar);
    const helpers = entry.one && entry.many ? 'one, many' : entry.one ? 'one' : 'many';
    const relVar = ctx.top.take(`${tableVar}Relations`);
    out.push(`export const ${relVar} = relations(${tableVar}, ({ ${helpers} }) => ({\n${entry.lines.join('\n')}\n}));`);
  }
  // Every source and target of an edge has an entry, so `imported` lists each table the file names once.
  const header = [
    '// Generated by pgcanvas: Drizzle relations for the query API (db.query.<table>.findMany({ with: ... })).',
    "import { relations } from 'drizzle-orm';",
    `import { ${imported.sort().join(', ')} } from './schema';`,
  ];
  return joinFile([header.join('\n'), ...out]);
}
