'use client';
/** Row-level security: enable / force, and the table's policies. */
import type { Policy, PolicyCommand, Table } from '@/lib/model';
import { useEditor } from '../context';
import { CheckField, IconButton, SelectField, Section, TextField } from './fields';

const COMMANDS: PolicyCommand[] = ['all', 'select', 'insert', 'update', 'delete'];

export function PoliciesSection({ table }: { table: Table }) {
  const { dispatch } = useEditor();
  const list = table.policies ?? [];
  const update = (p: Policy, patch: Partial<Policy>, gesture?: string) => dispatch({ type: 'updatePart', tableId: table.id, kind: 'policies', id: p.id, patch }, gesture ? { gesture } : {});
  const rls = table.rls ?? { enabled: false };
  return (
    <Section title={`Row-level security (${list.length} policies)`} actions={<button type="button" className="pgc-btn"
      onClick={() => dispatch({ type: 'addPart', tableId: table.id, kind: 'policies', part: { using: 'true' } })}>Add policy</button>}>
      <div className="pgc-row-fields">
        <CheckField label="enable RLS" checked={rls.enabled} onChange={(enabled) => dispatch({ type: 'updateTable', tableId: table.id, patch: { rls: enabled || rls.forced ? { ...rls, enabled } : undefined } })} />
        <CheckField label="force RLS (owner too)" checked={Boolean(rls.forced)} onChange={(forced) => dispatch({ type: 'updateTable', tableId: table.id, patch: { rls: { ...rls, forced: forced || undefined } } })} />
      </div>
      {list.map((p) => (
        <div key={p.id} className="pgc-part" aria-label={`policy ${p.name}`}>
          <TextField label="Name" value={p.name} objectId={p.id} field="name" onChange={(name, g) => update(p, { name }, g)} />
          <div className="pgc-row-fields">
            <SelectField label="Command" value={p.command ?? 'all'} options={COMMANDS.map((c) => ({ value: c, label: c.toUpperCase() }))} onChange={(c) => update(p, { command: c === 'all' ? undefined : c })} />
            <CheckField label="restrictive" checked={p.permissive === false} onChange={(v) => update(p, { permissive: v ? false : undefined })} />
          </div>
          <TextField label="Roles (comma separated; empty = PUBLIC)" value={(p.roles ?? []).join(', ')} objectId={p.id} field="roles"
            onChange={(v, g) => update(p, { roles: v.trim() ? v.split(',').map((r) => r.trim()).filter(Boolean) : undefined }, g)} />
          <TextField label="USING" value={p.using ?? ''} objectId={p.id} field="using" mono onChange={(v, g) => update(p, { using: v || undefined }, g)} />
          <TextField label="WITH CHECK" value={p.withCheck ?? ''} objectId={p.id} field="withCheck" mono onChange={(v, g) => update(p, { withCheck: v || undefined }, g)} />
          <IconButton label={`remove policy ${p.name}`} onClick={() => dispatch({ type: 'deletePart', tableId: table.id, kind: 'policies', id: p.id })}>✕</IconButton>
        </div>
      ))}
    </Section>
  );
}
