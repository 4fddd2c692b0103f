/**
 * TypeScript literal rendering for the emitter: every model string that lands in generated source goes
 * through one of these, so a hostile name or expression can never break out of its literal.
 */
import type { TextBuilder } from '@/lib/sql/text';

/** plain: printable ASCII other than `"` and `\`, which JSON.stringify would return unchanged in quotes. */
export function plain(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code > 0x7e || code === 0x22 || code === 0x5c) return false;
  }
  return true;
}

/** tsString renders a string literal; JSON escaping is valid TypeScript (and escapes lone surrogates). */
export function tsString(value: string): string {
  return plain(value) ? `"${value}"` : JSON.stringify(value);
}

/** addString writes tsString(value) into a builder, without building the literal when it is plain. */
export function addString(out: TextBuilder, value: string): TextBuilder {
  return plain(value) ? out.add('"').add(value).add('"') : out.add(JSON.stringify(value));
}

const NEEDS_ESCAPE = /[\\`\r]|\$\{/;

/**
 * sqlTemplate renders user SQL as a Drizzle `sql` tagged template. The tag reads the cooked strings, so
 * escaping `\`, backticks and `${` yields the original text; CR is escaped because template literals
 * normalise raw line breaks to LF.
 */
export function sqlTemplate(sqlText: string): string {
  if (!NEEDS_ESCAPE.test(sqlText)) return `sql\`${sqlText}\``;
  const body = sqlText
    .replaceAll('\\', '\\\\')
    .replaceAll('`', '\\`')
    .replaceAll('${', '\\${')
    .replaceAll('\r', '\\r');
  return `sql\`${body}\``;
}

/** addSqlTemplate writes sqlTemplate(sqlText) into a builder. */
export function addSqlTemplate(out: TextBuilder, sqlText: string): TextBuilder {
  return NEEDS_ESCAPE.test(sqlText) ? out.add(sqlTemplate(sqlText)) : out.add('sql`').add(sqlText).add('`');
}

/** tsNumeric renders a model decimal string as a number when exact, else as a string (Drizzle takes both). */
export function tsNumeric(value: string): string {
  const n = Number(value);
  return Number.isSafeInteger(n) ? String(n) : tsString(value);
}

/** tsComment renders text for a `//` comment on one line. */
export function tsComment(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

export { CHUNK } from '@/lib/sql/text';

/**
 * joinFile joins the blocks of a generated file with blank lines and ends it with a newline, in one
 * join: appending to a joined string of a large model would make it copy the whole file again.
 */
export function joinFile(blocks: string[]): string {
  if (blocks.length === 0) return '\n';
  blocks[blocks.length - 1] += '\n';
  return blocks.join('\n\n');
}
