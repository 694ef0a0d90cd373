/**
 * One CSV cell as RFC 4180 writes it: quoted (with inner quotes doubled) only when the
 * value holds a comma, a double quote, a carriage return or a line feed, or starts or ends
 * with a space (so readers that trim keep it). Cost: O(length).
 * @example csvField('Smith, J') // '"Smith, J"'
 * @example csvField('plain') // 'plain'
 */
export function csvField(value: string): string {
  if (/[",\r\n]/.test(value) || /^\s|\s$/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}
