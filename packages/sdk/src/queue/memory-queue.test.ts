import { createMemoryQueue } from './memory-queue';
import { queueConformance } from './queue-conformance';

queueConformance('memory queue', async (limits) => createMemoryQueue(limits));
