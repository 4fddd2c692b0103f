/**
 * password_hashing.sql: a CHECK per password-hash column that only accepts a hash string of the chosen
 * algorithm (so plaintext can never be stored), and for bcrypt-in-database the pgcrypto functions
 * hash_password/verify_password. pgcrypto has no argon2 or scrypt: those hashes are made by the app.
 */
import { quoteIdent, quoteLiteral, quoteQualified } from '@/lib/sql/quote';
import type { Column, PasswordAlgorithm, Table } from '@/lib/model';
import { dollarQuote, fitName, uniqueName, commentText } from './names';
import { ensurePgcrypto, isTextLike, MIN_BCRYPT_COST, pgcryptoFn, PINNED_SEARCH_PATH, roleList, tableName, type SecurityContext } from './context';
import { Warnings, type SecurityFile } from './file';

/** HASH_FORMATS are the patterns a stored hash of each algorithm matches (PHC / modular crypt format). */
export const HASH_FORMATS: Partial<Record<PasswordAlgorithm, { pattern: string; example: string }>> = {
  argon2id: { pattern: '^\\$argon2id\\$v=19\\$m=[0-9]+,t=[0-9]+,p=[0-9]+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+$', example: '$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>' },
  bcrypt: { pattern: '^\\$2[aby]\\$[0-9]{2}\\$[./A-Za-z0-9]{53}$', example: '$2a$12$<22 salt chars><31 hash chars>' },
  scrypt: { pattern: '^\\$scrypt\\$[a-z0-9=,]+\\$[A-Za-z0-9+/.=-]+\\$[A-Za-z0-9+/.=-]+$', example: '$scrypt$ln=17,r=8,p=1$<salt>$<hash>' },
  pbkdf2: { pattern: '^\\$pbkdf2(-sha(1|256|512))?\\$[a-z0-9=,]+\\$[A-Za-z0-9+/.=-]+\\$[A-Za-z0-9+/.=-]+$', example: '$pbkdf2-sha256$i=600000$<salt>$<hash>' },
};

interface HashColumn {
  readonly table: Table;
  readonly column: Column;
  readonly algorithm: PasswordAlgorithm;
  readonly inDatabase: boolean;
}

export function hashColumns(ctx: SecurityContext): HashColumn[] {
  const out: HashColumn[] = [];
  for (const table of ctx.model.tables) {
    for (const column of table.columns) {
      const mark = column.security?.passwordHash;
      if (mark) out.push({ table, column, algorithm: mark.algorithm, inDatabase: mark.algorithm === 'bcrypt' && mark.inDatabase === true });
    }
  }
  return out;
}

function checkFor(ctx: SecurityContext, h: HashColumn, warnings: Warnings): string {
  const label = `${h.table.name}.${h.column.name}`;
  const format = HASH_FORMATS[h.algorithm];
  if (!format) return warnings.comment(`${label}: ${h.algorithm} is not a password hash; no CHECK generated (advisor rule weak-password-hash).`);
  if (!isTextLike(h.column)) return warnings.comment(`${label}: not a text column, so no format CHECK (advisor rule password-hash-not-text).`);
  if (h.column.generated) return warnings.comment(`${label}: a generated column cannot hold a password hash; no CHECK generated.`);
  const taken = new Set([...(h.table.checks ?? []), ...(h.table.uniques ?? []), ...(h.table.foreignKeys ?? [])].map((c) => c.name));
  if (h.table.primaryKey) taken.add(h.table.primaryKey.name);
  const name = quoteIdent(uniqueName(fitName(h.table.name, h.column.name, 'hash_format'), taken));
  const t = tableName(ctx, h.table);
  return [
    commentText(`-- ${label} holds ${h.algorithm} hashes only, e.g. ${format.example}; plaintext fails this CHECK.`),
    `ALTER TABLE ${t} DROP CONSTRAINT IF EXISTS ${name};`,
    `ALTER TABLE ${t} ADD CONSTRAINT ${name} CHECK (${quoteIdent(h.column.name)} ~ ${quoteLiteral(format.pattern)});`,
    '',
  ].join('\n');
}

/** bcryptCost is the cost hash_password uses: the highest cost marked on an in-database column, else the project's. */
function bcryptCost(ctx: SecurityContext, columns: readonly HashColumn[]): number {
  const marked = columns.filter((c) => c.inDatabase).map((c) => c.column.security?.passwordHash?.cost).filter((c): c is number => c !== undefined);
  return ctx.costFromOptions || marked.length === 0 ? ctx.bcryptCost : Math.max(MIN_BCRYPT_COST, ...marked);
}

function bcryptFunctions(ctx: SecurityContext, cost: number): string {
  const schema = ctx.functionSchema;
  const hashFn = quoteQualified(schema, 'hash_password');
  const verifyFn = quoteQualified(schema, 'verify_password');
  const hashBody = [
    'BEGIN',
    '  IF octet_length(password) > 72 THEN',
    "    RAISE EXCEPTION 'password is longer than 72 bytes; bcrypt would ignore the rest' USING ERRCODE = '22023';",
    '  END IF;',
    `  RETURN ${pgcryptoFn(ctx, 'crypt')}(password, ${pgcryptoFn(ctx, 'gen_salt')}('bf', ${cost}));`,
    'END',
  ].join('\n');
  const verifyBody = [
    'BEGIN',
    '  -- Over 72 bytes cannot have come from hash_password: a wrong password, not an error.',
    '  IF octet_length(password) > 72 THEN',
    '    RETURN false;',
    '  END IF;',
    "  IF left(hash, 4) <> '$2a$' THEN",
    "    RAISE EXCEPTION 'pgcrypto verifies only $2a$ bcrypt hashes; verify other hashes in the application' USING ERRCODE = '22023';",
    '  END IF;',
    `  RETURN ${pgcryptoFn(ctx, 'crypt')}(password, hash) = hash;`,
    'END',
  ].join('\n');
  const app = roleList(ctx, ['app', 'admin']);
  return [
    commentText(`-- bcrypt in the database with pgcrypto, cost ${cost} (gen_salt('bf') alone would use cost 6).`),
    '-- search_path is pinned so a schema the caller controls cannot shadow crypt() or gen_salt().',
    ensurePgcrypto(ctx) +
    `CREATE OR REPLACE FUNCTION ${hashFn}(password text) RETURNS text`,
    `LANGUAGE plpgsql VOLATILE STRICT ${PINNED_SEARCH_PATH}`,
    `AS ${dollarQuote(hashBody, 'fn')};`,
    '',
    `CREATE OR REPLACE FUNCTION ${verifyFn}(password text, hash text) RETURNS boolean`,
    `LANGUAGE plpgsql VOLATILE STRICT ${PINNED_SEARCH_PATH}`,
    `AS ${dollarQuote(verifyBody, 'fn')};`,
    '',
    `REVOKE EXECUTE ON FUNCTION ${hashFn}(text) FROM PUBLIC;`,
    `REVOKE EXECUTE ON FUNCTION ${verifyFn}(text, text) FROM PUBLIC;`,
    `GRANT EXECUTE ON FUNCTION ${hashFn}(text) TO ${app};`,
    `GRANT EXECUTE ON FUNCTION ${verifyFn}(text, text) TO ${app};`,
    '',
  ].join('\n');
}

const APP_SIDE_REASON: Partial<Record<PasswordAlgorithm, string>> = {
  argon2id: 'pgcrypto has no argon2: hash with argon2id in the application (password.ts in the export) and store the PHC string.',
  scrypt: 'pgcrypto has no scrypt: hash in the application and store the PHC string.',
  pbkdf2: 'pgcrypto has no PBKDF2: hash in the application and store the PHC string.',
  bcrypt: 'bcrypt hashed in the application (not marked inDatabase); pgcrypto could verify only $2a$ hashes.',
};

export function passwordHashingFile(ctx: SecurityContext): SecurityFile | undefined {
  const columns = hashColumns(ctx);
  if (columns.length === 0) return undefined;
  const out: string[] = [];
  const warnings = new Warnings();
  const cost = bcryptCost(ctx, columns);
  if (columns.some((c) => c.inDatabase)) out.push(bcryptFunctions(ctx, cost));
  for (const c of columns) {
    const asked = c.algorithm === 'bcrypt' ? c.column.security?.passwordHash?.cost : undefined;
    if (asked === undefined || asked >= MIN_BCRYPT_COST) continue;
    out.push(warnings.comment(`${c.table.name}.${c.column.name} asks for bcrypt cost ${asked}, below ${MIN_BCRYPT_COST}: `
      + (c.inDatabase ? `hash_password uses cost ${cost} instead` : `hash with cost ${MIN_BCRYPT_COST} or more in the application`) + ' (advisor rule bcrypt-cost-too-low).'));
  }
  for (const reason of new Set(columns.filter((c) => !c.inDatabase).map((c) => APP_SIDE_REASON[c.algorithm]).filter(Boolean))) {
    out.push(commentText(`-- No SQL hashing: ${reason}`));
  }
  out.push('');
  for (const c of columns) out.push(checkFor(ctx, c, warnings));
  return {
    kind: 'password_hashing',
    name: 'password_hashing.sql',
    sql: out.join('\n').replace(/\n{3,}/g, '\n\n'),
    explanation: 'Adds a CHECK to every password-hash column so only a hash string of the chosen algorithm can be stored. '
      + (columns.some((c) => c.inDatabase)
        ? `Defines hash_password(text) and verify_password(text, text) on pgcrypto bcrypt with cost ${cost}, refusing input over 72 bytes, with a pinned search_path, executable only by the app role. `
        : '')
      + 'argon2id and scrypt hashes are made by the application (pgcrypto has neither).',
    warnings: warnings.list,
  };
}
