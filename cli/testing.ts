/**
 * memoryIo is a CliIo for tests: captures stdout/stderr and serves files from a map (falling back
 * to the real file system for reads, so tests can use examples/ and fixtures directly).
 */
import { readFile } from 'node:fs/promises';
import type { CliIo } from './command';

export interface MemoryIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
  readonly files: Map<string, string>;
}

export function memoryIo(files: Record<string, string> = {}, env: Record<string, string> = {}): MemoryIo {
  let out = '';
  let err = '';
  const map = new Map(Object.entries(files));
  return {
    stdout: (t) => { out += t; },
    stderr: (t) => { err += t; },
    readFile: async (p) => map.get(p) ?? readFile(p, 'utf8'),
    writeFile: async (p, c) => { map.set(p, c); },
    mkdir: async () => {},
    env,
    out: () => out,
    err: () => err,
    files: map,
  };
}
