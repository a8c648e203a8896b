/** joint-venture-terms: via names a reseller; shares and credits sit on the partner types that have them. */
import { rule } from '../../scripts/lib/check/rules/joint-venture-terms.js';
import { baseWith, testRule } from '../helpers/rule-tester.js';

const CONTRACT = 'partners/alpha/contracts/alpha-2025.yaml';
const via = (id: string) => baseWith(CONTRACT, ['currency: USD\n', `currency: USD\nvia: ${id}\n`]);
const reseller = {
  'partners/resellco/partner.md':
    '---\nid: resellco\nname: Resell Co\ntype: reseller\ncountry: US\naccount_owner: alice\nstage: lead\n' +
    'revenue_share_pct: 10\nmilestones:\n  first_contact: 2025-01-05\n---\n',
};

testRule(rule, {
  valid: [
    { name: 'the base fixture: no joint ventures' },
    { name: 'a contract sold via a reseller with a revenue share', files: { ...reseller, ...via('resellco') } },
  ],
  invalid: [
    {
      // via is line 9, its value at column 6
      name: 'via naming a nonprofit',
      files: via('beta'),
      errors: [{ messageId: 'viaNotReseller', at: `${CONTRACT}:9:6` }],
    },
    {
      name: 'via naming no partner',
      files: { ...reseller, ...via('resllco') },
      errors: [{ messageId: 'unknownVia', at: `${CONTRACT}:9:6` }],
    },
    {
      name: 'a revenue share and credits on a university, a credit running backwards over an unknown hub',
      files: baseWith('partners/alpha/partner.md', [
        'stage: active\n',
        'stage: active\nrevenue_share_pct: 5\ncredits:\n' +
          '  - { amount: 100, currency: USD, from: 2025-05, to: 2025-03, hubs: [alpha-hb] }\n',
      ]),
      errors: [
        { messageId: 'shareType', at: 'partners/alpha/partner.md:8:20' },
        { messageId: 'creditsType', at: 'partners/alpha/partner.md:10:3' },
        { messageId: 'creditRange', at: 'partners/alpha/partner.md:10:54' },
        { messageId: 'creditHub', at: 'partners/alpha/partner.md:10:70' },
      ],
    },
  ],
});
