/**
 * Click ids an ad platform (or our collector's redirect) appends to landing URLs, in the order
 * `parseCampaign` prefers them when a URL carries several, with the source and medium each one implies.
 * A click id only fills a source or medium the URL's `utm_*` parameters leave empty, so
 * `utm_medium=social&fbclid=…` stays organic. A medium that matches the paid pattern makes a click id paid
 * evidence: `fbclid` alone is read as paid social (Meta also adds it to organic outbound links; we count it
 * as paid on purpose, like the ad platforms' own reports).
 *
 * `tp_click` is the id of the `email_click`/`ad_click` event our collector recorded when it redirected the
 * visitor; it implies nothing about the channel and lets a backend join the click to this visit.
 * `dclid` is Campaign Manager / Display & Video 360; `irclid` is Impact (affiliates); Instagram's share
 * id (`igshid`, `igsh`) marks a shared link, not an ad.
 */
export const CLICK_IDS: Readonly<Record<string, readonly [source?: string, medium?: string]>> =
  // One string of name:source:medium entries, because it ships in the script tag.
  Object.fromEntries(
    (
      'tp_click gclid:google:cpc gbraid:google:cpc wbraid:google:cpc gad_source:google:cpc dclid:dfa:cpm ' +
      'msclkid:bing:cpc yclid:yandex:cpc fbclid:facebook:paid ttclid:tiktok:paid li_fat_id:linkedin:paid ' +
      'twclid:twitter:paid epik:pinterest:paid rdt_cid:reddit:paid sccid:snapchat:paid ' +
      'irclid:impact:affiliate igshid:instagram igsh:instagram'
    )
      .split(' ')
      .map((entry) => {
        const [name, ...implied] = entry.split(':');
        return [name, implied];
      }),
  );
