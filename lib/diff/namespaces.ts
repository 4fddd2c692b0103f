/** Changes to schemas and extensions. */
import type { Model } from '@/lib/model';
import type { Change, ExtensionAspect } from './types';
import { matchById } from './match';

export function diffSchemas(from: Model, to: Model): Change[] {
  const m = matchById(from.schemas, to.schemas);
  const out: Change[] = [];
  for (const schema of m.created) out.push({ kind: 'schema.create', schema });
  for (const [a, b] of m.kept) {
    if (a.name !== b.name) out.push({ kind: 'schema.rename', from: a, to: b });
    if (a.comment !== b.comment) out.push({ kind: 'schema.alter', from: a, to: b, aspects: ['comment'] });
  }
  for (const schema of m.dropped) out.push({ kind: 'schema.drop', schema });
  return out;
}

/** An extension is identified by its name in PostgreSQL, so a name change is a drop and a create. */
export function diffExtensions(from: Model, to: Model): Change[] {
  const m = matchById(from.extensions, to.extensions);
  // PostgreSQL knows an extension by name: a removed and an added entry with the same name are the same extension.
  const droppedByName = new Map(m.dropped.map((e) => [e.name, e]));
  for (const created of [...m.created]) {
    const old = droppedByName.get(created.name);
    if (!old) continue;
    m.kept.push([old, created]);
    m.created.splice(m.created.indexOf(created), 1);
    m.dropped.splice(m.dropped.indexOf(old), 1);
    droppedByName.delete(created.name);
  }
  const out: Change[] = [];
  for (const extension of m.created) out.push({ kind: 'extension.create', extension });
  for (const [a, b] of m.kept) {
    if (a.name !== b.name) {
      out.push({ kind: 'extension.drop', extension: a }, { kind: 'extension.create', extension: b });
      continue;
    }
    const aspects: ExtensionAspect[] = [];
    if (a.schemaId !== b.schemaId) aspects.push('schema');
    if (a.comment !== b.comment) aspects.push('comment');
    if (aspects.length) out.push({ kind: 'extension.alter', from: a, to: b, aspects });
  }
  for (const extension of m.dropped) out.push({ kind: 'extension.drop', extension });
  return out;
}
