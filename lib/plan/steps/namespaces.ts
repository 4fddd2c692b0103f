/** Steps for schemas, extensions and enum types. */
import {
  addEnumValue, commentOn, createEnum, createExtension, createSchema, dropEnum, dropExtension, dropSchema,
  renameEnumValue, renameInSchema, renameSchema, setExtensionSchema, setSchema,
} from '@/lib/sql';
import type { ChangeOf } from '@/lib/diff';
import { hazard, step, type PlanContext } from '../context';
import type { Step } from '../types';

/** The public schema exists in every database: it is never created or dropped, only commented. */
const PUBLIC = 'public';

export function planSchemaCreate(c: ChangeOf<'schema.create'>, ctx: PlanContext): Step[] {
  const out: Step[] = [];
  if (c.schema.name !== PUBLIC) out.push(step('schemas', createSchema(c.schema), 'schema', c.schema.id, { reverse: dropSchema(c.schema) }));
  if (c.schema.comment !== undefined) out.push(step('comments', commentOn({ kind: 'schema', schemaId: c.schema.id }, c.schema.comment, ctx.to), 'schema', c.schema.id));
  return out;
}

export function planSchemaDrop(c: ChangeOf<'schema.drop'>, ctx: PlanContext): Step[] {
  if (c.schema.name === PUBLIC) return [];
  return [step(ctx.replacedEarly('schema', c.schema) ? 'drop-replaced-schemas' : 'drop-schemas', dropSchema(c.schema), 'schema', c.schema.id, {
    reverse: createSchema(c.schema), hazards: [hazard('drop-schema', `drops schema ${c.schema.name}`)],
  })];
}

export function planSchemaRename(c: ChangeOf<'schema.rename'>): Step[] {
  return [step('schemas', renameSchema(c.from.name, c.to.name), 'schema', c.to.id, {
    reverse: renameSchema(c.to.name, c.from.name), hazards: [hazard('rename', `renames schema ${c.from.name} to ${c.to.name}`)],
  })];
}

export function planSchemaAlter(c: ChangeOf<'schema.alter'>, ctx: PlanContext): Step[] {
  return [step('comments', commentOn({ kind: 'schema', schemaId: c.to.id }, c.to.comment, ctx.to), 'schema', c.to.id, {
    reverse: commentOn({ kind: 'schema', schemaId: c.to.id }, c.from.comment, ctx.to),
  })];
}

export function planExtensionCreate(c: ChangeOf<'extension.create'>, ctx: PlanContext): Step[] {
  const e = c.extension;
  const out = [step('extensions', createExtension(e, ctx.to), 'extension', e.id, { reverse: dropExtension(e) })];
  if (e.comment !== undefined) out.push(step('comments', commentOn({ kind: 'extension', name: e.name }, e.comment, ctx.to), 'extension', e.id));
  return out;
}

export function planExtensionDrop(c: ChangeOf<'extension.drop'>, ctx: PlanContext): Step[] {
  return [step('drop-extensions', dropExtension(c.extension), 'extension', c.extension.id, {
    reverse: createExtension(c.extension, ctx.late), hazards: [hazard('drop-extension', `drops extension ${c.extension.name}`)],
  })];
}

export function planExtensionAlter(c: ChangeOf<'extension.alter'>, ctx: PlanContext): Step[] {
  const out: Step[] = [];
  if (c.aspects.includes('schema')) out.push(step('extensions', setExtensionSchema(c.to, ctx.to), 'extension', c.to.id));
  if (c.aspects.includes('comment')) out.push(step('comments', commentOn({ kind: 'extension', name: c.to.name }, c.to.comment, ctx.to), 'extension', c.to.id));
  return out;
}

export function planEnumCreate(c: ChangeOf<'enum.create'>, ctx: PlanContext): Step[] {
  const e = c.enum;
  const out = [step('enums', createEnum(e, ctx.to), 'enum', e.id, { reverse: dropEnum(e, ctx.to) })];
  if (e.comment !== undefined) out.push(step('comments', commentOn({ kind: 'enum', schemaId: e.schemaId, name: e.name }, e.comment, ctx.to), 'enum', e.id));
  return out;
}

export function planEnumDrop(c: ChangeOf<'enum.drop'>, ctx: PlanContext): Step[] {
  const early = ctx.replacedEarly('enum', c.enum);
  return [step(early ? 'drop-replaced-enums' : 'drop-enums', dropEnum(c.enum, early ? ctx.from : ctx.late), 'enum', c.enum.id, {
    reverse: createEnum(c.enum, ctx.late), hazards: [hazard('drop-enum', `drops type ${c.enum.name}`)],
  })];
}

export function planEnumRename(c: ChangeOf<'enum.rename'>, ctx: PlanContext): Step[] {
  return renameSchemaObject('TYPE', 'enums', 'enum', c.from, c.to, ctx);
}

/** renameSchemaObject moves a type or sequence to its new schema, then renames it. */
export function renameSchemaObject(
  kind: 'TYPE' | 'SEQUENCE', phase: 'enums' | 'sequences', source: 'enum' | 'sequence',
  from: { id: string; schemaId: string; name: string }, to: { schemaId: string; name: string }, ctx: PlanContext,
): Step[] {
  const out: Step[] = [];
  const rename = hazard('rename', `renames ${kind.toLowerCase()} ${from.name} to ${to.name}`);
  if (from.schemaId !== to.schemaId) {
    out.push(step(phase, setSchema(kind, from.schemaId, from.name, to.schemaId, ctx.late), source, from.id, {
      reverse: setSchema(kind, to.schemaId, from.name, from.schemaId, ctx.late), hazards: [rename],
    }));
  }
  if (from.name !== to.name) {
    out.push(step(phase, renameInSchema(kind, to.schemaId, from.name, to.name, ctx.to), source, from.id, {
      reverse: renameInSchema(kind, to.schemaId, to.name, from.name, ctx.to), hazards: [rename],
    }));
  }
  return out;
}

export function planEnumAddValue(c: ChangeOf<'enum.add-value'>, ctx: PlanContext): Step[] {
  const position = c.before !== undefined ? { before: c.before } : c.after !== undefined ? { after: c.after } : undefined;
  // A value added in a transaction cannot be used before it commits, so apply runs it on its own.
  return [step('enums', addEnumValue(c.enum, c.value, ctx.to, position), 'enum', c.enum.id, {
    transactional: false,
    hazards: [hazard('enum-add-value', `adds value ${c.value} to ${c.enum.name}; it cannot be removed again without recreating the type`)],
  })];
}

export function planEnumRenameValue(c: ChangeOf<'enum.rename-value'>, ctx: PlanContext): Step[] {
  return [step('enums', renameEnumValue(c.enum, c.from, c.to, ctx.to), 'enum', c.enum.id, {
    reverse: renameEnumValue(c.enum, c.to, c.from, ctx.to), hazards: [hazard('rename', `renames value ${c.from} of ${c.enum.name} to ${c.to}`)],
  })];
}

export function planEnumAlter(c: ChangeOf<'enum.alter'>, ctx: PlanContext): Step[] {
  const target = { kind: 'enum', schemaId: c.to.schemaId, name: c.to.name } as const;
  return [step('comments', commentOn(target, c.to.comment, ctx.to), 'enum', c.to.id, { reverse: commentOn(target, c.from.comment, ctx.to) })];
}
