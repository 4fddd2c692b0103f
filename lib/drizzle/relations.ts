/**
 * relations.ts for Drizzle's query API: every foreign key between two emitted tables becomes a `one()`
 * on the referencing table and a `many()` on the referenced one, paired by `relationName` so several
 * keys between the same tables (and self-references) stay unambiguous.
 */
import type { ForeignKey, Table } from '@/lib/model';
import type { EmitContext, TableKeys, TableRelations } from './context';
import { Namer, camelIdentifier, pascal } from './names';
import { addMembers } from './tables';
import { CHUNK, joinFile, plain } from './ts';

interface Edge {
  readonly source: Table;
  readonly target: Table;
  readonly fk: ForeignKey;
  readonly sourceVar: string;
  readonly targetVar: string;
  readonly sourceKeys: TableKeys;
  readonly targetKeys: TableKeys;
  /** Filled in while naming, in edge order (the order decides which name gets a number). */
  relationName: string;
  oneKey: string;
  manyKey: string;
}

/** endsWithId: the name ends in id, Id or ID after at least one character. */
function endsWithId(name: string): boolean {
  if (name.length < 3) return false;
  const i = name.charCodeAt(name.length - 2);
  const d = name.charCodeAt(name.length - 1);
  return (i === 105 && d === 100) || (i === 73 && (d === 100 || d === 68));
}

/** isLineTerminator: what a regular expression's `.` does not match. */
function isLineTerminator(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/**
 * idPrefix is the name without its id suffix, as /^(.+?)[_ ]?(id|Id|ID)$/ would capture it (written
 * out: this runs for every foreign key), or undefined when that would not match.
 */
function idPrefix(name: string): string | undefined {
  if (!endsWithId(name)) return undefined;
  let end = name.length - 2;
  const sep = name.charCodeAt(end - 1);
  if ((sep === 95 || sep === 32) && end - 1 >= 1) end--;
  for (let i = 0; i < end; i++) if (isLineTerminator(name.charCodeAt(i))) return undefined;
  return name.slice(0, end);
}

function oneKeyBase(ctx: EmitContext, edge: Edge): string {
  if (edge.fk.columnIds.length === 1) {
    const column = ctx.idx.column(edge.source, edge.fk.columnIds[0]!);
    const prefix = column && idPrefix(column.name);
    if (prefix !== undefined) return camelIdentifier(prefix, 'ref');
  }
  return camelIdentifier(edge.target.name, 'ref');
}

/** emitRelations returns the body of relations.ts, or undefined when the model has no foreign keys. */
export function emitRelations(ctx: EmitContext): string | undefined {
  const edges: Edge[] = [];
  for (const source of ctx.model.tables) {
    const sourceKeys = ctx.columnKeys.get(source.id);
    if (sourceKeys === undefined || !source.foreignKeys?.length) continue;
    const sourceVar = sourceKeys.name;
    for (const fk of source.foreignKeys) {
      // One lookup for the target table, its variable and its keys (each a cache miss on a large model).
      const info = ctx.columnKeys.get(fk.refTableId);
      if (info) edges.push({ source, target: info.table, fk, sourceVar, targetVar: info.name, sourceKeys, targetKeys: info, relationName: '', oneKey: '', manyKey: '' });
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

  const relationNames = new Namer();
  // Edges come grouped by source table: its many-side key base is computed once per table.
  let lastSource: Table | undefined;
  let sourceBase = '';
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e]!;
    if (edge.source !== lastSource) {
      lastSource = edge.source;
      sourceBase = camelIdentifier(edge.source.name, 'ref');
    }
    edge.relationName = relationNames.take(edge.fk.name);
    const oneBase = oneKeyBase(ctx, edge);
    const src = entryFor(edge.sourceKeys);
    edge.oneKey = src.namer.take(oneBase);
    src.one = true;
    src.lines.push(e * 2);
    const shared = (targetsOf.get(edge.source.id)?.get(edge.target.id) ?? 1) > 1 || edge.source.id === edge.target.id;
    const tgt = entryFor(edge.targetKeys);
    edge.manyKey = tgt.namer.take(shared ? `${sourceBase}By${pascal(oneBase)}` : sourceBase);
    tgt.many = true;
    tgt.lines.push(e * 2 + 1);
  }

  const out: string[] = [];
  const imported: string[] = [];
  const text = ctx.text;
  for (const table of ctx.model.tables) {
    const keys = ctx.columnKeys.get(table.id);
    const entry = keys?.relations;
    if (!entry) continue;
    const tableVar = keys!.name;
    imported.push(tableVar);
    const helpers = entry.one && entry.many ? 'one, many' : entry.one ? 'one' : 'many';
    if (text.size > 0) text.add('\n\n');
    text.add('export const ').add(ctx.top.take(`${tableVar}Relations`)).add(' = relations(').add(tableVar).add(', ({ ').add(helpers).add(' }) => ({\n');
    for (const line of entry.lines) {
      const edge = edges[line >> 1]!;
      // A plain relation name's quotes are written with the text around it.
      const q = plain(edge.relationName);
      if (line & 1) {
        text.add('  ').add(edge.manyKey).add(': many(').add(edge.sourceVar).add(q ? ', { relationName: "' : ', { relationName: ');
      } else {
        text.add('  ').add(edge.oneKey).add(': one(').add(edge.targetVar).add(', { fields: [');
        addMembers(text, edge.sourceVar, ctx.fieldKeys(edge.fk, edge.source)).add('], references: [');
        addMembers(text, edge.targetVar, ctx.refKeys(edge.fk, edge.targetKeys)).add(q ? '], relationName: "' : '], relationName: ');
      }
      if (q) text.add(edge.relationName).add('" }),\n');
      else text.add(JSON.stringify(edge.relationName)).add(' }),\n');
    }
    text.add('}));');
    // Chunks, as for schema.ts (see CHUNK).
    if (text.size >= CHUNK) out.push(text.take());
  }
  if (text.size > 0) out.push(text.take());
  // Every source and target of an edge has an entry, so `imported` lists each table the file names once.
  const header = [
    '// Generated by pgcanvas: Drizzle relations for the query API (db.query.<table>.findMany({ with: ... })).',
    "import { relations } from 'drizzle-orm';",
    `import { ${imported.sort().join(', ')} } from './schema';`,
  ];
  return joinFile([header.join('\n'), ...out]);
}

/** entryFor is a table's relations state, kept on its keys (TableKeys.relations). */
function entryFor(keys: TableKeys): TableRelations {
  return (keys.relations ??= { namer: new Namer(keys), one: false, many: false, lines: [] });
}
