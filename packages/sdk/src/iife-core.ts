// Entry of dist/touchpoint.core.min.js: the script-tag install, delivery core and API only (no capture
// plugins, no order-id dedup, no cross-domain links: `linkDomains` there logs a console warning).
// Bundle order only (rollup places modules in import order): these two first compress ~40 B smaller in
// gzip, measured with scripts/size.mjs. Re-measure when the modules change; drop them if they stop paying.
import './identity.js';
import './resolve-options.js';
import { installScriptTag } from './script-tag.js';
import { coreFeatures } from './tracker.js';

installScriptTag(coreFeatures);
