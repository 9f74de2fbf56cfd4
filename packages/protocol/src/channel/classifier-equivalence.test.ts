import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyTouch } from './classify-touch.js';
import { CLICK_IDS } from './click-ids.js';
import { parseCampaign } from './parse-campaign.js';
import * as frozen from '../../test/fixtures/classifier-2026-11-23.js';

// The classifier was rewritten for size (it ships in the script tag). These tests hold it to the frozen copy
// of the version before, on generated inputs built from the pieces the rules look at, so every rule, list
// entry and quirk (case, whitespace, line breaks, prefixes, ports, key order) is exercised.

/** Many generated cases: allow for a loaded machine (vitest's default is 5 s). */
const TIMEOUT_MS = 120_000;

const LIST_ENTRIES = [
  frozen.SEARCH_SOURCES,
  frozen.SOCIAL_SOURCES,
  frozen.VIDEO_SOURCES,
  frozen.SHOPPING_SOURCES,
]
  .join(' ')
  .split(' ');

/** Words the rules test for, and near misses. */
const RULE_WORDS =
  '(direct),(none),(not set),cpc,ppc,cpm,cpv,cp,retargeting,paid,paid_social,paidsearch,unpaid,xcpx,display,displays,banner,expandable,interstitial,social,social-network,social-media,sm,social network,social media,video,organic,referral,app,link,email,e-mail,e_mail,e mail,emails,affiliate,audio,sms,firebase,push,apppush,mobile,notification,notifications,cross-network,cross network,shop,shopping,workshop,bishop,e-shop,3shop,shopify,com,co.uk,de,example,io,www,m,l,lm,mobile,www2,docs,search,web,out,old,t,x'.split(
    ',',
  );
const WORDS = [...LIST_ENTRIES, ...RULE_WORDS];

/** Strings built from rule words with case changes, separators, padding and odd characters. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '.',
      '-',
      '_',
      ' ',
      ':',
      '/',
      '//',
      '?',
      '#',
      '@',
      ':8080',
      '\n',
      '\t',
      '\u2028',
      'İ',
      'K',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const text = fc
  .tuple(fc.array(piece, { minLength: 0, maxLength: 4 }), fc.constantFrom('lower', 'upper', 'title', 'pad'))
  .map(([parts, style]) => {
    const s = parts.join(parts.length > 2 && parts[0]!.length > 3 ? '' : parts.length % 2 ? '.' : '');
    return style === 'upper'
      ? s.toUpperCase()
      : style === 'title'
        ? s.charAt(0).toUpperCase() + s.slice(1)
        : style === 'pad'
          ? ` ${s}\t`
          : s;
  });
const host = fc
  .tuple(
    fc.constantFrom('', 'www.', 'm.', 'l.', 'lm.', 'mobile.', 'www3.', 'm.l.', 'docs.', 'shop.', 'a.', 'b.'),
    fc.constantFrom(...LIST_ENTRIES, 'example', 'shop.example', 'github.io', 'blog'),
    fc.constantFrom('', '.com', '.co.uk', '.de', '.io', '.example'),
    fc.constantFrom('', ':443', ':', '/', '/path?q=1#x', '?u=x', '/a\nb'),
  )
  .map((p) => p.join(''));
const url = fc.oneof(
  fc
    .tuple(fc.constantFrom('https://', 'http://', '//', '', 'android-app://', 'https://user:pw@'), host)
    .map((p) => p.join('')),
  text,
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
const clickIdName = fc.oneof(
  fc.constantFrom(...Object.keys(CLICK_IDS)),
  fc.constantFrom('GCLID', 'FbClId', 'unknown', 'constructor', 'toString', '__proto__', 'hasOwnProperty', ''),
);
const campaignArb = fc.record(
  {
    source: fc.oneof(text, host, fc.constant('')),
    medium: fc.oneof(text, fc.constant('')),
    campaign: fc.oneof(text, fc.constant('')),
    term: text,
    content: text,
    id: text,
    clickId: fc.oneof(
      fc.record({ name: clickIdName, value: fc.constantFrom('abc', '') }),
      fc.constant(undefined),
    ),
    referrer: fc.oneof(url, fc.constant('')),
    landingHost: fc.oneof(host, url, fc.constant('')),
  },
  { requiredKeys: [] },
);

/** Same value, same own keys in the same order (the touch is sent as JSON), or the same error. */
function same<T>(actual: () => T, expected: () => T): void {
  let a: T | Error;
  let e: T | Error;
  try {
    a = actual();
  } catch (error) {
    a = error as Error;
  }
  try {
    e = expected();
  } catch (error) {
    e = error as Error;
  }
  expect(a).toStrictEqual(e);
  if (a && typeof a === 'object') expect(Reflect.ownKeys(a)).toEqual(Reflect.ownKeys(e as object));
}

describe('classifier equivalence with the frozen copy of 2026-11-23', () => {
  it(
    'classifyTouch: same touch for generated campaigns and referrers',
    () => {
      fc.assert(
        fc.property(campaignArb, (input) => {
          same(
            () => classifyTouch({ ...input }),
            () => frozen.classifyTouch({ ...input }),
          );
        }),
        { numRuns: 10_000 },
      );
    },
    TIMEOUT_MS,
  );

  it('classifyTouch: same touch for every pair of rule words as source and medium', () => {
    const words = ['', ...RULE_WORDS, 'google', 'facebook', 'youtube', 'amazon', 'Google.com', ' SMS '];
    for (const source of words)
      for (const medium of words)
        for (const campaign of [undefined, 'shop', 'x cross-network'])
          same(
            () => classifyTouch({ source, medium, campaign }),
            () => frozen.classifyTouch({ source, medium, campaign }),
          );
  });

  it('classifyTouch: same touch for every list entry as source and as referrer, paid and organic', () => {
    for (const entry of [...LIST_ENTRIES, 'shopping.google.com', 'search.yahoo.co.jp', 'm.l.facebook.com'])
      for (const medium of [undefined, '', 'cpc', 'organic', 'referral', 'social', 'video', 'display'])
        for (const input of [
          { source: entry, medium },
          { source: entry.toUpperCase(), medium, campaign: 'x' },
          { referrer: `https://www.${entry}.com/x`, medium },
          { referrer: entry, landingHost: entry },
        ])
          same(
            () => classifyTouch(input),
            () => frozen.classifyTouch(input),
          );
  });

  const paramName = fc.oneof(
    fc.constantFrom(
      'utm_source',
      'utm_medium',
      'utm_campaign',
      'utm_term',
      'utm_content',
      'utm_id',
      'tp_email',
    ),
    fc.constantFrom(
      'UTM_Source',
      'Utm_Medium',
      'TP_EMAIL',
      'utm_',
      'utm_other',
      'q',
      'constructor',
      '__proto__',
    ),
    clickIdName,
  );
  const paramValue = fc.oneof(
    text,
    fc.constantFrom(
      '',
      ' ',
      'spring:welcome-2',
      ':msg',
      'name:',
      'a:b:c',
      ' x ',
      'a%0Ab',
      'a+b',
      '%E2%80%A8',
    ),
    fc.string({ minLength: 495, maxLength: 510 }),
  );
  const query = fc
    .array(fc.tuple(paramName, paramValue), { maxLength: 8 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${/%/.test(v) ? v : encodeURIComponent(v)}`).join('&'));

  it(
    'parseCampaign: same campaign for generated landing URLs',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(
            'https://shop.example/p?',
            '/landing?',
            '?',
            'https://x.example/#a?',
            'not a url ?',
            'http://[::1/?',
          ),
          query,
          fc.constantFrom('', '#frag', '&&', '#utm_source=x'),
          fc.boolean(),
          (base, q, tail, asUrl) => {
            const href = base + q + tail;
            let input: string | URL = href;
            if (asUrl) {
              try {
                input = new URL(href);
              } catch {
                // keep the string
              }
            }
            same(
              () => parseCampaign(input),
              () => frozen.parseCampaign(input),
            );
          },
        ),
        { numRuns: 5_000 },
      );
    },
    TIMEOUT_MS,
  );
});
