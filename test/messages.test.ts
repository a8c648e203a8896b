/** The wording of what the commands say: counts agree with their nouns, sentences end once. */
import { describe, expect, it } from 'vitest';
import { formatMessage, type Message } from '../scripts/lib/check/rule.js';
import { RULES } from '../scripts/lib/check/rules/index.js';
import { rule as jointVentureTerms } from '../scripts/lib/check/rules/joint-venture-terms.js';
import { placementHint } from '../scripts/lib/load/layout.js';
import type { Problem } from '../scripts/lib/problem.js';
import { renderDiffMarkdown, type DiffSide } from '../scripts/lib/render/diff.js';
import { plural } from '../scripts/lib/text/plural.js';
import { formatGithub, formatMarkdown, formatText } from '../scripts/lib/write/problems.js';

const problem = (severity: Problem['severity']): Problem => ({
  file: 'partners/a/partner.md',
  line: 1,
  column: 1,
  rule: 'date-order',
  severity,
  message: 'm',
  pointer: '',
});

describe('counts', () => {
  it('name one of a thing in the singular and any other number in the plural', () => {
    expect([plural(0, 'error'), plural(1, 'error'), plural(2, 'error'), plural(1.5, 'hour')]).toEqual([
      '0 errors',
      '1 error',
      '2 errors',
      '1.5 hours',
    ]);
    expect(plural('1', 'attendee')).toBe('1 attendee');
  });

  it('say "1 error" in every format of validate', () => {
    const one = [problem('error'), problem('warning')];
    expect(formatText(one, () => undefined)).toMatch(/\n2 problems \(1 error, 1 warning\)\n$/);
    expect(formatGithub(one)).toMatch(/\n1 error, 1 warning\n$/);
    expect(formatMarkdown(one)).toContain('### Data check: 1 error, 1 warning\n');
  });

  it('say "1 error" in the figure diff of a revision with one error', () => {
    const side = (rev: string): DiffSide => ({ rev, commit: `${rev}0000000`, errors: 1 });
    const text = renderDiffMarkdown(side('abc'), side('def'), '2026-03-15', 'USD', []);
    expect(text).toContain('The base revision has 1 error, so its figures are not computed.');
    expect(text).toContain('**This change leaves 1 error in the data**');
  });
});

describe('sentences', () => {
  // Every placeholder filled; a suggestion as didYouMean writes it.
  const data = new Proxy(
    {},
    {
      has: () => true,
      get: (_, name) => (name === 'suggestion' ? " Did you mean 'alpha-hub'?" : 'x'),
    },
  );

  it.each(
    RULES.flatMap((r) => Object.entries<Message>(r.meta.messages).map(([id, m]) => [`${r.meta.id}.${id}`, m] as const)),
  )('%s never ends a sentence twice (no ".;", "?;" or "..")', (_, message) => {
    expect(formatMessage(message, data)).not.toMatch(/[.?!];|[?!]\.|(?<!\.)\.\.(?!\.)/);
  });

  it('a hint after a message that ends a sentence is a sentence of its own', () => {
    const { creditHub, unknownVia } = jointVentureTerms.meta.messages;
    expect(formatMessage(creditHub, { hub: 'alpha-hb', suggestion: '' })).toBe(
      "the credit covers hub 'alpha-hb', which no partner lists. " +
        'Name hubs by the ids under hubs in the partners’ partner.md.',
    );
    expect(formatMessage(unknownVia, { id: 'resllco', suggestion: " Did you mean 'resellco'?" })).toBe(
      "there is no partner 'resllco' to have sold this contract. Did you mean 'resellco'? " +
        'Via names the reseller partner by its id (its folder under partners/).',
    );
  });

  it('a file outside every data folder is told where data files live, in readable placeholders', () => {
    expect(placementHint('notes/x.yaml')).toBe(
      'data files live at partners/<partner-id>/…, grants/<grant-id>/…, costs/recurring.yaml, ' +
        'costs/unattributed-cloud.yaml, finance/cash.yaml, market/<id>.md or pricing/<id>.yaml (see docs/data.md)',
    );
  });
});
