/**
 * What the tracker reports through `onDiagnostic`: a `kind` (stable, documented in the README) and
 * details. Runtime problems never throw into the page; they arrive here instead.
 */
export interface Diagnostic {
  kind: string;
  detail?: unknown;
}

/** Builds the tracker's single report function; a throwing handler is ignored (it must not break the page). */
export function diagnostics(
  handler?: (d: Diagnostic) => void,
  debug = false,
): (kind: string, detail?: unknown) => void {
  return (kind, detail) => {
    try {
      if (debug) console.debug('[touchpoint]', kind, detail);
      handler?.({ kind, detail });
    } catch {
      // A broken handler must not take the tracker down with it.
    }
  };
}
