// The Touchpoint collector mounted in an Express app, beside your own routes.
import express from 'express';
import { createCollector, redirectUrl } from '@touchpoint/collector';

/** Builds the app; `collector.close()` drains it on shutdown. */
export async function createApp({ dataDir, secret }) {
  const collector = await createCollector({ dataDir, redirectSecret: secret });
  const app = express();
  // Mount before any body parser: the collector reads the raw body itself (text/plain from the SDK).
  // Express strips the mount path, so the SDK endpoint is https://your.site/collect/v1/batch.
  app.use('/collect', collector.handler);
  app.use(express.json());
  app.get('/newsletter-link', (req, res) => {
    // A signed click-tracking link for an email: /collect/v1/r?url=…&sig=…
    const origin = `${req.protocol}://${req.get('host')}/collect`;
    res.json({
      link: redirectUrl(origin, {
        target: 'https://shop.example/sale',
        email: { campaign: 'spring', recipient: 'r-1' },
        secret,
      }),
    });
  });
  return { app, collector };
}
