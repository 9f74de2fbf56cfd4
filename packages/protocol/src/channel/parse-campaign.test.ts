import { describe, expect, it } from 'vitest';
import { parseCampaign } from './parse-campaign.js';

describe('parseCampaign', () => {
  it('reads every utm parameter', () => {
    expect(
      parseCampaign(
        'https://shop.example/p?utm_source=google&utm_medium=cpc&utm_campaign=spring&utm_term=shoes&utm_content=ad1&utm_id=42',
      ),
    ).toEqual({
      source: 'google',
      medium: 'cpc',
      campaign: 'spring',
      term: 'shoes',
      content: 'ad1',
      id: '42',
    });
  });
  it('returns {} without campaign parameters and for unparsable input', () => {
    expect(parseCampaign('https://shop.example/?q=1')).toEqual({});
    expect(parseCampaign('http://[bad')).toEqual({});
  });
  it('accepts URL objects and relative URLs; names are case-insensitive; first value wins; empty ignored', () => {
    expect(parseCampaign(new URL('https://a.example/?UTM_Source=News&utm_source=other'))).toEqual({
      source: 'News',
    });
    expect(parseCampaign('/landing?utm_medium=&utm_campaign=%20x%20')).toEqual({ campaign: 'x' });
  });
  it('reads each known click id', () => {
    for (const name of [
      'gclid',
      'gbraid',
      'wbraid',
      'dclid',
      'gad_source',
      'msclkid',
      'fbclid',
      'ttclid',
      'li_fat_id',
      'twclid',
      'epik',
      'rdt_cid',
      'sccid',
      'igshid',
      'irclid',
      'yclid',
      'tp_click',
    ])
      expect(parseCampaign(`https://a.example/?${name}=v-${name}`).clickId).toEqual({
        name,
        value: `v-${name}`,
      });
    expect(parseCampaign('https://a.example/?ScCid=1').clickId).toEqual({ name: 'sccid', value: '1' });
    expect(parseCampaign('https://a.example/?someclid=1').clickId).toBeUndefined();
  });
  it('prefers tp_click, then gclid, when several click ids are present', () => {
    expect(parseCampaign('https://a.example/?fbclid=f&gclid=g').clickId?.name).toBe('gclid');
    expect(parseCampaign('https://a.example/?gclid=g&tp_click=t').clickId?.name).toBe('tp_click');
  });
  it('reads tp_email as campaign[:message] with medium email', () => {
    expect(parseCampaign('https://a.example/?tp_email=spring')).toEqual({
      medium: 'email',
      campaign: 'spring',
    });
    expect(parseCampaign('https://a.example/?tp_email=spring:welcome-2')).toEqual({
      medium: 'email',
      campaign: 'spring',
      content: 'welcome-2',
    });
    expect(parseCampaign('https://a.example/?tp_email=:m1')).toEqual({ medium: 'email', content: 'm1' });
    // utm_* parameters win where both are given.
    expect(parseCampaign('https://a.example/?tp_email=s:m&utm_medium=newsletter&utm_campaign=c')).toEqual({
      medium: 'newsletter',
      campaign: 'c',
      content: 'm',
    });
  });
  it('cuts over-long values', () => {
    expect(parseCampaign(`https://a.example/?utm_source=${'x'.repeat(600)}`).source).toHaveLength(500);
  });
});
