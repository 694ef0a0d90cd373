/**
 * The marker a published value carries in place of a suppressed count. It holds no
 * value at all, so code downstream of disclosure control cannot see (or leak) the
 * count it replaces; the page shows the profile's symbol (`[c]` by default).
 */
export interface Suppressed {
  readonly suppressed: true;
}

/** The one suppressed marker (frozen; compare with `isSuppressed`). */
export const SUPPRESSED: Suppressed = Object.freeze({ suppressed: true as const });

/** A value after disclosure control: a number that may be published, or the marker. */
export type PublishedValue = number | Suppressed;

/**
 * Whether a value (a published value, or a statistic derived from one) is the suppressed marker.
 * Cost: O(1). Never throws.
 * @example isSuppressed(SUPPRESSED) // true
 * @example isSuppressed(12) // false
 */
export function isSuppressed(value: unknown): value is Suppressed {
  return value === SUPPRESSED || (typeof value === 'object' && value !== null && (value as { suppressed?: unknown }).suppressed === true);
}
