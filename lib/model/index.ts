/** The schema model: shape (zod), ids, lookups, expression checks, validation. Imports nothing of ours. */
export * from './schema';
export * from './security-schema';
export * from './builtin-types';
export { newId } from './ids';
export { emptyModel, EMPTY_MODEL, PUBLIC_SCHEMA_ID } from './empty';
export { ModelIndex, type ColumnRef } from './lookup';
export { loadSqlParser, sqlParserReady, checkExpression, analyzeExpression, checkTypeSql, parseSql, type ExpressionContext } from './expression';
export { validate, validateAsync, parseModel, formatFinding, hasErrors, FINDING_CODES, type Finding, type FindingCode, type Severity, type ValidateOptions } from './validate';
export { upgradeModel, UPGRADES, type UpgradeResult } from './upgrade';
export { utf8ByteLength, truncateUtf8, shortHash } from './bytes';
export { tableConstraints, type ConstraintDef } from './constraints';
