/**
 * The outcome of a command: the next model (and ids it created, so the UI can select or focus them),
 * or a refusal in words. Refusals are data, shown to the user; they never throw.
 */
import type { Model } from '@/lib/model';

export interface CommandError {
  readonly code: string;
  readonly message: string;
}

export type CommandResult =
  | { readonly ok: true; readonly model: Model; readonly created?: readonly string[] }
  | { readonly ok: false; readonly error: CommandError };

export function done(model: Model, created?: readonly string[]): CommandResult {
  return created ? { ok: true, model, created } : { ok: true, model };
}

export function refuse(code: string, message: string): CommandResult {
  return { ok: false, error: { code, message } };
}
