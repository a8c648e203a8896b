/** Every business rule, in the order they are documented. A new rule is one file here, one line below, and its test. */
import { rule as activePartnerWithoutContract } from './active-partner-without-contract.js';
import { rule as configPresent } from './config-present.js';
import { rule as contractHubs } from './contract-hubs.js';
import { rule as contractPastEnd } from './contract-past-end.js';
import { rule as contractSigned } from './contract-signed.js';
import { rule as contractTerminated } from './contract-terminated.js';
import { rule as contractTier } from './contract-tier.js';
import { rule as dateInFuture } from './date-in-future.js';
import { rule as dateOrder } from './date-order.js';
import { rule as deliverableDone } from './deliverable-done.js';
import { rule as draftPastStart } from './draft-past-start.js';
import { rule as draftProbability } from './draft-probability.js';
import { rule as duplicateEntry } from './duplicate-entry.js';
import { rule as fxRate } from './fx-rate.js';
import { rule as fxTable } from './fx-table.js';
import { rule as grantDates } from './grant-dates.js';
import { rule as grantPartners } from './grant-partners.js';
import { rule as hubReference } from './hub-reference.js';
import { rule as idMatchesPath } from './id-matches-path.js';
import { rule as invoiceAfterTermination } from './invoice-after-termination.js';
import { rule as invoiceContract } from './invoice-contract.js';
import { rule as invoiceCurrency } from './invoice-currency.js';
import { rule as invoiceAmountMismatch } from './invoice-amount-mismatch.js';
import { rule as invoiceLinesTotal } from './invoice-lines-total.js';
import { rule as invoicePeriod } from './invoice-period.js';
import { rule as jointVentureTerms } from './joint-venture-terms.js';
import { rule as markupWithoutPassThrough } from './markup-without-pass-through.js';
import { rule as mauBands } from './mau-bands.js';
import { rule as meteredFee } from './metered-fee.js';
import { rule as milestoneOrder } from './milestone-order.js';
import { rule as moneyPrecision } from './money-precision.js';
import { rule as nameInvisibleCharacters } from './name-invisible-characters.js';
import { rule as needsReview } from './needs-review.js';
import { rule as onboardingItems } from './onboarding-items.js';
import { rule as paidStatus } from './paid-status.js';
import { rule as paymentAfterIssue } from './payment-after-issue.js';
import { rule as paymentTotal } from './payment-total.js';
import { rule as periodInvoicedTwice } from './period-invoiced-twice.js';
import { rule as preContractStage } from './pre-contract-stage.js';
import { rule as priceBookDate } from './price-book-date.js';
import { rule as probabilityDraftOnly } from './probability-draft-only.js';
import { rule as profilePresent } from './profile-present.js';
import { rule as representativePresent } from './representative-present.js';
import { rule as signedAfterStart } from './signed-after-start.js';
import { rule as stageRequirements } from './stage-requirements.js';
import { rule as supportRequester } from './support-requester.js';
import { rule as uniqueContractId } from './unique-contract-id.js';
import { rule as uniqueHubId } from './unique-hub-id.js';
import { rule as uniqueInvoiceNumber } from './unique-invoice-number.js';
import { rule as uniqueItemId } from './unique-item-id.js';

export const RULES = [
  activePartnerWithoutContract,
  configPresent,
  contractHubs,
  contractPastEnd,
  contractSigned,
  contractTerminated,
  contractTier,
  dateInFuture,
  dateOrder,
  deliverableDone,
  draftPastStart,
  draftProbability,
  duplicateEntry,
  fxRate,
  fxTable,
  grantDates,
  grantPartners,
  hubReference,
  idMatchesPath,
  invoiceAfterTermination,
  invoiceContract,
  invoiceCurrency,
  invoiceAmountMismatch,
  invoiceLinesTotal,
  invoicePeriod,
  jointVentureTerms,
  markupWithoutPassThrough,
  mauBands,
  meteredFee,
  milestoneOrder,
  moneyPrecision,
  nameInvisibleCharacters,
  needsReview,
  onboardingItems,
  paidStatus,
  paymentAfterIssue,
  paymentTotal,
  periodInvoicedTwice,
  preContractStage,
  priceBookDate,
  probabilityDraftOnly,
  profilePresent,
  representativePresent,
  signedAfterStart,
  stageRequirements,
  supportRequester,
  uniqueContractId,
  uniqueHubId,
  uniqueInvoiceNumber,
  uniqueItemId,
] as const;
