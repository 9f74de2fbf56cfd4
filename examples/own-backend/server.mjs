// Run: node server.mjs  (PORT and EVENTS_FILE environment variables are optional)
import { createServer } from 'node:http';
import { createBackend } from './backend.mjs';

const port = Number(process.env.PORT ?? 8788);
const file = process.env.EVENTS_FILE ?? './events.ndjson';
createServer(createBackend(file)).listen(port, '127.0.0.1', () => {
  console.log(`own backend on http://127.0.0.1:${port}/v1/batch, storing ${file}`);
});
