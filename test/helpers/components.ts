/**
 * Tests that need a real external program (Prometheus, promtool…), which the
 * README does not ask anyone to install: where it is missing they are skipped,
 * and say so in their title and on stderr; with REQUIRE_REAL_COMPONENTS=1 (as
 * .ci/run sets, having installed them) a missing program fails them instead,
 * so CI can never pass by skipping.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export const REQUIRE_VARIABLE = 'REQUIRE_REAL_COMPONENTS';

export interface Component {
  /** The programs that are not on the PATH. */
  missing: string[];
  /** Skip the tests: something is missing and REQUIRE_REAL_COMPONENTS=1 is not set. */
  skip: boolean;
  /** `title`, plus why it is skipped when it is: "… (skipped: promtool not installed)". */
  title(title: string): string;
  /** Throws the message saying what is missing and how to install it, when something is (call it in beforeAll). */
  assertInstalled(): void;
}

/** True when `program` is an executable file on `path` (or, given with a folder, at that place). */
export function isInstalled(program: string, path = process.env.PATH ?? ''): boolean {
  const candidates = isAbsolute(program)
    ? [program]
    : path
        .split(delimiter)
        .filter(Boolean)
        .map((d) => join(d, program));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * What a group of tests needs: `programs`, which `install` says how to get (e.g. "Debian's prometheus package").
 * `env` is the environment to read REQUIRE_REAL_COMPONENTS and PATH from (a test of this helper passes its own).
 */
export function needs(programs: string[], install: string, env: NodeJS.ProcessEnv = process.env): Component {
  const missing = programs.filter((p) => !isInstalled(p, env.PATH ?? ''));
  const required = env[REQUIRE_VARIABLE] === '1';
  const skip = missing.length > 0 && !required;
  const what = `${missing.join(' and ')} not installed`;
  if (skip)
    process.stderr.write(
      `Skipping the tests that need ${missing.join(' and ')}: not installed (${install}; ` +
        `${REQUIRE_VARIABLE}=1 makes this a failure).\n`,
    );
  return {
    missing,
    skip,
    title: (title) => (skip ? `${title} (skipped: ${what})` : title),
    assertInstalled: () => {
      if (missing.length)
        throw new Error(
          `${what}, and ${REQUIRE_VARIABLE}=1 requires the real components: install ${install} ` +
            `(.ci/run does), or unset ${REQUIRE_VARIABLE} to skip these tests`,
        );
    },
  };
}
