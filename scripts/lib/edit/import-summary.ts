/** What an import did, counted as it merges (every import's summary has these; cloud bills add more). */
export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Entries made of several rows: "uni-north-main 2026-10 (lines 3, 7)". */
  summed: string[];
  /** What names no hub of any partner (Prometheus namespaces), so was left out. */
  skipped: string[];
  /** Billing-export rows that map to no hub, summed: money nobody recovers. */
  unattributed: string[];
  /** Unattributed sums recorded before that this export attributes to hubs (set to 0). */
  nowAttributed: string[];
}

/** A summary before anything is merged. */
export function noChangesYet(): ImportSummary {
  return { added: 0, updated: 0, unchanged: 0, summed: [], skipped: [], unattributed: [], nowAttributed: [] };
}
