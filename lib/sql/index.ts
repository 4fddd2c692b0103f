/** The SQL layer: quoting, type rendering and one DDL fragment builder per object kind. */
export { quoteIdent, quoteQualified, quoteLiteral } from './quote';
export { SqlNames } from './names';
export { parenthesize } from './expression';
export { renderType } from './types';
export * from './target';
export * from './namespace';
export * from './sequence';
export * from './column';
export * from './constraint';
export * from './index-def';
export * from './table';
export * from './policy';
export * from './comment';
export * from './sql-object';
