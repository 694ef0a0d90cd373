import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { earlyhelp } from './run-earlyhelp.js';

// The whole pipeline through the real executable, on a small synthetic cohort: the fields
// of results.json that users' scripts rely on (shared/contract/cli.md) must be there.
describe('earlyhelp synth + report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ehw-report-'));
  const cohort = join(dir, 'cohort');
  const out = join(dir, 'report');
  let results: Record<string, any>;

  beforeAll(() => {
    const s = earlyhelp(['synth', '--out', cohort, '--families', '700', '--seed', '3']);
    expect(s.status).toBe(0);
    const r = earlyhelp(['report', cohort, '--out', out, '--seed', '5', '--k', '6']);
    expect(r.stderr).not.toMatch(/earlyhelp: /);
    expect(r.status).toBe(0);
    results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Record<string, any>;
  }, 300_000);

  it('writes the pages and results.json', () => {
    for (const page of ['index.html', 'needs.html', 'clusters.html', 'progress.html', 'trees.html', 'outcomes.html', 'methods.html', 'data-quality.html']) {
      expect(existsSync(join(out, page))).toBe(true);
    }
  });

  it('results.json has every field of the contract', () => {
    expect(results.tool.name).toBe('early-help-workbench');
    expect(typeof results.tool.version).toBe('string');
    expect(results.input).toMatchObject({ families: 700 });
    expect(results.input.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(results.input.children).toBeGreaterThan(0);
    expect(results.input.starReadings).toBeGreaterThan(0);
    expect(results.settings.seed).toBe(5);
    const prev = results.needs.prevalence[0];
    for (const k of ['id', 'label', 'count', 'denominator', 'percent', 'ci95']) expect(prev).toHaveProperty(k);
    expect(results.clusters).toMatchObject({ method: 'kmeans', k: 6, seed: 5 });
    expect(typeof results.clusters.inertia).toBe('number');
    const c = results.clusters.clusters[0];
    for (const k of ['label', 'size', 'group', 'level', 'needs']) expect(c).toHaveProperty(k);
    expect(['LOW', 'MID', 'HIGH']).toContain(c.level);
    for (const k of ['id', 'percent', 'overallPercent', 'p', 'pAdjusted', 'overRepresented']) expect(c.needs[0]).toHaveProperty(k);
    const p = results.progress;
    expect(p.bands.method).toBe('kmeans');
    for (const k of ['eligibleFamilies', 'anyDomainProgressed']) expect(typeof p[k]).toBe('number');
    expect(typeof p.excluded.noChange).toBe('number');
    for (const k of ['id', 'families', 'progressed', 'percent']) expect(p.domains[0]).toHaveProperty(k);
    expect(p.matrix.counts).toHaveLength(3);
    const matrixTotal = (p.matrix.counts as number[][]).flat().reduce((a, b) => a + b, 0);
    expect(p.categories.up + p.categories.same + p.categories.down).toBe(matrixTotal);
    expect(matrixTotal).toBe(p.eligibleFamilies);
    const ab = results.outcomes.ageBands;
    for (const k of ['band', 'metOrPartiallyMet', 'notMet']) expect(ab.table[0]).toHaveProperty(k);
    for (const k of ['statistic', 'df', 'p']) expect(typeof ab.chiSquare[k]).toBe('number');
    const t = results.trees.chaid;
    expect(t.target).toBe('social_care_after');
    expect(t.nodes[0]).toMatchObject({ id: 0, parent: null });
    for (const k of ['n', 'distribution']) expect(t.nodes[0]).toHaveProperty(k);
    const split = t.nodes.find((n: { split?: unknown }) => n.split)?.split;
    if (split) for (const k of ['variable', 'groups', 'chiSquare', 'df', 'p', 'pAdjusted']) expect(split).toHaveProperty(k);
  });

  it('marks results.json as exact analyst output', () => {
    expect(results._notice).toMatch(/not .*publi/i);
  });

  it('exits 2 on an invalid cohort and writes nothing', () => {
    const bad = join(dir, 'bad');
    earlyhelp(['synth', '--out', bad, '--families', '50']);
    const fam = readFileSync(join(bad, 'families.csv'), 'utf8').split('\n');
    fam[1] = fam[1]!.replace(/\d{4}-\d{2}-\d{2}/, '2021-02-30');
    writeFileSync(join(bad, 'families.csv'), fam.join('\n'));
    const target = join(dir, 'never');
    const r = earlyhelp(['report', bad, '--out', target]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/families\.csv:2:\w+: impossible date \("2021-02-30"\)/);
    expect(existsSync(target)).toBe(false);
  });
});
