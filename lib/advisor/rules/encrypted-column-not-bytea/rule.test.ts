import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { encryptedColumnNotBytea } from './rule';

const t = (type: string) => model([{ name: 'people', columns: [col('ssn', type, { security: { encrypted: true } })] }]);

testRule(encryptedColumnNotBytea, { pass: [t('bytea')], fail: [t('text'), t('bytea[]')] });
