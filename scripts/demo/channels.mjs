/**
 * The ways simulated visitors arrive at the shop. Each channel says how often it is used, how much it
 * raises the chance to buy (so the models have a signal to find), what a buyer answers in the
 * "How did you hear about us?" survey, and how the browser arrives: a landing URL and a referrer, or a
 * newsletter link that goes through the collector's signed click redirect.
 */

/** @typedef {{ url: string, referer?: string } | { email: { campaign: string, message: string, target: string } }} Arrival */

const SKUS = ['mug', 'tee', 'poster', 'notebook'];

function landing(random, shop, query = '') {
  const path = random.chance(0.55) ? '/' : `/product.html?sku=${random.pick(SKUS)}`;
  if (!query) return shop + path;
  return shop + path + (path.includes('?') ? '&' : '?') + query;
}

export const CHANNELS = {
  paid_search: {
    weight: 16,
    lift: 0.2,
    survey: 'Search engine',
    arrive: (random, shop) => ({
      url: landing(
        random,
        shop,
        `utm_source=google&utm_medium=cpc&utm_campaign=brand&gclid=${random.id(16)}`,
      ),
      referer: 'https://www.google.com/',
    }),
  },
  organic_search: {
    weight: 18,
    lift: 0.1,
    survey: 'Search engine',
    arrive: (random, shop) => ({
      url: landing(random, shop),
      referer: random.pick(['https://www.google.com/', 'https://www.bing.com/', 'https://duckduckgo.com/']),
    }),
  },
  organic_social: {
    weight: 12,
    lift: 0.05,
    survey: 'Social media',
    arrive: (random, shop) => ({
      url: landing(random, shop),
      referer: random.pick([
        'https://www.facebook.com/',
        'https://t.co/',
        'https://www.linkedin.com/',
        'https://www.reddit.com/',
      ]),
    }),
  },
  paid_social: {
    weight: 9,
    lift: 0.09,
    survey: 'Social media',
    arrive: (random, shop) => ({
      url: landing(
        random,
        shop,
        `utm_source=facebook&utm_medium=paid_social&utm_campaign=spring&fbclid=${random.id(20)}`,
      ),
      referer: 'https://www.facebook.com/',
    }),
  },
  email: {
    weight: 12,
    lift: 0.18,
    survey: 'Email or newsletter',
    arrive: (random, shop, week) => ({
      email: {
        campaign: 'spring-letter',
        message: `issue-${week}`,
        target: `${shop}/product.html?sku=poster&utm_source=newsletter&utm_medium=email&utm_campaign=spring-letter&utm_content=issue-${week}`,
      },
    }),
  },
  referral: {
    weight: 9,
    lift: 0.14,
    survey: 'A blog or website',
    arrive: (random, shop) => ({
      url: landing(random, shop),
      referer: random.pick([
        'https://blog.example.org/gift-ideas',
        'https://news.example.net/best-mugs-2026',
      ]),
    }),
  },
  display: {
    weight: 7,
    lift: 0.04,
    survey: 'Online ad',
    arrive: (random, shop) => ({
      url: landing(random, shop, 'utm_source=news-site&utm_medium=display&utm_campaign=spring'),
      referer: 'https://news.example.net/',
    }),
  },
  direct: {
    weight: 10,
    lift: 0.06,
    survey: 'Friend or colleague',
    arrive: (random, shop) => ({ url: landing(random, shop) }),
  },
};

/** Channel names, in a fixed order. */
export const CHANNEL_NAMES = Object.keys(CHANNELS);
