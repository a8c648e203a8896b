/** YamlEditor.remove: a field the help desk no longer gives (a re-opened ticket's resolved) goes, nothing else. */
import { describe, expect, it } from 'vitest';
import { YamlEditor } from '../scripts/lib/edit/yaml-editor.js';

const removed = (text: string, path: (string | number)[]) => {
  const e = new YamlEditor(text);
  e.remove(path);
  return e.toString();
};

describe('YamlEditor.remove', () => {
  it('removes a field of a one-line map, first, middle or last, keeping the comment', () => {
    const text = '- { id: a, resolved: 2025-01-02T00:00:00Z, csat: 4 }   # kept\n';
    expect(removed(text, [0, 'resolved'])).toBe('- { id: a, csat: 4 }   # kept\n');
    expect(removed(text, [0, 'csat'])).toBe('- { id: a, resolved: 2025-01-02T00:00:00Z }   # kept\n');
    expect(removed(text, [0, 'id'])).toBe('- { resolved: 2025-01-02T00:00:00Z, csat: 4 }   # kept\n');
  });

  it("removes a block field's whole line, comment included, and nothing when it is not there", () => {
    const text = '# tickets\n- id: a\n  resolved: 2025-01-02T00:00:00Z   # closed by Jo\n  csat: 4\n';
    expect(removed(text, [0, 'resolved'])).toBe('# tickets\n- id: a\n  csat: 4\n');
    expect(removed(text, [0, 'hours'])).toBe(text);
  });
});
