import { commentText } from './names';

/** SecurityFile is one generated SQL file: its kind, a file name, the SQL and a short explanation for the preview. */
export type SecurityFileKind = 'roles' | 'password_hashing' | 'encryption' | 'rls' | 'audit';

export interface SecurityFile {
  readonly kind: SecurityFileKind;
  readonly name: string;
  readonly sql: string;
  readonly explanation: string;
  /** What the file could not do as marked (a skipped column or table, a raised cost), also written in it as a comment. */
  readonly warnings: readonly string[];
}

/** Warnings collects a file's warnings; `comment` records one and returns it as a safe SQL comment line. */
export class Warnings {
  readonly list: string[] = [];
  comment(message: string): string {
    this.list.push(message);
    return commentText(`-- ${message}`);
  }
}

/** FILE_ORDER is the apply order after the schema DDL; the number is the file's prefix. */
export const FILE_ORDER: readonly SecurityFileKind[] = ['roles', 'password_hashing', 'encryption', 'rls', 'audit'];
