#!/usr/bin/env node
/**
 * npm run test:soak: runs every property-based test file (those calling fc.assert) SOAK_ROUNDS times
 * (default 3), each round with a fresh random FC_SEED and CI unset, and stops at the first failure
 * with the seed that replays it. CI pins one seed (lib/testing/fast-check-seed.ts); this is where new
 * seeds get explored before that seed or the arbitraries change.
 */
import { execFileSync, spawnSync } from 'node:child_process';

const rounds = Number(process.env.SOAK_ROUNDS ?? 3);
const files = execFileSync('git', ['grep', '-l', 'fc.assert', '--', '*.test.ts'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
const env = { ...process.env };
delete env.CI;
for (let round = 1; round <= rounds; round++) {
  const seed = (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  console.log(`soak round ${round}/${rounds}: FC_SEED=${seed}, ${files.length} files`);
  const r = spawnSync('npx', ['vitest', 'run', ...files], { stdio: 'inherit', env: { ...env, FC_SEED: String(seed) } });
  if (r.status !== 0) {
    console.error(`soak failed in round ${round}; replay with: FC_SEED=${seed} npx vitest run <file>`);
    process.exit(1);
  }
}
console.log(`soak: ${rounds} rounds passed`);
