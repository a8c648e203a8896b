/**
 * Digits grouped by the thousand, as the reports and messages write numbers ("1,234,567.50"). By hand rather
 * than with toLocaleString: the first toLocaleString of a process loads ICU's number formats (~25 ms of every
 * report's start), and the output must not depend on the machine's locale data anyway.
 */

/** "-1234567.50" → "-1,234,567.50" (a loop, not a look-ahead regex: partner pages format figures by the thousand). */
export function grouped(fixed: string): string {
  const point = fixed.indexOf('.');
  const end = point === -1 ? fixed.length : point;
  const start = fixed.startsWith('-') ? 1 : 0;
  if (end - start <= 3) return fixed;
  let out = fixed.slice(0, start + ((end - start) % 3 || 3));
  for (let i = out.length; i < end; i += 3) out += `,${fixed.slice(i, i + 3)}`;
  return out + fixed.slice(end);
}

/** A whole number, grouped: 1471 → "1,471". */
export function count(n: number): string {
  return grouped(String(n));
}
