/** How often the progress line is redrawn on a terminal, ms. */
const REDRAW_MS = 250;

/**
 * Counts what the simulation did and shows it: one line redrawn in place on a terminal, a line per tenth of
 * the people otherwise (logs, CI).
 * @param {{ people: number, stored: () => number, out?: NodeJS.WriteStream }} options
 */
export function createProgress({ people, stored, out = process.stderr }) {
  const counts = Object.create(null);
  const started = Date.now();
  let lastTenth = 0;
  const line = () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    return (
      `[touchpoint] demo: visitors ${counts.people ?? 0}/${people} · visits ${counts.visits ?? 0} · ` +
      `conversions ${counts.conversions ?? 0} · events stored ${stored()} · ${seconds} s`
    );
  };
  const timer = out.isTTY ? setInterval(() => out.write('\r' + line() + '\x1b[K'), REDRAW_MS) : undefined;
  return {
    counts,
    /** Adds one to a counter. */
    count(name) {
      counts[name] = (counts[name] ?? 0) + 1;
      if (!out.isTTY && name === 'people') {
        const tenth = Math.floor((counts.people * 10) / people);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          out.write(line() + '\n');
        }
      }
    },
    /** Stops redrawing and prints the final line. */
    done() {
      if (timer) clearInterval(timer);
      out.write((out.isTTY ? '\r' : '') + line() + (out.isTTY ? '\x1b[K\n' : '\n'));
    },
  };
}
