import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'id-matches-path',
    severity: 'error',
    description: "A record's id equals its folder or file name, and a contract's partner equals its partner folder.",
    messages: {
      folder: {
        text: "the id '{{id}}' does not match the folder {{top}}/{{folder}}/",
        hint: 'set id: {{folder}} (or rename the folder)',
      },
      file: {
        text: "the id '{{id}}' does not match the file name {{name}}.yaml",
        hint: 'set id: {{name}} (or rename the file)',
      },
      partner: {
        text: "the contract is in partners/{{folder}}/ but names partner '{{partner}}'",
        hint: 'set partner: {{folder}} (or move the file)',
      },
    },
  },
  create({ report }) {
    return {
      profile(profile, p) {
        if (profile.value.id !== p.id)
          report({
            at: profile,
            path: ['id'],
            messageId: 'folder',
            data: { id: profile.value.id, top: 'partners', folder: p.id },
          });
      },
      contract(c, p) {
        const name = c.file.slice(c.file.lastIndexOf('/') + 1, -'.yaml'.length);
        if (c.value.id !== name) report({ at: c, path: ['id'], messageId: 'file', data: { id: c.value.id, name } });
        if (c.value.partner !== p.id)
          report({ at: c, path: ['partner'], messageId: 'partner', data: { folder: p.id, partner: c.value.partner } });
      },
      priceBook(b) {
        const name = b.file.slice(b.file.lastIndexOf('/') + 1, -'.yaml'.length);
        if (b.value.id !== name) report({ at: b, path: ['id'], messageId: 'file', data: { id: b.value.id, name } });
      },
      grant(g, folder) {
        if (g.value.id !== folder.id)
          report({
            at: g,
            path: ['id'],
            messageId: 'folder',
            data: { id: g.value.id, top: 'grants', folder: folder.id },
          });
      },
    };
  },
});
