/**
 * The records as they stood on a date D: every fact dated after D is taken
 * back, so no figure at D can use what was not yet true (the way hledger
 * reports a past date from the same journal). Applied once, before any
 * figure is computed.
 *
 * - an invoice issued after D does not exist yet; payments after D are not
 *   received yet, so a `paid` invoice not fully paid by D is `sent`;
 * - a contract signed after D was a draft at D; a termination dated after D
 *   is not known yet, so the contract runs to its end;
 * - a deliverable completed after D was still in progress;
 * - milestones, onboarding steps and hub launches or shutdowns dated after D
 *   had not happened, and the partner's stage is the one its milestones up
 *   to D give (see stageAt); a partner whose every milestone is after D was
 *   not known yet;
 * - a survey response dated after D was not given yet; a training session after D not held yet;
 * - a support request opened after D had not come in; one acknowledged or resolved after D was still
 *   waiting for that at D (a time on D counts at D: figures at D are as of the end of that day);
 * - a grant awarded after D was submitted at D; submitted after D, drafting;
 * - a market entry reviewed after D is left out;
 * - a cash statement dated after D is not known yet (cash at D is the latest one on or before D).
 */
import { dec, sum } from '../money/decimal.js';
import type {
  Contract,
  Deliverable,
  Grant,
  Invoice,
  MilestoneName,
  Partner,
  Stage,
  SupportRequest,
} from '../model/records.js';
import { MILESTONES } from '../model/records.js';
import type { GrantFolder, Item, PartnerFolder, Repository } from '../model/repository.js';

/** The stage each milestone opens (the latest milestone reached tells the stage). */
const STAGE_OF: Record<MilestoneName, Stage> = {
  first_contact: 'lead',
  qualified: 'qualified',
  proposal_sent: 'proposal',
  contract_signed: 'onboarding',
  hub_live: 'onboarding',
  first_value: 'onboarding',
  onboarding_complete: 'active',
  churned: 'churned',
};

/**
 * The stage a partner was in on D: its recorded stage when nothing in its
 * milestones is dated after D, else the stage its latest milestone up to D
 * opens; undefined when no milestone is on or before D (not yet a lead).
 */
export function stageAt(p: Partner, date: string): Stage | undefined {
  const ms = p.milestones ?? {};
  // One pass in the milestones' order, no lists: asked of every partner at each of the report's dates.
  let latest: MilestoneName | undefined;
  let allByThen = true;
  for (const m of MILESTONES) {
    const day = ms[m];
    if (day === undefined) continue;
    if (day <= date) latest = m;
    else allByThen = false;
  }
  if (allByThen) return p.stage;
  return latest === undefined ? undefined : STAGE_OF[latest];
}

const at = <T>(item: Item<T>, value: T): Item<T> => (value === item.value ? item : { ...item, value });

function contractAt(c: Contract, date: string): Contract {
  let out = c;
  if (c.status !== 'draft' && c.signed !== undefined && c.signed > date) {
    const { signed: _signed, terminated: _terminated, ...rest } = c;
    out = { ...rest, status: 'draft' };
  } else if (c.terminated !== undefined && c.terminated > date) {
    const { terminated: _terminated, ...rest } = c;
    out = { ...rest, status: 'active' };
  }
  return out;
}

function invoiceAt(inv: Invoice, date: string): Invoice {
  // Nearly every invoice's payments are all known by D: it is itself, without a list of them made to tell.
  if (inv.payments === undefined || inv.payments.every((p) => p.date <= date)) return inv;
  const payments = inv.payments.filter((p) => p.date <= date);
  const paidInFull = sum(payments.map((p) => dec(p.amount))).equals(dec(inv.amount));
  return { ...inv, payments, status: inv.status === 'paid' && !paidInFull ? 'sent' : inv.status };
}

function deliverableAt(d: Deliverable, date: string): Deliverable {
  if (d.status !== 'done' || d.completed === undefined || d.completed <= date) return d;
  const { completed: _completed, evidence: _evidence, ...rest } = d;
  return { ...rest, status: 'in-progress' };
}

function grantAt(g: Grant, date: string): Grant {
  if (g.submitted !== undefined && g.submitted > date && g.status !== 'prospect' && g.status !== 'drafting')
    return { ...g, status: 'drafting' };
  if (
    g.awarded !== undefined &&
    g.awarded > date &&
    (g.status === 'awarded' || g.status === 'active' || g.status === 'closed')
  )
    return { ...g, status: 'submitted' };
  return g;
}

/** The day of a UTC date-time (support requests are timed; D is a day, and a fact of D counts at D). */
export const dayOf = (dateTime: string) => dateTime.slice(0, 10);

/** A request acknowledged or resolved after D was still waiting for that at D. */
function supportRequestAt(r: SupportRequest, date: string): SupportRequest {
  const { acknowledged, resolved, csat, ...rest } = r;
  const known = (t: string | undefined) => t === undefined || dayOf(t) <= date;
  if (known(acknowledged) && known(resolved)) return r;
  // The requester rates a request once it is resolved: a rating of a resolution after D is not known yet.
  return {
    ...rest,
    ...(acknowledged !== undefined && dayOf(acknowledged) <= date ? { acknowledged } : {}),
    ...(resolved !== undefined && dayOf(resolved) <= date ? { resolved, ...(csat !== undefined && { csat }) } : {}),
  };
}

function partnerAt(p: Partner, date: string): Partner | undefined {
  const stage = stageAt(p, date);
  if (stage === undefined) return undefined;
  // Dates all on or before D (nearly every partner at the report's dates) keep their record as it is: no copy.
  const byThen = (d: string | undefined) => d === undefined || d <= date;
  const keep = (map: Record<string, string> | undefined) =>
    map &&
    (Object.values(map).every(byThen) ? map : Object.fromEntries(Object.entries(map).filter(([, d]) => d <= date)));
  const known = (h: NonNullable<Partner['hubs']>[number]) => byThen(h.launched) && byThen(h.decommissioned);
  const hubs = p.hubs?.every(known)
    ? p.hubs
    : p.hubs?.map((h) => {
        const { launched, decommissioned, ...rest } = h;
        return {
          ...rest,
          ...(launched !== undefined && launched <= date ? { launched } : {}),
          ...(decommissioned !== undefined && decommissioned <= date ? { decommissioned } : {}),
        };
      });
  return {
    ...p,
    stage,
    milestones: keep(p.milestones) as Partner['milestones'],
    onboarding: keep(p.onboarding),
    ...(hubs ? { hubs } : {}),
  };
}

/** The repository as it stood on `date`. */
export function factsAt(repo: Repository, date: string): Repository {
  // A partner all of whose milestones come after D was not known at D: it is left out.
  const known = repo.partners.filter((p) => !p.profile || stageAt(p.profile.value, date) !== undefined);
  const partners = known.map((p): PartnerFolder => {
    const profile = p.profile && partnerAt(p.profile.value, date);
    return {
      ...p,
      profile: p.profile && profile ? at(p.profile, profile) : p.profile,
      contracts: p.contracts.map((c) => at(c, contractAt(c.value, date))),
      invoices: p.invoices.filter((i) => i.value.issued <= date).map((i) => at(i, invoiceAt(i.value, date))),
      feedback: p.feedback.filter((f) => f.value.date <= date),
      support: p.support
        .filter((r) => dayOf(r.value.opened) <= date)
        .map((r) => at(r, supportRequestAt(r.value, date))),
      training: p.training.filter((t) => t.value.date <= date),
    };
  });
  const grants = repo.grants.map((g): GrantFolder => ({
    ...g,
    grant: g.grant && at(g.grant, grantAt(g.grant.value, date)),
    deliverables: g.deliverables.map((d) => at(d, deliverableAt(d.value, date))),
  }));
  // A market entry reviewed after D was not known (or not as recorded) at D.
  const market = repo.market.filter((m) => m.value.reviewed <= date);
  const cashStatements = repo.cashStatements.filter((s) => s.value.date <= date);
  return { ...repo, partners, grants, market, cashStatements };
}
