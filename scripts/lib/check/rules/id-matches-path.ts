import type { Item } from '../../model/repository.js';
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
    /** A partner's or grant's id is the name of its folder under `top`. */
    const matchFolder = (record: Item<{ id: string }>, top: string, folder: string) => {
      const id = record.value.id;
      if (id !== folder) report({ at: record, path: ['id'], messageId: 'folder', data: { id, top, folder } });
    };
    /** A contract's or price book's id is its file name. */
    const matchFileName = (record: Item<{ id: string }>) => {
      const [id, name] = [record.value.id, record.file.slice(record.file.lastIndexOf('/') + 1, -'.yaml'.length)];
      if (id !== name) report({ at: record, path: ['id'], messageId: 'file', data: { id, name } });
    };
    return {
      profile: (profile, p) => matchFolder(profile, 'partners', p.id),
      contract(c, p) {
        matchFileName(c);
        if (c.value.partner !== p.id)
          report({ at: c, path: ['partner'], messageId: 'partner', data: { folder: p.id, partner: c.value.partner } });
      },
      priceBook: matchFileName,
      grant: (g, folder) => matchFolder(g, 'grants', folder.id),
    };
  },
});
