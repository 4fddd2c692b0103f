/**
 * User SQL expressions go into the statement only inside parentheses. Validation has parsed each one
 * as exactly one expression (`SELECT (<expr>\n)`); the closing parenthesis goes on a new line when the
 * text could end in a `--` comment, mirroring that check, so a comment can never swallow it.
 */
export function parenthesize(expr: string): string {
  return expr.includes('--') ? `(${expr}\n)` : `(${expr})`;
}

/**
 * endLineComment ends verbatim SQL (a custom type, a partition bound) with a line break when it could
 * end in a `--` comment, so the text that follows it in the statement is never commented out.
 */
export function endLineComment(sql: string): string {
  return sql.includes('--') ? `${sql}\n` : sql;
}
