import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../testing';
import { emptyModel, type Model } from '@/lib/model';

function blogModel(): Model {
  const m = emptyModel('blog');
  m.tables.push(
    { id: 'users', schemaId: 'schema_public', name: 'users', columns: [
      { id: 'u_id', name: 'id', type: { kind: 'builtin', name: 'integer' }, nullable: false, identity: { generation: 'always' } },
      { id: 'u_email', name: 'email', type: { kind: 'builtin', name: 'text' }, nullable: false },
    ], primaryKey: { id: 'u_pk', name: 'users_pkey', columnIds: ['u_id'] }, comment: 'People' },
    { id: 'posts', schemaId: 'schema_public', name: 'posts', columns: [
      { id: 'p_id', name: 'id', type: { kind: 'builtin', name: 'integer' }, nullable: false },
      { id: 'p_author', name: 'author_id', type: { kind: 'builtin', name: 'integer' }, nullable: false },
    ], primaryKey: { id: 'p_pk', name: 'posts_pkey', columnIds: ['p_id'] },
    foreignKeys: [{ id: 'p_fk', name: 'posts_author_fkey', columnIds: ['p_author'], refTableId: 'users', refColumnIds: ['u_id'], onDelete: 'cascade' }] },
  );
  return m;
}

describe('pgcanvas drizzle', () => {
  it('prints schema.ts, relations.ts and extras.sql in that order under file headers', async () => {
    const io = memoryIo({ 'blog.json': JSON.stringify(blogModel()) });
    expect(await main(['drizzle', 'blog.json'], io)).toBe(0);
    const out = io.out();
    const positions = ['// ===== schema.ts =====', '// ===== relations.ts =====', '-- ===== extras.sql ====='].map((h) => out.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(out).toContain('export const users = pgTable("users", {');
    expect(out).toContain('foreignKey({ name: "posts_author_fkey", columns: [t.authorId], foreignColumns: [users.id] }).onDelete("cascade")');
    expect(out).toContain('author: one(users, { fields: [posts.authorId], references: [users.id], relationName: "posts_author_fkey" })');
    expect(out).toContain(`COMMENT ON TABLE "public"."users" IS 'People';`);
    expect(io.err()).toBe('');
  });

  it('declares the RLS template policies of the security marks, and creates their roles before the migration', async () => {
    const m = blogModel();
    m.tables[1]!.security = { rls: { template: 'owner-only', ownerColumnId: 'p_author' } };
    m.security = { rolePrefix: 'blog' };
    const io = memoryIo({ 'blog.json': JSON.stringify(m) });
    expect(await main(['drizzle', 'blog.json', '-o', 'out'], io)).toBe(0);
    const schema = io.files.get('out/schema.ts')!;
    expect(schema).toContain('export const blogRwRole = pgRole("blog_rw").existing(); // created by the security files (01_roles.sql)');
    expect(schema).toMatch(/pgPolicy\("posts_owner_select", \{ for: "select", to: \[blogRwRole, blogRoRole, blogOwnerRole\], using: sql`"author_id" = /);
    expect(schema).toMatch(/\]\)\.enableRLS\(\);/);
    const before = io.files.get('out/extras-before.sql')!;
    for (const role of ['blog_rw', 'blog_ro', 'blog_owner']) expect(before).toContain(`CREATE ROLE "${role}" NOLOGIN;`);
  });

  it('writes the files into -o DIR', async () => {
    const io = memoryIo({ 'blog.json': JSON.stringify(blogModel()) });
    expect(await main(['drizzle', 'blog.json', '-o', 'out'], io)).toBe(0);
    expect([...io.files.keys()].filter((k) => k.startsWith('out/')).sort()).toEqual(['out/extras.sql', 'out/relations.ts', 'out/schema.ts']);
    expect(io.files.get('out/schema.ts')).toContain('primaryKey({ name: "users_pkey", columns: [t.id] })');
    expect(io.out()).toBe('');
  });

  it('exits 1 with path: message lines for an invalid model', async () => {
    const model = blogModel();
    model.tables[1]!.foreignKeys![0]!.refTableId = 'nope';
    model.tables[0]!.columns[1]!.default = '1); DROP TABLE x; --';
    const io = memoryIo({ 'bad.json': JSON.stringify(model) });
    expect(await main(['drizzle', 'bad.json'], io)).toBe(1);
    const lines = io.err().trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^tables\[\d\]\.[^:]+: .+/);
    expect(io.out()).toBe('');
  });

  it('exits 1 on JSON that is not a model, naming the file', async () => {
    const io = memoryIo({ 'x.json': '{ nope' });
    expect(await main(['drizzle', 'x.json'], io)).toBe(1);
    expect(io.err()).toContain('x.json: not valid JSON');
  });

  it('exits 2 on usage and I/O errors', async () => {
    let io = memoryIo();
    expect(await main(['drizzle'], io)).toBe(2);
    expect(io.err()).toContain('usage: pgcanvas drizzle');
    io = memoryIo();
    expect(await main(['drizzle', 'a.json', '--bogus'], io)).toBe(2);
    expect(io.err()).toContain('unknown option --bogus');
    io = memoryIo();
    expect(await main(['drizzle', '/nonexistent/model.json'], io)).toBe(2);
    expect(io.err()).toContain('cannot access /nonexistent/model.json');
  });
});
