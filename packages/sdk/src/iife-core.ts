// Entry of dist/touchpoint.core.min.js: the script-tag install, delivery core only (no capture plugins).
import { installScriptTag } from './script-tag';

installScriptTag();
