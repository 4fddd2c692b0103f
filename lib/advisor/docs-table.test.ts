/** docs/security.md's rule table lists exactly the registered rules, with their severity, title and whether they offer a fix. */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from './registry';

const root = join(__dirname, '../..');

it('the rule table in docs/security.md matches the registry', () => {
  const doc = readFileSync(join(root, 'docs/security.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| \[`([a-z0-9-]+)`\]\(\.\.\/lib\/advisor\/rules\/\1\/docs\.md\) \| (\w+) \| ([^|]+) \| (yes|) \|$/gm)]
    .map((m) => ({ id: m[1], severity: m[2], title: m[3]!.trim(), fix: m[4] === 'yes' }));
  const expected = [...RULES].sort((a, b) => a.id.localeCompare(b.id)).map((r) => {
    const docs = readFileSync(join(__dirname, 'rules', r.id, 'docs.md'), 'utf8');
    return { id: r.id, severity: r.severity, title: r.title, fix: /^\*\*Severity:\*\*[^\n]*\*\*Fix\b/m.test(docs) };
  });
  expect(rows).toEqual(expected);
});

it('the issue checklist in docs/security.md names only registered rules, and every rule somewhere', () => {
  const doc = readFileSync(join(root, 'docs/security.md'), 'utf8');
  const section = doc.slice(doc.indexOf('### Issue #6'), doc.indexOf('### How the rules are tested'));
  const named = new Set([...section.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)+)`/g)].map((m) => m[1]!));
  const ids = new Set(RULES.map((r) => r.id));
  expect([...named].filter((n) => !ids.has(n) && !n.endsWith('.sql'))).toEqual([]);
  expect(RULES.map((r) => r.id).filter((id) => !named.has(id))).toEqual([]);
});
