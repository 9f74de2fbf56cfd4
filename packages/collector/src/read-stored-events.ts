import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { isDayFile } from './day-file';
import type { StoredEvent } from './sink';

/**
 * Reads every event an NDJSON sink stored in `dataDir`, oldest file first, in write order.
 * A torn line (a crash mid-write, never acknowledged) is skipped, and each id is yielded once: a write
 * that failed half-way and was retried may have left an earlier copy.
 *
 * @example
 * for await (const event of readStoredEvents('./data')) console.log(event.id, event.type);
 */
export async function* readStoredEvents(dataDir: string): AsyncGenerator<StoredEvent> {
  let names: string[];
  try {
    names = (await readdir(dataDir)).filter(isDayFile).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const seen = new Set<string>();
  for (const name of names) {
    const lines = createInterface({ input: createReadStream(join(dataDir, name)), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      let event: StoredEvent;
      try {
        event = JSON.parse(line) as StoredEvent;
      } catch {
        continue;
      }
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      yield event;
    }
  }
}
