import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { isDayFile } from './day-file.js';
import type { StoredEvent } from './sink.js';

/**
 * Reads every event an NDJSON sink stored in `dataDir`, oldest file first, in write order.
 * A torn line (a crash mid-write, never acknowledged) is skipped. Lines are yielded as stored, without
 * deduplication: the sink writes each id once, so a test can check exactly that.
 *
 * @example
 * for await (const event of readStoredEvents('./data')) console.log(event.id, event.type);
 * @see createNdjsonSink
 */
export async function* readStoredEvents(dataDir: string): AsyncGenerator<StoredEvent> {
  let names: string[];
  try {
    names = (await readdir(dataDir)).filter(isDayFile).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
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
      yield event;
    }
  }
}
