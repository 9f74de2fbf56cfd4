import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { dayFile } from './day-file';
import { readStoredEvents } from './read-stored-events';
import type { Sink, StoredEvent } from './sink';

/** Options of {@link createNdjsonSink}. */
export interface NdjsonSinkOptions {
  /** Directory for the `events-YYYY-MM-DD.ndjson` files; created when missing. */
  dataDir: string;
  /** Clock used to pick the day file (tests). @default Date.now */
  now?: () => number;
}

interface Pending {
  events: readonly StoredEvent[];
  resolve: (result: { inserted: number }) => void;
  reject: (error: unknown) => void;
}

/**
 * The embedded default sink: one append-only NDJSON file per UTC day in `dataDir`, fsync'd before a
 * write resolves. The set of stored ids is rebuilt from the files on start, so dedup survives restarts.
 * Writes that arrive while one is on disk are merged into the next one (group commit): one fsync
 * acknowledges many concurrent batches. One process owns a directory; use PostgreSQL for several.
 */
export async function createNdjsonSink(options: NdjsonSinkOptions): Promise<Sink> {
  const { dataDir } = options;
  const now = options.now ?? Date.now;
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (cause) {
    throw new Error(
      `[touchpoint] collector: cannot create the data directory "${dataDir}"; pass a writable path`,
      {
        cause,
      },
    );
  }
  const ids = new Set<string>();
  for await (const event of readStoredEvents(dataDir)) ids.add(event.id);

  let file: { name: string; handle: FileHandle } | undefined;
  let queue: Pending[] = [];
  let flushing: Promise<void> | undefined;
  let closed = false;

  async function fileFor(time: number): Promise<FileHandle> {
    const name = dayFile(time);
    if (file?.name === name) return file.handle;
    await file?.handle.close();
    file = undefined;
    const path = join(dataDir, name);
    const handle = await open(path, 'a');
    // A crash mid-write can leave a torn last line; start on a fresh line so the next event stays whole.
    const { size } = await handle.stat();
    if (size > 0) {
      const tail = await readFile(path).then((b) => b[b.length - 1]);
      if (tail !== 0x0a) await handle.write('\n');
    }
    file = { name, handle };
    return handle;
  }

  function kick(): void {
    if (flushing) return;
    flushing = flush().finally(() => {
      flushing = undefined;
      if (queue.length > 0) kick();
    });
  }

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      const fresh = new Set<string>();
      const counts: number[] = [];
      let text = '';
      for (const pending of batch) {
        let inserted = 0;
        for (const event of pending.events) {
          if (ids.has(event.id) || fresh.has(event.id)) continue;
          fresh.add(event.id);
          text += JSON.stringify(event) + '\n';
          inserted++;
        }
        counts.push(inserted);
      }
      try {
        if (text) {
          const handle = await fileFor(now());
          await handle.write(text);
          await handle.datasync();
        }
        for (const id of fresh) ids.add(id);
        batch.forEach((pending, i) => pending.resolve({ inserted: counts[i]! }));
      } catch (cause) {
        // The file may hold part of this write; that is fine: ids stay unknown, so a retry re-appends them
        // and readStoredEvents yields the first copy of each id.
        await file?.handle.close().catch(() => {});
        file = undefined;
        const error = new Error(`[touchpoint] ndjson sink: cannot write to "${dataDir}"`, { cause });
        for (const pending of batch) pending.reject(error);
      }
    }
  }

  return {
    name: 'ndjson',
    write(events) {
      if (closed) return Promise.reject(new Error('[touchpoint] ndjson sink: write after close'));
      if (events.length === 0) return Promise.resolve({ inserted: 0 });
      return new Promise((resolve, reject) => {
        queue.push({ events, resolve, reject });
        kick();
      });
    },
    async close() {
      closed = true;
      while (flushing) await flushing;
      await file?.handle.close();
      file = undefined;
    },
  };
}
