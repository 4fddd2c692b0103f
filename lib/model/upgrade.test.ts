import { describe, expect, it } from 'vitest';
import { upgradeModel } from './upgrade';
import { FORMAT_VERSION } from './schema';

describe('upgradeModel', () => {
  it('accepts the current format unchanged', () => {
    const json = { format: FORMAT_VERSION, schemas: [], tables: [] };
    expect(upgradeModel(json)).toEqual({ ok: true, json, from: 1 });
  });

  it.each([
    [{ schemas: [] }, 'format-missing', /"format" is missing/],
    [{ format: 2 }, 'format-too-new', /newer pgcanvas/],
    [{ format: 0 }, 'format-unknown', /unknown format 0/],
    [{ format: '1' }, 'format-unknown', /unknown format "1"/],
    [[1, 2], 'shape', /not an array/],
    [null, 'shape', /not null/],
  ])('rejects %j with %s', (json, code, message) => {
    const result = upgradeModel(json);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.findings[0]!.code).toBe(code);
      expect(result.findings[0]!.message).toMatch(message);
    }
  });
});
