/**
 * Expressions written by fixes into the model (CHECKs) must quote identifiers like the SQL layer does;
 * this re-exports the one quoting function so fixes never build names by hand.
 */
export { quoteIdent as quoteIdentForExpression } from '@/lib/sql/quote';
