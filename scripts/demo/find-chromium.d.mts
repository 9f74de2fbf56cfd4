// Types of find-chromium.mjs, for the TypeScript test helpers that share its browser lookup and flags.
/** How to get a browser, printed when none is found. */
export declare const CHROMIUM_HELP: string;
/** Flags for a quiet headless run that makes no network calls of its own. */
export declare const CHROMIUM_ARGS: string[];
/** Finds a Chromium-family browser (`TOUCHPOINT_CHROMIUM` first); throws when that variable is not executable. */
export declare function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
