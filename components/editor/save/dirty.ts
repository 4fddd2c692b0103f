/**
 * What counts as an unsaved edit. The viewport (pan and zoom) is stored with the model but is not an
 * edit: saving it on its own would bump the project's version, so merely looking around in one tab
 * would make every other tab's or collaborator's next save a conflict. It is saved with the next edit.
 * Commands return structurally shared models, so comparing references field by field is exact enough
 * (a change back to an equal value still counts as an edit and is saved, which is harmless).
 */
import type { Model } from '@/lib/model';

export function differsBeyondViewport(saved: Model, current: Model): boolean {
  if (saved === current) return false;
  const keys = new Set([...Object.keys(saved), ...Object.keys(current)]) as Set<keyof Model>;
  for (const k of keys) {
    if (k === 'layout') continue;
    if (saved[k] !== current[k]) return true;
  }
  const a = saved.layout ?? {};
  const b = current.layout ?? {};
  if (a === b) return false;
  const layoutKeys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof typeof a>;
  for (const k of layoutKeys) {
    if (k !== 'viewport' && a[k] !== b[k]) return true;
  }
  return false;
}
