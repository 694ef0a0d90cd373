import { describe, expect, it } from 'vitest';
import { arrangeClusters, clusterLabel } from '../../src/cluster/arrange-clusters.js';
import { needProfiles } from '../../src/cluster/need-profiles.js';
import { suggestClusterNames } from '../../src/cluster/suggest-cluster-names.js';
import { golden, readMatrix } from './fixtures.js';

const b = readMatrix('binary.csv');
const binary = { rows: b.rows, cols: b.cols, values: Uint8Array.from(b.values) };
const ids = Array.from({ length: 24 }, (_, j) => `n${j}`);

describe('needProfiles', () => {
  const labels = golden.kmeansBinary[0]!.labels;
  const r = needProfiles(binary, labels, 4, ids);

  it('tests each cluster against the rest as scipy chi2_contingency(correction=False), Holm-adjusted (make_golden.py)', () => {
    expect(r.tests).toBe(96);
    expect(r.adjust).toBe('holm');
    for (let c = 0; c < 4; c++) {
      for (let j = 0; j < 24; j++) {
        const e = r.profiles[c]!.needs[j]!;
        const p = golden.profiles.p[c * 24 + j]!;
        expect(e.tested).toBe(true);
        expect(Math.abs(e.p - p)).toBeLessThanOrEqual(1e-9 * Math.max(p, 1e-300) + 1e-300);
        expect(e.pAdjusted!).toBeCloseTo(golden.profiles.holm[c * 24 + j]!, 12);
      }
    }
  });

  it('reports shares and distinctive needs consistently', () => {
    for (const p of r.profiles) {
      for (const e of p.needs) {
        expect(e.percent).toBeCloseTo((100 * e.count) / p.size, 2);
        expect(e.overRepresented).toBe(e.pAdjusted! < 0.05 && e.percent > e.restPercent);
      }
      const zs = p.distinctive.map((id) => p.needs.find((e) => e.id === id)!.z!);
      expect([...zs].sort((x, y) => y - x)).toEqual(zs);
    }
    // The planted design: group c has its signature needs in columns 6c..6c+5 (make_golden.py planted_binary).
    const sizes = r.profiles.map((p) => p.size);
    expect(sizes.reduce((s, v) => s + v, 0)).toBe(500);
    const signature = r.profiles.map((p) => Math.floor(ids.indexOf(p.distinctive[0]!) / 6)).sort();
    expect(signature).toEqual([0, 1, 2, 3]);
  });

  it('gives no test for a need that every family has or none has', () => {
    const data = { rows: 4, cols: 2, values: new Uint8Array([1, 0, 1, 1, 1, 0, 1, 1]) };
    const p = needProfiles(data, [0, 0, 1, 1], 2, ['all', 'some']);
    expect(p.profiles[0]!.needs[0]!.tested).toBe(false);
    expect(p.profiles[0]!.needs[0]!.p).toBe(1);
    expect(p.profiles[0]!.needs[0]!.overRepresented).toBe(false);
    expect(p.tests).toBe(2);
  });
});

describe('arrangeClusters', () => {
  const centroids = [
    [0.9, 0.9, 0.1, 0.1], // many needs of type 1
    [0.1, 0.1, 0.2, 0.1], // few needs
    [0.5, 0.6, 0.1, 0.1], // some needs of type 1
    [0.1, 0.2, 0.9, 0.8], // type 2
  ];
  const sizes = [50, 120, 80, 60];

  it('groups by Ward on the centroids, numbers groups by mean needs and gives levels within groups', () => {
    // By hand: Ward costs nA·nB/(nA+nB)·‖mA − mB‖²: 0–2 7.69 (lowest, merged first), then {0,2}–1 43.4,
    // {0,2}–3 69.9, 1–3 39.6 (merged second). Group mean needs: {1,3} 1.0, {0,2} 1.57.
    const two = arrangeClusters(centroids, sizes, { groups: 2 });
    expect(two.groups).toEqual([2, 1, 2, 1]);
    expect(two.level).toEqual(['HIGH', 'LOW', 'LOW', 'HIGH']);
    expect(two.labels).toEqual(['D', 'A', 'C', 'B']);
    expect(two.order).toEqual([1, 3, 2, 0]);
    const three = arrangeClusters(centroids, sizes, { groups: 3 });
    expect(three.groups[0]).toBe(three.groups[2]);
    expect(three.level[1]).toBe('MID'); // alone in its group
    expect(three.level[3]).toBe('MID');
    const one = arrangeClusters(centroids, sizes, { groups: 1 });
    // Order by mean needs 1 (0.5), 2 (1.3), 3 (2.0), 0 (2.0; the tie goes by centroid values, 0.1 < 0.9):
    // positions 0, 1/3, 2/3, 1 → LOW, MID, MID, HIGH.
    expect(one.level).toEqual(['HIGH', 'LOW', 'MID', 'MID']);
  });

  it('does not depend on how the clusters were numbered (labels permutation-invariant)', () => {
    const base = arrangeClusters(centroids, sizes);
    const perm = [2, 0, 3, 1];
    const r = arrangeClusters(perm.map((i) => centroids[i]!), perm.map((i) => sizes[i]!));
    perm.forEach((orig, now) => {
      expect(r.labels[now]).toBe(base.labels[orig]);
      expect(r.level[now]).toBe(base.level[orig]);
      expect(r.groups[now]).toBe(base.groups[orig]);
    });
  });

  it('labels past Z and rejects bad input', () => {
    expect([0, 25, 26, 27, 701, 702].map(clusterLabel)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(() => arrangeClusters([[1], [1, 2]], [1, 1])).toThrow('equal length');
    expect(() => arrangeClusters([[1]], [1], { groups: 0 })).toThrow('groups=0');
  });
});

describe('suggestClusterNames', () => {
  it('names groups after the headline problem of their distinctive needs, each a different one', () => {
    const indicators = {
      a: { label: 'Adult victim of domestic abuse', headlineProblem: 'domestic_abuse' },
      b: { label: 'Police call-out', headlineProblem: 'domestic_abuse' },
      c: { label: 'SEND', headlineProblem: 'education' },
    };
    const r = suggestClusterNames(
      {
        groups: [1, 1, 2, 3],
        levels: ['LOW', 'HIGH', 'MID', 'MID'],
        distinctive: [[{ id: 'a', z: 5 }], [{ id: 'b', z: 9 }, { id: 'c', z: 2 }], [{ id: 'c', z: 7 }], []],
      },
      indicators,
    );
    expect(r.groups.get(1)).toBe('Domestic abuse');
    expect(r.groups.get(2)).toBe('Education');
    expect(r.groups.get(3)).toBe('Lower needs');
    expect(r.clusters[1]).toBe('Domestic abuse (HIGH): Police call-out, SEND');
    expect(r.clusters[3]).toBe('Lower needs (MID)');
  });
});
