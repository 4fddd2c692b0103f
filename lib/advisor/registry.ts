/**
 * RULES is the single list of advisor rules. A rule lives in rules/<id>/ (rule.ts, rule.test.ts,
 * docs.md); adding it here is the only registration. registry.meta.test.ts checks the folders match.
 */
import type { Rule } from './types';
import { bcryptCostTooLow } from './rules/bcrypt-cost-too-low/rule';
import { booleanIndex } from './rules/boolean-index/rule';
import { charType } from './rules/char-type/rule';
import { createdAtNullable } from './rules/created-at-nullable/rule';
import { duplicateIndex } from './rules/duplicate-index/rule';
import { emailCaseSensitiveUnique } from './rules/email-case-sensitive-unique/rule';
import { emailWithoutFormatCheck } from './rules/email-without-format-check/rule';
import { encryptedColumnNotBytea } from './rules/encrypted-column-not-bytea/rule';
import { encryptionKeyInSql } from './rules/encryption-key-in-sql/rule';
import { enumShouldBeLookupTable } from './rules/enum-should-be-lookup-table/rule';
import { floatForMoney } from './rules/float-for-money/rule';
import { foreignKeyTypeMismatch } from './rules/foreign-key-type-mismatch/rule';
import { foreignKeyWithoutIndex } from './rules/foreign-key-without-index/rule';
import { identifierNearLimit } from './rules/identifier-near-limit/rule';
import { integerPrimaryKey } from './rules/integer-primary-key/rule';
import { moneyType } from './rules/money-type/rule';
import { nameNeedsQuoting } from './rules/name-needs-quoting/rule';
import { nullableMandatoryForeignKey } from './rules/nullable-mandatory-foreign-key/rule';
import { passwordColumnNotMarked } from './rules/password-column-not-marked/rule';
import { passwordHashNotText } from './rules/password-hash-not-text/rule';
import { personalDataWithoutComment } from './rules/personal-data-without-comment/rule';
import { personalDataWithoutRls } from './rules/personal-data-without-rls/rule';
import { policiesWithoutRls } from './rules/policies-without-rls/rule';
import { policyColumnWithoutIndex } from './rules/policy-column-without-index/rule';
import { policyFunctionNotWrapped } from './rules/policy-function-not-wrapped/rule';
import { policyWithoutRoles } from './rules/policy-without-roles/rule';
import { preferIdentity } from './rules/prefer-identity/rule';
import { preferJsonb } from './rules/prefer-jsonb/rule';
import { redundantIndex } from './rules/redundant-index/rule';
import { redundantSaltColumn } from './rules/redundant-salt-column/rule';
import { reservedWordName } from './rules/reserved-word-name/rule';
import { rlsEnabledWithoutPolicies } from './rules/rls-enabled-without-policies/rule';
import { rlsNotForced } from './rules/rls-not-forced/rule';
import { rlsTemplateInvalid } from './rules/rls-template-invalid/rule';
import { secretColumnNotMarked } from './rules/secret-column-not-marked/rule';
import { securityDefinerSearchPath } from './rules/security-definer-search-path/rule';
import { tableWithoutPrimaryKey } from './rules/table-without-primary-key/rule';
import { timestampWithoutTimeZone } from './rules/timestamp-without-time-zone/rule';
import { tooManyIndexes } from './rules/too-many-indexes/rule';
import { varcharWithLength } from './rules/varchar-with-length/rule';
import { weakDigestInExpression } from './rules/weak-digest-in-expression/rule';
import { weakPasswordHash } from './rules/weak-password-hash/rule';

export const RULES: readonly Rule[] = [
  bcryptCostTooLow,
  booleanIndex,
  charType,
  createdAtNullable,
  duplicateIndex,
  emailCaseSensitiveUnique,
  emailWithoutFormatCheck,
  encryptedColumnNotBytea,
  encryptionKeyInSql,
  enumShouldBeLookupTable,
  floatForMoney,
  foreignKeyTypeMismatch,
  foreignKeyWithoutIndex,
  identifierNearLimit,
  integerPrimaryKey,
  moneyType,
  nameNeedsQuoting,
  nullableMandatoryForeignKey,
  passwordColumnNotMarked,
  passwordHashNotText,
  personalDataWithoutComment,
  personalDataWithoutRls,
  policiesWithoutRls,
  policyColumnWithoutIndex,
  policyFunctionNotWrapped,
  policyWithoutRoles,
  preferIdentity,
  preferJsonb,
  redundantIndex,
  redundantSaltColumn,
  reservedWordName,
  rlsEnabledWithoutPolicies,
  rlsNotForced,
  rlsTemplateInvalid,
  secretColumnNotMarked,
  securityDefinerSearchPath,
  tableWithoutPrimaryKey,
  timestampWithoutTimeZone,
  tooManyIndexes,
  varcharWithLength,
  weakDigestInExpression,
  weakPasswordHash,
];
