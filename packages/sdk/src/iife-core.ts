// Entry of dist/touchpoint.core.min.js: the script-tag install, delivery core and API only, built with
// DELIVERY_ONLY (src/build-flags.ts: no capture plugins, pending consent, redaction, plugins or middleware;
// their options are refused by name).
// Bundle order only (rollup places modules in import order): these four first compress ~60 B smaller in
// gzip, measured with scripts/size.mjs. Re-measure when the modules change; drop them if they stop paying.
import './identity.js';
import './resolve-options.js';
import './delivery/sender-lock.js';
import './queue/idb-queue.js';
import { installScriptTag } from './script-tag.js';

installScriptTag();
