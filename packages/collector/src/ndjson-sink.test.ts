import { appendFile, open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '@touchpoint/protocol';
import { createNdjsonSink } from './ndjson-sink.js';
import type { StoredEvent } from './sink.js';
import { removeDir, storedEvents, tempDir } from './test-harness.js';

const dirs: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

function event(): StoredEvent {
  return {
    id: uuidv7(),
    type: 'track',
    name: 'x',
    ts: 1,
    clientTs: 1,
    receivedAt: 2,
    anonymousId: 'a',
    sessionId: 's',
  } as StoredEvent;
}

describe('NDJSON sink', () => {
  it('rotates files by UTC day of receipt', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    let now = Date.UTC(2026, 0, 31, 23, 59, 59);
    const sink = await createNdjsonSink({ dataDir: dir, now: () => now });
    const a = event();
    await sink.write([a]);
    now += 2000;
    const b = event();
    await sink.write([b]);
    await sink.close();
    expect((await readdir(dir)).sort()).toEqual(['events-2026-01-31.ndjson', 'events-2026-02-01.ndjson']);
    expect((await storedEvents(dir)).map((e) => e.id)).toEqual([a.id, b.id]);
  });

  it('recovers from a torn last line left by a crash', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const now = () => Date.UTC(2026, 5, 1);
    const first = await createNdjsonSink({ dataDir: dir, now });
    const a = event();
    await first.write([a]);
    await first.close();
    const file = join(dir, 'events-2026-06-01.ndjson');
    await appendFile(file, '{"id":"0190'); // the crash: half a line, never acknowledged
    const second = await createNdjsonSink({ dataDir: dir, now });
    const b = event();
    expect(await second.write([a, b])).toEqual({ inserted: 1 });
    await second.close();
    expect((await storedEvents(dir)).map((e) => e.id)).toEqual([a.id, b.id]);
    expect((await readFile(file, 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('writes the rest after a short write, and acknowledges nothing when the file takes no more', async () => {
    // A file-size limit or a filling disk makes write() take only part of the bytes: those events were
    // answered 200 and lost, their ids kept as stored.
    const dir = await tempDir();
    dirs.push(dir);
    const probe = await open(join(dir, 'probe'), 'w');
    const FileHandle = Object.getPrototypeOf(probe) as {
      write: (...args: unknown[]) => Promise<{ bytesWritten: number }>;
    };
    await probe.close();
    const write = FileHandle.write;
    const short = vi.spyOn(FileHandle, 'write');
    const sink = await createNdjsonSink({ dataDir: dir });
    // Half the bytes, then the rest.
    short.mockImplementationOnce(function (this: unknown, buffer, offset) {
      const b = buffer as Buffer;
      return write.call(this, b, offset, Math.floor((b.length - (offset as number)) / 2));
    });
    const first = [event(), event(), event()];
    expect(await sink.write(first)).toEqual({ inserted: 3 });
    // Some bytes, then the limit.
    short.mockImplementationOnce(function (this: unknown, buffer) {
      return write.call(this, buffer as Buffer, 0, 10);
    });
    short.mockRejectedValueOnce(Object.assign(new Error('EFBIG: file too large'), { code: 'EFBIG' }));
    const second = [event(), event()];
    await expect(sink.write(second)).rejects.toThrow(/cannot write/);
    // The retry stores them once, with no torn line left before them.
    expect(await sink.write(second)).toEqual({ inserted: 2 });
    await sink.close();
    const [name] = (await readdir(dir)).filter((f) => f.endsWith('.ndjson'));
    const lines = (await readFile(join(dir, name!), 'utf8')).split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l).id)).toEqual([...first, ...second].map((e) => e.id));
  });

  it('refuses writes after close, and reports an unusable directory clearly', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const sink = await createNdjsonSink({ dataDir: dir });
    await sink.close();
    await expect(sink.write([event()])).rejects.toThrow(/write after close/);
    await appendFile(join(dir, 'blocker'), 'x');
    await expect(createNdjsonSink({ dataDir: join(dir, 'blocker', 'sub') })).rejects.toThrow(
      /\[touchpoint\] collector: cannot create the data directory/,
    );
  });
});
