import { classifyTouch, type Touch } from '@touchpoint/protocol';
import type { TouchClass } from './types.js';

/** Channel of email opens and clicks the collector records. */
export const EMAIL_CHANNEL = 'Email';
/** Click id name the collector's redirect puts on the landing URL (`tp_click=<click event id>`). */
export const COLLECTOR_CLICK_ID = 'tp_click';

/** A loosely typed event as read from NDJSON: fields are checked where they are used. */
export type LooseEvent = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * Why an event cannot be used by any analysis, or undefined: every event needs its device (`anonymousId`) and
 * time (`ts`), as the protocol requires. The journey builder skips (and counts) exactly these events.
 */
export function eventProblem(event: LooseEvent): string | undefined {
  const problems: string[] = [];
  if (!str(event['anonymousId'])) problems.push('no "anonymousId" (a non-empty string)');
  const ts = event['ts'];
  if (typeof ts !== 'number' || !Number.isFinite(ts))
    problems.push('"ts" is not a number of epoch milliseconds');
  return problems.length ? problems.join('; ') : undefined;
}

/** The touch class of a classified arrival: a paid arrival (click id or paid medium) is a click, else a visit. */
export function visitClass(touch: Pick<Touch, 'paid' | 'clickId'>): TouchClass {
  return touch.paid || touch.clickId ? 'click' : 'visit';
}

/**
 * Classifies a page event without a `touchpoint` (recorded by an older SDK or another tool) from its campaign
 * and referrer with the protocol's GA4 rules.
 */
export function classifyPage(event: LooseEvent): Touch {
  const page = obj(event['page']);
  const campaign = obj(event['campaign']) ?? {};
  let landingHost: string | undefined;
  try {
    landingHost = page && str(page['url']) ? new URL(page['url'] as string).host : undefined;
  } catch {
    landingHost = undefined;
  }
  return classifyTouch({
    ...(campaign as object),
    referrer: page ? str(page['referrer']) : undefined,
    landingHost,
  });
}

/** Channel of an ad impression or click: the network as source, medium `display` (GA4 rules decide). */
export function adChannel(event: LooseEvent): string {
  const ad = obj(event['ad']) ?? {};
  return classifyTouch({ source: str(ad['network']), medium: 'display', campaign: str(ad['campaign']) })
    .channel;
}

/** Channel of a share, when shares count as touches: the network as a social source. */
export function shareChannel(event: LooseEvent): string {
  return classifyTouch({ source: str(event['network']), medium: 'social' }).channel;
}

/** The page's landing touch when the SDK recorded one, or undefined. */
export function pageTouch(event: LooseEvent): Touch | undefined {
  const touch = obj(event['touchpoint']);
  return touch && str(touch['channel']) ? (touch as unknown as Touch) : undefined;
}

/** The collector click id (`tp_click`) a landing touch carries, if any. */
export function collectorClickId(touch: Touch | undefined): string | undefined {
  return touch?.clickId?.name === COLLECTOR_CLICK_ID ? str(touch.clickId.value) : undefined;
}

export { str, obj };
