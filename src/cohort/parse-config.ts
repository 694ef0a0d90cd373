import { LineCounter, parseDocument, isNode } from 'yaml';
import type { Problem } from '../io/parse-csv.js';
import { validateDisclosureProfile } from '../disclosure/validate-disclosure-profile.js';
import { COHORT_FILES, DATE_FORMATS, type WorkbenchConfig, type AgeBand } from './config.js';
import { CONTRACT_COLUMNS, isNeedColumn } from './columns.js';

export interface ParseConfigResult {
  config: Partial<WorkbenchConfig> | null;
  problems: Problem[];
}

const TOP_KEYS = [
  'columns',
  'values',
  'codes',
  'dateFormat',
  'indicators',
  'ageBands',
  'stages',
  'disclosure',
  'outcomeMeasures',
  'analysis',
] as const;

/** Contract column names that `codes` may map (need_<id> columns too). */
const CODED_COLUMNS = new Set(Object.values(CONTRACT_COLUMNS).flatMap((cols) => cols.map((c) => c.name)));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringRecord = (v: unknown): v is Record<string, string> =>
  isObject(v) && Object.values(v).every((x) => typeof x === 'string');

/**
 * Parses and validates a configuration file's text (YAML or JSON: JSON is YAML). Every
 * problem is reported as `FILE:LINE:key.path: message (value)`. Pure.
 *
 * ```yaml
 * columns:
 *   families: { "Family ID": family_id, "Start": start_date }
 * values: { yes: ["Y"], no: ["N"] }
 * codes: { outcome: { "Met": met, "Partly met": partially_met } }
 * dateFormat: dd/mm/yyyy
 * indicators: { my_need: { label: "My need", headlineProblem: health } }
 * ageBands: [ { label: "0-9", min: 0, max: 9 }, { label: "10+", min: 10, max: null } ]
 * stages: { upperBounds: [2, 4, 6, 8, 10], names: [Stuck, Accepting help, Trying, Finding what works, Effective parenting] }
 * disclosure: { threshold: 5, symbol: "[c]", roundTotalsTo: 1 }
 * analysis: { cluster: { k: 9 }, progress: { bands: kmeans } }
 * ```
 */
export function parseConfigText(text: string, file: string): ParseConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const problems: Problem[] = [];
  const lineOf = (path: (string | number)[]): number => {
    const node = path.length ? doc.getIn(path, true) : doc.contents;
    const range = isNode(node) ? node.range : undefined;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const err = (path: (string | number)[], message: string, value?: unknown) =>
    problems.push({
      severity: 'error',
      file,
      line: lineOf(path),
      column: path.join('.'),
      message,
      ...(value === undefined ? {} : { value: typeof value === 'string' ? value : JSON.stringify(value) }),
    });
  /** A key no one reads is a typo, not a setting: `disclosure: { threshhold: 10 }` must not fall back to 5. */
  const onlyKeys = (path: (string | number)[], v: Record<string, unknown>, allowed: readonly string[]) => {
    for (const k of Object.keys(v)) if (!allowed.includes(k)) err([...path, k], `unknown key; expected one of ${allowed.join(', ')}`);
  };
  for (const e of doc.errors) {
    problems.push({ severity: 'error', file, line: e.linePos?.[0]?.line ?? 1, column: '', message: `not valid YAML/JSON: ${e.message.split('\n')[0]}` });
  }
  if (problems.length) return { config: null, problems };
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) return { config: {}, problems };
  if (!isObject(raw)) {
    err([], 'the configuration must be a mapping of keys to values');
    return { config: null, problems };
  }
  const out: Partial<WorkbenchConfig> = {};
  for (const key of Object.keys(raw)) {
    if (!(TOP_KEYS as readonly string[]).includes(key)) err([key], `unknown key; expected one of ${TOP_KEYS.join(', ')}`);
  }
  if (raw.columns !== undefined) {
    if (!isObject(raw.columns)) err(['columns'], 'must map file names to { heading: contract column }');
    else {
      out.columns = {};
      for (const [f, m] of Object.entries(raw.columns)) {
        if (!(COHORT_FILES as readonly string[]).includes(f)) err(['columns', f], `unknown file; expected one of ${COHORT_FILES.join(', ')}`);
        else if (!isStringRecord(m)) err(['columns', f], 'must map headings to contract column names (text)');
        else {
          const file = f as (typeof COHORT_FILES)[number];
          const names = CONTRACT_COLUMNS[file].map((c) => c.name);
          const bad = Object.entries(m).filter(([, to]) => !names.includes(to) && !(file === 'families' && isNeedColumn(to)));
          for (const [heading, to] of bad) err(['columns', f, heading], `not a column of ${f}.csv; expected one of ${names.join(', ')}${file === 'families' ? ' or need_<id>' : ''}`, to);
          if (!bad.length) out.columns[file] = m;
        }
      }
    }
  }
  if (raw.values !== undefined) {
    const v = raw.values;
    if (!isObject(v)) err(['values'], 'must be { yes: [...], no: [...] }');
    else {
      onlyKeys(['values'], v, ['yes', 'no']);
      for (const k of ['yes', 'no'] as const) {
        const list = v[k];
        if (list === undefined) continue;
        if (!Array.isArray(list) || !list.every((x) => typeof x === 'string' || typeof x === 'number')) err(['values', k], 'must be a list of values');
        else if (k === 'yes') out.yesValues = list.map(String);
        else out.noValues = list.map(String);
      }
      const both = (out.yesValues ?? []).filter((y) => (out.noValues ?? []).map((n) => n.toLowerCase()).includes(y.toLowerCase()));
      if (both.length) err(['values'], 'a value cannot mean both yes and no', both[0]);
    }
  }
  if (raw.codes !== undefined) {
    if (!isObject(raw.codes)) err(['codes'], 'must map contract columns to { code: value }');
    else {
      out.codes = {};
      for (const [col, m] of Object.entries(raw.codes)) {
        if (!CODED_COLUMNS.has(col) && !isNeedColumn(col)) err(['codes', col], 'unknown column; codes are keyed by contract column names (or need_<id>)');
        else if (!isObject(m) || !Object.values(m).every((x) => typeof x === 'string' || typeof x === 'number')) err(['codes', col], 'must map codes to contract values');
        else out.codes[col] = Object.fromEntries(Object.entries(m).map(([a, b]) => [a, String(b)]));
      }
    }
  }
  if (raw.dateFormat !== undefined) {
    if (typeof raw.dateFormat !== 'string' || !(DATE_FORMATS as readonly string[]).includes(raw.dateFormat.toLowerCase())) {
      err(['dateFormat'], `must be one of ${DATE_FORMATS.join(', ')}`, raw.dateFormat);
    } else out.dateFormat = raw.dateFormat.toLowerCase() as WorkbenchConfig['dateFormat'];
  }
  if (raw.indicators !== undefined) {
    if (!isObject(raw.indicators)) err(['indicators'], 'must map indicator ids to { label, headlineProblem }');
    else {
      out.indicators = {};
      for (const [id, v] of Object.entries(raw.indicators)) {
        if (typeof v === 'string') out.indicators[id] = { label: v, headlineProblem: null };
        else if (isObject(v) && typeof v.label === 'string' && (v.headlineProblem === undefined || typeof v.headlineProblem === 'string')) {
          onlyKeys(['indicators', id], v, ['label', 'headlineProblem']);
          out.indicators[id] = { label: v.label, headlineProblem: (v.headlineProblem as string | undefined) ?? null };
        } else err(['indicators', id], 'must be a label or { label, headlineProblem }');
      }
    }
  }
  if (raw.ageBands !== undefined) {
    const bands = raw.ageBands;
    if (!Array.isArray(bands) || bands.length < 2) err(['ageBands'], 'must be a list of at least two { label, min, max }');
    else {
      const parsed: AgeBand[] = [];
      bands.forEach((b: unknown, i: number) => {
        if (!isObject(b) || typeof b.label !== 'string' || !Number.isInteger(b.min) || !(b.max === null || b.max === undefined || Number.isInteger(b.max))) {
          err(['ageBands', i], 'must be { label: text, min: whole number, max: whole number or null }', b);
          return;
        }
        onlyKeys(['ageBands', i], b, ['label', 'min', 'max']);
        if (typeof b.max === 'number' && b.max < (b.min as number)) {
          err(['ageBands', i, 'max'], `must be at least min (${b.min as number})`, b.max);
          return;
        }
        parsed.push({ label: b.label, min: b.min as number, max: (b.max as number | null | undefined) ?? null });
      });
      for (let i = 1; i < parsed.length; i++) {
        const prev = parsed[i - 1]!;
        if (prev.max === null || parsed[i]!.min !== prev.max + 1) err(['ageBands', i], `bands must be contiguous and ascending: min should be ${prev.max === null ? '(none: the previous band is open-ended)' : prev.max + 1}`, parsed[i]!.min);
      }
      if (parsed.length === bands.length) out.ageBands = parsed;
    }
  }
  if (raw.stages !== undefined) {
    const s = raw.stages;
    if (!isObject(s) || !Array.isArray(s.upperBounds) || !Array.isArray(s.names)) err(['stages'], 'must be { upperBounds: [...], names: [...] }');
    else {
      onlyKeys(['stages'], s, ['upperBounds', 'names']);
      const ub = s.upperBounds as unknown[];
      const names = s.names as unknown[];
      const okBounds = ub.every((x, i) => Number.isInteger(x) && (i === 0 || (x as number) > (ub[i - 1] as number)));
      if (!okBounds || ub.length < 2) err(['stages', 'upperBounds'], 'must be at least two ascending whole numbers', ub);
      else if (names.length !== ub.length || !names.every((n) => typeof n === 'string')) err(['stages', 'names'], `must be ${ub.length} names, one per stage`, names);
      else out.stages = { upperBounds: ub as number[], names: names as string[] };
    }
  }
  if (raw.disclosure !== undefined) {
    const d = raw.disclosure;
    if (!isObject(d)) err(['disclosure'], 'must be { threshold, symbol, roundTotalsTo, name }');
    else {
      onlyKeys(['disclosure'], d, ['name', 'threshold', 'symbol', 'roundTotalsTo']);
      const threshold = d.threshold ?? 5;
      const roundTo = d.roundTotalsTo ?? 1;
      if (!Number.isInteger(threshold) || (threshold as number) < 1) err(['disclosure', 'threshold'], 'must be a whole number ≥ 1', threshold);
      if (!Number.isInteger(roundTo) || (roundTo as number) < 1) err(['disclosure', 'roundTotalsTo'], 'must be a whole number ≥ 1', roundTo);
      if (d.symbol !== undefined && typeof d.symbol !== 'string') err(['disclosure', 'symbol'], 'must be text', d.symbol);
      const profile = {
        name: typeof d.name === 'string' ? d.name : `counts 1–${String(threshold)} suppressed as ${typeof d.symbol === 'string' ? d.symbol : '[c]'}`,
        threshold: threshold as number,
        symbol: typeof d.symbol === 'string' ? d.symbol : '[c]',
        roundTotalsTo: roundTo as number,
      };
      try {
        out.disclosure = validateDisclosureProfile(profile);
      } catch (e) {
        err(['disclosure'], (e as Error).message);
      }
    }
  }
  if (raw.outcomeMeasures !== undefined) {
    const m = raw.outcomeMeasures;
    if (!Array.isArray(m) || !m.every((x) => typeof x === 'string') || m.length === 0) err(['outcomeMeasures'], 'must be a list of measure ids');
    else out.outcomeMeasureIds = m as string[];
  }
  if (raw.analysis !== undefined) {
    if (!isObject(raw.analysis) || !Object.values(raw.analysis).every(isObject)) err(['analysis'], 'must map sections (cluster, progress, tree, outcomes, report) to options');
    else out.analysis = raw.analysis as Record<string, Record<string, unknown>>;
  }
  return { config: problems.length ? null : out, problems };
}
