/**
 * Option names the tracker does not know, each with the known name it most likely meant. A misspelt
 * option (`writekey`, `flushInterval`, `data-debug-mode`) would otherwise be ignored without a word, and
 * the site would run on a default it meant to change. Not an error: a script tag carries `data-*`
 * attributes of other tools too (`data-cfasync`, `data-cookieconsent`), read as options like its own.
 * "Meant" is the same name in another case, or one that starts the other (`flushInterval`/`flushIntervalMs`):
 * the usual slips, checked cheaply enough for the script tag's byte budget.
 *
 * @example unknownOptions({ endpoint: '/v1/batch', writekey: 'k' }, ['endpoint', 'writeKey'])
 * // → [['writekey', 'writeKey']]
 */
export function unknownOptions(options: object, known: readonly string[]): [string, string?][] {
  return Object.keys(options)
    .filter((name) => !known.includes(name))
    .map((name) => {
      const given = name.toLowerCase();
      const meant = known.find((k) => {
        const option = k.toLowerCase();
        return given.length > 3 && (given.startsWith(option) || option.startsWith(given));
      });
      return [name, meant];
    });
}

/** `writeKey` → `data-write-key`, how a script tag spells it. */
export const attributeName = (option: string): string =>
  'data-' + option.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
