'use client';
/** ProblemsPanel lists validation and advisor findings; choosing one selects and reveals its object. */
import { locateFinding } from '@/lib/editor/findings';
import { useEditor, useModel } from '../context';
import type { PreviewState } from '../previews/usePreviewWorker';
import { SEVERITY_ICON, SEVERITY_LABEL } from './summary';

export function ProblemsPanel({ state }: { state: PreviewState }) {
  const { session } = useEditor();
  const model = useModel();
  const { findings, available } = state;
  return (
    <section className="pgc-problems" aria-label="problems">
      {!available.validate && <p className="pgc-preview-msg">Validation is not available in this build yet.</p>}
      {state.findingsError && <p className="pgc-preview-msg" role="alert">Checks failed to run: {state.findingsError}</p>}
      {available.validate && findings.length === 0 && !state.findingsError && <p className="pgc-preview-msg" role="status">No problems found.</p>}
      <ul className="pgc-problem-list">
        {findings.map((f, i) => {
          const loc = locateFinding(model, f);
          return (
            <li key={`${f.code}:${f.path}:${i}`}>
              <button type="button" className={`pgc-problem is-${f.severity}`} disabled={!loc.tableId}
                onClick={() => loc.tableId && session.focusObject(loc.tableId, loc.columnId, loc.field)}>
                <span className="pgc-problem-icon" aria-hidden="true">{SEVERITY_ICON[f.severity]}</span>
                <span className="pgc-problem-sev">{SEVERITY_LABEL[f.severity]}</span>
                <span className="pgc-problem-msg">{f.message}</span>
                <span className="pgc-problem-path">{f.source === 'advisor' ? `advisor ${f.code}` : f.path}</span>
              </button>
              {f.fixTitle && f.findingId && state.requestFix && (
                <button type="button" className="pgc-btn" onClick={() => state.requestFix!(f.findingId!)}>Fix: {f.fixTitle}</button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
