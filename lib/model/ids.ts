/**
 * newId makes a fresh stable id. Ids are random so that two people editing copies of a model never
 * mint the same one; the prefix only helps a human reading the JSON.
 */
export function newId(prefix = 'o'): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += b.toString(36).padStart(2, '0').slice(-2);
  return `${prefix}_${s}`;
}
