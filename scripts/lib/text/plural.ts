/** A count with its noun: "1 error", "2 errors", "1.5 hours", "1 attendee". */
export function plural(n: number | string, one: string, many = `${one}s`): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}
