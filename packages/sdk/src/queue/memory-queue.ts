import type { EventQueue, QueueLimits } from './event-queue.js';
import { createIdbQueue, type IdbQueueOptions } from './idb-queue.js';

/**
 * The in-memory queue (`persist: false`): the IndexedDB queue's index without the mirroring, which is
 * how the tracker makes it (`createIdbQueue(…, true)`). Lives as long as the page.
 */
export function createMemoryQueue(limits: QueueLimits & Pick<IdbQueueOptions, 'report'>): EventQueue {
  return createIdbQueue(limits, true);
}
