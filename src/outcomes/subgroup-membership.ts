import type { Child, Cohort, Family, FamilyGrouping } from '../cohort/types.js';
import { checkGrouping } from './check-grouping.js';
import type { WhereCondition, WhereExpr } from './where.js';

/** What a filter field holds: numbers (all operators, ranges), text (= and != only), yes/no (0/1). */
export type WhereFieldType = 'number' | 'text' | 'yesno';
/** Child fields are read per child; family fields per family (and, for a child, from its family). */
export type WhereFieldLevel = 'child' | 'family';

export interface WhereField {
  name: string;
  level: WhereFieldLevel;
  type: WhereFieldType;
  description: string;
}

export interface SubgroupMembershipOptions {
  /** Family groupings usable as fields by name (e.g. `{ cluster: clusters }` for `cluster = D`). */
  groupings?: Record<string, FamilyGrouping>;
}

/** true: in the subgroup; false: in the rest; null: not known (a value the filter reads is missing). */
export type Membership = boolean | null;

export interface SubgroupMembership {
  /** 'child' when the filter reads a child field (age, gender), else 'family'. */
  level: WhereFieldLevel;
  fields: WhereField[];
  /** Per child (aligned with cohort.children); null when the filter is family-level only. */
  children: Membership[] | null;
  /**
   * Per family (aligned with cohort.families). For a child-level filter, a family is in the
   * subgroup when any of its children matches, in the rest when every child is known not
   * to match, and unknown otherwise (including families with no children).
   */
  families: Membership[];
  counts: {
    children: { subgroup: number; rest: number; unknown: number } | null;
    families: { subgroup: number; rest: number; unknown: number };
  };
  definition: string;
  /** Hints about the filter, e.g. a text value no family or child has (values are compared exactly). */
  notes: string[];
}

type Value = string | number | null;
interface FieldImpl extends WhereField {
  child?: (c: Child) => Value;
  family?: (f: Family, i: number) => Value;
}

const yn = (v: 0 | 1 | null): Value => v;

function builtInFields(cohort: Cohort): FieldImpl[] {
  const fields: FieldImpl[] = [
    { name: 'age', level: 'child', type: 'number', description: 'child age_at_start (whole years)', child: (c) => c.ageAtStart },
    { name: 'gender', level: 'child', type: 'text', description: 'child gender', child: (c) => c.gender },
    { name: 'service', level: 'family', type: 'text', description: 'family service', family: (f) => f.service },
    { name: 'ethnicity', level: 'family', type: 'text', description: 'family ethnicity', family: (f) => f.ethnicity },
    { name: 'lsoa', level: 'family', type: 'text', description: 'family lsoa', family: (f) => f.lsoa },
    { name: 'closure_reason', level: 'family', type: 'text', description: 'closure reason', family: (f) => f.closureReason },
    { name: 'imd_decile', level: 'family', type: 'number', description: 'IMD decile 1–10', family: (f) => f.imdDecile },
    { name: 'adults', level: 'family', type: 'number', description: 'adults in the household', family: (f) => f.adults },
    { name: 'female_adults', level: 'family', type: 'number', description: 'female adults', family: (f) => f.femaleAdults },
    { name: 'start_year', level: 'family', type: 'number', description: 'calendar year of start_date', family: (f) => Number(f.startDate.slice(0, 4)) },
    { name: 'end_year', level: 'family', type: 'number', description: 'calendar year of end_date', family: (f) => (f.endDate === null ? null : Number(f.endDate.slice(0, 4))) },
    { name: 're_referred', level: 'family', type: 'yesno', description: 're-referred (0/1)', family: (f) => yn(f.reReferred) },
    { name: 'social_care_before', level: 'family', type: 'yesno', description: '0/1', family: (f) => yn(f.socialCareBefore) },
    { name: 'social_care_during', level: 'family', type: 'yesno', description: '0/1', family: (f) => yn(f.socialCareDuring) },
    { name: 'social_care_after', level: 'family', type: 'yesno', description: '0/1', family: (f) => yn(f.socialCareAfter) },
    { name: 'cp_plan_after', level: 'family', type: 'yesno', description: '0/1', family: (f) => yn(f.cpPlanAfter) },
  ];
  const D = cohort.needIds.length;
  cohort.needIds.forEach((id, j) => {
    fields.push({
      name: `need_${id}`,
      level: 'family',
      type: 'yesno',
      description: `need indicator ${id} (0/1)`,
      family: (_f, i) => {
        const v = cohort.needs[i * D + j]!;
        return v === 0 || v === 1 ? v : null;
      },
    });
  });
  return fields;
}

/**
 * The fields a filter can use on this cohort: child fields `age`, `gender`; family fields
 * `service`, `ethnicity`, `lsoa`, `closure_reason`, `imd_decile`, `adults`,
 * `female_adults`, `start_year`, `end_year`, `re_referred`, `social_care_before|during|after`,
 * `cp_plan_after`, one `need_<id>` per indicator, and one per grouping passed in options.
 *
 * Cost: O(need indicators + groupings).
 * @throws when a grouping is invalid or its name clashes with a built-in field.
 * @example whereFields(cohort, { groupings: { cluster } }).map((f) => f.name)
 */
export function whereFields(cohort: Cohort, options: SubgroupMembershipOptions = {}): WhereField[] {
  return fieldImpls(cohort, options).map(({ name, level, type, description }) => ({ name, level, type, description }));
}

function fieldImpls(cohort: Cohort, options: SubgroupMembershipOptions): FieldImpl[] {
  const fields = builtInFields(cohort);
  for (const [key, g] of Object.entries(options.groupings ?? {})) {
    const name = key.toLowerCase();
    if (!/^[a-z][a-z0-9_]*$/.test(name)) {
      throw new Error(`subgroup groupings require names of letters, digits and "_" starting with a letter, got "${key}"`);
    }
    if (fields.some((f) => f.name === name)) {
      throw new Error(`subgroup grouping "${key}" clashes with the built-in field of the same name`);
    }
    checkGrouping(cohort, g, 'subgroupMembership');
    fields.push({ name, level: 'family', type: 'text', description: `grouping ${g.name}`, family: (_f, i) => g.values[i]! });
  }
  return fields;
}

function test(cond: WhereCondition, field: FieldImpl, v: Value): Membership {
  if (v === null) return null;
  if (cond.kind === 'range') return (v as number) >= cond.min && (v as number) <= cond.max;
  if (field.type === 'text') {
    const eq = v === cond.raw;
    return cond.op === '=' ? eq : !eq;
  }
  const x = v as number;
  const t = cond.value as number;
  switch (cond.op) {
    case '=':
      return x === t;
    case '!=':
      return x !== t;
    case '<':
      return x < t;
    case '<=':
      return x <= t;
    case '>':
      return x > t;
    case '>=':
      return x >= t;
  }
}

function checkCondition(cond: WhereCondition, field: FieldImpl): WhereCondition {
  const where = `at position ${cond.position}`;
  if (field.type === 'text') {
    if (cond.kind === 'range' || (cond.op !== '=' && cond.op !== '!=')) {
      throw new Error(`subgroup filter: field "${field.name}" is text and takes only = and != (${where})`);
    }
    return cond;
  }
  if (cond.kind === 'range') return cond;
  let value = cond.value;
  if (field.type === 'yesno' && typeof value === 'string') {
    const s = value.toLowerCase();
    if (s === 'yes' || s === 'y' || s === 'true') value = 1;
    else if (s === 'no' || s === 'n' || s === 'false') value = 0;
  }
  if (typeof value !== 'number') {
    throw new Error(`subgroup filter: field "${field.name}" is a number and needs a number, got "${String(value)}" (${where})`);
  }
  if (field.type === 'yesno' && value !== 0 && value !== 1) {
    throw new Error(`subgroup filter: field "${field.name}" is yes/no and needs 0 or 1, got ${value} (${where})`);
  }
  return { ...cond, value };
}

function and(values: Membership[]): Membership {
  let unknown = false;
  for (const v of values) {
    if (v === false) return false;
    if (v === null) unknown = true;
  }
  return unknown ? null : true;
}

function tally(values: Membership[]): { subgroup: number; rest: number; unknown: number } {
  let subgroup = 0;
  let rest = 0;
  for (const v of values) {
    if (v === true) subgroup++;
    else if (v === false) rest++;
  }
  return { subgroup, rest, unknown: values.length - subgroup - rest };
}

/**
 * Applies a parsed filter to a cohort: which children and families are in the subgroup,
 * which in the rest, and which are unknown (a value the filter reads is missing: counted,
 * left out of both). A condition on a missing value is unknown; `and` is false when any
 * condition is false, else unknown when any is unknown, else true. When the filter reads a
 * child field (age, gender) it is evaluated per child (family fields from the child's
 * family), and a family is in the subgroup when any of its children matches.
 *
 * Cost: O(conditions × (children + families)).
 * @throws when a field is unknown (listing the valid ones), an operator does not suit
 *   the field's type, or a value has the wrong type.
 * @example subgroupMembership(cohort, parseWhere('age 10-15')).counts.children // { subgroup, rest, unknown }
 */
export function subgroupMembership(cohort: Cohort, expr: WhereExpr, options: SubgroupMembershipOptions = {}): SubgroupMembership {
  const impls = fieldImpls(cohort, options);
  const byName = new Map(impls.map((f) => [f.name, f]));
  const used: { cond: WhereCondition; field: FieldImpl }[] = expr.conditions.map((c) => {
    const field = byName.get(c.field);
    if (!field) {
      const names = impls.filter((f) => !f.name.startsWith('need_')).map((f) => f.name);
      const needs = cohort.needIds.length > 0 ? `, need_<id> for ${cohort.needIds.length} need indicators (e.g. need_${cohort.needIds[0]})` : '';
      throw new Error(`subgroup filter: unknown field "${c.field}" at position ${c.position}; valid fields: ${names.join(', ')}${needs}`);
    }
    return { cond: checkCondition(c, field), field };
  });
  const childLevel = used.some((u) => u.field.level === 'child');
  const familyValue = (f: Family, i: number, u: { cond: WhereCondition; field: FieldImpl }): Membership =>
    test(u.cond, u.field, u.field.family!(f, i));

  let children: Membership[] | null = null;
  let families: Membership[];
  if (childLevel) {
    children = cohort.children.map((c) =>
      and(
        used.map((u) =>
          u.field.level === 'child' ? test(u.cond, u.field, u.field.child!(c)) : familyValue(cohort.families[c.familyIndex]!, c.familyIndex, u),
        ),
      ),
    );
    const anyTrue = new Array<boolean>(cohort.families.length).fill(false);
    const anyUnknown = new Array<boolean>(cohort.families.length).fill(false);
    const hasChild = new Array<boolean>(cohort.families.length).fill(false);
    cohort.children.forEach((c, k) => {
      hasChild[c.familyIndex] = true;
      if (children![k] === true) anyTrue[c.familyIndex] = true;
      else if (children![k] === null) anyUnknown[c.familyIndex] = true;
    });
    families = cohort.families.map((_, i) => (anyTrue[i] ? true : !hasChild[i] || anyUnknown[i] ? null : false));
  } else {
    families = cohort.families.map((f, i) => and(used.map((u) => familyValue(f, i, u))));
  }
  const notes: string[] = [];
  for (const u of used) {
    if (u.field.type !== 'text' || u.cond.kind !== 'compare' || u.cond.op !== '=') continue;
    const raw = u.cond.raw;
    const seen =
      u.field.level === 'child'
        ? cohort.children.some((c) => u.field.child!(c) === raw)
        : cohort.families.some((f, i) => u.field.family!(f, i) === raw);
    if (!seen) {
      notes.push(`no ${u.field.level} has ${u.field.name} = ${JSON.stringify(raw)} (text is compared exactly: check spelling and case)`);
    }
  }
  return {
    level: childLevel ? 'child' : 'family',
    fields: [...new Set(used.map((u) => u.field))].map(({ name, level, type, description }) => ({ name, level, type, description })),
    children,
    families,
    counts: { children: children ? tally(children) : null, families: tally(families) },
    definition: childLevel
      ? 'child-level filter: evaluated per child (family fields from its family); a family is in the subgroup when any of its children matches, in the rest when none does and every child is known, else unknown; a missing value makes a condition unknown (counted, left out of both groups)'
      : 'family-level filter: evaluated per family; a missing value makes a condition unknown (counted, left out of both groups)',
    notes,
  };
}
