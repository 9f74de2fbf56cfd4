import { CHANNELS } from './channels.mjs';
import { createRandom } from './random.mjs';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Days between two visits of one person, at most; with 4 visits a journey spans under 7 days. */
const MAX_GAP_DAYS = 2;
/** Room kept at the end of the simulated period so every visit lies in the past. */
export const MAX_SPREAD_DAYS = 7;

/** Chance that a returning visit comes back directly rather than through a channel again. */
const RETURN_DIRECT_WEIGHT = 14;
/** Visits per person: 1 to 4, most people come once. */
const VISIT_COUNT_WEIGHTS = { 1: 45, 2: 30, 3: 17, 4: 8 };
/** Chance a buyer with more than one visit buys on a second device after signing in on the first. */
const SECOND_DEVICE_RATE = 0.35;
/** Chance a visit scrolls down to the home-page ad banners, and that it then clicks one. */
const AD_VIEW_RATE = 0.25;
const AD_CLICK_RATE = 0.4;
/** Chance a visit shares a product, and that a buyer signs in before paying. */
const SHARE_RATE = 0.12;
const SIGN_IN_RATE = 0.5;
const SURVEY_RATE = 0.6;
/** Chance a visitor landing on the home page goes on to a product page (the others bounce). */
const BROWSE_RATE = 0.5;
/** Chance a survey answer names the channel that first brought the buyer (people remember imperfectly). */
const SURVEY_TRUTH_RATE = 0.7;

/**
 * @typedef {object} Visit
 * @property {number} time        simulated epoch ms of the landing
 * @property {'a' | 'b'} device   which browser of the person (a second device is a fresh browser context)
 * @property {string} channel     key of CHANNELS
 * @property {import('./channels.mjs').Arrival} arrival
 * @property {boolean} seeAds     scrolls the home page down to the ad banners (a viewable impression)
 * @property {boolean} clickAd    then clicks one
 * @property {boolean} share      clicks a share link on a product page
 * @property {boolean} browse     goes on from the home page to a product page
 * @property {boolean} signIn     signs in (identify) during this visit
 * @property {boolean} buy        adds to cart and checks out (a conversion with a value)
 * @property {string} [survey]    answer to "How did you hear about us?" after buying
 *
 * @typedef {{ index: number, userId: string, recipient: string, visits: Visit[] }} Person
 */

/**
 * Plans every simulated person: when they come, from where, on which device and what they do.
 * Pure and seeded: the same options give the same plan.
 *
 * @param {{ count: number, seed: number, now: number, days: number, shop: string }} options
 * @returns {Person[]}
 */
export function planVisitors({ count, seed, now, days, shop }) {
  if (!(days > MAX_SPREAD_DAYS)) {
    throw new Error(`[touchpoint] demo: --days must be more than ${MAX_SPREAD_DAYS}, got ${days}`);
  }
  const random = createRandom(seed);
  const start = now - days * DAY;
  const weights = Object.fromEntries(Object.entries(CHANNELS).map(([name, c]) => [name, c.weight]));
  const people = [];
  for (let index = 0; index < count; index++) {
    const visitCount = Number(random.weighted(VISIT_COUNT_WEIGHTS));
    let time = start + random.next() * (days - MAX_SPREAD_DAYS) * DAY;
    const visits = [];
    for (let v = 0; v < visitCount; v++) {
      const channel = random.weighted(v === 0 ? weights : { ...weights, direct: RETURN_DIRECT_WEIGHT });
      const week = Math.floor((time - start) / (7 * DAY)) + 1;
      visits.push({
        time: Math.round(time),
        device: 'a',
        channel,
        arrival: CHANNELS[channel].arrive(random, shop, week),
        seeAds: random.chance(AD_VIEW_RATE),
        clickAd: false,
        share: random.chance(SHARE_RATE),
        browse: random.chance(BROWSE_RATE),
        signIn: false,
        buy: false,
      });
      visits[v].clickAd = visits[v].seeAds && random.chance(AD_CLICK_RATE);
      // The next visit comes 1 hour to 2 days later (always a new session).
      time += HOUR + random.next() * MAX_GAP_DAYS * DAY;
    }
    const noBuy = visits.reduce((p, visit) => p * (1 - CHANNELS[visit.channel].lift), 1);
    const last = visits[visits.length - 1];
    if (random.chance(1 - noBuy)) {
      last.buy = true;
      last.signIn = random.chance(SIGN_IN_RATE);
      if (visits.length > 1 && random.chance(SECOND_DEVICE_RATE)) {
        // Signed in on the laptop earlier, buys on the phone: identify joins both browsers.
        visits[0].signIn = true;
        last.device = 'b';
        last.signIn = true;
      }
      if (random.chance(SURVEY_RATE)) {
        const remembered = random.chance(SURVEY_TRUTH_RATE) ? visits[0].channel : random.weighted(weights);
        last.survey = CHANNELS[remembered].survey;
      }
    }
    people.push({ index, userId: `c-${1000 + index}`, recipient: `r-${1000 + index}`, visits });
  }
  return people;
}
