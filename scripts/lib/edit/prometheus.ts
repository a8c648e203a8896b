/**
 * Monthly active users from a Prometheus server (SPEC-2 E): JupyterHub's
 * `jupyterhub_active_users{period="30d"}` gauge, its highest value over the
 * month's last day, per Kubernetes namespace.
 */
import { EditRefused } from './changeset.js';
import { lastDay } from '../time/calendar.js';

/** The query, evaluated at the last second of the month: the last day's highest 30-day count, per namespace. */
export const MAU_QUERY = 'max by (namespace) (max_over_time(jupyterhub_active_users{period="30d"}[1d]))';

export interface NamespaceUsers {
  namespace: string;
  users: number;
}

interface QueryResponse {
  status?: string;
  error?: string;
  data?: { resultType?: string; result?: { metric?: Record<string, string>; value?: [number, string] }[] };
}

/** Each namespace's monthly active users in `month` (YYYY-MM), sorted by namespace. */
export async function monthlyActiveUsers(server: string, month: string): Promise<NamespaceUsers[]> {
  const url = new URL('api/v1/query', server.endsWith('/') ? server : `${server}/`);
  url.search = new URLSearchParams({ query: MAU_QUERY, time: `${lastDay(month)}T23:59:59Z` }).toString();
  let body: QueryResponse;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    body = (await response
      .json()
      .catch(() => ({ error: `HTTP ${response.status}, not a Prometheus answer` }))) as QueryResponse;
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    throw new EditRefused(`cannot reach Prometheus at ${server} (${cause}); check the address and that it is running`);
  }
  if (body.status !== 'success' || body.data?.resultType !== 'vector')
    throw new EditRefused(`Prometheus at ${server} refused the query: ${body.error ?? 'no vector in its answer'}`);
  const out: NamespaceUsers[] = [];
  for (const { metric, value } of body.data.result ?? []) {
    const namespace = metric?.namespace;
    const users = Number(value?.[1]);
    if (!namespace) continue; // a series without the label names no hub
    if (!Number.isInteger(users) || users < 0)
      throw new EditRefused(
        `Prometheus at ${server} gives namespace '${namespace}' ${value?.[1]} active users in ${month}; ` +
          'expected a whole number',
      );
    out.push({ namespace, users });
  }
  return out.sort((a, b) => (a.namespace < b.namespace ? -1 : 1));
}
