/** Between the names of a path key. */
const JOIN = '\u0001';
/** Escapes a control character inside a name, so a channel named `A\u0001B` is not the path A > B. */
const ESCAPE = '\u0000';
const CONTROL = /[\u0000\u0001]/g;
/** The key of the empty path: no path of names ends in a lone escape. */
const EMPTY = ESCAPE;

/**
 * A string that names a path and no other (for maps and sorting). For names without U+0000 and U+0001 it is
 * the names joined by U+0001, so keys sort as the paths do name by name: sorted rows, and so every sum taken
 * in their order, stay what they were. Those two characters inside a name are escaped with U+0000.
 */
export function pathKey(path: readonly string[]): string {
  if (!path.length) return EMPTY;
  let key = '';
  for (let i = 0; i < path.length; i++) {
    const name = path[i]!;
    if (i) key += JOIN;
    key += name.includes(ESCAPE) || name.includes(JOIN) ? name.replace(CONTROL, (ch) => ESCAPE + ch) : name;
  }
  return key;
}
