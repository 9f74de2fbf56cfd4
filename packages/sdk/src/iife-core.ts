// Entry of dist/touchpoint.core.min.js: the script-tag install, delivery core and API only (no capture
// plugins, no order-id dedup, no cross-domain links: `linkDomains` there logs a console warning).
import { installScriptTag } from './script-tag';
import { coreFeatures } from './tracker';

installScriptTag(coreFeatures);
