import type { AdInfo } from '@touchpoint/protocol';
import { nonEmpty } from './non-empty.js';
import type { TouchpointPlugin, TrackerHost } from './plugin.js';

/** Share of the ad's area that must be in view (IAB/MRC display viewability). */
export const VIEWABLE_RATIO = 0.5;
/** Continuous time in view before a display ad counts, ms. */
export const VIEWABLE_MS = 1000;
/** Continuous time in view before a video ad counts, ms. */
export const VIDEO_VIEWABLE_MS = 2000;

const SELECTOR = '[data-tp-ad]';
const ATTRS = ['campaign', 'creative', 'placement', 'network'] as const;

// Internal state (its field names are mangled in the script tags: INTERNAL_PROPERTIES in rollup.config.mjs).
interface Slot {
  adInfo: AdInfo;
  inView?: boolean;
  counted?: boolean;
  timer?: ReturnType<typeof setTimeout>;
  /** The id of the slot's impression event, for its clicks. */
  impression?: string;
}

type Register = (element: Element, info: AdInfo) => void;
let active: Register | undefined;
const waiting: Array<[Element, AdInfo]> = [];

/**
 * Tracks an ad rendered by code (no `data-tp-ad` markup needed): its viewable impression and its clicks,
 * exactly like declared ads. Calls made before the tracker starts wait for it.
 *
 * @example trackAd(document.querySelector('#hero')!, { id: 'spring-sale', campaign: 'spring', creative: 'v2' })
 * @throws when `info.id` is not a non-empty string.
 */
export function trackAd(element: Element, info: AdInfo): void {
  nonEmpty(info?.id, 'trackAd(element, info): info.id');
  if (active) active(element, info);
  else waiting.push([element, info]);
}

/**
 * Ad impressions and clicks. Ads are elements with `data-tp-ad="id"` (plus optional `data-tp-campaign`,
 * `data-tp-creative`, `data-tp-placement`, `data-tp-network`), found at start and whenever they are added
 * later, or elements passed to {@link trackAd}.
 *
 * An `ad_impression` is recorded once per element per page view, when at least 50% of it has been in view
 * for 1 continuous second (2 s for video: the element is or contains a `<video>`) while the page is
 * visible; an element that shows another ad (its `data-tp-*` attributes, or the info passed to `trackAd`,
 * change) counts again as that ad. A click (also a middle click) inside the element records an `ad_click`
 * with the impression's event id.
 *
 * @see https://www.iab.com/guidelines/iab-measurement-guidelines/ (MRC viewable impression guidelines)
 */
export function ads(): TouchpointPlugin {
  let host: TrackerHost | undefined;
  // Made in start() without a feature check: every browser the SDK supports has both, as does every browser
  // that can parse the bundle's syntax at all.
  let io: IntersectionObserver;
  let ro: ResizeObserver;
  let mo: MutationObserver | undefined;
  let off: AbortController | undefined;
  let lastUrl: string | undefined;
  const slots = new Map<Element, Slot>();

  // Starts the slot's clock when it may count, stops it when it may not.
  const update = (slot: Slot, element: Element): void => {
    if (slot.counted || !slot.inView || document.visibilityState !== 'visible') {
      clearTimeout(slot.timer);
      slot.timer = undefined;
    } else if (!slot.timer) {
      const since = Date.now();
      slot.timer = setTimeout(
        () => {
          slot.timer = undefined;
          slot.counted = true;
          slot.impression = host?.record('ad_impression', {
            ad: slot.adInfo,
            visibleMs: Date.now() - since,
          })?.id;
        },
        element.tagName === 'VIDEO' || element.querySelector('video') ? VIDEO_VIEWABLE_MS : VIEWABLE_MS,
      );
    }
  };
  const forget = (slot: Slot, element: Element): void => {
    clearTimeout(slot.timer);
    io.unobserve(element);
    ro.unobserve(element);
    slots.delete(element);
  };
  const add: Register = (element, info) => {
    const known = slots.get(element);
    if (JSON.stringify(known?.adInfo) === JSON.stringify(info)) return;
    // A new ad, or the slot shows another one now (a rotation, attributes changed in place): one to count,
    // from the observer's next report (observing again makes it report at once).
    if (known) forget(known, element);
    slots.set(element, { adInfo: info });
    io.observe(element);
    ro.observe(element);
  };
  // Registers `root` and the ads inside it; an ad's description comes from its `data-tp-*` attributes.
  const scan = (root: Element): void => {
    for (const element of [root, ...root.querySelectorAll(SELECTOR)]) {
      const id = element.getAttribute('data-tp-ad');
      if (!id) continue;
      const info: AdInfo = { id };
      for (const key of ATTRS) {
        const value = element.getAttribute('data-tp-' + key);
        if (value) info[key] = value;
      }
      add(element, info);
    }
  };
  // `click`, or `auxclick` with the middle button (opens the ad in a new tab; a right click opens a menu).
  const onClick = (event: MouseEvent): void => {
    if (event.button > 1) return;
    for (let node = event.target as Element | null; node; node = node.parentElement) {
      const slot = slots.get(node);
      if (slot) {
        // An SVG link's href is an object (SVGAnimatedString, its text in baseVal), which the collector
        // would refuse, losing the click.
        const href = (event.target as Element).closest?.('a[href]')?.['href' as never] as
          string | SVGAnimatedString | undefined;
        return void host?.record('ad_click', {
          ad: slot.adInfo,
          impressionId: slot.impression,
          target: (href as SVGAnimatedString | undefined)?.baseVal ?? (href as string | undefined),
        });
      }
    }
  };

  return {
    name: 'ads',
    commands: { trackAd },
    start(h) {
      host = h;
      const root = document.documentElement;
      io = new IntersectionObserver(
        (entries) => {
          for (const { target, intersectionRatio, boundingClientRect: box } of entries) {
            const slot = slots.get(target);
            if (!slot) continue;
            // (The ratio is 0 when not intersecting.) An empty slot (no area) is "fully in view" to the
            // observer; half of nothing is no ad seen.
            slot.inView = intersectionRatio >= VIEWABLE_RATIO && box.width * box.height > 0;
            update(slot, target);
          }
        },
        { threshold: VIEWABLE_RATIO },
      );
      // The observer reports a slot only when its ratio crosses a threshold, and a slot that gets its ad
      // while in view crosses none (empty, it already counted as fully in view): a new size asks again.
      ro = new ResizeObserver((entries) => {
        for (const { target } of entries) {
          io.unobserve(target);
          io.observe(target);
        }
      });
      scan(root);
      mo = new MutationObserver((records) => {
        for (const record of records) {
          if (record.attributeName) scan(record.target as Element);
          record.addedNodes.forEach((node) => node.nodeType === 1 && scan(node as Element));
        }
        // Removed ads stop counting and are forgotten.
        slots.forEach((slot, element) => element.isConnected || forget(slot, element));
      });
      mo.observe(root, {
        childList: true,
        subtree: true,
        attributeFilter: ['ad', ...ATTRS].map((key) => 'data-tp-' + key),
      });
      const signal = (off = new AbortController()).signal;
      document.addEventListener('visibilitychange', () => slots.forEach(update), { signal });
      for (const type of ['click', 'auxclick'] as const)
        document.addEventListener(type, onClick, { capture: true, signal });
      active = add;
      waiting.splice(0).forEach((args) => add(...args));
    },
    stop() {
      if (active === add) active = undefined;
      io?.disconnect();
      ro?.disconnect();
      mo?.disconnect();
      off?.abort();
      slots.forEach(forget);
      host = undefined;
    },
    enrich(event) {
      // A new page view (SPA navigation) makes every ad on screen eligible for a new impression.
      if (event.type !== 'page') return;
      if (lastUrl && event.page.url !== lastUrl)
        slots.forEach((slot, element) => {
          slot.counted = false;
          update(slot, element);
        });
      lastUrl = event.page.url;
    },
  };
}
