/** Enum and schema commands. Deleting something still in use is refused with the first user named. */
import { newId } from '@/lib/model/ids';
import type { Enum, Model } from '@/lib/model';
import { applyPatch, withOptional } from './access';
import { done, refuse, type CommandResult } from './result';

export function addEnum(model: Model, args: { enumId?: string; schemaId?: string; name?: string; values?: string[] }): CommandResult {
  const schemaId = args.schemaId ?? model.schemas.find((s) => s.name === 'public')?.id ?? model.schemas[0]?.id;
  if (!schemaId) return refuse('schema-missing', 'the model has no schema');
  const names = new Set((model.enums ?? []).filter((e) => e.schemaId === schemaId).map((e) => e.name));
  let name = args.name ?? 'new_enum';
  for (let n = 2; !args.name && names.has(name); n++) name = `new_enum_${n}`;
  const id = args.enumId ?? newId('enum');
  const e: Enum = { id, schemaId, name, values: args.values ?? ['a', 'b'] };
  return done({ ...model, enums: [...(model.enums ?? []), e] }, [id]);
}

export function updateEnum(model: Model, args: { enumId: string; patch: Partial<Omit<Enum, 'id'>> }): CommandResult {
  const list = model.enums ?? [];
  const current = list.find((e) => e.id === args.enumId);
  if (!current) return refuse('enum-missing', `enum ${args.enumId} does not exist`);
  if (args.patch.schemaId && !model.schemas.some((s) => s.id === args.patch.schemaId)) return refuse('schema-missing', 'that schema does not exist');
  return done({ ...model, enums: list.map((e) => (e.id === args.enumId ? applyPatch(e, args.patch) : e)) });
}

export function deleteEnum(model: Model, args: { enumId: string }): CommandResult {
  const list = model.enums ?? [];
  const current = list.find((e) => e.id === args.enumId);
  if (!current) return refuse('enum-missing', `enum ${args.enumId} does not exist`);
  for (const t of model.tables) {
    const c = t.columns.find((col) => col.type.kind === 'enum' && col.type.enumId === args.enumId);
    if (c) return refuse('enum-in-use', `${current.name} is used by ${t.name}.${c.name}; change that column's type first`);
  }
  return done(withOptional(model, 'enums', list.filter((e) => e.id !== args.enumId)));
}

export function addSchema(model: Model, args: { schemaId?: string; name?: string }): CommandResult {
  const names = new Set(model.schemas.map((s) => s.name));
  let name = args.name ?? 'new_schema';
  for (let n = 2; !args.name && names.has(name); n++) name = `new_schema_${n}`;
  const id = args.schemaId ?? newId('sch');
  return done({ ...model, schemas: [...model.schemas, { id, name }] }, [id]);
}

export function updateSchema(model: Model, args: { schemaId: string; name?: string; comment?: string }): CommandResult {
  if (!model.schemas.some((s) => s.id === args.schemaId)) return refuse('schema-missing', `schema ${args.schemaId} does not exist`);
  const patch: Record<string, string | undefined> = {};
  if (args.name !== undefined) patch.name = args.name;
  if ('comment' in args) patch.comment = args.comment || undefined;
  return done({ ...model, schemas: model.schemas.map((s) => (s.id === args.schemaId ? applyPatch(s, patch) : s)) });
}

export function deleteSchema(model: Model, args: { schemaId: string }): CommandResult {
  const schema = model.schemas.find((s) => s.id === args.schemaId);
  if (!schema) return refuse('schema-missing', `schema ${args.schemaId} does not exist`);
  const user = model.tables.find((t) => t.schemaId === schema.id)?.name
    ?? model.enums?.find((e) => e.schemaId === schema.id)?.name
    ?? model.sequences?.find((s) => s.schemaId === schema.id)?.name
    ?? model.extensions?.find((e) => e.schemaId === schema.id)?.name;
  if (user !== undefined) return refuse('schema-in-use', `schema ${schema.name} still holds ${user}; move or delete it first`);
  return done({ ...model, schemas: model.schemas.filter((s) => s.id !== schema.id) });
}
