/**
 * TypeScript literal rendering for the emitter: every model string that lands in generated source goes
 * through one of these, so a hostile name or expression can never break out of its literal.
 */

/** Printable ASCII other than `"` and `\`: JSON.stringify would return it unchanged in quotes. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** tsString renders a string literal; JSON escaping is valid TypeScript (and escapes lone surrogates). */
export function tsString(value: string): string {
  return PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
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

/** tsNumeric renders a model decimal string as a number when exact, else as a string (Drizzle takes both). */
export function tsNumeric(value: string): string {
  const n = Number(value);
  return Number.isSafeInteger(n) ? String(n) : tsString(value);
}

/** tsComment renders text for a `//` comment on one line. */
export function tsComment(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/**
 * joinFile joins the blocks of a generated file with blank lines and ends it with a newline, in one
 * join: appending to a joined string of a large model would make it copy the whole file again.
 */
export function joinFile(blocks: string[]): string {
  if (blocks.length === 0) return '\n';
  blocks[blocks.length - 1] += '\n';
  return blocks.join('\n\n');
}
