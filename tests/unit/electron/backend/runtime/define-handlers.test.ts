import { describe, expect, it } from 'vitest';
import { handlers } from '../../../../../electron/backend/handlers';
import { registerHandlers } from '../../../../../electron/backend/runtime/define-handlers';
import { contract } from '../../../../../shared/api/contract';

describe('the handler table', () => {
  it('has exactly one handler for every call of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('refuses at start-up a call handled twice, a name the contract lacks, and a call nobody handles', () => {
    const noop = () => ({ cancelled: false });
    const { 'jobs.cancel': _cancel, ...allButCancel } = handlers;
    expect(() => registerHandlers({ all: handlers, jobs: { 'jobs.cancel': noop } })).toThrow(
      '"jobs.cancel" is handled twice: by all and by jobs',
    );
    expect(() => registerHandlers({ all: handlers, extra: { 'jobs.cancelAll': noop } as never })).toThrow(
      'extra handles "jobs.cancelAll", which is not a call of the contract',
    );
    expect(() => registerHandlers({ all: allButCancel })).toThrow('No handler for "jobs.cancel"');
  });
});
