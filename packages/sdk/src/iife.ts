// Entry of dist/touchpoint.min.js: the script-tag install with every feature of the npm `createTracker`
// (default capture plugins, order-id dedup, cross-domain links).
// Bundle order only (rollup places modules in import order): these two first compress ~40 B smaller in
// gzip, measured with scripts/size.mjs. Re-measure when the modules change; drop them if they stop paying.
import './identity.js';
import './resolve-options.js';
import { installScriptTag } from './script-tag.js';
import { fullFeatures } from './touchpoints/defaults.js';

installScriptTag(fullFeatures);
