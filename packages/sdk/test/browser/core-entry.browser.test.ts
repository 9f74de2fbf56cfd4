// Real Chromium, the built lean npm entry (`@touchpoint/sdk/core`, one module per file, through an import
// map), real collector: the capture plugins it is given record landings and SPA pages like the full build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofType, startHarness, type Harness } from './capture-harness.js';

const APP = `<a id="next" href="/app/next">next</a>
<script>
  document.getElementById('next').addEventListener('click', (e) => {
    e.preventDefault();
    history.pushState({}, '', '/app/next');
  });
</script>`;

describe('@touchpoint/sdk/core in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ '/app/landing': APP }, 'esm-core');
  });
  afterAll(() => h?.close());

  it('records the landing touchpoint and SPA pages through the plugins it was given', async () => {
    const context = await h.context();
    const page = await context.newPage();
    await page.goto(h.site + '/app/landing?utm_source=newsletter&utm_medium=email&utm_campaign=may');
    await page.waitForFunction(() => typeof (window as { touchpoint?: unknown }).touchpoint === 'function');
    await page.click('#next');
    const stored = await h.waitFor((list) => ofType(list, 'page').length >= 2);
    const [landing, next] = ofType(stored, 'page');
    expect(landing!.touchpoint).toMatchObject({ kind: 'email', channel: 'Email', campaign: 'may' });
    expect(next!.page).toMatchObject({ path: '/app/next', referrer: landing!.page.url });
    await context.close();
  });
});
