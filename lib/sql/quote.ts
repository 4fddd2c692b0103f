/**
 * The one place identifiers and literals become SQL text. Every generator goes through these, so a
 * hostile name (quotes, spaces, Unicode, reserved words) can never change the statement's meaning.
 */

/** quoteIdent always double-quotes: exact case and reserved words survive, and output is predictable. */
export function quoteIdent(name: string): string {
  if (name.includes('\u0000')) throw new Error(`identifier contains a NUL byte: ${JSON.stringify(name)}`);
  return name.includes('"') ? `"${name.replaceAll('"', '""')}"` : `"${name}"`;
}

/** quoteQualified renders schema.name with both parts quoted. */
export function quoteQualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/**
 * quoteLiteral renders a string constant. Backslashes are doubled and the E'' form is used when
 * present, so the result means the same whatever standard_conforming_strings is.
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('string literal contains a NUL byte');
  const body = value.replaceAll("'", "''");
  return body.includes('\\') ? `E'${body.replaceAll('\\', '\\\\')}'` : `'${body}'`;
}

/** dollarQuote wraps a body (of a DO block or function) in a dollar quote whose tag the body does not contain. */
export function dollarQuote(body: string, tag = 'body'): string {
  let t = tag;
  for (let i = 1; body.includes(`$${t}$`); i++) t = `${tag}${i}`;
  return `$${t}$\n${body}\n$${t}$`;
}
