import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { earlyhelp } from './run-earlyhelp.js';

const TINY = new URL('../../../shared/contract/examples/tiny/', import.meta.url).pathname;

describe('earlyhelp validate', () => {
  it('exits 0 on a valid cohort and prints the summary', () => {
    const r = earlyhelp(['validate', TINY]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('families 8, children 15');
  });

  it('exits 2 and lists every problem as FILE:LINE:COLUMN on an invalid cohort', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ehw-bad-'));
    cpSync(TINY, dir, { recursive: true });
    const star = readFileSync(join(dir, 'star.csv'), 'utf8').replace('F001,home_and_money,2023-01-20,6', 'F001,home_and_money,2023-01-20,11');
    writeFileSync(join(dir, 'star.csv'), star);
    const r = earlyhelp(['validate', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('star.csv:2:reading: a reading must be a whole number from 1 to 10 ("11")');
    expect(r.stdout).toBe('');
  });

  it('--json prints only JSON on standard output', () => {
    const r = earlyhelp(['validate', TINY, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { valid: boolean; summary: { families: number } };
    expect(out.valid).toBe(true);
    expect(out.summary.families).toBe(8);
  });

  it('exits 2 on an invalid configuration, naming file, line and key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ehw-cfg-'));
    const cfg = join(dir, 'config.yml');
    writeFileSync(cfg, 'dateFormat: dd/mm/yyyy\nageBands: 7\n');
    const r = earlyhelp(['validate', TINY, '--config', cfg]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${cfg}:2:ageBands: must be a list of at least two { label, min, max }`);
  });

  it('exits non-zero with a one-line reason when the cohort does not exist', () => {
    const r = earlyhelp(['validate', '/nonexistent/cohort']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on a path that is neither a folder nor a workbook, and on an unknown option', () => {
    const notCohort = earlyhelp(['validate', join(TINY, 'families.csv')]);
    expect(notCohort.status).toBe(2);
    expect(notCohort.stderr).toContain('a cohort is a folder of CSV files or an .xlsx workbook');
    expect(earlyhelp(['validate', TINY, '--no-such-option']).status).toBe(2);
  });

  it('--version and --help exit 0', () => {
    expect(earlyhelp(['--version']).status).toBe(0);
    expect(earlyhelp(['--help']).stdout).toContain('validate');
  });
});
