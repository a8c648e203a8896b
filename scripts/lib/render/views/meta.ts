/** What every report states at its top: whose figures, as of when, from which data. */
import { md } from '../markdown.js';

export interface ReportMeta {
  organization: string;
  asOf: string;
  currency: string;
  /** The data revision the report was built from. */
  revision: string;
  /** fiscal_sponsor_fee_pct: when above 0, every report says revenue is net of it. */
  sponsorFeePct: number;
}

export interface Header {
  title: string;
  organization: string;
  asOf: string;
  currency: string;
  /** What the amounts are in: "amounts without a currency are in USD" (every other amount names its own). */
  amounts: string;
  revision: string;
  /** Relative path from the report to the repository root, e.g. '../' or '../../'. */
  up: string;
  /** Relative path from the report to the dashboard (reports/README.md); empty on the dashboard itself. */
  home: string;
  net: string;
}

export function header(meta: ReportMeta, title: string, up = '../'): Header {
  const net =
    meta.sponsorFeePct > 0
      ? ` Revenue is net of the fiscal sponsor's fee of ${meta.sponsorFeePct} % ` +
        '(pass-through cloud revenue, a reimbursement, excepted).'
      : '';
  return {
    title,
    organization: md(meta.organization),
    asOf: meta.asOf,
    currency: meta.currency,
    amounts: `amounts without a currency are in ${meta.currency}`,
    revision: md(meta.revision),
    up,
    // Every report sits one folder below the root or deeper, like reports/README.md: one '../' fewer reaches it.
    home: `${up.slice(3)}README.md`,
    net,
  };
}
