import { readStoredEvents } from '../../packages/collector/dist/index.js';

/** Every kind of event the demo is meant to produce: the proof that each touchpoint works end to end. */
export const EXPECTED_TYPES = [
  'page',
  'ad_impression',
  'ad_click',
  'share',
  'survey',
  'vitals',
  'identify',
  'conversion',
  'email_open',
  'email_click',
  'track',
];

/**
 * Counts the events the collector stored, by type, plus distinct browsers and users.
 * @param {string} eventsDir
 */
export async function summarizeEvents(eventsDir) {
  const byType = Object.fromEntries(EXPECTED_TYPES.map((type) => [type, 0]));
  const browsers = new Set();
  const users = new Set();
  let total = 0;
  for await (const event of readStoredEvents(eventsDir)) {
    total++;
    byType[event.type] = (byType[event.type] ?? 0) + 1;
    if (!event.anonymousId.includes(':')) browsers.add(event.anonymousId);
    if (event.userId) users.add(event.userId);
  }
  return { total, byType, browsers: browsers.size, users: users.size };
}

/** The summary as a few lines of text; names a missing kind loudly. */
export function formatSummary({ total, byType, browsers, users }) {
  const width = Math.max(...Object.keys(byType).map((type) => type.length));
  const lines = [`Stored ${total} events from ${browsers} browsers and ${users} signed-in users:`];
  for (const [type, count] of Object.entries(byType)) {
    lines.push(
      `  ${type.padEnd(width)}  ${String(count).padStart(6)}${count === 0 ? '   <- none recorded' : ''}`,
    );
  }
  return lines.join('\n');
}
