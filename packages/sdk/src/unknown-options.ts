/**
 * Option names the tracker does not know, each with the known name it most likely meant. A misspelt
 * option (`data-writekey`, `flushInterval`) would otherwise be ignored without a word, and the site would
 * run on a default it meant to change. Not an error: a script tag carries `data-*` attributes of other
 * tools too (`data-cfasync`, `data-consent-category`, `data-auto`), read as options like its own. "Meant"
 * is only a known name in another case, or with its `Ms` unit forgotten: close enough to be a slip, far
 * from what other tools name their attributes (a looser match warned on consent managers' ones).
 *
 * @example unknownOptions({ endpoint: '/v1/batch', writekey: 'k' }, ['endpoint', 'writeKey'])
 * // → [['writekey', 'writeKey']]
 */
export function unknownOptions(options: object, known: readonly string[]): [string, string?][] {
  return Object.keys(options)
    .filter((name) => !known.includes(name))
    .map((name) => {
      const given = name.toLowerCase();
      return [name, known.find((k) => [given, given + 'ms'].includes(k.toLowerCase()))];
    });
}

/** `writeKey` → `data-write-key`, how a script tag spells it. */
export const attributeName = (option: string): string =>
  'data-' + option.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
