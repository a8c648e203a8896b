/** What `npm run record` changes: a payment, a new invoice, a stage move, a deliverable's status. */
import { PRE_CONTRACT_STAGES } from '../check/rules/pre-contract-stage.js';
import { STAGE_OPENED_BY } from '../figures/onboarding.js';
import { dec, sum, toFixed } from '../money/decimal.js';
import { MINOR_UNITS } from '../money/currency.js';
import type { Contract, Currency, Stage } from '../model/records.js';
import { STAGES } from '../model/records.js';
import { today } from '../time/calendar.js';
import { EditRefused, type ChangeSet } from './changeset.js';
import { checkAmount, completeFields, isAmount, isDate, isSlug, oneOf } from './fields.js';
import { notInvoiced, periodAmount } from '../model/invoice-bills.js';
import { money } from './new-records.js';

type Given = Record<string, unknown>;
const itemIndex = (pointer: string) => Number(pointer.slice(1));

export async function recordPayment(changes: ChangeSet, given: Given): Promise<string> {
  const v = await completeFields(
    'record payment',
    [
      { flag: 'invoice', about: 'the invoice number, e.g. INV-2026-1040' },
      { flag: 'amount', about: 'the amount received', check: isAmount('payment') },
      { flag: 'date', about: 'the date it was received', default: today(), check: isDate },
    ],
    given,
  );
  const { repo } = await changes.current();
  const found = repo.partners.flatMap((p) => p.invoices).find((i) => i.value.number === v.invoice);
  if (!found)
    throw new EditRefused(`there is no invoice '${v.invoice}'; check the number in the partner's invoices.yaml`);
  const invoice = found.value;
  checkAmount('amount', v.amount!, 'payment', invoice.currency);
  const paid = sum((invoice.payments ?? []).map((p) => dec(p.amount))).plus(dec(v.amount!));
  const total = dec(invoice.amount);
  if (paid.greaterThan(total)) {
    throw new EditRefused(
      `${v.invoice} is for ${toFixed(total, 2)} ${invoice.currency} and ` +
        `${toFixed(paid.minus(dec(v.amount!)), 2)} is already paid: ${v.amount} more would be too much`,
    );
  }
  const at = itemIndex(found.pointer);
  changes.edit(found.file, (e) => {
    e.append([at, 'payments'], { date: v.date, amount: money(v.amount!, invoice.currency) });
    if (paid.equals(total)) e.set([at, 'status'], 'paid');
  });
  const left = total.minus(paid);
  return (
    `Recorded ${toFixed(dec(v.amount!), 2)} ${invoice.currency} received ${v.date} for ${v.invoice}; ` +
    `${left.isZero() ? 'it is now paid' : `${toFixed(left, 2)} ${invoice.currency} is still outstanding`}.`
  );
}

export async function recordInvoice(changes: ChangeSet, given: Given): Promise<string> {
  const v = await completeFields(
    'record invoice',
    [
      { flag: 'contract', about: 'the contract id', check: isSlug },
      {
        flag: 'period',
        about: 'the service period FROM..TO (default: the next period not invoiced yet)',
        optional: true,
      },
      { flag: 'issued', about: 'the issue date', default: today(), check: isDate },
      { flag: 'due', about: 'the due date (default: issued + the payment terms)', optional: true, check: isDate },
      {
        flag: 'amount',
        about: 'the amount (default: the fees for the period)',
        optional: true,
        check: isAmount('invoice'),
      },
      { flag: 'number', about: 'the invoice number (default: the next INV-YEAR-N)', optional: true },
      {
        flag: 'lines',
        about: 'the line items KIND:REF=AMOUNT separated by ; (e.g. "fee:hosting=1000; cloud:alpha-hub=220")',
        optional: true,
      },
    ],
    given,
  );
  const { repo } = await changes.current();
  const partner = repo.partners.find((p) => p.contracts.some((c) => c.value.id === v.contract));
  const contract = partner?.contracts.find((c) => c.value.id === v.contract)?.value;
  if (!partner || !contract) throw new EditRefused(`there is no contract '${v.contract}'`);
  if (v.amount !== undefined) checkAmount('amount', v.amount, 'invoice', contract.currency);
  let period;
  if (v.period) {
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(v.period);
    if (!m) throw new EditRefused(`--period '${v.period}': write it as FROM..TO, e.g. 2026-01-01..2026-03-31`);
    period = { from: m[1], to: m[2] };
  } else {
    // The first billing period with a fixed fee no invoice bills (what the billing statement calls to invoice).
    const open = notInvoiced(
      contract,
      partner.invoices.map((i) => i.value),
    ).find((n) => n.kind === 'fee');
    period = open && { from: open.from, to: open.to };
    if (!period) throw new EditRefused(`every billing period of ${contract.id} is already invoiced`);
  }
  const numbers = repo.partners.flatMap((p) => p.invoices.map((i) => i.value.number));
  const year = v.issued!.slice(0, 4);
  const next = Math.max(1000, ...numbers.map((n) => Number(/(\d+)$/.exec(n)?.[1] ?? 0))) + 1;
  const number = v.number ?? `INV-${year}-${next}`;
  const lines = v.lines === undefined ? undefined : invoiceLines(v.lines, contract);
  const amount =
    v.amount ??
    (lines ? toFixed(sum(lines.map((l) => dec(l.amount))), MINOR_UNITS[contract.currency]) : undefined) ??
    toFixed(periodAmount(contract, period), MINOR_UNITS[contract.currency]);
  changes.edit(`partners/${partner.id}/invoices.yaml`, (e) =>
    e.append([], {
      number,
      contract: contract.id,
      issued: v.issued,
      due: v.due,
      currency: contract.currency,
      amount: money(amount, contract.currency),
      period,
      ...(lines && {
        lines: lines.map((l) => ({ ...l, amount: money(l.amount, contract.currency) })),
      }),
      status: given.draft ? 'draft' : 'sent',
    }),
  );
  return (
    `Recorded invoice ${number} to ${partner.id} for ${period.from} to ${period.to}: ` +
    `${toFixed(dec(amount), MINOR_UNITS[contract.currency])} ${contract.currency}.`
  );
}

export async function recordStage(changes: ChangeSet, given: Given): Promise<string> {
  const v = await completeFields(
    'record stage',
    [
      { flag: 'partner', about: 'the partner id', check: isSlug },
      { flag: 'to', about: `the new stage: ${STAGES.join(', ')}`, check: oneOf(STAGES) },
      { flag: 'date', about: 'the date it happened', default: today(), check: isDate },
      {
        flag: 'hub-live',
        about: 'the date the first hub went live (needed to become active)',
        optional: true,
        check: isDate,
      },
      { flag: 'reason', about: 'why, when moving a partner back before its contract (with --force)', optional: true },
    ],
    given,
  );
  const path = `partners/${v.partner}/partner.md`;
  if (!changes.exists(path)) throw new EditRefused(`there is no partner '${v.partner}'`);
  const milestone = STAGE_OPENED_BY[v.to as Stage];
  const notes: string[] = [];
  changes.edit(path, (e) => {
    const from = e.get(['stage']) as Stage;
    const backwards = !PRE_CONTRACT_STAGES.includes(from) && PRE_CONTRACT_STAGES.includes(v.to as Stage);
    if (backwards && (!given.force || !v.reason?.trim())) {
      throw new EditRefused(
        `${v.partner} is in stage '${from}', after its contract was signed; moving it back to '${v.to}' says ` +
          `the contract never happened. ` +
          `If that is really so, run it again with --force --reason "why" (the reason is kept beside the ` +
          `stage in partner.md)`,
      );
    }
    e.set(['stage'], v.to);
    if (backwards) e.comment(['stage'], `moved back from ${from} on ${v.date}: ${v.reason}`);
    if (v['hub-live'] && e.get(['milestones', 'hub_live']) === undefined)
      e.set(['milestones', 'hub_live'], v['hub-live']);
    if (!milestone) return;
    const existing = e.get(['milestones', milestone]);
    if (existing === undefined) e.set(['milestones', milestone], v.date);
    else if (existing !== v.date)
      notes.push(
        ` The ${milestone} milestone was already ` +
          `${typeof existing === 'string' ? existing : JSON.stringify(existing)}; it is left as it is.`,
      );
  });
  return `Moved ${v.partner} to stage ${v.to}${
    milestone ? ` (milestone ${milestone}: ` + `${v.date})` : ''
  }.${notes.join('')}`;
}

export async function recordDeliverable(changes: ChangeSet, given: Given): Promise<string> {
  const v = await completeFields(
    'record deliverable',
    [
      { flag: 'grant', about: 'the grant id', check: isSlug },
      { flag: 'id', about: 'the deliverable id', check: isSlug },
      {
        flag: 'status',
        about: 'planned, in-progress, done, at-risk or dropped',
        check: oneOf(['planned', 'in-progress', 'done', 'at-risk', 'dropped']),
      },
      { flag: 'date', about: 'for done: the date it was completed', default: today(), check: isDate },
      { flag: 'evidence', about: 'for a done deliverable: a link showing it was delivered', optional: true },
    ],
    given,
  );
  const { repo } = await changes.current();
  const found = repo.grants.find((g) => g.id === v.grant)?.deliverables.find((d) => d.value.id === v.id);
  if (!found) throw new EditRefused(`there is no deliverable '${v.id}' in grants/${v.grant}/deliverables.yaml`);
  if (v.status === 'done' && found.value.kind === 'deliverable' && !v.evidence && !found.value.evidence) {
    throw new EditRefused(`a done deliverable needs a link showing it was delivered: add --evidence https://…`);
  }
  const at = itemIndex(found.pointer);
  changes.edit(found.file, (e) => {
    e.set([at, 'status'], v.status);
    if (v.status === 'done') e.set([at, 'completed'], v.date);
    if (v.evidence) e.set([at, 'evidence'], v.evidence);
  });
  return `Marked ${v.grant}/${v.id} ${v.status}${v.status === 'done' ? ` on ${v.date}` : ''}.`;
}

/**
 * A bank statement's balance, appended to finance/cash.yaml (created when missing): the runway starts from the
 * latest one on or before the as-of date. The currency is written only when it is not the reporting currency,
 * as the file's own lines do.
 */
export async function recordCash(changes: ChangeSet, given: Given): Promise<string> {
  const v = await completeFields(
    'record cash',
    [
      { flag: 'date', about: 'the day of the balance, e.g. the statement date', default: today(), check: isDate },
      { flag: 'amount', about: 'the balance on hand (negative for an overdraft)', check: isAmount('cash') },
      {
        flag: 'currency',
        about: 'its currency (default: the reporting currency)',
        optional: true,
        check: oneOf(Object.keys(MINOR_UNITS)),
      },
      { flag: 'note', about: "where the figure comes from, e.g. 'operating account statement'", optional: true },
    ],
    given,
  );
  const { repo } = await changes.current();
  const reporting = repo.config.reporting_currency;
  const currency = (v.currency ?? reporting) as Currency;
  checkAmount('amount', v.amount!, 'cash', currency);
  changes.edit('finance/cash.yaml', (e) =>
    e.append([], {
      date: v.date,
      amount: money(v.amount!, currency),
      ...(currency !== reporting && { currency }),
      ...(v.note !== undefined && { note: v.note }),
    }),
  );
  return `Recorded cash on hand of ${toFixed(dec(v.amount!), MINOR_UNITS[currency])} ${currency} on ${v.date}.`;
}

const LINE_KINDS = ['fee', 'usage', 'cloud', 'one-time', 'hours'] as const;

/**
 * `--lines "fee:hosting=1000; cloud:alpha-hub=220"`: each line's kind, ref and
 * amount; its description is the fee's or one-time fee's, or says the hub.
 * The amounts are checked as the validator checks them.
 */
export function invoiceLines(
  text: string,
  contract: Contract,
): { kind: (typeof LINE_KINDS)[number]; ref?: string; description: string; amount: string }[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const m = /^([a-z-]+)(?::([a-z0-9-]+))?=(.+)$/.exec(item);
      if (!m)
        throw new EditRefused(
          `--lines '${item}': write each line KIND:REF=AMOUNT, e.g. fee:hosting=1000 (lines separated by ;)`,
        );
      const [, kind, ref, amount] = m;
      if (!(LINE_KINDS as readonly string[]).includes(kind))
        throw new EditRefused(`--lines '${item}': the kind must be one of ${LINE_KINDS.join(', ')} (got '${kind}')`);
      checkAmount('amount', amount.trim(), 'invoice', contract.currency);
      const fee = [...contract.fees, ...(contract.one_time ?? [])].find((f) => f.id === ref);
      const description =
        fee?.description ??
        (kind === 'cloud' && ref
          ? `Cloud costs of ${ref}`
          : kind === 'hours'
            ? 'Hours'
            : kind === 'usage'
              ? 'Usage'
              : kind);
      return { kind: kind as (typeof LINE_KINDS)[number], ...(ref && { ref }), description, amount: amount.trim() };
    });
}
