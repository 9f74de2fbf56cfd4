// Test-only helpers (excluded from the build): a collector on an ephemeral port and event factories.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from '@touchpoint/protocol';
import { afterEach } from 'vitest';
import { createCollector, type Collector } from './collector.js';
import type { CollectorOptions } from './options.js';
import { readStoredEvents } from './read-stored-events.js';
import type { StoredEvent } from './sink.js';

export interface Running {
  collector: Collector;
  baseUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'touchpoint-collector-'));
}

/** Starts a collector on 127.0.0.1:0 with a fresh data dir (unless given). */
export async function startCollector(options: Partial<CollectorOptions> = {}): Promise<Running> {
  const dataDir = options.dataDir ?? (await tempDir());
  const collector = await createCollector({ onError: () => {}, ...options, dataDir });
  const baseUrl = await collector.listen(0, '127.0.0.1');
  let closing: Promise<void> | undefined;
  return {
    collector,
    baseUrl,
    dataDir,
    // Idempotent: a test may stop a collector itself (a restart) before the cleanup does.
    stop: () => (closing ??= collector.close()),
  };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export function trackEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: uuidv7(),
    type: 'track',
    name: 'signup',
    ts: Date.now(),
    anonymousId: 'a1',
    sessionId: 's1',
    ...overrides,
  };
}

/** A stored event as a sink receives it (for tests of sinks without a collector in front). */
export function storedEvent(overrides: Partial<StoredEvent> = {}): StoredEvent {
  const now = Date.now();
  return {
    id: uuidv7(),
    type: 'track',
    name: 'signup',
    ts: now - 5,
    clientTs: now - 5,
    receivedAt: now,
    anonymousId: 'a1',
    sessionId: 's1',
    props: { plan: 'pro', nested: { n: 1, ok: true, list: ['é', '😀'] } },
    ...overrides,
  } as StoredEvent;
}

export async function postBatch(
  baseUrl: string,
  body: unknown,
  init: { contentType?: string; query?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${baseUrl}/v1/batch${init.query ?? ''}`, {
    method: 'POST',
    headers: { 'content-type': init.contentType ?? 'text/plain;charset=UTF-8', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}

/**
 * For one test file: returns `start(options)`, which starts a collector like {@link startCollector}; every
 * collector started in a test is stopped, and its data removed, after that test.
 */
export function collectorsPerTest(): (options?: Partial<CollectorOptions>) => Promise<Running> {
  const running: Running[] = [];
  afterEach(async () => {
    const done = running.splice(0);
    for (const r of done) await r.stop();
    // Collectors may share a data dir (a restart on the same data): remove each once, after all stopped.
    for (const dir of new Set(done.map((r) => r.dataDir))) await removeDir(dir);
  });
  return async (options = {}) => {
    const r = await startCollector(options);
    running.push(r);
    return r;
  };
}

/** Every event stored under `dataDir`, in file order. */
export async function storedEvents(dataDir: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const e of readStoredEvents(dataDir)) events.push(e);
  return events;
}
