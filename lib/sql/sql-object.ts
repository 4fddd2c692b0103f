/** Verbatim SQL objects (views, functions, triggers, ...) the model does not represent. */
import type { SqlObject } from '@/lib/model';

/**
 * sqlObjectBody is the object's SQL as one script without its final semicolon (the compiler adds one).
 * A trailing line comment gets a newline so the added semicolon is not commented out.
 */
export function sqlObjectBody(object: SqlObject): string {
  let body = object.sql.trim();
  while (body.endsWith(';')) body = body.slice(0, -1).trimEnd();
  const lastLine = body.slice(body.lastIndexOf('\n') + 1);
  return lastLine.includes('--') ? `${body}\n` : body;
}
