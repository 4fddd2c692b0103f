/**
 * A small PostgreSQL lexer for the read-only SQL preview. The preview of a 1,000-table model is ~600 KB;
 * a full parser (CodeMirror's Lezer grammar) has to parse everything up to the part on screen, on the
 * main thread, and re-parses after each edit. This lexer instead starts at a *restart point* (a
 * position just after a `;` that is not inside a string, comment, quoted name or dollar quote, where
 * its state is the initial one) and colours only the lines on screen.
 *
 * Restart points are kept up to date per edit by `updateRestartPointsAll`: it re-lexes from the last point
 * before each change until it meets an old point again, so an edit costs about one statement of work.
 */

export type SqlTokenKind = 'keyword' | 'type' | 'atom' | 'string' | 'quoted' | 'number' | 'comment' | 'operator' | 'name' | 'punct';

export interface SqlWords {
  readonly keywords: ReadonlySet<string>;
  readonly types: ReadonlySet<string>;
}

/** sqlWords builds the word sets from space-separated lists (e.g. a CodeMirror SQL dialect's spec). */
export function sqlWords(keywords: string, types: string): SqlWords {
  const split = (s: string) => new Set(s.toLowerCase().split(/\s+/).filter(Boolean));
  return { keywords: split(keywords), types: split(types) };
}

const ATOMS = new Set(['true', 'false', 'null', 'unknown']);
const OPERATOR_CHARS = '+-*/<>=~!@#%^&|`?';

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c) || c === 36;

/**
 * Ends of the multi-character tokens, each starting at `i` (the opening character) and returning the
 * position after the token (the end of the text if it is not closed).
 */
function endOfQuoted(text: string, i: number, quote: number, backslash: boolean): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (backslash && c === 92) { j += 2; continue; }
    if (c === quote) {
      if (text.charCodeAt(j + 1) === quote) { j += 2; continue; }
      return j + 1;
    }
    j++;
  }
  return n;
}

function endOfBlockComment(text: string, i: number): number {
  const n = text.length;
  let depth = 1;
  let j = i + 2;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 47 && text.charCodeAt(j + 1) === 42) { depth++; j += 2; continue; }
    if (c === 42 && text.charCodeAt(j + 1) === 47) { j += 2; if (--depth === 0) return j; continue; }
    j++;
  }
  return n;
}

/** The dollar-quote opener at i (`$$` or `$tag$`), or undefined when `$` starts something else. */
function dollarTag(text: string, i: number): string | undefined {
  let j = i + 1;
  const n = text.length;
  if (j < n && (isIdentStart(text.charCodeAt(j)) && text.charCodeAt(j) !== 36)) {
    j++;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 36 || !(isIdentStart(c) || isDigit(c))) break;
      j++;
    }
  }
  return text.charCodeAt(j) === 36 ? text.slice(i, j + 1) : undefined;
}

/**
 * lexSql walks the tokens of `text` from `from` (which must be a restart point or 0) and stops at the
 * first token that ends at or after `to`. `onToken` gets each token (whitespace is skipped); `onRestart`
 * gets each restart point after `from` (the position after a top-level `;`).
 */
export function lexSql(
  text: string, from: number, to: number, words: SqlWords | undefined,
  onToken?: (kind: SqlTokenKind, start: number, end: number) => void,
  onRestart?: (pos: number) => boolean | void,
): void {
  const n = text.length;
  let i = from;
  while (i < n && i < to) {
    const c = text.charCodeAt(i);
    const start = i;
    let kind: SqlTokenKind;
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12) { i++; continue; }
    if (c === 45 && text.charCodeAt(i + 1) === 45) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol;
      kind = 'comment';
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      i = endOfBlockComment(text, i);
      kind = 'comment';
    } else if (c === 39) {
      i = endOfQuoted(text, i, 39, false);
      kind = 'string';
    } else if (c === 34) {
      i = endOfQuoted(text, i, 34, false);
      kind = 'quoted';
    } else if (c === 36) {
      const tag = dollarTag(text, i);
      if (tag) {
        const close = text.indexOf(tag, i + tag.length);
        i = close < 0 ? n : close + tag.length;
        kind = 'string';
      } else {
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        kind = 'name';
      }
    } else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 46 && text.charCodeAt(i + 1) !== 46) { i++; while (i < n && isDigit(text.charCodeAt(i))) i++; }
      const e = text.charCodeAt(i);
      if (e === 101 || e === 69) {
        let j = i + 1;
        if (text.charCodeAt(j) === 43 || text.charCodeAt(j) === 45) j++;
        if (isDigit(text.charCodeAt(j))) { i = j; while (i < n && isDigit(text.charCodeAt(i))) i++; }
      }
      kind = 'number';
    } else if (isIdentStart(c)) {
      i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      const next = text.charCodeAt(i);
      const len = i - start;
      if (next === 39 && len === 1 && (c === 69 || c === 101)) {
        // E'...': backslash escapes
        i = endOfQuoted(text, i, 39, true);
        kind = 'string';
      } else if (next === 39 && len === 1 && (c === 66 || c === 98 || c === 88 || c === 120 || c === 78 || c === 110)) {
        i = endOfQuoted(text, i, 39, false);
        kind = 'string';
      } else {
        const word = text.slice(start, i).toLowerCase();
        kind = ATOMS.has(word) ? 'atom' : words?.keywords.has(word) ? 'keyword' : words?.types.has(word) ? 'type' : 'name';
      }
    } else if (OPERATOR_CHARS.includes(text[i]!)) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (!OPERATOR_CHARS.includes(text[i]!)) break;
        // a comment opener ends the operator
        if ((d === 45 && text.charCodeAt(i + 1) === 45) || (d === 47 && text.charCodeAt(i + 1) === 42)) break;
        i++;
      }
      kind = 'operator';
    } else {
      i++;
      kind = 'punct';
      if (c === 59) {
        onToken?.(kind, start, i);
        if (onRestart && onRestart(i) === false) return;
        continue;
      }
    }
    onToken?.(kind, start, i);
  }
}

/** restartPoints lists every restart point of `text` (0 and the position after each top-level `;`). */
export function restartPoints(text: string): number[] {
  const out = [0];
  lexSql(text, 0, text.length, undefined, undefined, (p) => { out.push(p); });
  return out;
}

/** The index of the last point <= pos (points sorted, points[0] === 0). */
export function lastPointAtOrBefore(points: ArrayLike<number>, pos: number): number {
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (points[mid]! <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
}

export interface TextChange {
  /** Replaced range in the old text. */
  readonly from: number;
  readonly to: number;
  /** Length of the inserted text. */
  readonly insertLength: number;
}

/**
 * updateRestartPoints gives `restartPoints(newText)` from the old text's points and the one change
 * that turned the old text into `newText` (see `updateRestartPointsAll`).
 */
export function updateRestartPoints(old: ArrayLike<number>, change: TextChange, newText: string): number[] {
  return updateRestartPointsAll(old, [change], newText);
}

/**
 * updateRestartPointsAll gives `restartPoints(newText)` from the old text's points and the changes
 * (sorted, non-overlapping, positions in the old text) that turned it into `newText`. Per change it
 * re-lexes `newText` only from the last point before the change until a new point coincides with an
 * old (shifted) one after it; old points in between are shifted, not re-lexed. A lex that runs past the
 * next change simply goes on through it, so nothing is lexed twice and no intermediate text is built.
 */
export function updateRestartPointsAll(old: ArrayLike<number>, changes: readonly TextChange[], newText: string): number[] {
  const delta = (c: TextChange) => c.insertLength - (c.to - c.from);
  const out: number[] = [];
  let oldIdx = 0;
  /** The length change of the changes before changes[k]. */
  let shift = 0;
  let k = 0;
  while (k < changes.length) {
    // A point at `from` keeps its `;` (before the change) and the text before it.
    while (oldIdx < old.length && old[oldIdx]! <= changes[k]!.from) out.push(old[oldIdx++]! + shift);
    // j: the change the lex has reached; after: the length change up to and including it. In the new
    // text change j starts at changes[j].from + after - delta and ends at changes[j].to + after.
    let j = k;
    let after = shift + delta(changes[j]!);
    let synced = false;
    lexSql(newText, out[out.length - 1]!, newText.length, undefined, undefined, (p) => {
      while (j + 1 < changes.length && p > changes[j + 1]!.from + after) after += delta(changes[++j]!);
      if (p > changes[j]!.to + after) {
        // Old points after change j, shifted, up to p: does one coincide with p?
        while (oldIdx < old.length && old[oldIdx]! + after < p) oldIdx++;
        if (oldIdx < old.length && old[oldIdx]! >= changes[j]!.to && old[oldIdx]! + after === p) { synced = true; return false; }
      }
      out.push(p);
    });
    if (!synced) return out;
    k = j + 1;
    shift = after;
  }
  while (oldIdx < old.length) out.push(old[oldIdx++]! + shift);
  return out;
}
