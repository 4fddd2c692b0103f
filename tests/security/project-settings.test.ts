/**
 * Project security settings edited in the editor: setProjectSecurity through the editor store changes
 * what the generators write (bcrypt cost, role prefix, setting names, audit placement), one undo step per
 * field gesture restores the model exactly, emptied fields remove the keys, and bad values stay in the
 * model with the validator's finding indexed where the Project security field shows it.
 */
import { describe, expect, it } from 'vitest';
import { EditorStore } from '@/lib/editor/store';
import { indexFindings, MODEL_FINDINGS_ID } from '@/lib/editor/findings';
import { securityBundle } from '@/lib/security';
import { validate } from '@/lib/model/validate';
import type { Model } from '@/lib/model';
import { securityFixture } from './fixture';

const file = (m: Model, name: string) => securityBundle(m).find((f) => f.name === name)?.content ?? '';

describe('project security settings through editor commands', () => {
  it('the bcrypt cost reaches 02_password_hashing.sql; typing it is one undo step; undo restores the model exactly', () => {
    const original = securityFixture();
    const store = new EditorStore(original);
    expect(file(store.model, '02_password_hashing.sql')).toMatch(/gen_salt"?\('bf', 12\)/);
    for (const v of [1, 14]) store.dispatch({ type: 'setProjectSecurity', patch: { bcryptCost: v } }, { gesture: 'field:(model):bcryptCost' });
    store.endGesture();
    expect(store.model.security).toEqual({ bcryptCost: 14 });
    expect(file(store.model, '02_password_hashing.sql')).toMatch(/gen_salt"?\('bf', 14\)/);
    expect(store.undo()).toBe(true);
    expect(store.model).toEqual(original);
    expect(store.model).not.toHaveProperty('security');
    expect(store.getSnapshot().canUndo).toBe(false);
    expect(store.redo()).toBe(true);
    expect(store.model.security).toEqual({ bcryptCost: 14 });
  });

  it('role prefix, identity settings and audit placement change the files; clearing every field removes security', () => {
    const store = new EditorStore(securityFixture());
    const patches = [{ rolePrefix: 'shop' }, { userIdSetting: 'auth.uid' }, { tenantIdSetting: 'auth.org' }, { encryptionKeySetting: 'vault.key' }, { auditSchema: 'history' }, { auditTable: 'changes' }];
    for (const patch of patches) {
      store.dispatch({ type: 'setProjectSecurity', patch }, { gesture: `field:(model):${Object.keys(patch)[0]}` });
      store.endGesture();
    }
    const m = store.model;
    expect(validate(m).filter((f) => f.path.startsWith('security'))).toEqual([]);
    expect(file(m, '01_roles.sql')).toContain('"shop_rw"');
    expect(file(m, '04_rls.sql')).toContain("current_setting('auth.uid', true)");
    expect(file(m, '04_rls.sql')).toContain("current_setting('auth.org', true)");
    expect(file(m, '04_rls.sql')).not.toContain('app.user_id');
    expect(file(m, '03_encryption.sql')).toContain("current_setting('vault.key', true)");
    expect(file(m, '05_audit.sql')).toContain('"history"."changes"');
    for (const patch of patches) store.dispatch({ type: 'setProjectSecurity', patch: { [Object.keys(patch)[0]!]: undefined } });
    expect(store.model).toEqual(securityFixture());
    for (let i = 0; i < patches.length * 2; i++) store.undo();
    expect(store.model).toEqual(securityFixture());
  });

  it('a cost below 10 and malformed names stay in the model as findings keyed to the project fields', () => {
    const store = new EditorStore(securityFixture());
    store.dispatch({ type: 'setProjectSecurity', patch: { bcryptCost: 9, rolePrefix: 'Shop', userIdSetting: 'user_id' } });
    const findings = validate(store.model);
    const index = indexFindings(store.model, findings);
    expect(index.get(`${MODEL_FINDINGS_ID}:bcryptCost`)?.map((f) => f.severity)).toEqual(['error']);
    expect(index.get(`${MODEL_FINDINGS_ID}:bcryptCost`)?.[0]?.message).toMatch(/10/);
    expect(index.get(`${MODEL_FINDINGS_ID}:rolePrefix`)?.[0]?.message).toMatch(/lowercase/);
    expect(index.get(`${MODEL_FINDINGS_ID}:userIdSetting`)?.[0]?.message).toMatch(/app\.user_id/);
    expect(() => securityBundle(store.model)).toThrow(/bcrypt cost 9/);
  });
});
