import type { Cell } from '../../../../shared/domain/import/values';

/** How deep nested objects are flattened: a network's `user.entities.url` is three. */
const MAX_DEPTH = 4;

/**
 * A JSON object as one record: nested objects flattened to dotted names (`user.screen_name`), so each of their values
 * can be mapped; an array, or an object deeper than a network nests them, kept as its JSON (never guessed as the text).
 */
export function flattenRecord(
  object: Record<string, unknown>,
  into: Record<string, Cell> = {},
  prefix = '',
): Record<string, Cell> {
  for (const [key, value] of Object.entries(object)) {
    const name = prefix + key;
    if (value === null || value === undefined) into[name] = null;
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') into[name] = value;
    else if (!Array.isArray(value) && typeof value === 'object' && name.split('.').length < MAX_DEPTH)
      flattenRecord(value as Record<string, unknown>, into, `${name}.`);
    else into[name] = JSON.stringify(value);
  }
  return into;
}

/** The columns of records: every name the first ones have, in the order first seen. */
export function columnsOf(records: Iterable<Record<string, Cell>>, limit: number): string[] {
  const names = new Set<string>();
  let seen = 0;
  for (const record of records) {
    for (const name of Object.keys(record)) names.add(name);
    if (++seen >= limit) break;
  }
  return [...names];
}
