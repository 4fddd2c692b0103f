/**
 * normaliseDrizzleGaps applies to OUR catalog exactly the documented gaps of the Drizzle export
 * (docs/drizzle-export.md) that extras.sql cannot close, so the oracle compares everything else:
 * partitioning (Drizzle cannot declare it, drizzle-kit creates the parent as a plain table and no
 * partitions), and the one-byte `"char"` type, which the export writes as `char(1)`.
 */
import type { CatalogFingerprint } from '@/lib/testing';

/** charAsBpchar rewrites what PostgreSQL prints for `"char"` into what it prints for `char(1)`. */
function charAsBpchar<T>(value: T): T {
  if (typeof value === 'string') {
    const s = value.replace(/^"char"(\[\])?$/, 'character(1)$1').replaceAll('::"char"', '::bpchar');
    return s as T;
  }
  if (Array.isArray(value)) return value.map(charAsBpchar) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, charAsBpchar(v)])) as T;
  }
  return value;
}

export function normaliseDrizzleGaps(original: CatalogFingerprint): CatalogFingerprint {
  const fp = charAsBpchar(original);
  const tables: CatalogFingerprint['tables'] = {};
  for (const [name, table] of Object.entries(fp.tables)) {
    if (table.partition_of) continue;
    if (table.kind !== 'p') {
      tables[name] = table;
      continue;
    }
    const indexes = Object.fromEntries(
      Object.entries(table.indexes as Record<string, { definition: string }>).map(([n, i]) => [n, { ...i, definition: i.definition.replace(' ON ONLY ', ' ON ') }]),
    );
    tables[name] = { ...table, kind: 'r', partition_key: null, indexes };
  }
  return { ...fp, tables };
}
