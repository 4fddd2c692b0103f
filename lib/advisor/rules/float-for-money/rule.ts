/** float-for-money: real/double precision columns named like amounts of money. */
import type { Rule } from '../../types';
import { columnsOfModel, words } from '../../context';
import { editColumn } from '../../edit';

const MONEY_WORDS = new Set(['price', 'amount', 'cost', 'total', 'balance', 'fee', 'fees', 'salary', 'wage', 'tax', 'subtotal', 'revenue', 'money', 'payment', 'refund', 'credit', 'debit', 'charge', 'invoice']);

/** Words that make the column a ratio, not an amount (tax_rate, discount_pct): floats are fine there. */
const RATIO_WORDS = new Set(['rate', 'ratio', 'percent', 'percentage', 'pct', 'factor', 'multiplier', 'share']);

export function moneyName(name: string): boolean {
  const w = words(name);
  if (w.some((x) => RATIO_WORDS.has(x))) return false;
  return w.some((x) => MONEY_WORDS.has(x) || x === 'cents' || x === 'eur' || x === 'usd');
}

export const floatForMoney: Rule = {
  id: 'float-for-money',
  severity: 'error',
  title: 'Floating point used for money',
  help: 'Use numeric(19,4) (or integer cents in bigint): real and double precision cannot represent 0.10 exactly, and sums drift.',
  check(ctx) {
    return columnsOfModel(ctx)
      .filter(({ column }) => column.type.kind === 'builtin' && ['real', 'double precision'].includes(column.type.name) && moneyName(column.name) && !column.generated)
      .map(({ table, column, path }) => ({
        target: { id: column.id, path },
        message: `${table.name}.${column.name} stores money as ${(column.type as { name: string }).name}`,
        ...(ctx.inForeignKey(column.id) ? {} : { fix: {
          title: 'Change to numeric(19,4)',
          apply: (model) => editColumn(model, table.id, column.id, (c) => { c.type = { kind: 'builtin', name: 'numeric', precision: 19, scale: 4, ...(c.type.array ? { array: true } : {}) }; }),
        } }),
      }));
  },
};
