/** The options and the summary of `npm run import -- infrastructure DIR`. */
import { choiceOption, UsageError } from '../cli.js';
import { PARTNER_TYPES, type Partner } from '../model/records.js';
import type { InfrastructureOptions, InfrastructureSummary } from './infrastructure.js';

export const INFRASTRUCTURE_OPTIONS = {
  shared: {
    type: 'string',
    value: 'CLUSTERS',
    help: 'with infrastructure: clusters (comma-separated) serving several communities, one partner per hub',
  },
  dedicated: {
    type: 'string',
    value: 'CLUSTERS',
    help: 'with infrastructure: clusters (comma-separated) serving one community, one partner for the cluster',
  },
  type: {
    type: 'string',
    value: 'TYPE',
    help: `with infrastructure: the type new partners start with (default university): ${PARTNER_TYPES.join(', ')}`,
  },
  country: {
    type: 'string',
    value: 'CC',
    help: 'with infrastructure: the country new partners start with (default US)',
  },
  owner: {
    type: 'string',
    value: 'HANDLE',
    help: 'with infrastructure: the GitHub handle new partners start with as account owner (default unassigned)',
  },
} as const;

type Given = Partial<Record<keyof typeof INFRASTRUCTURE_OPTIONS, string | boolean>>;

/** The options of the infrastructure import; refused with the way to write them. */
export function infrastructureOptions(args: Given): InfrastructureOptions {
  const list = (v: string | boolean | undefined) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  const shared = list(args.shared);
  const dedicated = list(args.dedicated);
  const both = shared.filter((c) => dedicated.includes(c));
  if (both.length) throw new UsageError(`a cluster is shared or dedicated, not both: ${both.join(', ')}`);
  const country = typeof args.country === 'string' ? args.country : 'US';
  if (!/^[A-Z]{2}$/.test(country)) throw new UsageError(`--country '${country}': two capital letters, e.g. US or CA`);
  const owner = (typeof args.owner === 'string' ? args.owner : 'unassigned').replace(/^@/, '');
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(owner))
    throw new UsageError(`--owner '${owner}': a GitHub handle, e.g. octocat`);
  const type = choiceOption<Partner['type']>(
    'type',
    typeof args.type === 'string' ? args.type : undefined,
    PARTNER_TYPES,
    'university',
  );
  return { shared, dedicated, type, country, owner };
}

/** Whether any option of the infrastructure import was given (other kinds refuse them). */
export function usesInfrastructureOptions(args: Given): boolean {
  return Object.keys(INFRASTRUCTURE_OPTIONS).some((k) => args[k as keyof Given] !== undefined);
}

/** At most this many named rows per list; the rest are counted. */
const SHOWN = 20;

function named(title: string, rows: string[]): string[] {
  if (rows.length === 0) return [];
  const more = rows.length - SHOWN;
  return [`${title}:`, ...rows.slice(0, SHOWN).map((r) => `  - ${r}`), ...(more > 0 ? [`  … and ${more} more`] : [])];
}

export function describeInfrastructure(s: InfrastructureSummary, written: string[]): string {
  const partners = `Partners: ${s.added.length} added, ${s.changed.length} changed, ${s.unchanged} unchanged.`;
  const { added, updated, unchanged } = s.hubs;
  const hubs = `Hubs: ${added} added, ${updated} given missing fields, ${unchanged} already listed.`;
  const lines = [
    partners,
    hubs,
    ...named('Added', s.added),
    ...named('Changed', s.changed),
    ...named('Kept as written, though the cluster file says otherwise', s.kept),
  ];
  if (s.toReview.length)
    lines.push(
      `${s.toReview.length} ${s.toReview.length === 1 ? 'partner awaits' : 'partners await'} review ` +
        '(needs_review: true; listed in reports/onboarding.md): check each one, add what npm run validate asks ' +
        'for, then remove needs_review.',
    );
  lines.push(
    written.length
      ? written.length <= SHOWN
        ? `Wrote ${written.join(', ')}.`
        : `Wrote ${written.length} files.`
      : 'Nothing to change: every deployed hub is already listed.',
  );
  return lines.join('\n') + '\n';
}
