/**
 * `billing --write`: the not-yet-invoiced lines of M's statement become
 * draft invoices, one per contract, numbered <contract-id>-<YYYY-MM>,
 * appended to the partner's invoices.yaml with the comment-preserving
 * editor; the change set checks the result before anything is written.
 * Lines already invoiced and pending lines are left out, so a second run
 * adds nothing.
 */
import { billingStatement, type BillingLine } from '../figures/billing.js';
import { sum } from '../money/decimal.js';
import type { ChangeSet } from './changeset.js';
import { money } from './new-records.js';

export async function writeBillingDrafts(changes: ChangeSet, month: string, issued: string): Promise<string> {
  const { repo } = await changes.current();
  const lines = billingStatement(repo, month).filter((l) => l.status === 'to-invoice');
  const byContract = new Map<string, BillingLine[]>();
  for (const l of lines) byContract.set(l.contract, [...(byContract.get(l.contract) ?? []), l]);
  const numbers = new Set(repo.partners.flatMap((p) => p.invoices.map((i) => i.value.number)));
  const added: string[] = [];
  for (const [contract, own] of byContract) {
    const { partner, currency } = own[0];
    // A second draft for the same contract and month (lines that were pending last time): -2, -3, …
    let number = `${contract}-${month}`;
    for (let n = 2; numbers.has(number); n++) number = `${contract}-${month}-${n}`;
    numbers.add(number);
    const from = own.map((l) => l.period_from).sort()[0];
    const to = own
      .map((l) => l.period_to)
      .sort()
      .at(-1)!;
    const total = sum(own.map((l) => l.amount!));
    changes.edit(`partners/${partner}/invoices.yaml`, (e) =>
      e.append([], {
        number,
        contract,
        issued,
        currency,
        amount: money(total.toString(), currency),
        period: { from, to },
        lines: own.map((l) => ({
          kind: l.kind,
          ref: l.ref,
          description: l.description,
          amount: money(l.amount!.toString(), currency),
        })),
        status: 'draft',
      }),
    );
    added.push(number);
  }
  return added.length
    ? `Added ${added.length} draft invoice${added.length === 1 ? '' : 's'} for ${month}: ${added.join(', ')}.`
    : `Nothing to add: every line of ${month} is already invoiced or pending.`;
}
