/**
 * How many messages one call may name: apart from contract.ts, which re-exports them, so that the schemas it imports
 * (cases.ts, leads.ts) can use them too. The grid refuses a larger selection before sending it, saying so.
 */

/** The most messages one label action may change (labels.set, labels.acceptSuggestions). */
export const LABELS_AT_ONCE = 100_000;

/** The most messages one case or lead is made from, or linked to, at once (cases.open, leads.create, leads.link). */
export const LINKED_AT_ONCE = 10_000;

/** The most messages one ask for suggestions covers: a screen's rows, a few times over. */
export const SUGGESTIONS_AT_ONCE = 500;
