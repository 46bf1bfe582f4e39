/** Items grouped by a key, each group in the items' order; `value` is what a group keeps of each item. */
export function groupBy<T, K, V = T>(
  items: Iterable<T>,
  key: (item: T) => K,
  value: (item: T) => V = (item) => item as unknown as V,
): Map<K, V[]> {
  const groups = new Map<K, V[]>()
  for (const item of items) {
    const itemKey = key(item)
    const group = groups.get(itemKey)
    if (group) group.push(value(item))
    else groups.set(itemKey, [value(item)])
  }
  return groups
}
