/** danglingReferences lists every id reference in a model that points nowhere (test helper). */
import { ModelSchema, type Model } from '@/lib/model';

export function danglingReferences(model: Model): string[] {
  const problems: string[] = [];
  const tables = new Map(model.tables.map((t) => [t.id, t]));
  const schemas = new Set(model.schemas.map((s) => s.id));
  const enums = new Set((model.enums ?? []).map((e) => e.id));
  const seqs = new Set((model.sequences ?? []).map((s) => s.id));
  const ids = new Set<string>();
  const seen = (id: string, what: string) => { if (ids.has(id)) problems.push(`duplicate id ${id} (${what})`); ids.add(id); };
  for (const t of model.tables) {
    seen(t.id, 'table');
    if (!schemas.has(t.schemaId)) problems.push(`${t.name}: schema ${t.schemaId}`);
    const cols = new Set(t.columns.map((c) => c.id));
    for (const c of t.columns) {
      seen(c.id, 'column');
      if (c.type.kind === 'enum' && !enums.has(c.type.enumId)) problems.push(`${t.name}.${c.name}: enum`);
      if (c.sequenceId && !seqs.has(c.sequenceId)) problems.push(`${t.name}.${c.name}: sequence`);
    }
    const own = (list: readonly string[] | undefined, what: string) => { for (const id of list ?? []) if (!cols.has(id)) problems.push(`${t.name} ${what}: column ${id}`); };
    if (t.primaryKey) { seen(t.primaryKey.id, 'pk'); own(t.primaryKey.columnIds, 'pk'); }
    for (const u of t.uniques ?? []) { seen(u.id, 'unique'); own(u.columnIds, 'unique'); }
    for (const ix of t.indexes ?? []) { seen(ix.id, 'index'); own(ix.elements.flatMap((e) => (e.columnId ? [e.columnId] : [])), 'index'); own(ix.include, 'include'); }
    for (const fk of t.foreignKeys ?? []) {
      seen(fk.id, 'fk');
      own(fk.columnIds, 'fk');
      const ref = tables.get(fk.refTableId);
      if (!ref) { problems.push(`${t.name} fk ${fk.name}: table ${fk.refTableId}`); continue; }
      for (const id of fk.refColumnIds) if (!ref.columns.some((c) => c.id === id)) problems.push(`${t.name} fk ${fk.name}: ref column ${id}`);
    }
    if (t.partitionOf && !tables.has(t.partitionOf.parentId)) problems.push(`${t.name}: partition parent`);
  }
  for (const id of Object.keys(model.layout?.tables ?? {})) if (!tables.has(id)) problems.push(`layout of missing table ${id}`);
  for (const s of model.sequences ?? []) if (s.ownedBy && !tables.get(s.ownedBy.tableId)?.columns.some((c) => c.id === s.ownedBy!.columnId)) problems.push(`sequence ${s.name}: owner`);
  const shape = ModelSchema.safeParse(JSON.parse(JSON.stringify(model)));
  if (!shape.success) problems.push(`shape: ${shape.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return problems;
}

/** allConstraintNames lists index/constraint/table names per schema with duplicates (test helper). */
export function duplicateNames(model: Model): string[] {
  const dups: string[] = [];
  for (const s of model.schemas) {
    const seen = new Set<string>();
    for (const t of model.tables.filter((x) => x.schemaId === s.id)) {
      const names = [t.name, t.primaryKey?.name, ...(t.uniques ?? []).map((u) => u.name), ...(t.indexes ?? []).map((i) => i.name), ...(t.foreignKeys ?? []).map((f) => f.name), ...(t.checks ?? []).map((c) => c.name)];
      for (const n of names) { if (n === undefined) continue; if (seen.has(n)) dups.push(`${s.name}.${n}`); seen.add(n); }
    }
  }
  return dups;
}
