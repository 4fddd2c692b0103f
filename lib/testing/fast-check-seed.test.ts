import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CI_SEED, chooseSeed } from './fast-check-seed';

describe('fast-check seed', () => {
  it('FC_SEED wins over CI', () => {
    expect(chooseSeed({ FC_SEED: '42', CI: 'true' })).toBe(42);
    expect(chooseSeed({ FC_SEED: '-7' })).toBe(-7);
  });

  it('CI without FC_SEED uses the fixed CI seed', () => {
    expect(chooseSeed({ CI: 'true' })).toBe(CI_SEED);
  });

  it('elsewhere the seed changes between runs', () => {
    const seeds = new Set(Array.from({ length: 20 }, () => chooseSeed({})));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('refuses a seed that is not an integer, naming it', () => {
    expect(() => chooseSeed({ FC_SEED: 'abc' })).toThrow(/FC_SEED must be an integer, got "abc"/);
    expect(() => chooseSeed({ FC_SEED: '1.5' })).toThrow(/FC_SEED/);
  });

  it('the setup file installed the seed for this run', () => {
    const installed = fc.readConfigureGlobal().seed;
    expect(typeof installed).toBe('number');
    if (process.env.FC_SEED) expect(installed).toBe(Number(process.env.FC_SEED));
    else if (process.env.CI) expect(installed).toBe(CI_SEED);
  });
});
