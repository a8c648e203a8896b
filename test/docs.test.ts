import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures, FIGURES } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { GENERATED_DOCS } from '../scripts/lib/render/generated-docs.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { REPO_ROOT } from './helpers/fixtures.js';

describe('generated docs', () => {
  it.each(Object.keys(GENERATED_DOCS))('%s is up to date (run npm run docs)', async (path) => {
    expect(readFileSync(join(REPO_ROOT, path), 'utf8')).toBe(await GENERATED_DOCS[path]());
  });
});

describe('the figures list', () => {
  it('points every figure at a section of docs/figures.md', () => {
    const headings = readFileSync(join(REPO_ROOT, 'docs/figures.md'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3));
    const missing = Object.values(FIGURES)
      .map((f) => f.section)
      .filter((s) => !headings.includes(s));
    expect(missing).toEqual([]);
  });

  it('writes the metrics JSON keys in SPEC order, each figure once', async () => {
    const { repo } = await checkData(new FolderSource(join(REPO_ROOT, 'test/fixtures/figures')), {
      asOf: '2026-03-15',
    });
    expect(Object.keys(metricsJson(computeFigures(repo, '2026-03-15')))).toEqual([
      'as_of',
      'currency',
      'mrr',
      'mrc',
      'cost_recovery_ratio',
      'not_recorded',
      'last_complete_month',
      'receivables',
      'unbilled',
      'renewals',
      'deliverables',
      'onboarding',
      'nps',
      'declining_usage',
      'cost_recovery_trend',
      'partners',
      'contracts',
      'pipeline',
      'history',
      'projection',
      'cash',
      'runway',
      'surplus',
      'coverage',
      'scenarios',
      'collection_flags',
      'usage_fees',
      'pending_usage',
      'pricing',
      'support',
      'csat',
      'training',
      'untrained_partners',
      'time_to_first_value',
      'awaiting_first_value',
      'health',
      'lapsed',
      'offboarding',
      'cloud_cost_anomalies',
      'lqr',
      'renewal_rate',
      'churn_rate',
      'renewal_outcomes',
      'fmrr',
      'fmrr_6',
      'lead_sources',
      'cohorts',
      'market',
      'joint_ventures',
      'unattributed_cloud_costs',
    ]);
  });
});
