// Entry of dist/touchpoint.min.js: the script-tag install with every default capture plugin.
import { installScriptTag } from './script-tag';
import { defaultPlugins } from './touchpoints/defaults';

installScriptTag(defaultPlugins);
