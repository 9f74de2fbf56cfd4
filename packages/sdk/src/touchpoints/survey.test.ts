import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeHost, type FakeHost } from './fake-host.js';
import { answerChannel, howDidYouHear, survey, surveys } from './survey.js';

let host: FakeHost;
beforeEach(() => {
  host = fakeHost();
  host.start(surveys());
});
afterEach(() => host.stop());

describe('survey', () => {
  it('maps answers to channels', () => {
    expect(answerChannel('Instagram')).toBe('Organic Social');
    expect(answerChannel('google')).toBe('Organic Search');
    expect(answerChannel('YouTube')).toBe('Organic Video');
    expect(answerChannel('Search engine')).toBe('Organic Search');
    expect(answerChannel('Email or newsletter')).toBe('Email');
    expect(answerChannel('A podcast')).toBe('Audio');
    expect(answerChannel('Online ad')).toBe('Paid Other');
    expect(answerChannel('Friend or colleague')).toBeUndefined();
    expect(answerChannel('Shadow')).toBeUndefined();
  });
  it('records question, answer and channel', () => {
    survey('How did you hear about us?', 'Instagram');
    survey('Q', 'A friend');
    survey('Q', 'Billboard', 'Offline');
    expect(host.of('survey').map(({ question, answer, channel }) => ({ question, answer, channel }))).toEqual(
      [
        { question: 'How did you hear about us?', answer: 'Instagram', channel: 'Organic Social' },
        { question: 'Q', answer: 'A friend', channel: undefined },
        { question: 'Q', answer: 'Billboard', channel: 'Offline' },
      ],
    );
    expect('channel' in host.of('survey')[1]!).toBe(false);
  });
  it('rejects empty arguments with a clear error, and records nothing without a tracker', () => {
    expect(() => survey('', 'x')).toThrow(/\[touchpoint\] survey/);
    expect(() => survey('Q', '')).toThrow('[touchpoint] survey(answer) must be a non-empty string');
    host.stop();
    expect(survey('Q', 'A')).toBeUndefined();
  });
  it('howDidYouHear renders a select and records the choice', () => {
    const remove = howDidYouHear(document.body, { choices: ['Search engine', ['TV', 'Offline']] });
    const select = document.querySelector('.tp-survey select') as HTMLSelectElement;
    expect(document.querySelector('.tp-survey')!.textContent).toContain('How did you hear about us?');
    expect([...select.options].map((o) => o.value)).toEqual(['', 'Search engine', 'TV']);
    select.value = 'TV';
    select.dispatchEvent(new Event('change'));
    expect(host.of('survey')[0]).toMatchObject({ answer: 'TV', channel: 'Offline' });
    remove();
    expect(document.querySelector('.tp-survey')).toBeNull();
    document.body.innerHTML = '<div id="slot"></div>';
    howDidYouHear('#slot');
    expect(document.querySelectorAll('#slot option')).toHaveLength(8);
    expect(() => howDidYouHear('#missing')).toThrow(
      /\[touchpoint\] howDidYouHear\(container\): no element #missing/,
    );
  });

  it('howDidYouHear records nothing, and throws nothing into the page, for a change to no choice', () => {
    const remove = howDidYouHear(document.body);
    const select = document.querySelector('.tp-survey select') as HTMLSelectElement;
    // A page's "clear the form" helper: no option selected, then a change event so its framework follows.
    select.selectedIndex = -1;
    expect(() => select.onchange!(new Event('change'))).not.toThrow();
    expect(host.of('survey')).toEqual([]);
    remove();
  });
});
