import { describe, expect, it } from 'vitest';
import { countBySeverity, problemsTabLabel, SEVERITY_ICON, SEVERITY_LABEL } from './summary';

const of = (...severities: ('error' | 'warning' | 'info')[]) => severities.map((severity) => ({ severity }));

describe('problems summary', () => {
  it('counts advice on its own, never as a warning', () => {
    expect(countBySeverity(of('info', 'warning', 'info', 'error'))).toEqual({ error: 1, warning: 1, info: 2 });
    expect(problemsTabLabel(of('info', 'info'))).toBe('Problems (0 errors, 0 warnings, 2 info)');
    expect(problemsTabLabel(of('error', 'warning', 'info'))).toBe('Problems (1 errors, 1 warnings, 1 info)');
  });

  it('keeps the label it had when there is no advice', () => {
    expect(problemsTabLabel([])).toBe('Problems');
    expect(problemsTabLabel(of('warning', 'warning', 'error'))).toBe('Problems (1 errors, 2 warnings)');
  });

  it('gives each severity its own label and glyph', () => {
    expect(new Set(Object.values(SEVERITY_LABEL)).size).toBe(3);
    expect(new Set(Object.values(SEVERITY_ICON)).size).toBe(3);
    expect(SEVERITY_LABEL.info).toBe('Info');
  });
});
