/** npm run record -- cash: a bank statement's balance appended to finance/cash.yaml, comments kept. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { FIXTURES, fixtureCopy } from './helpers/fixtures.js';

const record = (root: string, args: string[]) => runCli('record', ['cash', ...args, '--root', root]);
const cashFile = (root: string) => readFileSync(join(root, 'finance/cash.yaml'), 'utf8');

describe('npm run record -- cash', () => {
  it('appends a statement in the file’s own style, keeping its comments; the currency only when not USD', async () => {
    const root = fixtureCopy('base', join(FIXTURES, 'runway'));
    const before = cashFile(root);
    const usd = await record(root, ['--date', '2026-01-31', '--amount', '41000.5', '--note', 'January statement']);
    expect(usd).toEqual({
      code: 0,
      stdout: 'Recorded cash on hand of 41000.50 USD on 2026-01-31.\nWrote finance/cash.yaml.\n',
      stderr: '',
    });
    const cad = await record(root, ['--date', '2026-02-28', '--amount', '-1200', '--currency', 'CAD']);
    expect(cad.stderr).toBe('');
    expect(cashFile(root)).toBe(
      before +
        '- { date: 2026-01-31, amount: 41000.50, note: January statement }\n' +
        '- { date: 2026-02-28, amount: -1200.00, currency: CAD }\n',
    );
    // The runway now starts from the latest statement on or before D.
    const m = await runCli('metrics', ['--root', root, '--as-of', '2026-02-01']);
    expect((JSON.parse(m.stdout) as { cash: unknown }).cash).toEqual({ date: '2026-01-31', amount: '41000.50' });
  });

  it('creates finance/cash.yaml when there is none', async () => {
    const root = fixtureCopy('base');
    expect(existsSync(join(root, 'finance/cash.yaml'))).toBe(false);
    const r = await record(root, ['--date', '2025-12-31', '--amount', '30000']);
    expect(r.stderr).toBe('');
    expect(cashFile(root)).toBe('- { date: 2025-12-31, amount: 30000.00 }\n');
  });

  it('refuses an amount with too many decimals or an unknown currency, writing nothing', async () => {
    const root = fixtureCopy('base', join(FIXTURES, 'runway'));
    const before = cashFile(root);
    const cents = await record(root, ['--date', '2026-01-31', '--amount', '10.005']);
    expect(cents.code).toBe(2);
    expect(cents.stderr).toBe(
      "usage: --amount '10.005': 10.005 has more decimals than USD allows (2); write it with at most 2, e.g. 10.01\n",
    );
    const currency = await record(root, ['--date', '2026-01-31', '--amount', '10', '--currency', 'XXX']);
    expect(currency.code).toBe(2);
    expect(currency.stderr).toBe(
      "usage: --currency 'XXX': choose one of AUD, BRL, CAD, CHF, CNY, DKK, EUR, GBP, HKD, INR, JPY, KRW, MXN, " +
        'NOK, NZD, SEK, SGD, USD, ZAR.\n',
    );
    expect(cashFile(root)).toBe(before);
  });
});
