/**
 * Enforces the module boundaries of docs/architecture.md by scanning import statements: the pure core
 * knows nothing of React, Next or I/O, lib/model imports nothing of ours, and components never reach
 * the I/O modules. A new file that breaks a boundary fails here with its path and the offending import.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const PURE = ['model', 'sql', 'compile', 'drizzle', 'import', 'diff', 'plan', 'advisor', 'security', 'bundle', 'editor'];
const IO_MODULES = ['lib/db', 'lib/introspect', 'lib/apply', 'lib/auth'];
const IO_PACKAGES = /^(react|react-dom|next|@xyflow\/react|pg|@electric-sql\/pglite.*|server-only|node:(fs|net|http|https|child_process|dgram|tls)|fs|net|http|https|child_process)(\/|$)/;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      out.push(...sourceFiles(path));
    } else if (/\.(ts|tsx)$/.test(entry) && !/\.test\.tsx?$/.test(entry)) {
      out.push(path);
    }
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs;
}

/** Resolves a specifier to a repo-relative path for our own modules, or returns the package name. */
function target(file: string, spec: string): { own?: string; pkg?: string } {
  if (spec.startsWith('@/')) return { own: spec.slice(2) };
  if (spec.startsWith('.')) return { own: relative(root, resolve(dirname(file), spec)) };
  return { pkg: spec };
}

describe('module boundaries', () => {
  for (const mod of PURE) {
    it(`lib/${mod} is pure: no React, Next, database drivers or I/O modules`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(join(root, 'lib', mod))) {
        for (const spec of importsOf(file)) {
          const t = target(file, spec);
          const rel = relative(root, file);
          if (t.pkg && IO_PACKAGES.test(t.pkg)) violations.push(`${rel} imports ${spec}`);
          if (t.own && IO_MODULES.some((m) => t.own === m || t.own!.startsWith(`${m}/`))) violations.push(`${rel} imports ${spec}`);
          if (mod === 'model' && t.own && !t.own.startsWith('lib/model')) violations.push(`${rel} imports ${spec} (lib/model imports nothing of ours)`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('components never import I/O modules or database drivers', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(join(root, 'components'))) {
      for (const spec of importsOf(file)) {
        const t = target(file, spec);
        const rel = relative(root, file);
        if (t.pkg && /^(pg|@electric-sql\/pglite|server-only|argon2|node:)/.test(t.pkg)) violations.push(`${rel} imports ${spec}`);
        if (t.own && IO_MODULES.some((m) => t.own === m || t.own!.startsWith(`${m}/`))) violations.push(`${rel} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the scanner sees imports (guards against a regex that matches nothing)', () => {
    const found = importsOf(join(root, 'lib/model/schema.ts'));
    expect(found).toContain('zod');
  });
});
