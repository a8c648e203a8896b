/** "Did you mean …" for misspelt keys, values and names. */
import { closest, distance } from 'fastest-levenshtein';

/** The closest candidate when it is near enough to be a likely typo, else undefined. */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = input.toLowerCase();
  const exactIgnoringCase = candidates.find((c) => c.toLowerCase() === lower);
  if (exactIgnoringCase) return exactIgnoringCase;
  const best = closest(lower, candidates);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(lower, best.toLowerCase()) <= limit ? best : undefined;
}

export function didYouMean(input: string, candidates: readonly string[]): string {
  const s = suggest(input, candidates);
  return s === undefined ? '' : ` Did you mean '${s}'?`;
}
