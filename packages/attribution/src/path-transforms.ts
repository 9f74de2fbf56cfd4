/**
 * Fractribution's path transforms, applied to a journey's touches after lookback trimming. Each returns a new
 * array; they chain in the order given. Where a transform keeps one touch of several, it keeps the first.
 * @see https://github.com/google/fractribution (path_transform)
 */

/** Anything with a channel: journey touches, or `{ channel }` objects in tests. */
export interface Channeled {
  channel: string;
  count?: number;
}

/** A path transform: a pure function over touches, with the name the CLI uses. */
export interface PathTransform {
  (touches: readonly Channeled[]): Channeled[];
  readonly spec: string;
}

function named(spec: string, fn: (touches: readonly Channeled[]) => Channeled[]): PathTransform {
  return Object.assign(fn, { spec });
}

/** Collapses consecutive repeats: `A > A > B > A` → `A > B > A`. */
export const exposure: PathTransform = named('exposure', (touches) =>
  touches.filter((t, i) => i === 0 || touches[i - 1]!.channel !== t.channel),
);

/** Keeps the first occurrence of each channel: `D > A > D > B` → `D > A > B`. */
export const first: PathTransform = named('first', (touches) => {
  const seen = new Set<string>();
  return touches.filter((t) => !seen.has(t.channel) && seen.add(t.channel));
});

/** Like `first`, counting occurrences: `D > A > D` → `D(2) > A(1)` (see `touchLabel`). */
export const frequency: PathTransform = named('frequency', (touches) => {
  const byChannel = new Map<string, Channeled>();
  for (const t of touches) {
    const kept = byChannel.get(t.channel);
    if (kept) kept.count! += 1;
    else byChannel.set(t.channel, { ...t, count: 1 });
  }
  return [...byChannel.values()];
});

/** Removes every touch of `channel` unless the path has nothing else: `a > D > a` → `a > a`; `D > D` stays. */
export function removeIfNotAll(channel: string): PathTransform {
  return named(`removeIfNotAll:${channel}`, (touches) =>
    touches.every((t) => t.channel === channel) ? [...touches] : touches.filter((t) => t.channel !== channel),
  );
}

/** Removes the trailing run of `channel` unless the path has nothing else: `a > D > a > D` → `a > D > a`. */
export function removeIfLastAndNotAll(channel: string): PathTransform {
  return named(`removeIfLastAndNotAll:${channel}`, (touches) => {
    let end = touches.length;
    while (end > 0 && touches[end - 1]!.channel === channel) end--;
    return end === 0 ? [...touches] : touches.slice(0, end);
  });
}

/** Keeps the last `n` touches (the ones nearest the conversion). */
export function trimLongPath(n: number): PathTransform {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`[touchpoint] trimLongPath(${n}): the length must be a whole number ≥ 1.`);
  }
  return named(`trimLongPath:${n}`, (touches) => touches.slice(Math.max(0, touches.length - n)));
}

/** Applies transforms in order. */
export function applyTransforms<T extends Channeled>(
  touches: readonly T[],
  transforms: readonly PathTransform[],
): T[] {
  let out: readonly Channeled[] = touches;
  for (const transform of transforms) out = transform(out);
  return out as T[];
}

/** The label a touch has in a path: its channel, with the `frequency` count when set (`Email(2)`). */
export function touchLabel(touch: Channeled): string {
  return touch.count === undefined ? touch.channel : `${touch.channel}(${touch.count})`;
}

/**
 * Reads a transform from its CLI spelling: `exposure`, `first`, `frequency`, `removeIfNotAll:Direct`,
 * `removeIfLastAndNotAll:Direct`, `trimLongPath:10`.
 */
export function parseTransform(spec: string): PathTransform {
  const colon = spec.indexOf(':');
  const name = colon < 0 ? spec : spec.slice(0, colon);
  const arg = colon < 0 ? '' : spec.slice(colon + 1);
  if (name === 'exposure') return exposure;
  if (name === 'first') return first;
  if (name === 'frequency') return frequency;
  if ((name === 'removeIfNotAll' || name === 'removeIfLastAndNotAll') && arg) {
    return name === 'removeIfNotAll' ? removeIfNotAll(arg) : removeIfLastAndNotAll(arg);
  }
  if (name === 'trimLongPath' && /^\d+$/.test(arg)) return trimLongPath(Number(arg));
  throw new Error(
    `[touchpoint] attribution: unknown path transform "${spec}". Use exposure, first, frequency, ` +
      'removeIfNotAll:<channel>, removeIfLastAndNotAll:<channel> or trimLongPath:<n>.',
  );
}
