/**
 * psql meta-commands (`\connect`, and `\restrict` / `\unrestrict`, which pg_dump writes since the 2025
 * security releases) are not SQL, so the parser rejects them. stripMetaCommands blanks each such line
 * (keeping every other byte where it was, so lines and columns of the rest stay true) when it starts
 * outside a string, quoted identifier, dollar quote or comment, as psql itself reads them.
 */
export interface MetaCommand {
  readonly line: number;
  readonly text: string;
}

export function stripMetaCommands(sql: string): { sql: string; commands: MetaCommand[] } {
  if (!sql.includes('\\')) return { sql, commands: [] };
  const commands: MetaCommand[] = [];
  let out = '';
  let i = 0;
  let line = 1;
  let atLineStart = true;
  const n = sql.length;
  while (i < n) {
    const ch = sql[i]!;
    if (atLineStart && ch === '\\') {
      let end = sql.indexOf('\n', i);
      if (end < 0) end = n;
      commands.push({ line, text: sql.slice(i, end) });
      out += ' '.repeat(end - i);
      i = end;
      continue;
    }
    if (ch === '\n') {
      out += ch; i++; line++; atLineStart = true;
      continue;
    }
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') atLineStart = false;
    // Skip over constructs inside which a backslash line is data, copying them as they are.
    let end = -1;
    if (ch === '-' && sql[i + 1] === '-') end = sql.indexOf('\n', i) < 0 ? n : sql.indexOf('\n', i);
    else if (ch === '/' && sql[i + 1] === '*') end = blockCommentEnd(sql, i);
    else if (ch === "'") end = quotedEnd(sql, i, "'", /[eE]/.test(sql[i - 1] ?? '') && !/[\w$]/.test(sql[i - 2] ?? ''));
    else if (ch === '"') end = quotedEnd(sql, i, '"', false);
    else if (ch === '$' && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const m = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 70));
      if (m) {
        const close = sql.indexOf(m[0], i + m[0].length);
        end = close < 0 ? n : close + m[0].length;
      }
    }
    if (end > i) {
      const chunk = sql.slice(i, end);
      for (const c of chunk) if (c === '\n') line++;
      out += chunk;
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return { sql: out, commands };
}

function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql[i] === '/' && sql[i + 1] === '*') { depth++; i += 2; continue; }
    if (sql[i] === '*' && sql[i + 1] === '/') { depth--; i += 2; if (depth === 0) return i; continue; }
    i++;
  }
  return sql.length;
}

function quotedEnd(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i]!;
    if (backslashEscapes && c === '\\') { i += 2; continue; }
    if (c === quote) {
      if (sql[i + 1] === quote) { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}
