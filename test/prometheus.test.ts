/**
 * `npm run import -- usage --prometheus URL --month YYYY-MM` against a real
 * Prometheus server (Debian's `prometheus` package; `.ci/run` installs it):
 * samples written as OpenMetrics, loaded with `promtool tsdb
 * create-blocks-from openmetrics`, served on a free loopback port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { needs } from './helpers/components.js';
import { fixtureCopy, replaceIn, tempDir } from './helpers/fixtures.js';

const HOUR = 3600;
const at = (iso: string) => Date.parse(iso) / 1000;

/**
 * Hourly samples of the 30-day active users from 2025-05-29 to 2025-06-01 02:00 (UTC). What May's import must
 * take is each namespace's highest value on May 31, the month's last day:
 *   alpha-hub: 90 on May 29 and 30 (earlier days: not counted), 55..61 on May 31 -> 61, 99 on June 1 (next month);
 *   beta-prod: 12 all along -> 12 (it is beta-lab's namespace);
 *   staging:   7 -> no hub has it: skipped;
 *   and alpha-hub's 7-day series (period="7d", 500) is another gauge: ignored.
 */
function samples(): string {
  const lines = ['# HELP jupyterhub_active_users Active users', '# TYPE jupyterhub_active_users gauge'];
  const series = (namespace: string, period: string, value: (t: number) => number) => {
    for (let t = at('2025-05-29T00:00:00Z'); t <= at('2025-06-01T02:00:00Z'); t += HOUR)
      lines.push(`jupyterhub_active_users{namespace="${namespace}",period="${period}"} ${value(t)} ${t}`);
  };
  series('alpha-hub', '30d', (t) =>
    t < at('2025-05-31T00:00:00Z') ? 90 : t < at('2025-06-01T00:00:00Z') ? 55 + ((t / HOUR) % 7) : 99,
  );
  series('alpha-hub', '7d', () => 500);
  series('beta-prod', '30d', () => 12);
  series('staging', '30d', () => 7);
  // OpenMetrics wants one metric family in one block: sorted by series already.
  return `${lines.join('\n')}\n# EOF\n`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const prometheusTools = needs(['promtool', 'prometheus'], "Debian's prometheus package");

describe.skipIf(prometheusTools.skip)(
  prometheusTools.title('npm run import -- usage --prometheus, against a real server'),
  () => {
    let prometheus: ChildProcess | undefined;
    let url = '';

    beforeAll(async () => {
      prometheusTools.assertInstalled();
      const dir = tempDir('ops-prometheus-');
      writeFileSync(join(dir, 'samples.om'), samples());
      const blocks = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', 'samples.om', 'data'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(blocks.status, `promtool: ${blocks.stderr}${blocks.error?.message ?? ''}`).toBe(0);
      writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1h\n');
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      prometheus = spawn(
        'prometheus',
        [
          '--config.file=prometheus.yml',
          '--storage.tsdb.path=data',
          '--storage.tsdb.retention.time=100y',
          `--web.listen-address=127.0.0.1:${port}`,
        ],
        { cwd: dir, stdio: 'ignore' },
      );
      // A busy machine can take a while to start it: the wait is long, and ends as soon as it answers.
      const deadline = Date.now() + 150_000;
      while (Date.now() < deadline) {
        const ready = await fetch(`${url}/-/ready`).then(
          (r) => r.ok,
          () => false,
        );
        if (ready) return;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error('Prometheus did not become ready within 150 s');
    });

    afterAll(() => {
      prometheus?.kill('SIGTERM');
    });

    it("imports each hub's highest count on the month's last day, by namespace, once", async () => {
      const root = fixtureCopy('authoring');
      replaceIn(
        root,
        'partners/beta/partner.md',
        'stage: proposal',
        'hubs:\n  - { id: beta-lab, cloud: aws, namespace: beta-prod }\nstage: proposal',
      );
      const args = ['usage', '--prometheus', url, '--month', '2025-05', '--root', root];
      const first = await runCli('import', args);
      expect([first.code, first.stderr]).toEqual([0, '']);
      expect(first.stdout).toBe(
        '2 added, 0 updated, 0 already there. Skipped, as no partner lists a hub with that namespace: staging. ' +
          'Wrote partners/alpha/usage.yaml, partners/beta/usage.yaml.\n',
      );
      const alpha = readFileSync(join(root, 'partners/alpha/usage.yaml'), 'utf8');
      expect(alpha).toBe(
        '# Monthly active users from the hub dashboard\n- { month: 2025-03, hub: alpha-hub, active_users: 40 }\n' +
          '- { month: 2025-05, hub: alpha-hub, active_users: 61 }\n',
      );
      expect(readFileSync(join(root, 'partners/beta/usage.yaml'), 'utf8')).toBe(
        '- { month: 2025-05, hub: beta-lab, active_users: 12 }\n',
      );
      const second = await runCli('import', args);
      expect(second.stdout).toBe(
        '0 added, 0 updated, 2 already there. Skipped, as no partner lists a hub with that namespace: staging. ' +
          'Nothing to change: every count is already recorded.\n',
      );
      expect(readFileSync(join(root, 'partners/alpha/usage.yaml'), 'utf8')).toBe(alpha);
      expect((await runCli('validate', ['--root', root, '--as-of', '2025-06-15'])).code).toBe(0);
    });
  },
);

describe('npm run import -- usage --prometheus, without a server', () => {
  it('says when the server cannot be reached, and writes nothing', async () => {
    const root = fixtureCopy('authoring');
    const closed = `http://127.0.0.1:${await freePort()}`;
    const r = await runCli('import', ['usage', '--prometheus', closed, '--month', '2025-05', '--root', root]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      `refused: cannot reach Prometheus at ${closed} (ECONNREFUSED); check the address and that it is running\n`,
    );
    expect(readFileSync(join(root, 'partners/alpha/usage.yaml'), 'utf8')).toBe(
      '# Monthly active users from the hub dashboard\n- { month: 2025-03, hub: alpha-hub, active_users: 40 }\n',
    );
  });
});
