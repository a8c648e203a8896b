/** The helper that skips, or with REQUIRE_REAL_COMPONENTS=1 fails, tests whose external program is missing. */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isInstalled, needs } from './helpers/components.js';
import { tempDir } from './helpers/fixtures.js';

// A folder holding one executable program and one plain file: what is "installed" does not depend on this machine.
const bin = tempDir('ops-components-');
writeFileSync(join(bin, 'fake-tool'), '#!/bin/sh\n');
chmodSync(join(bin, 'fake-tool'), 0o755);
writeFileSync(join(bin, 'not-a-program'), 'text');
const PATH = bin;
const MISSING = 'no-such-program-ops-test';

describe('needs', () => {
  it('finds a program on the PATH, and not a file that cannot be run', () => {
    expect(isInstalled('fake-tool', PATH)).toBe(true);
    expect(isInstalled('not-a-program', PATH)).toBe(false);
    expect(isInstalled(MISSING, PATH)).toBe(false);
  });

  it('runs the tests when every program is there, whether or not they are required', () => {
    for (const required of [undefined, '1']) {
      const c = needs(['fake-tool'], 'the fake package', { PATH, REQUIRE_REAL_COMPONENTS: required });
      expect([c.skip, c.missing, c.title('the tool')]).toEqual([false, [], 'the tool']);
      expect(() => c.assertInstalled()).not.toThrow();
    }
  });

  it('skips, saying why in the title and on stderr, when a program is missing and not required', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const c = needs(['fake-tool', MISSING], 'the fake package', { PATH });
      expect([c.skip, c.missing]).toEqual([true, [MISSING]]);
      expect(c.title('the tool')).toBe(`the tool (skipped: ${MISSING} not installed)`);
      expect(stderr).toHaveBeenCalledWith(
        `Skipping the tests that need ${MISSING}: not installed (the fake package; ` +
          `REQUIRE_REAL_COMPONENTS=1 makes this a failure).\n`,
      );
    } finally {
      stderr.mockRestore();
    }
  });

  it('does not skip but fails with a clear message when a program is missing and REQUIRE_REAL_COMPONENTS=1', () => {
    const c = needs([MISSING, 'fake-tool'], 'the fake package', { PATH, REQUIRE_REAL_COMPONENTS: '1' });
    expect([c.skip, c.title('the tool')]).toEqual([false, 'the tool']);
    expect(() => c.assertInstalled()).toThrow(
      `${MISSING} not installed, and REQUIRE_REAL_COMPONENTS=1 requires the real components: install the fake ` +
        `package (.ci/run does), or unset REQUIRE_REAL_COMPONENTS to skip these tests`,
    );
  });

  it('takes only 1 as requiring them', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(needs([MISSING], 'the fake package', { PATH, REQUIRE_REAL_COMPONENTS: '0' }).skip).toBe(true);
    } finally {
      stderr.mockRestore();
    }
  });
});
