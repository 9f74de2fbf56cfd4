/**
 * Build-time switch. `true` only in the core script, `dist/touchpoint.core.min.js`: its rollup build swaps
 * this module for one that says so (see rollup.config.mjs), and the bundler drops every branch the switch
 * turns off. Everywhere else (the npm entries, `touchpoint.min.js`, the unit tests) it is `false`.
 *
 * Why: the core script must stay within 5 KB gzip (scripts/size.mjs). It is the delivery core: the API,
 * identity, the durable queue, batching, retries, unload and the sending tab, plus consent. What it leaves
 * to the full builds (`touchpoint.min.js`, the npm package):
 * - holding events while consent is pending (the core script records nothing until it is granted);
 * - URL redaction, `plugins`, `middleware`, cross-domain links, `ignoreReferrers`, Do Not Track;
 * - the anonymous id's cookie copy (localStorage only).
 * Their options are refused by name, never ignored: a site that asked for redaction or a filter must not
 * get a script that sends what it meant to keep out. `autocapture` is taken and ignored (nothing to capture).
 */
export const DELIVERY_ONLY: boolean = false;
