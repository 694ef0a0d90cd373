/**
 * JSON text that is safe inside an HTML `<script>` element or attribute: `<`, `>`, `&` and
 * the line separators U+2028 / U+2029 are written as `\u` escapes, so no `</script>` or
 * comment opener can appear. The value parses back unchanged.
 * Cost: O(size of the JSON). Throws what `JSON.stringify` throws (cycles, BigInt).
 * @example jsonForHtml({ a: '</script>' }) // '{"a":"\\u003c/script\\u003e"}'
 */
export function jsonForHtml(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
