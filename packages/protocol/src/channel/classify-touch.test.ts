import { describe, expect, it } from 'vitest';
import { classifyTouch, type ClassifyInput } from './classify-touch.js';

const channel = (input: ClassifyInput) => classifyTouch(input).channel;

describe('classifyTouch: GA4 rules in order, positive and negative', () => {
  it('Direct: no referrer and no campaign', () => {
    expect(classifyTouch({})).toMatchObject({ channel: 'Direct', kind: 'direct', paid: false });
    expect(channel({ source: '(direct)', medium: '(none)' })).toBe('Direct');
    expect(channel({ source: '(Direct)', medium: '(not set)' })).toBe('Direct');
    expect(channel({ source: '(direct)', medium: 'email' })).not.toBe('Direct');
    expect(channel({ campaign: 'spring' })).not.toBe('Direct');
  });
  it('Direct: a same-site referrer is not a referral', () => {
    const t = classifyTouch({ referrer: 'https://www.shop.example/cart', landingHost: 'shop.example' });
    expect(t).toMatchObject({ channel: 'Direct', source: '(direct)' });
    expect(t.referrerHost).toBeUndefined();
    expect(channel({ referrer: 'https://blog.shop.example/', landingHost: 'shop.example' })).toBe('Direct');
    expect(channel({ referrer: 'https://a.github.io/', landingHost: 'b.github.io' })).toBe('Referral');
  });
  it('Cross-network: campaign contains cross-network', () => {
    expect(channel({ source: 'google', medium: 'cpc', campaign: 'PMax Cross-Network' })).toBe(
      'Cross-network',
    );
    expect(channel({ source: 'google', medium: 'cpc', campaign: 'network' })).not.toBe('Cross-network');
  });
  it('Paid Shopping: shopping source or shop campaign, with a paid medium', () => {
    expect(channel({ source: 'amazon', medium: 'cpc' })).toBe('Paid Shopping');
    expect(channel({ source: 'newsletter', medium: 'paid', campaign: 'summer shop' })).toBe('Paid Shopping');
    expect(channel({ source: 'x', medium: 'ppc', campaign: 'Shopping Q4' })).toBe('Paid Shopping');
    expect(channel({ source: 'amazon', medium: 'referral' })).not.toBe('Paid Shopping');
    // "workshop": the letter before "shop" must not be a-d or f-z (GA4's pattern).
    expect(channel({ source: 'partner', medium: 'cpc', campaign: 'workshop' })).toBe('Paid Other');
  });
  it('Paid Search: search source with a paid medium', () => {
    expect(classifyTouch({ source: 'Google', medium: 'CPC' })).toMatchObject({
      channel: 'Paid Search',
      kind: 'ad',
      paid: true,
    });
    expect(channel({ source: 'bing', medium: 'ppc' })).toBe('Paid Search');
    expect(channel({ source: 'search.yahoo.com', medium: 'retargeting' })).toBe('Paid Search');
    expect(channel({ source: 'google', medium: 'organic' })).not.toBe('Paid Search');
  });
  it('Paid Social: social source with a paid medium', () => {
    expect(channel({ source: 'facebook', medium: 'paid_social' })).toBe('Paid Social');
    expect(channel({ source: 'linkedin.com', medium: 'cpm' })).toBe('Paid Social');
    expect(channel({ source: 'facebook', medium: 'social' })).not.toBe('Paid Social');
  });
  it('Paid Video: video source with a paid medium', () => {
    expect(channel({ source: 'youtube', medium: 'cpv' })).toBe('Paid Video');
    expect(channel({ source: 'vimeo', medium: 'video' })).not.toBe('Paid Video');
  });
  it('Display: display mediums', () => {
    for (const medium of ['display', 'banner', 'expandable', 'interstitial', 'cpm', 'Banner'])
      expect(channel({ source: 'adnet', medium })).toBe('Display');
    expect(channel({ source: 'adnet', medium: 'displays' })).not.toBe('Display');
  });
  it('Paid Other: any other paid medium', () => {
    for (const medium of ['cpc', 'ppc', 'retargeting', 'paid', 'paidsearch', 'xcpx'])
      expect(channel({ source: 'partner', medium })).toBe('Paid Other');
    expect(channel({ source: 'partner', medium: 'unpaid' })).not.toBe('Paid Other');
  });
  it('Organic Shopping: shopping source or shop campaign without a paid medium', () => {
    expect(channel({ referrer: 'https://www.amazon.de/dp/1' })).toBe('Organic Shopping');
    expect(channel({ source: 'blog', medium: 'referral', campaign: 'shop-week' })).toBe('Organic Shopping');
    expect(channel({ source: 'blog', medium: 'referral', campaign: 'bishop' })).not.toBe('Organic Shopping');
  });
  it('Organic Social: social source or social medium', () => {
    expect(classifyTouch({ referrer: 'https://l.facebook.com/l.php?u=x' })).toMatchObject({
      channel: 'Organic Social',
      kind: 'social',
      paid: false,
      source: 'facebook.com',
      medium: 'referral',
      referrerHost: 'facebook.com',
    });
    expect(channel({ referrer: 't.co' })).toBe('Organic Social');
    for (const medium of ['social', 'social-network', 'social-media', 'sm', 'social network', 'social media'])
      expect(channel({ source: 'forum', medium })).toBe('Organic Social');
    expect(channel({ source: 'forum', medium: 'socials' })).not.toBe('Organic Social');
  });
  it('Organic Video: video source or a medium containing video', () => {
    expect(channel({ referrer: 'https://m.youtube.com/watch?v=1' })).toBe('Organic Video');
    expect(channel({ source: 'blog', medium: 'embedded-video' })).toBe('Organic Video');
    expect(channel({ source: 'blog', medium: 'vid' })).not.toBe('Organic Video');
  });
  it('Organic Search: search source or medium organic', () => {
    expect(classifyTouch({ referrer: 'https://www.google.co.uk/' })).toMatchObject({
      channel: 'Organic Search',
      kind: 'search',
      source: 'google',
      medium: 'organic',
    });
    expect(channel({ referrer: 'duckduckgo.com' })).toBe('Organic Search');
    expect(channel({ source: 'mysearch', medium: 'organic' })).toBe('Organic Search');
    expect(channel({ referrer: 'https://docs.google.com/document/1' })).toBe('Referral');
  });
  it('Referral: referral, app or link medium, and any other referring site', () => {
    expect(
      classifyTouch({ referrer: 'https://news.example.org/a?b=1', landingHost: 'shop.example' }),
    ).toMatchObject({
      channel: 'Referral',
      kind: 'referral',
      source: 'news.example.org',
      referrerHost: 'news.example.org',
    });
    for (const medium of ['referral', 'app', 'link'])
      expect(channel({ source: 'x1', medium })).toBe('Referral');
    expect(channel({ source: 'x1', medium: 'links' })).not.toBe('Referral');
  });
  it('Email: email source or medium', () => {
    for (const name of ['email', 'e-mail', 'e_mail', 'e mail', 'Email']) {
      expect(channel({ source: name })).toBe('Email');
      expect(channel({ source: 'newsletter', medium: name })).toBe('Email');
    }
    expect(classifyTouch({ medium: 'email', campaign: 'spring' }).kind).toBe('email');
    expect(channel({ source: 'newsletter', medium: 'emails' })).not.toBe('Email');
  });
  it('Affiliates, Audio, SMS', () => {
    expect(channel({ source: 'partner', medium: 'affiliate' })).toBe('Affiliates');
    expect(channel({ source: 'partner', medium: 'affiliates' })).not.toBe('Affiliates');
    expect(channel({ source: 'spotify', medium: 'audio' })).toBe('Audio');
    expect(channel({ source: 'spotify', medium: 'audio-ad' })).not.toBe('Audio');
    expect(channel({ source: 'sms' })).toBe('SMS');
    expect(channel({ source: 'twilio', medium: 'sms' })).toBe('SMS');
    expect(channel({ source: 'twilio', medium: 'smss' })).not.toBe('SMS');
  });
  it('Mobile Push Notifications: medium ends with push, contains mobile or notification; firebase', () => {
    for (const medium of ['web-push', 'mobile', 'in-app-notification'])
      expect(channel({ source: 'app', medium })).toBe('Mobile Push Notifications');
    expect(channel({ source: 'firebase' })).toBe('Mobile Push Notifications');
    expect(channel({ source: 'app', medium: 'pushy' })).not.toBe('Mobile Push Notifications');
  });
  it('Unassigned: nothing matches', () => {
    expect(classifyTouch({ source: 'partner', medium: 'qr' })).toMatchObject({
      channel: 'Unassigned',
      kind: 'other',
    });
    expect(channel({ campaign: 'spring' })).toBe('Unassigned');
  });
  it('rules run in order: the first match wins', () => {
    // Paid Search precedes Display even for cpm; Paid Social precedes Organic Social.
    expect(channel({ source: 'google', medium: 'cpm' })).toBe('Paid Search');
    expect(channel({ source: 'facebook', medium: 'cpc' })).toBe('Paid Social');
    // Organic Social precedes Email when the source is social and the medium email.
    expect(channel({ source: 'facebook', medium: 'email' })).toBe('Organic Social');
  });
});

describe('classifyTouch: click ids are paid evidence', () => {
  const click = (name: string, extra: ClassifyInput = {}) =>
    classifyTouch({ clickId: { name, value: 'v1' }, ...extra });
  it('maps each platform click id to its paid channel', () => {
    expect(click('gclid')).toMatchObject({
      channel: 'Paid Search',
      source: 'google',
      medium: 'cpc',
      paid: true,
    });
    expect(click('gbraid').channel).toBe('Paid Search');
    expect(click('wbraid').channel).toBe('Paid Search');
    expect(click('msclkid')).toMatchObject({ channel: 'Paid Search', source: 'bing' });
    expect(click('dclid').channel).toBe('Display');
    for (const id of ['fbclid', 'ttclid', 'li_fat_id', 'twclid', 'epik', 'rdt_cid', 'sccid'])
      expect(click(id)).toMatchObject({ channel: 'Paid Social', kind: 'ad', paid: true });
    expect(click('irclid').channel).toBe('Affiliates');
  });
  it('a click id beats the referrer it came through', () => {
    expect(click('gclid', { referrer: 'https://www.google.com/' }).channel).toBe('Paid Search');
    expect(click('fbclid', { referrer: 'https://l.facebook.com/' }).channel).toBe('Paid Social');
  });
  it('a medium that says otherwise wins over the click id', () => {
    expect(click('fbclid', { source: 'facebook', medium: 'social' })).toMatchObject({
      channel: 'Organic Social',
      paid: false,
    });
    expect(click('gclid', { source: 'newsletter', medium: 'email' }).channel).toBe('Email');
    // A source without medium keeps its source and takes the click id's medium.
    expect(click('gclid', { source: 'youtube' }).channel).toBe('Paid Video');
  });
  it('igshid and tp_click are not paid evidence', () => {
    expect(click('igshid')).toMatchObject({ channel: 'Organic Social', paid: false });
    expect(click('tp_click')).toMatchObject({ channel: 'Direct', paid: false });
    expect(click('tp_click', { medium: 'email', campaign: 'spring' }).channel).toBe('Email');
  });
  it('keeps the campaign fields it was given', () => {
    const t = classifyTouch({
      source: 'google',
      medium: 'cpc',
      campaign: 'Spring',
      term: 'shoes',
      content: 'a',
    });
    expect(t).toMatchObject({ campaign: 'Spring', term: 'shoes', content: 'a' });
    expect('referrer' in t || 'landingHost' in t).toBe(false);
  });
});

describe('classifyTouch: kind of every channel', () => {
  it.each([
    [{ source: 'google', medium: 'cpc', campaign: 'cross-network' }, 'Cross-network', 'ad'],
    [{ source: 'amazon', medium: 'cpc' }, 'Paid Shopping', 'ad'],
    [{ source: 'adnet', medium: 'banner' }, 'Display', 'ad'],
    [{ source: 'x1', medium: 'paid' }, 'Paid Other', 'ad'],
    [{ source: 'etsy' }, 'Organic Shopping', 'shopping'],
    [{ source: 'vimeo' }, 'Organic Video', 'video'],
    [{ source: 'x1', medium: 'link' }, 'Referral', 'referral'],
    [{ source: 'x1', medium: 'affiliate' }, 'Affiliates', 'affiliate'],
    [{ source: 'x1', medium: 'audio' }, 'Audio', 'audio'],
    [{ source: 'x1', medium: 'sms' }, 'SMS', 'sms'],
    [{ source: 'x1', medium: 'push' }, 'Mobile Push Notifications', 'push'],
    [{ source: 'x1', medium: 'print' }, 'Unassigned', 'other'],
  ])('%o → %s (%s)', (input, channel, kind) => {
    expect(classifyTouch(input)).toMatchObject({ channel, kind, paid: kind === 'ad' });
  });
});
