/**
 * Name helpers for generated objects: PostgreSQL truncates identifiers at 63 bytes, so generated names
 * are fitted (with a short hash when cut) and made unique against the names already taken.
 */

import { shortHash, utf8ByteLength as byteLength, truncateUtf8 as truncateBytes } from '@/lib/model/bytes';
import { MAX_NAME_BYTES as MAX_IDENT_BYTES } from '@/lib/model/validate/names';

/** fitName joins parts with `_`; when that exceeds 63 bytes the first part is cut and a hash appended. */
export function fitName(...parts: string[]): string {
  const full = parts.join('_');
  if (byteLength(full) <= MAX_IDENT_BYTES) return full;
  const tail = `_${parts.slice(1).join('_')}_${shortHash(full)}`;
  const room = MAX_IDENT_BYTES - byteLength(tail);
  if (room >= 8) return truncateBytes(parts[0]!, room) + tail;
  return truncateBytes(full, MAX_IDENT_BYTES - 7) + `_${shortHash(full)}`;
}

/** uniqueName returns `name`, or `name_2`, `name_3`, ... fitted, the first not in `taken`; and records it. */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = fitName(name);
  for (let i = 2; taken.has(candidate); i++) candidate = fitName(name, String(i));
  taken.add(candidate);
  return candidate;
}

export { dollarQuote } from '@/lib/sql/quote';

/** arrayLiteral renders a text[] constant body (`{"a","b"}`) to be passed through quoteLiteral. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/** commentText makes user text safe inside a `--` comment: a newline there would end the comment and start SQL. */
export function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}
