/** SecurityFile is one generated SQL file: its kind, a file name, the SQL and a short explanation for the preview. */
export type SecurityFileKind = 'roles' | 'password_hashing' | 'encryption' | 'rls' | 'audit';

export interface SecurityFile {
  readonly kind: SecurityFileKind;
  readonly name: string;
  readonly sql: string;
  readonly explanation: string;
}

/** FILE_ORDER is the apply order after the schema DDL; the number is the file's prefix. */
export const FILE_ORDER: readonly SecurityFileKind[] = ['roles', 'password_hashing', 'encryption', 'rls', 'audit'];
