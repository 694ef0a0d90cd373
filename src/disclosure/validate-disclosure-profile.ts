import type { DisclosureProfile } from '../cohort/config.js';

/**
 * Checks a disclosure profile: `threshold` a whole number >= 1, `roundTotalsTo` a whole
 * number >= 1, `symbol` and `name` non-empty text. Returns the profile unchanged.
 * Cost: O(1).
 * @throws Error naming the rule and the value when a field is invalid.
 * @example validateDisclosureProfile(DEFAULT_DISCLOSURE).threshold // 5
 */
export function validateDisclosureProfile(profile: DisclosureProfile): DisclosureProfile {
  if (!Number.isSafeInteger(profile.threshold) || profile.threshold < 1) {
    throw new Error(`disclosure profile requires threshold to be a whole number >= 1, got threshold=${profile.threshold}`);
  }
  if (!Number.isSafeInteger(profile.roundTotalsTo) || profile.roundTotalsTo < 1) {
    throw new Error(
      `disclosure profile requires roundTotalsTo to be a whole number >= 1, got roundTotalsTo=${profile.roundTotalsTo}`,
    );
  }
  if (typeof profile.symbol !== 'string' || profile.symbol.trim() === '') {
    throw new Error(`disclosure profile requires a non-empty symbol, got symbol=${JSON.stringify(profile.symbol)}`);
  }
  if (/^[\s\d.,+-]*$/.test(profile.symbol)) {
    throw new Error(`disclosure profile requires a symbol that cannot be read as a number, got symbol=${JSON.stringify(profile.symbol)}`);
  }
  if (typeof profile.name !== 'string' || profile.name.trim() === '') {
    throw new Error(`disclosure profile requires a non-empty name, got name=${JSON.stringify(profile.name)}`);
  }
  return profile;
}
