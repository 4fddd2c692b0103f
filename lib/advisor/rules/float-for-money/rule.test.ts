import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { floatForMoney } from './rule';

testRule(floatForMoney, {
  pass: [
    model([{ name: 'orders', columns: [col('total', 'numeric(19,4)'), col('weight_kg', 'double precision')] }]),
    model([{ name: 'orders', columns: [col('tax_rate', 'real'), col('discount', 'real'), col('feePercent', 'double precision')] }]),
  ],
  fail: [model([{ name: 'orders', columns: [col('unit_price', 'real'), col('TotalAmount', 'double precision')] }])],
});
