import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { eventProblem, type LooseEvent } from './touch-of-event.js';

/** Options of `readEvents`. */
export interface ReadEventsOptions {
  /**
   * Called for a line that is not a JSON object, or an object no analysis can use (no `anonymousId`, or a
   * `ts` that is not a number); the line is skipped, nothing else is lost.
   */
  onInvalid?: (problem: { file: string; line: number; reason: string }) => void;
  /** Called with the number of bytes read so far, about every `PROGRESS_BYTES`. */
  onProgress?: (bytes: number) => void;
}

/** How often `onProgress` is called. */
export const PROGRESS_BYTES = 16 * 1024 * 1024;

/** What `readEvents` returns: events one by one, or (faster, for bulk consumers) in batches. */
export interface EventStream extends AsyncIterable<LooseEvent> {
  /** The same events in arrays, one per chunk read (about 1 MiB of NDJSON each). */
  batches(): AsyncGenerator<LooseEvent[]>;
}

/** Bytes read from disk at a time. */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams events from NDJSON as the collector stores it: one JSON object per line, extra fields (such as
 * `receivedAt`) kept. `input` is a file, a directory (its `*.ndjson` files, by name, not recursive) or a
 * list of those. Memory stays flat whatever the file size.
 *
 * @example for await (const event of readEvents('data/events')) console.log(event.type)
 */
export function readEvents(input: string | readonly string[], options: ReadEventsOptions = {}): EventStream {
  const batches = () => readBatches(input, options);
  return {
    batches,
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) yield* batch;
    },
  };
}

async function* readBatches(
  input: string | readonly string[],
  options: ReadEventsOptions,
): AsyncGenerator<LooseEvent[]> {
  let bytes = 0;
  let reported = 0;
  for (const file of await listFiles(input)) {
    let rest = '';
    let line = 0;
    const parse = (text: string, into: LooseEvent[]) => {
      line++;
      const trimmed = text.trim();
      if (!trimmed) return;
      try {
        const value: unknown = JSON.parse(trimmed);
        if (!value || typeof value !== 'object' || Array.isArray(value))
          return void options.onInvalid?.({ file, line, reason: 'not a JSON object' });
        // Skipped here, where the file and line are known; the journey builder would skip it without them.
        const problem = eventProblem(value as LooseEvent);
        if (problem) options.onInvalid?.({ file, line, reason: problem });
        else into.push(value as LooseEvent);
      } catch (cause) {
        options.onInvalid?.({ file, line, reason: `not JSON (${(cause as Error).message})` });
      }
    };
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES })) {
      bytes += Buffer.byteLength(chunk as string);
      const text = rest + (chunk as string);
      const batch: LooseEvent[] = [];
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        parse(text.slice(start, nl), batch);
        start = nl + 1;
      }
      rest = text.slice(start);
      if (options.onProgress && bytes - reported >= PROGRESS_BYTES) options.onProgress((reported = bytes));
      if (batch.length) yield batch;
    }
    const last: LooseEvent[] = [];
    parse(rest, last);
    if (last.length) yield last;
  }
  options.onProgress?.(bytes);
}

async function listFiles(input: string | readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of typeof input === 'string' ? [input] : input) {
    let info;
    try {
      info = await stat(path);
    } catch (cause) {
      throw new Error(
        `[touchpoint] attribution: cannot read ${path}; give an NDJSON file or a directory of *.ndjson files.`,
        { cause },
      );
    }
    if (!info.isDirectory()) files.push(path);
    else {
      const names = (await readdir(path)).filter((n) => n.endsWith('.ndjson')).sort();
      files.push(...names.map((n) => join(path, n)));
    }
  }
  return files;
}
