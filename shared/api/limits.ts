/**
 * The most messages one case or lead is made from, or linked to, in one call (cases.open, leads.create, leads.link): a
 * grid selection of more is refused before it is sent.
 */
export const LINKED_AT_ONCE = 10_000;
