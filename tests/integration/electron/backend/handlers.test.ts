import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/envelope';
import { demoBackend, testBackend } from '../../../helpers/workspace';

describe('handlers through the contract', () => {
  it('creates a demo workspace: messages, authors with several messages, a third labeled, matches', async () => {
    const { client, backend } = await demoBackend(900);
    const { counts } = await client.call('workspace.info', {});
    expect(counts.messages).toBe(900);
    expect(counts.labels).toBeGreaterThan(900 * 0.25);
    expect(counts.labels).toBeLessThan(900 * 0.42);
    expect(counts.authors).toBeLessThan(900);
    expect(counts.entities).toBeGreaterThanOrEqual(3);
    expect(counts.messageEntities).toBeGreaterThanOrEqual(900);
    expect(counts.cases).toBeGreaterThan(0);
    void backend;
  });

  it('pages messages newest first with the total', async () => {
    const { client } = await demoBackend(250);
    const first = await client.call('messages.page', { offset: 0, limit: 100 });
    const last = await client.call('messages.page', { offset: 200, limit: 100 });
    expect(await client.call('messages.count', {})).toEqual({ total: 250, unlabeled: expect.any(Number), all: 250 });
    expect(first.rows).toHaveLength(100);
    expect(last.rows).toHaveLength(50);
    const times = [...first.rows, ...last.rows].map((row) => row.postedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first.rows[0]).toMatchObject({ source: expect.any(String), authorHandle: expect.stringMatching(/^@/) });
  });

  it('refuses bad input with the contract error, naming the field', async () => {
    const { backend } = testBackend();
    const negative = await backend.invoke('messages.page', { offset: 0, limit: -1 });
    expect(negative).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(negative.ok ? [] : negative.error.issues).toEqual([expect.stringMatching(/^limit: /)]);
    const wrongType = await backend.invoke('messages.page', { offset: 'ten', limit: 10 });
    expect(wrongType.ok ? [] : wrongType.error.issues).toEqual([expect.stringMatching(/^offset: .*number/)]);
    expect(await backend.invoke('messages.page', { offset: 0, limit: 10, sql: 'DROP TABLE messages' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await backend.invoke('messages.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await backend.invoke('settings.update', { timeZone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/timeZone/) },
    });
  });

  it('reads and changes settings; a new workspace takes the system time zone', async () => {
    const { client } = testBackend();
    const initial = await client.call('settings.get', {});
    expect(initial.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(initial).toMatchObject({ language: null, theme: 'system', annotatorChosen: false });
    const changed = await client.call('settings.update', {
      timeZone: 'Europe/Madrid',
      language: 'es',
      annotator: 'lucía',
    });
    expect(changed).toEqual({
      timeZone: 'Europe/Madrid',
      language: 'es',
      annotator: 'lucía',
      theme: 'system',
      annotatorChosen: true,
    });
    // A theme alone leaves the annotator as it was chosen.
    expect(await client.call('settings.update', { theme: 'dark' })).toMatchObject({
      theme: 'dark',
      annotator: 'lucía',
    });
    await expect(client.call('settings.update', { theme: 'sepia' as 'dark' })).rejects.toBeInstanceOf(ApiError);
    await expect(client.call('settings.update', { language: 'fr' as 'es' })).rejects.toBeInstanceOf(ApiError);
  });

  it('a cancelled demo job leaves the workspace as it was', async () => {
    const { client } = testBackend();
    let cancelled = false;
    const last = await client.runJob('demo.create', { messages: 200_000 }, (event) => {
      if (event.state === 'progress' && !cancelled) {
        cancelled = true;
        void client.call('jobs.cancel', { jobId: event.jobId });
      }
    });
    expect(last.state).toBe('cancelled');
    const { counts } = await client.call('workspace.info', {});
    expect(counts.messages).toBe(0);
    expect(counts.entities).toBe(0);
  });

  it('refuses a second demo on a workspace that has messages', async () => {
    const { client } = await demoBackend(50);
    const last = await client.runJob('demo.create', { messages: 50 });
    expect(last).toMatchObject({ state: 'failed', message: expect.stringMatching(/already has messages/) });
  });

  it('backs up the open workspace', async () => {
    const { client } = await demoBackend(50);
    const backup = await client.runJob('workspace.backup', {});
    expect(backup).toMatchObject({ state: 'finished', result: { bytes: expect.any(Number) } });
  });
});
