/**
 * The options every command takes. Apart from commands.ts: the command modules it imports use this while they load,
 * before commands.ts itself has.
 */
export const workspace = { workspace: { type: 'string' }, json: { type: 'boolean' } } as const;
