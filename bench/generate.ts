/**
 * Synthetic data for the benchmark: N partners with the mix of the sample
 * data (every stage, USD and CAD, every billing kind, years of invoices,
 * usage, surveys, grants), deterministic for a seed and valid by
 * construction. Written as plain text; the validator is what checks it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { periodAmount } from '../scripts/lib/model/invoice-bills.js';
import { CONTRACT_KINDS, PARTNER_TYPES, type Contract } from '../scripts/lib/model/records.js';
import { addDays, addMonths, addMonthsToDate, daysBetween, minDate, monthOf } from '../scripts/lib/time/calendar.js';
import { billingPeriods } from '../scripts/lib/time/periods.js';

export const BENCH_AS_OF = '2026-11-24';

/** mulberry32: small, fast, and the same numbers on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const STAGES = [
  ['lead', 10],
  ['qualified', 5],
  ['proposal', 5],
  ['negotiation', 5],
  ['onboarding', 5],
  ['active', 55],
  ['paused', 5],
  ['churned', 7],
  ['lost', 3],
] as const;
const SIGNED = new Set(['onboarding', 'active', 'paused', 'churned']);
const SURVEYS = ['2025-q3', '2025-q4', '2026-q1', '2026-q2', '2026-q3'];
const CHECKLIST = ['kickoff-call', 'hub-deployed', 'admins-trained', 'first-users'];

export interface GenerateOptions {
  partners: number;
  seed: number;
  out: string;
}

export function generate({ partners, seed, out }: GenerateOptions): { files: number } {
  const r = rng(seed);
  rmSync(out, { recursive: true, force: true });
  let files = 0;
  const write = (path: string, text: string) => {
    const file = join(out, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
    files++;
  };
  write(
    'ops.config.yaml',
    `organization: Synthetic Org ${seed}\nreporting_currency: USD\nfx:\n  CAD:\n    - { from: 2020-01, rate: ` +
      `0.75 }\n    - { from: 2025-01, rate: 0.73 }\n    - { from: 2026-07, rate: 0.72 ` +
      `}\nonboarding_checklist:\n${CHECKLIST.map((c) => `  - { id: ${c}, title: ${c} }`).join('\n')}\n`,
  );
  write(
    'costs/recurring.yaml',
    Array.from(
      { length: 20 },
      (_, i) =>
        `- { id: cost-${i}, category: ${r.pick(['staff', 'infrastructure', 'tools', 'overhead'])}, ` +
        `description: Cost ${i}, amount: ${r.int(5, 200) * partners}, currency: ` +
        `${i % 4 === 0 ? 'CAD' : 'USD'}, per: ${r.pick(['month', 'quarter', 'year'])}, start: 2023-01-01 }\n`,
    ).join(''),
  );
  let invoiceNo = 0;
  const ids: string[] = [];
  for (let i = 0; i < partners; i++) {
    const id = `p${String(i).padStart(5, '0')}`;
    ids.push(id);
    const stage = weighted(r, STAGES);
    const currency = r.chance(0.3) ? 'CAD' : 'USD';
    const first = addDays('2023-01-01', r.int(0, 1000));
    const m: Record<string, string> = { first_contact: first };
    let d = first;
    const step = (name: string) => (m[name] = d = addDays(d, r.int(5, 60)));
    if (stage !== 'lead') step('qualified');
    if (!['lead', 'qualified'].includes(stage)) step('proposal_sent');
    if (SIGNED.has(stage)) step('contract_signed');
    if (['active', 'paused', 'churned'].includes(stage)) step('hub_live');
    if (['active', 'churned'].includes(stage)) step('onboarding_complete');
    if (stage === 'churned') m.churned = d = addDays(d, r.int(200, 500));
    const signed = m.contract_signed;
    const hubs = SIGNED.has(stage) ? Array.from({ length: r.int(1, 2) }, (_, k) => `${id}-h${k}`) : [];
    const launched = m.hub_live ?? (signed ? addDays(signed, 20) : undefined);
    const onboarding = signed
      ? CHECKLIST.slice(0, stage === 'onboarding' ? r.int(0, 3) : 4).map((c, k) => `  ${c}: ${addDays(signed, k + 1)}`)
      : [];
    write(
      `partners/${id}/partner.md`,
      `---\nid: ${id}\nname: Partner ${i}\ntype: ${PARTNER_TYPES[i % PARTNER_TYPES.length]}\n` +
        `country: ${currency === 'CAD' ? 'CA' : 'US'}\naccount_owner: owner${i % 7}\nstage: ${stage}\n` +
        `milestones:\n${Object.entries(m)
          .map(([k, v]) => `  ${k}: ${v}`)
          .join('\n')}\n` +
        (hubs.length
          ? `hubs:\n${hubs
              .map((h) => `  - { id: ${h}, cloud: ${r.pick(['aws', 'gcp', 'azure'])}, launched: ${launched} }`)
              .join('\n')}\n`
          : '') +
        (onboarding.length ? `onboarding:\n${onboarding.join('\n')}\n` : '') +
        `contacts:\n  - { name: Contact ${i}, role: Hub admin }\n---\n\nNotes about partner ${i}.\n`,
    );
    if (!signed) {
      if (['proposal', 'negotiation'].includes(stage)) {
        write(
          `partners/${id}/contracts/${id}-draft.yaml`,
          contract(r, `${id}-draft`, id, 'draft', undefined, '2027-01-01', '2027-12-31', currency, []) +
            `probability: ${r.int(1, 9) * 10}\n`,
        );
      }
      continue;
    }
    // One signed contract from the signature, sometimes renewed once.
    const start = addMonthsToDate(signed, 1).slice(0, 8) + '01';
    let years = r.pick([1, 2, 3]);
    // An active partner's contract is still in force: extend its term a year at a time.
    while (stage === 'active' && addDays(addMonthsToDate(start, 12 * years), -1) < BENCH_AS_OF) years++;
    const end = addDays(addMonthsToDate(start, 12 * years), -1);
    const terminated = stage === 'churned' ? minDate(m.churned, end) : undefined;
    const status = terminated ? 'terminated' : end < BENCH_AS_OF ? 'expired' : 'active';
    const every = r.pick(['month', 'quarter', 'year', 'once'] as const);
    const when = r.pick(['advance', 'arrears'] as const);
    const fee = r.int(5, 80) * 100;
    const cid = `${id}-c1`;
    const cloud = r.pick(['pass-through', 'included', 'partner-pays']);
    write(
      `partners/${id}/contracts/${cid}.yaml`,
      contract(r, cid, id, status, signed, start, end, currency, hubs, { every, when, fee, cloud, terminated }),
    );
    // Invoices: every billing period due by the as-of date, most paid, some late, some partly paid. Each for what
    // the contract's fees come to over its period (model/invoice-bills.ts: whole months at the monthly fee, a stub
    // by its days), as `npm run billing -- --write` writes them: a team's invoices match their contracts.
    const effectiveEnd = terminated ?? end;
    const fees = { start, end, currency, fees: [{ id: 'hosting', amount: fee, per: 'month' }] } as unknown as Contract;
    const inv: string[] = [];
    for (const p of billingPeriods(start, effectiveEnd, every)) {
      const issued = when === 'advance' ? p.from : addDays(p.to, 3);
      if (issued > BENCH_AS_OF) break;
      const cents = periodAmount(fees, p).times(100).toNumber();
      const age = daysBetween(issued, BENCH_AS_OF);
      const paidOn = addDays(issued, r.int(10, 95));
      const partial = r.chance(0.05);
      const payments: [string, number][] =
        age > 40 && paidOn <= BENCH_AS_OF ? (partial ? [[paidOn, Math.floor(cents / 2)]] : [[paidOn, cents]]) : [];
      const paid = payments.length > 0 && payments[0][1] === cents;
      inv.push(
        `- number: INV-${++invoiceNo}\n  contract: ${cid}\n  issued: ${issued}\n  currency: ${currency}\n  ` +
          `amount: ${money(cents)}\n  period: { from: ${p.from}, to: ${p.to} }\n  status: ${paid ? 'paid' : 'sent'}\n` +
          (payments.length
            ? `  payments:\n${payments.map(([dt, a]) => `    - { date: ${dt}, amount: ${money(a)} }`).join('\n')}\n`
            : ''),
      );
    }
    write(`partners/${id}/invoices.yaml`, inv.join('') || '[]\n');
    // A year of monthly cloud costs and usage per hub, up to the month before the as-of date.
    const months: string[] = [];
    for (let mo = monthOf(launched); mo < monthOf(BENCH_AS_OF) && mo <= monthOf(effectiveEnd); mo = addMonths(mo, 1))
      months.push(mo);
    const recent = months.slice(-12);
    if (cloud !== 'partner-pays')
      write(
        `partners/${id}/cloud-costs.yaml`,
        hubs
          .flatMap((h) =>
            recent.map(
              (mo) =>
                `- { month: ${mo}, hub: ${h}, amount: ` +
                `${r.int(200, 4000)}.${String(r.int(0, 99)).padStart(2, '0')}, currency: ${currency} }\n`,
            ),
          )
          .join('') || '[]\n',
      );
    write(
      `partners/${id}/usage.yaml`,
      hubs
        .flatMap((h) => recent.map((mo) => `- { month: ${mo}, hub: ${h}, active_users: ${r.int(5, 500)} }\n`))
        .join('') || '[]\n',
    );
    write(
      `partners/${id}/feedback.yaml`,
      SURVEYS.flatMap((s) =>
        Array.from(
          { length: r.int(0, 3) },
          (_, k) =>
            `- { survey: ${s}, date: ${s.slice(0, 4)}-${String(Number(s.slice(6)) * 3).padStart(2, '0')}-` +
            `${String(10 + k).padStart(2, '0')}, score: ${r.int(0, 10)} }\n`,
        ),
      ).join('') || '[]\n',
    );
  }
  for (let g = 0; g < Math.max(3, Math.floor(partners / 10)); g++) {
    const status = r.pick(['prospect', 'submitted', 'active', 'closed'] as const);
    const held = status === 'active' || status === 'closed';
    const start = addDays('2024-01-01', r.int(0, 700));
    const end = addDays(start, 730);
    write(
      `grants/g${g}/grant.md`,
      `---\nid: g${g}\ntitle: Grant ${g}\nfunder: Funder ${g % 13}\nstatus: ${status}\namount: ` +
        `${r.int(5, 100) * 10000}\ncurrency: USD\n${
          held ? `awarded: ${addDays(start, -30)}\nstart: ` + `${start}\nend: ${end}\n` : ''
        }owner: owner${g % 7}\npartners: [${ids[g % ids.length]}]\n---\n\nGrant ${g}.\n`,
    );
    if (held) {
      write(
        `grants/g${g}/deliverables.yaml`,
        Array.from({ length: 6 }, (_, k) => {
          const due = addDays(start, 120 * (k + 1));
          const done = due < BENCH_AS_OF && r.chance(0.8);
          return (
            `- { id: d${k}, kind: ${k % 2 ? 'report' : 'deliverable'}, title: Deliverable ${k}, due: ` +
            `${due}, owner: owner${k}, status: ` +
            `${done ? 'done' : r.pick(['planned', 'in-progress', 'at-risk'])}${
              done
                ? `, completed: ` +
                  `${addDays(due, r.int(-20, 15))}${k % 2 ? '' : `, evidence: https://example.org/g${g}/d${k}`}`
                : ''
            } }\n`
          );
        }).join(''),
      );
    }
  }
  return { files };
}

function contract(
  r: ReturnType<typeof rng>,
  id: string,
  partner: string,
  status: string,
  signed: string | undefined,
  start: string,
  end: string,
  currency: string,
  hubs: string[],
  terms: { every: string; when: string; fee: number; cloud: string; terminated?: string } = {
    every: 'month',
    when: 'advance',
    fee: 1000,
    cloud: 'included',
  },
): string {
  return (
    `id: ${id}\npartner: ${partner}\nkind: ${r.pick(CONTRACT_KINDS)}\nstatus: ` +
    `${status}\n${signed ? `signed: ${signed}\n` : ''}start: ${start}\nend: ${end}\n` +
    (terms.terminated ? `terminated: ${terms.terminated}\n` : '') +
    `currency: ${currency}\nfees:\n  - { id: hosting, description: Hosting, amount: ${terms.fee}, per: ` +
    `month, service: hub-service }\n` +
    `cloud: { billing: ${terms.cloud}${terms.cloud === 'pass-through' ? ', markup_pct: 10' : ''} }\nbilling: ` +
    `{ every: ${terms.every}, in: ${terms.when} }\n` +
    (hubs.length ? `hubs: [${hubs.join(', ')}]\n` : '')
  );
}

/** Cents as the invoice's amount: 1234.05. */
function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function weighted<T extends string>(r: ReturnType<typeof rng>, table: readonly (readonly [T, number])[]): T {
  let x = r.next() * table.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1][0];
}
