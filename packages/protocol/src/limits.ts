// The default limits of `validate`, in a module of their own: a client (the SDK's script tags) that only
// needs a number must not pull in the validator.

export const DEFAULT_MAX_EVENTS = 1000;
/** Longest string in any field, in UTF-16 code units. */
export const DEFAULT_MAX_STRING_LENGTH = 8192;
export const DEFAULT_MAX_DEPTH = 8;
