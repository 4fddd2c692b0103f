'use client';
/** SaveStatusView shows the autosave state and, on a conflict, the choices (never a silent loss). */
import type { Model } from '@/lib/model';
import type { SaveStatus } from './useAutosave';

interface Props {
  status: SaveStatus;
  currentModel: () => Model;
  onReload: (remote: { version: number; model: Model }) => void;
  onOverwrite: (remoteVersion: number) => void;
  onRetry: () => void;
}

function download(model: Model) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(model, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'my-unsaved-model.json' });
  a.click();
  URL.revokeObjectURL(url);
}

export function SaveStatusView({ status, currentModel, onReload, onOverwrite, onRetry }: Props) {
  switch (status.kind) {
    case 'saved': return <span className="pgc-save is-saved" role="status" data-testid="save-status">Saved</span>;
    case 'pending': return <span className="pgc-save" role="status" data-testid="save-status">Unsaved changes…</span>;
    case 'saving': return <span className="pgc-save" role="status" data-testid="save-status">Saving…</span>;
    case 'read-only': return <span className="pgc-save" role="status" data-testid="save-status">Read-only (viewer)</span>;
    case 'invalid': return <span className="pgc-save is-bad" role="alert" data-testid="save-status">Not saved: {status.message}</span>;
    case 'offline': return (
      <span className="pgc-save is-bad" role="alert" data-testid="save-status">
        {status.serverStatus ? `Not saved: the server failed (HTTP ${status.serverStatus}), retrying` : 'Offline: not saved, retrying'} in {Math.round(status.retryInMs / 1000)} s <button type="button" className="pgc-btn" onClick={onRetry}>Retry now</button>
      </span>
    );
    case 'conflict': return (
      <div className="pgc-conflict" role="alertdialog" aria-label="save conflict" data-testid="save-status">
        <strong>Someone else saved this project (version {status.remoteVersion}) after you opened it.</strong> Your latest edits are not saved yet.
        <button type="button" className="pgc-btn" onClick={() => download(currentModel())}>Download my version</button>
        <button type="button" className="pgc-btn" onClick={() => { if (window.confirm('Discard your unsaved edits and load the other version?')) onReload({ version: status.remoteVersion, model: status.remoteModel }); }}>Load their version</button>
        <button type="button" className="pgc-btn pgc-btn-danger" onClick={() => { if (window.confirm('Overwrite the other person\'s save with your version?')) onOverwrite(status.remoteVersion); }}>Overwrite with mine</button>
      </div>
    );
  }
}
