import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { main } from './main';
import { COMMANDS } from './registry';
import { memoryIo } from './testing';

describe('pgcanvas CLI', () => {
  it('prints help and exits 2 without a command', async () => {
    const io = memoryIo();
    expect(await main([], io)).toBe(2);
    expect(io.out()).toContain('usage: pgcanvas <command>');
  });

  it('rejects an unknown command with exit 2 and names it', async () => {
    const io = memoryIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain("unknown command 'frobnicate'");
  });

  it('every command has a unique name, a summary and usage', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) {
      expect(c.summary.length).toBeGreaterThan(0);
      expect(c.usage).toContain(`pgcanvas ${c.name}`);
    }
  });

  it('runs through the npm bin entry point', () => {
    const r = spawnSync(process.execPath, ['bin/pgcanvas.mjs', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: pgcanvas');
  });
});
