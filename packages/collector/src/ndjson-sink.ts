import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { dayFile } from './day-file.js';
import { readStoredEvents } from './read-stored-events.js';
import type { Sink, StoredEvent } from './sink.js';

/** Options of {@link createNdjsonSink}. */
export interface NdjsonSinkOptions {
  /** Directory for the `events-YYYY-MM-DD.ndjson` files; created when missing. */
  dataDir: string;
  /** Clock used to pick the day file (tests). @default Date.now */
  now?: () => number;
}

const NEWLINE = 0x0a;

interface OpenFile {
  name: string;
  handle: FileHandle;
  /** Bytes acknowledged so far: where a failed write is rolled back to. */
  size: number;
}

async function lastByte(path: string, size: number): Promise<number | undefined> {
  const reader = await open(path, 'r');
  try {
    const { buffer } = await reader.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0];
  } finally {
    await reader.close();
  }
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
 * @see https://github.com/ndjson/ndjson-spec
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

  let file: OpenFile | undefined;
  let queue: Pending[] = [];
  let flushing: Promise<void> | undefined;
  let closed = false;

  async function fileFor(time: number): Promise<OpenFile> {
    const name = dayFile(time);
    if (file?.name === name) return file;
    await file?.handle.close();
    file = undefined;
    const path = join(dataDir, name);
    const handle = await open(path, 'a');
    let { size } = await handle.stat();
    // A crash mid-write can leave a torn last line; start on a fresh line so the next event stays whole.
    if (size > 0 && (await lastByte(path, size)) !== NEWLINE) {
      await handle.write('\n');
      size++;
    }
    file = { name, handle, size };
    return file;
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
      let target: OpenFile | undefined;
      try {
        if (text) {
          target = await fileFor(now());
          const bytes = Buffer.from(text);
          // A write may take only part of the bytes (a file-size limit, a disk filling up): go on from
          // there. The error of a write that takes nothing lands below, which cuts the part off again.
          for (let at = 0; at < bytes.length;) {
            const { bytesWritten } = await target.handle.write(bytes, at);
            if (!bytesWritten) throw new Error('the file took no more bytes');
            at += bytesWritten;
          }
          await target.handle.datasync();
          target.size += bytes.length;
        }
        for (const id of fresh) ids.add(id);
        batch.forEach((pending, i) => pending.resolve({ inserted: counts[i]! }));
      } catch (cause) {
        // Roll the file back to its last acknowledged size, so a retry cannot leave a second copy of an
        // id (best effort: a dead disk may refuse this too, and a torn line is skipped on read).
        await target?.handle.truncate(target.size).catch(() => {});
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
