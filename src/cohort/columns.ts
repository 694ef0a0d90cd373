import type { CohortFile } from './config.js';
import { GENDERS, OUTCOMES, PLAN_STATUSES, STAR_DOMAINS } from './types.js';

/** The type of a contract column, which decides how its cells are parsed. */
export type ColumnType =
  | { kind: 'id' }
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'yesno' }
  | { kind: 'whole'; min: number; max: number }
  | { kind: 'enum'; values: readonly string[] };

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: boolean;
}

const id = { kind: 'id' } as const;
const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;
const yesno = { kind: 'yesno' } as const;

/** The contract's columns (cohort-format.md), per file. `need_*` columns are matched by prefix. */
export const CONTRACT_COLUMNS: Record<CohortFile, ColumnSpec[]> = {
  families: [
    { name: 'family_id', type: id, required: true },
    { name: 'service', type: text, required: false },
    { name: 'referral_date', type: date, required: false },
    { name: 'start_date', type: date, required: true },
    { name: 'end_date', type: date, required: false },
    { name: 'outcome', type: { kind: 'enum', values: OUTCOMES }, required: false },
    { name: 'closure_reason', type: text, required: false },
    { name: 're_referred', type: yesno, required: false },
    { name: 'social_care_before', type: yesno, required: false },
    { name: 'social_care_during', type: yesno, required: false },
    { name: 'social_care_after', type: yesno, required: false },
    { name: 'cp_plan_after', type: yesno, required: false },
    { name: 'adults', type: { kind: 'whole', min: 0, max: 99 }, required: false },
    { name: 'female_adults', type: { kind: 'whole', min: 0, max: 99 }, required: false },
    { name: 'ethnicity', type: text, required: false },
    { name: 'imd_decile', type: { kind: 'whole', min: 1, max: 10 }, required: false },
    { name: 'lsoa', type: text, required: false },
  ],
  children: [
    { name: 'child_id', type: id, required: true },
    { name: 'family_id', type: id, required: true },
    { name: 'age_at_start', type: { kind: 'whole', min: 0, max: 25 }, required: false },
    { name: 'date_of_birth', type: date, required: false },
    { name: 'gender', type: { kind: 'enum', values: GENDERS }, required: false },
    { name: 'outcome', type: { kind: 'enum', values: OUTCOMES }, required: false },
  ],
  star: [
    { name: 'family_id', type: id, required: true },
    { name: 'domain', type: { kind: 'enum', values: STAR_DOMAINS }, required: true },
    { name: 'reading_date', type: date, required: true },
    { name: 'reading', type: { kind: 'whole', min: 1, max: 10 }, required: true },
  ],
  plans: [
    { name: 'family_id', type: id, required: true },
    { name: 'outcome', type: text, required: true },
    { name: 'identified_date', type: date, required: true },
    { name: 'status', type: { kind: 'enum', values: PLAN_STATUSES }, required: true },
    { name: 'achieved_date', type: date, required: false },
  ],
};

export const NEED_PREFIX = 'need_';

/** Whether a (contract) column name is a need indicator: `need_` followed by an id. */
export const isNeedColumn = (name: string): boolean => name.startsWith(NEED_PREFIX) && name.length > NEED_PREFIX.length;
