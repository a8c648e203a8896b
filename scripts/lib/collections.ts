/** Small helpers on Maps that every layer uses. */

/**
 * Adds `item` to the list kept under `key`, starting the list on first use: the grouping loops of the figures,
 * views and imports (Node 20 has no Map.groupBy). Items keep the order they are added in.
 */
export function pushTo<K, T>(lists: Map<K, T[]>, key: K, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}
