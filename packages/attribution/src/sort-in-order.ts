/**
 * Sorts `items` in place by `order` unless they already are, which one linear pass tells. Events mostly come
 * in time order (the collector appends them as they arrive), so most devices' and people's records need no
 * sort, and a full sort with the record comparator was the costliest part of the journeys step.
 */
export function sortInOrder<T extends number[] | Int32Array>(
  items: T,
  order: (a: number, b: number) => number,
): T {
  for (let k = 1; k < items.length; k++)
    if (order(items[k - 1]!, items[k]!) > 0) return items.sort(order) as T;
  return items;
}
