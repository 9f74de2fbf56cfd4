import { classifyTouch, type TouchpointEvent } from '@touchpoint/protocol';
import { nonEmpty } from './non-empty.js';
import type { TouchpointPlugin, TrackerHost } from './plugin.js';

/** The question {@link howDidYouHear} asks unless told otherwise. */
export const DEFAULT_SURVEY_QUESTION = 'How did you hear about us?';

/** The answers {@link howDidYouHear} offers unless told otherwise. */
export const DEFAULT_SURVEY_CHOICES: readonly string[] =
  'Search engine,Social media,Friend or colleague,Email or newsletter,Online ad,Podcast or radio,Other'.split(
    ',',
  );

/** Generic answers → GA4 channel names (answers naming a site, like "Instagram", go through the classifier). */
const GENERIC: ReadonlyArray<readonly [RegExp, string]> = [
  [/search/i, 'Organic Search'],
  [/social/i, 'Organic Social'],
  [/e-?mail|newsletter/i, 'Email'],
  [/podcast|radio/i, 'Audio'],
  [/\bads?\b|advert/i, 'Paid Other'],
  [/video/i, 'Organic Video'],
];

/** The channel a free-text answer names, if any: `Instagram` → `Organic Social`, `Search engine` → `Organic Search`. */
export function answerChannel(answer: string): string | undefined {
  const { channel } = classifyTouch({ source: answer.trim() });
  if (channel !== 'Unassigned') return channel;
  return GENERIC.find(([pattern]) => pattern.test(answer))?.[1];
}

let active: TrackerHost | undefined;

/**
 * Records a self-reported touchpoint: a `survey` event with the question, the answer and the channel the
 * answer names (see {@link answerChannel}) unless `channel` is given. The attribution package compares these
 * with the tracked channels. Returns the event, or undefined when no tracker runs the `surveys` plugin or
 * consent dropped it.
 *
 * @example survey('How did you hear about us?', 'A podcast')
 */
export function survey(question: string, answer: string, channel?: string): TouchpointEvent | undefined {
  nonEmpty(question, 'survey(question)');
  nonEmpty(answer, 'survey(answer)');
  channel ??= answerChannel(answer);
  return active?.record('survey', { question, answer, ...(channel && { channel }) });
}

/** Options of {@link howDidYouHear}. */
export interface HowDidYouHearOptions {
  /** @default DEFAULT_SURVEY_QUESTION */
  question?: string;
  /** Answers offered; a `[label, channel]` pair fixes the channel. @default DEFAULT_SURVEY_CHOICES */
  choices?: ReadonlyArray<string | readonly [label: string, channel: string]>;
}

/**
 * Renders a tiny, unstyled "How did you hear about us?" `<select>` into `container` (an element or a CSS
 * selector) and records the chosen answer with {@link survey}. Style it through `.tp-survey`. Returns a
 * function that removes it.
 *
 * @example howDidYouHear('#signup-extra')
 * @throws when `container` is neither an element nor a selector that finds one.
 */
export function howDidYouHear(container: Element | string, options: HowDidYouHearOptions = {}): () => void {
  const parent = typeof container === 'string' ? document.querySelector(container) : container;
  if (!parent?.append)
    throw new TypeError(
      `[touchpoint] howDidYouHear(container): no element ${container}; pass one or its selector`,
    );
  const question = options.question ?? DEFAULT_SURVEY_QUESTION;
  // A choice is its label, or `[label, channel]`; the first, empty one asks for a choice.
  const choices = ['', ...(options.choices ?? DEFAULT_SURVEY_CHOICES)].map((choice) => [choice].flat());
  // The label wraps the select, which names it for screen readers without an id.
  const label = Object.assign(document.createElement('label'), { className: 'tp-survey' });
  const select = document.createElement('select');
  // document.createElement rather than `new Option`, which some DOM implementations lack.
  for (const [text] of choices)
    select.append(Object.assign(document.createElement('option'), { value: text, text }));
  select.onchange = () => {
    // No option selected (index -1: a page's script cleared the select) is no answer.
    const [answer, channel] = choices[select.selectedIndex] || [];
    if (answer) survey(question, answer, channel);
  };
  label.append(question + ' ', select);
  parent.append(label);
  return () => label.remove();
}

/** Lets {@link survey} and {@link howDidYouHear} record through this tracker. */
export function surveys(): TouchpointPlugin {
  let mine: TrackerHost | undefined;
  return {
    name: 'surveys',
    commands: { survey, howDidYouHear },
    start(host) {
      active = mine = host;
    },
    stop() {
      if (active === mine) active = undefined;
    },
  };
}
