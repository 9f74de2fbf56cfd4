/**
 * What the tracker reports through `onDiagnostic`: a `kind` (stable, documented in the README) and
 * details. Runtime problems never throw into the page; they arrive here instead.
 */
export interface Diagnostic {
  kind: string;
  detail?: unknown;
}

/** Builds the tracker's single report function; a throwing handler is ignored (it must not break the page). */
export const diagnostics =
  (o: { onDiagnostic?: (d: Diagnostic) => void; debug: boolean }) =>
  (kind: string, detail?: unknown): void => {
    try {
      if (o.debug) console.info('[touchpoint]', kind, detail);
      o.onDiagnostic?.({ kind, detail });
    } catch {
      // A broken handler must not take the tracker down with it.
    }
  };
