'use client';
/** ModelSection (nothing selected): target version, project security settings, schemas, enums (values renamed and reordered). */
import type { Enum } from '@/lib/model';
import { useEditor, useModel } from '../context';
import { IconButton, SelectField, Section, TextField } from './fields';
import { ProjectSecuritySection } from './ProjectSecuritySection';

function EnumEditor({ e }: { e: Enum }) {
  const { dispatch } = useEditor();
  const model = useModel();
  const setValues = (values: string[], gesture?: string) => dispatch({ type: 'updateEnum', enumId: e.id, patch: { values } }, gesture ? { gesture } : {});
  return (
    <div className="pgc-part" aria-label={`enum ${e.name}`}>
      <TextField label="Name" value={e.name} objectId={e.id} field="name" onChange={(name, g) => dispatch({ type: 'updateEnum', enumId: e.id, patch: { name } }, { gesture: g })} />
      <SelectField label="Schema" value={e.schemaId} options={model.schemas.map((s) => ({ value: s.id, label: s.name }))} onChange={(schemaId) => dispatch({ type: 'updateEnum', enumId: e.id, patch: { schemaId } })} />
      <ol className="pgc-enum-values" aria-label={`values of ${e.name}`}>
        {e.values.map((v, i) => (
          <li key={i} className="pgc-row-fields">
            <TextField label={`Value ${i + 1}`} hideLabel value={v} objectId={e.id} field={`values.${i}`} onChange={(nv, g) => setValues(e.values.map((x, j) => (j === i ? nv : x)), g)} />
            <IconButton label={`move ${v} up`} disabled={i === 0} onClick={() => { const vs = [...e.values]; [vs[i - 1], vs[i]] = [vs[i]!, vs[i - 1]!]; setValues(vs); }}>↑</IconButton>
            <IconButton label={`move ${v} down`} disabled={i === e.values.length - 1} onClick={() => { const vs = [...e.values]; [vs[i + 1], vs[i]] = [vs[i]!, vs[i + 1]!]; setValues(vs); }}>↓</IconButton>
            <IconButton label={`remove value ${v}`} onClick={() => setValues(e.values.filter((_, j) => j !== i))}>✕</IconButton>
          </li>
        ))}
      </ol>
      <button type="button" className="pgc-btn" onClick={() => setValues([...e.values, `value_${e.values.length + 1}`])}>Add value</button>
      <IconButton label={`delete enum ${e.name}`} onClick={() => dispatch({ type: 'deleteEnum', enumId: e.id })}>✕</IconButton>
    </div>
  );
}

export function ModelSection() {
  const { dispatch } = useEditor();
  const model = useModel();
  return (
    <>
      <Section title="Project">
        <p className="pgc-muted">{model.tables.length} tables. Select a table on the canvas to edit it; double-click the canvas to add one.</p>
        <SelectField label="Target PostgreSQL version" value={String(model.settings?.targetVersion ?? 16)} options={[13, 14, 15, 16, 17, 18].map((v) => ({ value: String(v), label: String(v) }))}
          onChange={(v) => dispatch({ type: 'setTargetVersion', version: Number(v) })} />
      </Section>
      <ProjectSecuritySection />
      <Section title={`Schemas (${model.schemas.length})`} actions={<button type="button" className="pgc-btn" onClick={() => dispatch({ type: 'addSchema' })}>Add schema</button>}>
        {model.schemas.map((s) => (
          <div key={s.id} className="pgc-row-fields">
            <TextField label="Schema name" hideLabel value={s.name} objectId={s.id} field="name" onChange={(name, g) => dispatch({ type: 'updateSchema', schemaId: s.id, name }, { gesture: g })} />
            <IconButton label={`delete schema ${s.name}`} onClick={() => dispatch({ type: 'deleteSchema', schemaId: s.id })}>✕</IconButton>
          </div>
        ))}
      </Section>
      <Section title={`Enums (${model.enums?.length ?? 0})`} actions={<button type="button" className="pgc-btn" onClick={() => dispatch({ type: 'addEnum' })}>Add enum</button>}>
        {(model.enums ?? []).map((e) => <EnumEditor key={e.id} e={e} />)}
      </Section>
    </>
  );
}
