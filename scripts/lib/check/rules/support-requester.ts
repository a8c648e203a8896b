import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'support-requester',
    severity: 'warning',
    description:
      "A support request's requester is one of the partner's contacts labelled 'representative': only " +
      'representatives may open support requests.',
    messages: {
      notRepresentative: {
        text: "'{{requester}}' opened the request but is not labelled 'representative' at '{{partner}}'",
        hint: "if they may open requests, add 'representative' to their labels in partner.md",
      },
      notContact: {
        text: "'{{requester}}' is not one of the contacts of '{{partner}}'",
        hint: 'write the name as it is under contacts in partner.md ({{names}}), or add them as a contact',
      },
    },
  },
  create({ report }) {
    return {
      supportRequest(r, p) {
        const requester = r.value.requester;
        // While partner.md is broken its contacts are unknown, not absent: its own error is the one to fix.
        if (requester === undefined || !p.profile) return;
        const contacts = p.profile?.value.contacts ?? [];
        const contact = contacts.find((c) => c.name === requester);
        if (contact?.labels?.includes('representative')) return;
        const data = { requester, partner: p.id, names: contacts.map((c) => c.name).join(', ') || 'none yet' };
        report({ at: r, path: ['requester'], messageId: contact ? 'notRepresentative' : 'notContact', data });
      },
    };
  },
});
