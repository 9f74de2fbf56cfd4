// The types both npm entries (`@touchpoint/sdk`, `@touchpoint/sdk/core`) export.
export type { Tracker, TrackerStats, ConversionDetails } from './tracker-api.js';
export type { TrackerOptions, ConsentState, Middleware } from './options.js';
export type { Diagnostic } from './diagnostics.js';
export type { DeliveryStats } from './delivery/sender.js';
export type { TouchpointPlugin, TrackerHost, TrackerContext } from './touchpoints/plugin.js';
export type { PagesOptions } from './touchpoints/pages.js';
export type { CampaignOptions } from './touchpoints/campaign.js';
export type { JournalOptions } from './touchpoints/journal.js';
export type { HowDidYouHearOptions } from './touchpoints/survey.js';
