/**
 * Names and random choices for the model arbitraries: a small random helper over `fc.gen()`, and
 * name allocators that hand out unique, hostile but legal PostgreSQL names (quotes, spaces, Unicode,
 * reserved words, exactly 63 bytes) per namespace.
 */
import fc from 'fast-check';

/** Rand wraps fast-check's `gen()` so the builders read as plain code and still shrink. */
export class Rand {
  constructor(private readonly g: fc.GeneratorValue) {}

  int(min: number, max: number): number {
    return max <= min ? min : this.g(fc.integer, { min, max });
  }

  /** chance is true with the given probability in percent. */
  chance(percent: number): boolean {
    return percent > 0 && this.int(0, 99) < percent;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rand.pick on an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** some picks between min and max distinct items, keeping their original order. */
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const count = this.int(Math.min(min, items.length), Math.min(max, items.length));
    const pool = items.map((item, i) => ({ item, i }));
    const chosen: { item: T; i: number }[] = [];
    for (let n = 0; n < count; n++) chosen.push(...pool.splice(this.int(0, pool.length - 1), 1));
    return chosen.sort((a, b) => a.i - b.i).map((c) => c.item);
  }
}

const encoder = new TextEncoder();

export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** Names that PostgreSQL accepts only when quoted, or that are long enough to hit NAMEDATALEN. */
export const HOSTILE_NAMES: readonly string[] = [
  'user', 'select', 'table', 'order', 'group', 'check', 'from', 'where', 'default', 'primary', 'references',
  'column', 'constraint', 'limit', 'end', 'all', 'analyse', 'offset', 'window', 'both',
  'a"b', '"quoted"', "it's", 'my table', 'Mixed Case', 'UPPER', 'CamelCase', 'a.b', '$dollar', 'semi;colon',
  'back\\slash', '-- not a comment', '/* x */', 'tab\there', 'percent%', 'café', 'Übergröße', '数据表', 'ñandú',
  '🐘 elephant', 'Ωμέγα', 'naïve résumé',
  'x'.repeat(63), `${'é'.repeat(31)}x`, '数'.repeat(21), `${'🐘'.repeat(15)}abc`,
];

/** Column names PostgreSQL reserves for system columns; a user column may not use them. */
export const SYSTEM_COLUMN_NAMES: ReadonlySet<string> = new Set(['tableoid', 'xmin', 'cmin', 'xmax', 'cmax', 'ctid']);

/**
 * NamePool hands out names unique within one namespace. Implicit names PostgreSQL makes (identity
 * sequences `<t>_<c>_seq`, PG 18 not-null constraints `<t>_<c>_not_null`) end in suffixes this pool
 * never produces, so they can not collide with a later explicit object.
 */
export class NamePool {
  private readonly used = new Set<string>();
  private counter = 0;

  constructor(private readonly hostile: boolean) {}

  reserve(name: string): void {
    this.used.add(name);
  }

  has(name: string): boolean {
    return this.used.has(name);
  }

  /** take returns a fresh name; `prefix` makes plain names readable (`t_3`, `c_7`). */
  take(r: Rand, prefix: string): string {
    const base = this.hostile && r.chance(35) ? r.pick(HOSTILE_NAMES) : `${prefix}_${++this.counter}`;
    return this.unique(base);
  }

  /** unique makes `base` unique by a numeric suffix, cutting whole characters to stay within 63 bytes. */
  unique(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name) || SYSTEM_COLUMN_NAMES.has(name); n++) {
      const suffix = `_${n}`;
      const chars = Array.from(base);
      while (byteLength(chars.join('') + suffix) > 63) chars.pop();
      name = chars.join('') + suffix;
    }
    this.used.add(name);
    return name;
  }
}

/** Comment texts that stress literal quoting. Never empty: `COMMENT ... IS ''` removes a comment. */
export const COMMENTS: readonly string[] = [
  'Plain comment.', "It's quoted", 'Line one\nline two', 'Ünïcödé 🐘', "-- not SQL'); DROP TABLE x; --",
  'back\\slash and $$dollars$$', '   spaced   ',
];

/** Enum labels: unique per enum, 1-63 bytes. */
export const ENUM_LABELS: readonly string[] = [
  'draft', 'active', 'archived', 'pending', 'paid', "it's", 'with space', 'Ünïcödé', '🐘', 'UPPER', 'a,b', '{brace}', 'x'.repeat(63),
];
