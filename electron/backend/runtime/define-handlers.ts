import { contract, type CallName } from '../../../shared/api/contract';
import type { Handler, Handlers } from './context';

/** One namespace's handlers, each typed by its call in the contract. */
export type HandlerTable = { [K in CallName]?: Handler<K> };

/** A namespace's table, checked against the contract's types. */
export const defineHandlers = <T extends HandlerTable>(table: T): T => table;

/**
 * Joins the namespaces' tables into the one table the binding dispatches through. Refuses, at
 * start-up, a call handled twice (an object spread would let the last silently win), a name the
 * contract lacks, and a call of the contract that nobody handles.
 */
export function registerHandlers(tables: Record<string, HandlerTable>): Handlers {
  const all = new Map<string, { namespace: string; handler: unknown }>();
  for (const [namespace, table] of Object.entries(tables)) {
    for (const [name, handler] of Object.entries(table)) {
      if (!Object.prototype.hasOwnProperty.call(contract, name))
        throw new Error(`${namespace} handles "${name}", which is not a call of the contract`);
      const earlier = all.get(name);
      if (earlier) throw new Error(`"${name}" is handled twice: by ${earlier.namespace} and by ${namespace}`);
      all.set(name, { namespace, handler });
    }
  }
  const missing = Object.keys(contract).filter((name) => !all.has(name));
  if (missing.length > 0) throw new Error(`No handler for ${missing.map((name) => `"${name}"`).join(', ')}`);
  return Object.fromEntries([...all].map(([name, { handler }]) => [name, handler])) as Handlers;
}
