// The bounds that keep reading a script finite whatever it does: commands run, nesting of sources,
// functions and substitutions, and the items a loop runs for.
export const MAX_STEPS = 20_000;
export const MAX_DEPTH = 12;
export const MAX_LOOP_ITEMS = 256;
