/**
 * UTF-8 byte arithmetic for names: PostgreSQL limits identifiers to 63 bytes, not characters, and cuts
 * never split a character. Shared by validation, the importer's PostgreSQL-style names, the editor's
 * generated names and the security generators. ASCII names (the common case) skip the encoder.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const ASCII = /^[\x00-\x7f]*$/;

/** utf8ByteLength is the length PostgreSQL counts against NAMEDATALEN. */
export function utf8ByteLength(s: string): number {
  return ASCII.test(s) ? s.length : encoder.encode(s).length;
}

/** truncateUtf8 cuts `s` to at most `max` bytes without splitting a character (pg_mbcliplen). */
export function truncateUtf8(s: string, max: number): string {
  if (max <= 0) return '';
  if (ASCII.test(s)) return s.length <= max ? s : s.slice(0, max);
  const bytes = encoder.encode(s);
  if (bytes.length <= max) return s;
  let end = max;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return decoder.decode(bytes.subarray(0, end));
}

/** shortHash is a stable 6-hex-digit FNV-1a hash of the UTF-8 bytes: enough to keep two cut names apart. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (const b of encoder.encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0').slice(0, 6);
}
