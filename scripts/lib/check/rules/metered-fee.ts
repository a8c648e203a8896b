import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'metered-fee',
    severity: 'error',
    description:
      'A fee is either fixed (amount and per) or metered (metered: mau, optionally bands and cap), never both; ' +
      'a metered fee needs hubs on the contract to count users on.',
    messages: {
      both: {
        text: "the fee '{{fee}}' has both {{fixed}} and metered",
        hint: 'a metered fee is priced from usage: remove amount and per, or remove metered for a fixed fee',
      },
      neither: {
        text: "the fee '{{fee}}' has no {{missing}}",
        hint: 'give a fixed fee amount and per (e.g. amount: 2500, per: month), or make it metered: mau',
      },
      onlyMetered: {
        text: "{{field}} only applies to a metered fee; the fee '{{fee}}' is fixed",
        hint: 'remove {{field}}, or make the fee metered: mau (without amount and per)',
      },
      noHubs: {
        text: "the fee '{{fee}}' is metered but the contract covers no hubs: there are no users to count",
        hint: "list the partner's hubs this contract covers under hubs: [...]",
      },
    },
  },
  create({ report }) {
    return {
      contract(c) {
        c.value.fees.forEach((f, i) => {
          const fixed = (['amount', 'per'] as const).filter((k) => f[k] !== undefined);
          if (f.metered !== undefined) {
            if (fixed.length)
              report({
                at: c,
                path: ['fees', i, fixed[0]],
                key: true,
                messageId: 'both',
                data: { fee: f.id, fixed: fixed.join(' and ') },
              });
            if ((c.value.hubs ?? []).length === 0)
              report({ at: c, path: ['fees', i, 'metered'], messageId: 'noHubs', data: { fee: f.id } });
            return;
          }
          if (fixed.length < 2) {
            const missing = (['amount', 'per'] as const).filter((k) => f[k] === undefined).join(' and ');
            report({
              at: c,
              path: ['fees', i],
              messageId: 'neither',
              data: { fee: f.id, missing: missing + (fixed.length ? '' : ' (nor metered)') },
            });
          }
          for (const field of ['bands', 'cap'] as const)
            if (f[field] !== undefined)
              report({
                at: c,
                path: ['fees', i, field],
                key: true,
                messageId: 'onlyMetered',
                data: { field, fee: f.id },
              });
        });
      },
    };
  },
});
