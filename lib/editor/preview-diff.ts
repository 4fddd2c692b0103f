/**
 * textChanges: the changes that turn one preview text into the next, as a few small replacements
 * rather than one. Renaming a column that a foreign key uses changes its CREATE TABLE and, 300 KB
 * later, the ALTER TABLE ... FOREIGN KEY: one common prefix/suffix change would span (and re-send,
 * re-lex and re-lay out) everything in between. Lines between the first and last difference are
 * matched greedily (a difference ends where a few lines agree again); when that finds nothing close
 * by, the rest stays one change. The result, applied to `a`, gives `b` exactly (property-tested).
 */
export interface Change { readonly from: number; readonly to: number; readonly insert: string }

/** Below this many characters a change is sent as it is. */
const SMALL = 2048;
/** Lines that must agree again to end a difference, and how far (in lines) to look for them. */
const SYNC = 3;
const REACH = 400;

/** minimalChange: the smallest single replacement (common prefix and suffix kept) turning a into b. */
export function minimalChange(a: string, b: string): { from: number; to: number; insert: string } | undefined {
  if (a === b) return undefined;
  const max = Math.min(a.length, b.length);
  // Whole chunks first (substring equality is a memory compare), then characters inside the first
  // differing chunk: a 600 KB text is compared in well under a millisecond.
  const CHUNK = 2048;
  let start = 0;
  while (start + CHUNK <= max && a.slice(start, start + CHUNK) === b.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA - CHUNK >= start && endB - CHUNK >= start && a.slice(endA - CHUNK, endA) === b.slice(endB - CHUNK, endB)) { endA -= CHUNK; endB -= CHUNK; }
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) { endA--; endB--; }
  return { from: start, to: endA, insert: b.slice(start, endB) };
}

/** applyChanges applies sorted, non-overlapping changes (positions in `base`) in one pass. */
export function applyChanges(base: string, changes: readonly Change[]): string {
  let out = '';
  let pos = 0;
  for (const c of changes) { out += base.slice(pos, c.from) + c.insert; pos = c.to; }
  return out + base.slice(pos);
}

export function textChanges(a: string, b: string): Change[] {
  const whole = minimalChange(a, b);
  if (!whole) return [];
  if (whole.to - whole.from <= SMALL && whole.insert.length <= SMALL) return [whole];
  // Whole lines (each with its \n) between the line start before the first difference and the line end
  // after the last one; the texts share what is before and after.
  const start = a.lastIndexOf('\n', whole.from - 1) + 1;
  const tail = a.length - whole.to;
  const endA = lineEnd(a, whole.to);
  const endB = lineEnd(b, b.length - tail);
  if (a.length - endA !== b.length - endB) return [whole];
  const A = lines(a, start, endA);
  const B = lines(b, start, endB);
  const out: Change[] = [];
  let i = 0;
  let j = 0;
  let posA = start;
  let posB = start;
  while (i < A.length || j < B.length) {
    while (i < A.length && j < B.length && A[i] === B[j]) { posA += A[i++]!.length; posB += B[j++]!.length; }
    if (i >= A.length && j >= B.length) break;
    const [ni, nj] = findSync(A, B, i, j) ?? [A.length, B.length];
    let toA = posA;
    while (i < ni) toA += A[i++]!.length;
    let toB = posB;
    while (j < nj) toB += B[j++]!.length;
    out.push(trim(a, { from: posA, to: toA, insert: b.slice(posB, toB) }));
    posA = toA;
    posB = toB;
  }
  const changes = out.filter((c) => c.from !== c.to || c.insert !== '');
  // Equal lines were compared and the rest copied from b, so the changes give b by construction (the
  // tests check it); a length mismatch would mean a bug: then send the one change.
  const length = changes.reduce((n, c) => n + c.insert.length - (c.to - c.from), a.length);
  return length === b.length ? changes : [whole];
}

/** The lines of s[from, end] each with its line break (end is a \n position or s.length). */
function lines(s: string, from: number, end: number): string[] {
  const out: string[] = [];
  let pos = from;
  const stop = Math.min(end + 1, s.length);
  while (pos < stop) {
    const nl = s.indexOf('\n', pos);
    const next = nl < 0 || nl >= stop ? stop : nl + 1;
    out.push(s.slice(pos, next));
    pos = next;
  }
  return out;
}

function lineEnd(s: string, pos: number): number {
  const n = s.indexOf('\n', pos);
  return n < 0 ? s.length : n;
}

/** The nearest (i', j') with SYNC equal lines (or the end of both), searching by total distance. */
function findSync(A: readonly string[], B: readonly string[], i: number, j: number): [number, number] | undefined {
  for (let d = 1; d <= REACH; d++) {
    for (let di = 0; di <= d; di++) {
      const x = i + di;
      const y = j + d - di;
      if (x > A.length || y > B.length) continue;
      if (x === A.length && y === B.length) return [x, y];
      let k = 0;
      while (k < SYNC && x + k < A.length && y + k < B.length && A[x + k] === B[y + k]) k++;
      if (k === SYNC || (k > 0 && x + k === A.length && y + k === B.length)) return [x, y];
    }
  }
  return undefined;
}

/** Narrows a line-wise change to its differing characters. */
function trim(a: string, c: Change): Change {
  const m = minimalChange(a.slice(c.from, c.to), c.insert);
  return m ? { from: c.from + m.from, to: c.from + m.to, insert: m.insert } : { from: c.from, to: c.from, insert: '' };
}
