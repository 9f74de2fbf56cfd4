// The types both npm entries (`@touchpoint/sdk`, `@touchpoint/sdk/core`) export.
export type { Tracker, TrackerStats, ConversionDetails } from './tracker-api';
export type { TrackerOptions, ConsentState, Middleware } from './options';
export type { Diagnostic } from './diagnostics';
export type { DeliveryStats } from './delivery/sender';
export type { TouchpointPlugin, TrackerHost, TrackerContext } from './touchpoints/plugin';
export type { PagesOptions } from './touchpoints/pages';
export type { CampaignOptions } from './touchpoints/campaign';
export type { JournalOptions } from './touchpoints/journal';
export type { HowDidYouHearOptions } from './touchpoints/survey';
