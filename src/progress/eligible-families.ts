import type { FamilyProgress } from './types.js';

/**
 * Indices of the families in the progress analysis (at least one domain with change),
 * among `members` (all families when omitted), in ascending order without repeats.
 * Cost: O(families).
 * @throws when a member index is not a family index.
 * @example eligibleFamilies(progress, [0, 3]) // [0] when family 3 has no change
 */
export function eligibleFamilies(progress: FamilyProgress, members?: ArrayLike<number>): number[] {
  const out: number[] = [];
  if (members === undefined) {
    for (let f = 0; f < progress.familyCount; f++) if (progress.exclusion[f] === null) out.push(f);
    return out;
  }
  const seen = new Uint8Array(progress.familyCount);
  for (let i = 0; i < members.length; i++) {
    const f = members[i]!;
    if (!Number.isInteger(f) || f < 0 || f >= progress.familyCount) {
      throw new Error(`progress group members must be family indices 0-${progress.familyCount - 1}, got ${f}`);
    }
    seen[f] = 1;
  }
  for (let f = 0; f < progress.familyCount; f++) if (seen[f] && progress.exclusion[f] === null) out.push(f);
  return out;
}
