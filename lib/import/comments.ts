/** COMMENT ON for objects in the model; comments on anything else stay verbatim next to their object. */
import { inner, nodeType, qkey, qualified, strings, type Fields } from './ast';
import type { ImportState } from './state';

type Commentable = { comment?: string };

function setComment(target: Commentable, comment: string | undefined): void {
  if (comment === undefined) delete target.comment;
  else target.comment = comment;
}

function objectNames(object: unknown): string[] {
  if (nodeType(object) === 'String') return [inner(object, 'String')!.sval as string];
  if (nodeType(object) === 'TypeName') return strings(inner(object, 'TypeName')!.names);
  return strings(object);
}

/** findTarget returns the model object a COMMENT ON statement is about, or undefined when the model does not hold it. */
function findTarget(s: ImportState, objtype: string, parts: string[]): Commentable | undefined {
  switch (objtype) {
    case 'OBJECT_SCHEMA': {
      const id = s.schemaIds.get(parts[0]!);
      return id ? s.model.schemas.find((x) => x.id === id) : undefined;
    }
    case 'OBJECT_EXTENSION':
      return s.model.extensions!.find((e) => e.name === parts[0]);
    case 'OBJECT_TABLE': {
      const q = qualified(parts);
      return s.verbatimRelations.has(qkey(q)) ? undefined : s.table(q);
    }
    case 'OBJECT_TYPE':
      return s.enums.get(qkey(qualified(parts)));
    case 'OBJECT_SEQUENCE':
      return s.sequences.get(qkey(qualified(parts)));
    case 'OBJECT_COLUMN': {
      const table = s.table(qualified(parts.slice(0, -1)));
      return table && !table.partitionOf ? table.columns.find((c) => c.name === parts[parts.length - 1]) : undefined;
    }
    case 'OBJECT_INDEX': {
      const q = qualified(parts);
      for (const t of s.model.tables) {
        if (s.schemaName(t.schemaId) !== q.schema) continue;
        const ix = t.indexes?.find((i) => i.name === q.name);
        if (ix) return ix;
      }
      return undefined;
    }
    case 'OBJECT_TABCONSTRAINT': {
      const table = s.table(qualified(parts.slice(0, -1)));
      const name = parts[parts.length - 1];
      if (!table) return undefined;
      if (table.primaryKey?.name === name) return table.primaryKey;
      const found = table.uniques?.find((u) => u.name === name) ?? table.checks?.find((c) => c.name === name);
      if (found) return found;
      return s.pendingForeignKeys.find((p) => p.table === table && p.fk.name === name)?.fk;
    }
    case 'OBJECT_POLICY': {
      const table = s.table(qualified(parts.slice(0, -1)));
      return table?.policies?.find((p) => p.name === parts[parts.length - 1]);
    }
    default:
      return undefined;
  }
}

export function comment(s: ImportState, stmt: Fields): void {
  const parts = objectNames(stmt.object);
  const target = findTarget(s, stmt.objtype as string, parts);
  if (!target) {
    s.verbatim('comment', 'post-tables', parts.join('.'));
    return;
  }
  setComment(target, stmt.comment as string | undefined);
}
