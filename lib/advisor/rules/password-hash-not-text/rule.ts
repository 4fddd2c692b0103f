/** password-hash-not-text: a password hash column that is not text/varchar/citext, or whose length limit cannot hold the hash. */
import type { Column, PasswordAlgorithm } from '@/lib/model';
import type { Rule } from '../../types';
import { builtinName, columnsOfModel, customName } from '../../context';
import { editColumn } from '../../edit';

/**
 * The shortest length limit that holds a hash string of the algorithm: bcrypt's is always 60 characters;
 * PHC strings (argon2id at OWASP parameters ~97, scrypt, pbkdf2) grow with their parameters, so 100.
 * Weak algorithms are weak-password-hash's business, not a length question.
 */
const MIN_LENGTH: Partial<Record<PasswordAlgorithm, number>> = { bcrypt: 60, argon2id: 100, scrypt: 100, pbkdf2: 100 };

function problem(column: Column): string | undefined {
  const algorithm = column.security!.passwordHash!.algorithm;
  const name = builtinName(column);
  if (column.type.array || !(['text', 'varchar', 'char'].includes(name ?? '') || customName(column) === 'citext')) return 'is not a text column';
  const length = column.type.kind === 'builtin' ? column.type.length ?? (name === 'char' ? 1 : undefined) : undefined;
  const min = MIN_LENGTH[algorithm];
  return length !== undefined && min !== undefined && length < min ? `is ${name}(${length}), too short for a ${algorithm} hash (${min} characters or more)` : undefined;
}

export const passwordHashNotText: Rule = {
  id: 'password-hash-not-text',
  severity: 'error',
  title: 'Password hash column is not text or too short',
  help: 'Store the hash string ($argon2id$..., $2a$...) in a text column: the generated CHECK that refuses plaintext needs text, and a length limit below the hash length makes every insert fail.',
  check(ctx) {
    return columnsOfModel(ctx).flatMap(({ table, column, path }) => {
      const p = column.security?.passwordHash ? problem(column) : undefined;
      if (!p) return [];
      return [{
        target: { id: column.id, path },
        message: `${table.name}.${column.name} is marked as a password hash but ${p}`,
        ...(ctx.inForeignKey(column.id) ? {} : { fix: { title: 'Change the type to text', apply: (model) => editColumn(model, table.id, column.id, (c) => { c.type = { kind: 'builtin', name: 'text' }; }) } }),
      }];
    });
  },
};
