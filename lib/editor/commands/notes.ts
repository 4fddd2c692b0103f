/** Notes and areas (coloured groups) on the canvas: layout only, never part of the DDL. */
import { newId } from '@/lib/model/ids';
import type { Layout, Model } from '@/lib/model';
import { applyPatch, setLayoutPart } from './access';
import { done, refuse, type CommandResult } from './result';

export type Note = NonNullable<Layout['notes']>[number];
export type Area = NonNullable<Layout['areas']>[number];

export function addNote(model: Model, args: { noteId?: string; x: number; y: number; text?: string }): CommandResult {
  const id = args.noteId ?? newId('note');
  const note: Note = { id, x: Math.round(args.x), y: Math.round(args.y), width: 220, height: 120, text: args.text ?? 'Note' };
  return done(setLayoutPart(model, 'notes', [...(model.layout?.notes ?? []), note]), [id]);
}

export function addArea(model: Model, args: { areaId?: string; x: number; y: number; width?: number; height?: number; name?: string; color?: string }): CommandResult {
  const id = args.areaId ?? newId('area');
  const area: Area = { id, x: Math.round(args.x), y: Math.round(args.y), width: args.width ?? 600, height: args.height ?? 400, name: args.name ?? 'Area', color: args.color ?? '#dbeafe' };
  return done(setLayoutPart(model, 'areas', [...(model.layout?.areas ?? []), area]), [id]);
}

export function updateDecoration(model: Model, args: { kind: 'notes' | 'areas'; id: string; patch: Partial<Note & Area> }): CommandResult {
  const list = (model.layout?.[args.kind] ?? []) as (Note | Area)[];
  if (!list.some((x) => x.id === args.id)) return refuse('missing', `${args.kind} ${args.id} does not exist`);
  const { id: _ignored, ...patch } = args.patch;
  void _ignored;
  return done(setLayoutPart(model, args.kind, list.map((x) => (x.id === args.id ? applyPatch(x, patch) : x)) as never));
}

export function deleteDecoration(model: Model, args: { kind: 'notes' | 'areas'; id: string }): CommandResult {
  const list = (model.layout?.[args.kind] ?? []) as (Note | Area)[];
  if (!list.some((x) => x.id === args.id)) return refuse('missing', `${args.kind} ${args.id} does not exist`);
  return done(setLayoutPart(model, args.kind, list.filter((x) => x.id !== args.id) as never));
}
