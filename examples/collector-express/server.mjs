// Run: TOUCHPOINT_SECRET=... node server.mjs
import { createApp } from './app.mjs';

const { app, collector } = await createApp({
  dataDir: process.env.TOUCHPOINT_DATA ?? './data',
  secret: process.env.TOUCHPOINT_SECRET ?? 'change-me-to-a-long-random-secret',
});
const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`app on http://127.0.0.1:${server.address().port}; collector at /collect/v1/batch`);
});
process.once('SIGTERM', () => server.close(() => collector.close()));
