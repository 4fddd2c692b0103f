/**
 * SourceText maps the parser's byte offsets (libpg_query counts UTF-8 bytes) to the statement's exact
 * text and its line, and character offsets (parse errors) to line and column.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class SourceText {
  private readonly bytes: Uint8Array;
  private readonly lineStarts: number[] = [0];

  constructor(readonly sql: string) {
    this.bytes = encoder.encode(sql);
    for (let i = 0; i < this.bytes.length; i++) if (this.bytes[i] === 0x0a) this.lineStarts.push(i + 1);
  }

  /** statement returns the text of a statement (without the leading comments and blank lines) and its first line. */
  statement(location: number, length: number | undefined): { text: string; line: number } {
    const end = length === undefined ? this.bytes.length : location + length;
    let start = location;
    // Skip whitespace and comments before the first token, so the line is the statement's own.
    for (;;) {
      while (start < end && (this.bytes[start] === 0x20 || this.bytes[start] === 0x09 || this.bytes[start] === 0x0a || this.bytes[start] === 0x0d)) start++;
      if (this.bytes[start] === 0x2d && this.bytes[start + 1] === 0x2d) {
        while (start < end && this.bytes[start] !== 0x0a) start++;
        continue;
      }
      if (this.bytes[start] === 0x2f && this.bytes[start + 1] === 0x2a) {
        let depth = 1;
        start += 2;
        while (start < end && depth > 0) {
          if (this.bytes[start] === 0x2a && this.bytes[start + 1] === 0x2f) { depth--; start += 2; }
          else if (this.bytes[start] === 0x2f && this.bytes[start + 1] === 0x2a) { depth++; start += 2; }
          else start++;
        }
        continue;
      }
      break;
    }
    return { text: decoder.decode(this.bytes.subarray(start, end)).trim(), line: this.lineOfByte(start) };
  }

  lineOfByte(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** lineColumnOfChar converts a 0-based character offset into a 1-based line and column. */
  lineColumnOfChar(offset: number): { line: number; column: number } {
    const before = this.sql.slice(0, Math.max(0, offset));
    const lines = before.split('\n');
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  }
}
