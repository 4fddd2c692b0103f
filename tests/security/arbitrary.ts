/**
 * arbSecuredModel: a random valid model (lib/testing arbModel) with random security marks on top:
 * RLS templates on new owner/tenant columns with hostile names, admin bypass, audited tables,
 * bcrypt hashed in the database, updated_at columns.
 */
import fc from 'fast-check';
import type { Column, Model, RlsTemplate, Table } from '@/lib/model';
import { arbModel, type ArbModelOptions } from '@/lib/testing/arbitraries';

const TEMPLATES: readonly RlsTemplate[] = ['owner-only', 'tenant', 'public-read-owner-write', 'admin-bypass'];
const OWNER_TYPES: readonly Column['type'][] = [
  { kind: 'builtin', name: 'uuid' }, { kind: 'builtin', name: 'bigint' }, { kind: 'builtin', name: 'text' }, { kind: 'builtin', name: 'varchar', length: 40 },
];

function freeName(table: Table, base: string): string {
  let name = base;
  for (let i = 2; table.columns.some((c) => c.name === name); i++) name = `${base} ${i}`;
  return name;
}

export interface Marks { template: number; type: number; admin: boolean; audit: boolean; stamp: boolean; inDb: boolean }

export function mark(model: Model, marks: readonly Marks[]): Model {
  const m = structuredClone(model);
  m.tables.forEach((table, i) => {
    const k = marks[i % marks.length]!;
    if (k.inDb) {
      for (const c of table.columns) if (c.security?.passwordHash?.algorithm === 'bcrypt') c.security.passwordHash.inDatabase = true;
    }
    if (table.partitionOf) {
      if (k.audit) table.security = { audit: true };
      return;
    }
    if (k.stamp && !table.columns.some((c) => c.name === 'updated_at')) {
      table.columns.push({ id: `${table.id}_upd`, name: 'updated_at', type: { kind: 'builtin', name: 'timestamptz' }, nullable: true });
    }
    const template = TEMPLATES[k.template % (TEMPLATES.length + 1)];
    const security: NonNullable<Table['security']> = { ...(k.audit ? { audit: true } : {}) };
    if (template) {
      const id = `${table.id}_rls`;
      table.columns.push({ id, name: freeName(table, template === 'tenant' ? 'Tenant "id"' : 'owner id'), type: OWNER_TYPES[k.type % OWNER_TYPES.length]!, nullable: true });
      security.rls = {
        template,
        ...(template === 'tenant' ? { tenantColumnId: id } : template === 'admin-bypass' ? {} : { ownerColumnId: id }),
        ...(k.admin ? { adminBypass: true } : {}),
      };
    }
    if (Object.keys(security).length > 0) table.security = security;
  });
  return m;
}

export function arbSecuredModel(options: ArbModelOptions = {}): fc.Arbitrary<Model> {
  const marks = fc.record({ template: fc.nat(9), type: fc.nat(9), admin: fc.boolean(), audit: fc.boolean(), stamp: fc.boolean(), inDb: fc.boolean() });
  return fc.tuple(arbModel(options), fc.array(marks, { minLength: 1, maxLength: 6 })).map(([model, ms]) => mark(model, ms));
}

/** arbMarks generates the security marks arbSecuredModel puts on top of a model. */
export const arbMarks = fc.array(fc.record({ template: fc.nat(9), type: fc.nat(9), admin: fc.boolean(), audit: fc.boolean(), stamp: fc.boolean(), inDb: fc.boolean() }), { minLength: 1, maxLength: 6 });
