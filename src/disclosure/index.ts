export { SUPPRESSED, isSuppressed, type Suppressed, type PublishedValue } from './suppressed.js';
export { validateDisclosureProfile } from './validate-disclosure-profile.js';
export { auditDisclosure, type SumRule } from './audit-disclosure.js';
export { suppressCounts, type CountCell, type SuppressCountsInput, type SuppressCountsResult } from './suppress-counts.js';
export {
  publishTable,
  PERCENT_BASES,
  type PercentBase,
  type CountTableInput,
  type PublishedTable,
} from './publish-table.js';
export {
  publishProportionTable,
  type ProportionTableInput,
  type PublishedProportionRow,
  type PublishedProportionTable,
} from './publish-proportion-table.js';
export { createCountSystem, type CountSystem, type CountSystemCellOptions, type PublishedCounts } from './count-system.js';
