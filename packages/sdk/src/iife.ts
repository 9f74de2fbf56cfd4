// Entry of dist/touchpoint.min.js: the script-tag install with every feature of the npm `createTracker`
// (default capture plugins, order-id dedup, cross-domain links).
import { installScriptTag } from './script-tag';
import { fullFeatures } from './touchpoints/defaults';

installScriptTag(fullFeatures);
