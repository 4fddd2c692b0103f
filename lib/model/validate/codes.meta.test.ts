import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from './finding';

const here = fileURLToPath(new URL('.', import.meta.url));
const tests = [
  ...readdirSync(here).filter((f) => f.endsWith('.test.ts') && f !== 'codes.meta.test.ts').map((f) => `${here}${f}`),
  fileURLToPath(new URL('../upgrade.test.ts', import.meta.url)),
].map((f) => readFileSync(f, 'utf8')).join('\n');
const docs = readFileSync(fileURLToPath(new URL('../../../docs/model-format.md', import.meta.url)), 'utf8');

describe('finding codes', () => {
  it.each(FINDING_CODES)('%s is exercised by a test and documented', (code) => {
    expect(tests.includes(`'${code}'`), `no test mentions '${code}'`).toBe(true);
    expect(docs.includes(`\`${code}\``), `docs/model-format.md does not document ${code}`).toBe(true);
  });
});
