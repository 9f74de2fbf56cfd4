import { pixelUrl, redirectUrl } from '../../packages/collector/dist/index.js';
import { watchBatches } from './settle.mjs';

/** Fake time the ad banners stay in view: over the 1 s viewability rule, without waiting a real second. */
const AD_VIEW_MS = 1_500;
/** Real time for the browser to report the banners' first intersection before fake time moves on. */
const LAYOUT_MS = 60;

/** How long before clicking a newsletter link its reader opened the email. */
const EMAIL_OPEN_LEAD_MS = 20 * 60_000;

/**
 * @typedef {object} DemoEnv
 * @property {import('playwright-core').Browser} browser
 * @property {string} shop       storefront base URL
 * @property {string} collector  collector base URL
 * @property {string} secret     the collector's redirectSecret, to sign email links and pixels
 * @property {(name: string) => void} count  progress counter
 * @property {ReturnType<typeof import('./server-clock.mjs').createServerClock>} serverClock  the collector's clock
 */

async function newDevice(env, time) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Each visit happens at its simulated time; the fake clock then flows naturally and can be fast-forwarded.
  await context.clock.install({ time });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, batches: watchBatches(context), used: false };
}

/**
 * Makes a device a brand-new browser for the next person: no cookies, localStorage or IndexedDB of the shop
 * (so no anonymous id, session or queue). Much cheaper than a new context, which starts a new renderer.
 */
async function wipeDevice(device, env) {
  await device.cdp.send('Storage.clearDataForOrigin', { origin: env.shop, storageTypes: 'all' });
  await device.context.clearCookies();
  device.used = false;
}

async function land(page, visit, person, env) {
  const { arrival } = visit;
  if (!('email' in arrival)) {
    await page.goto(arrival.url, arrival.referer ? { referer: arrival.referer } : {});
    return;
  }
  const email = {
    campaign: arrival.email.campaign,
    message: arrival.email.message,
    recipient: person.recipient,
  };
  // The mail client loads the open pixel a while before the reader clicks the signed link, which the
  // collector records and redirects to the shop with tp_click=<click id>. The collector stamps both at its
  // own clock, set to the visit's simulated time while this worker holds it.
  await env.serverClock.hold(async (setTime) => {
    setTime(visit.time - EMAIL_OPEN_LEAD_MS);
    await (await fetch(pixelUrl(env.collector, { ...email, secret: env.secret }))).arrayBuffer();
    env.count('emailOpens');
    setTime(visit.time);
    await page.goto(redirectUrl(env.collector, { target: arrival.email.target, email, secret: env.secret }), {
      waitUntil: 'commit',
    });
  });
  await page.waitForLoadState('load');
}

async function seeAds(page, env) {
  // The banners sit below the fold: scroll to them, let the browser report them visible, then stay.
  await page.locator('.banner:not([hidden])').scrollIntoViewIfNeeded();
  await page.waitForTimeout(LAYOUT_MS);
  await page.clock.runFor(AD_VIEW_MS);
  env.count('adViews');
}

/** Clicks a link or button that navigates, and waits for the next page (and its async SDK) to load. */
async function click(page, selector) {
  const from = page.url();
  await Promise.all([
    page.waitForURL((url) => url.href !== from, { waitUntil: 'load' }),
    page.click(selector),
  ]);
}

/**
 * Drives one visit: land, look around, maybe share, sign in and buy, then leave. The device's one page
 * stays open on about:blank between visits (the clock of a context without pages cannot be set).
 */
async function runVisit(device, visit, person, env) {
  const { page } = device;
  await land(page, visit, person, env);
  const onHome = new URL(page.url()).pathname === '/';
  if (visit.seeAds) {
    if (!onHome) await click(page, 'header a[href="/"]');
    await seeAds(page, env);
  }
  if (visit.clickAd) {
    await click(page, '.banner:not([hidden])');
    env.count('adClicks');
  } else if (onHome || visit.seeAds) {
    if (visit.browse || visit.share || visit.buy || visit.signIn) {
      await click(page, '#p-' + (person.index % 2 ? 'mug' : 'tee'));
    }
  }
  if (visit.share) {
    // The share link opens the network's page in a popup; it cannot load here (no internet) and is not
    // needed. Closed before going on: clock calls fail while a page of the context is closing.
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#share-x')]);
    await popup.close();
    env.count('shares');
  }
  if (visit.buy) await page.click('#add-to-cart');
  if (visit.signIn) {
    await click(page, '#signin-link');
    await page.fill('#customer', person.userId);
    await click(page, '#signin-submit');
    env.count('signIns');
  }
  if (visit.buy) {
    if (!page.url().includes('/checkout.html')) await click(page, '#to-checkout');
    await page.click('#place-order');
    env.count('conversions');
    if (visit.survey) {
      await page.selectOption('#heard', visit.survey);
      await page.click('#survey-submit');
      env.count('surveys');
    }
  }
  // Leaving the page fires pagehide: the SDK sends what is queued (and the final web vitals).
  await page.goto('about:blank');
  if (!(await device.batches.settle())) env.count('unsettled');
  env.count('visits');
}

/**
 * Plays one person's visits in order, each device its own browser context (own storage, own anonymous id).
 * `devices` belong to the worker and are reused person after person, wiped in between.
 * @param {import('./plan.mjs').Person} person
 * @param {DemoEnv} env
 * @param {Record<string, any>} devices
 */
export async function runPerson(person, env, devices) {
  for (const device of Object.values(devices)) if (device.used) await wipeDevice(device, env);
  for (const visit of person.visits) {
    let device = devices[visit.device];
    if (device) await device.context.clock.setSystemTime(visit.time);
    else device = devices[visit.device] = await newDevice(env, visit.time);
    device.used = true;
    await runVisit(device, visit, person, env);
  }
  env.count('people');
}

/** Closes a worker's devices. */
export async function closeDevices(devices) {
  await Promise.all(Object.values(devices).map((device) => device.context.close()));
}
