import { createMemoryQueue } from './memory-queue.js';
import { queueConformance } from './queue-conformance.js';

queueConformance('memory queue', async (limits) => createMemoryQueue(limits));
