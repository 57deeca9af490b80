import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../../../electron/backend/backend';
import { createClient } from '../../../../../shared/api/client';
import { demoBackend } from '../../../../helpers/workspace';

describe('labels are history, with undo and redo that survive a restart', () => {
  it('labels one row and a selection, undoes and redoes, per annotator, across reopening', async () => {
    const { client, backend, path } = await demoBackend(200);
    await client.call('settings.update', { annotator: 'lucía' });
    const rows = (await client.call('messages.page', { offset: 0, limit: 10 })).rows;
    const [first, second, third] = rows.map((row) => row.id) as [number, number, number];
    const before = rows[0];

    expect(await client.call('labels.set', { ids: [first], temperature: -2 })).toMatchObject({ changed: [first] });
    expect(await client.call('labels.set', { ids: [first, second, third], kind: 'complaint' })).toMatchObject({
      changed: expect.arrayContaining([first, second, third]),
    });
    const now = (await client.call('messages.page', { offset: 0, limit: 3 })).rows;
    expect(now.map((row) => [row.temperature, row.kind, row.annotator])[0]).toEqual([-2, 'complaint', 'lucía']);

    // Same label again changes nothing and makes no undo step.
    expect(await client.call('labels.set', { ids: [first], temperature: -2 })).toEqual({ action: null, changed: [] });

    await client.call('labels.undo', {});
    expect((await client.call('messages.page', { offset: 0, limit: 1 })).rows[0]).toMatchObject({
      temperature: -2,
      kind: before?.kind ?? null,
    });
    await backend.close();

    // Reopen: the undo history is in the store.
    const reopened = createBackend(path);
    const again = createClient(reopened);
    try {
      await again.call('labels.undo', {});
      expect((await again.call('messages.page', { offset: 0, limit: 1 })).rows[0]).toMatchObject({
        temperature: before?.temperature ?? null,
        kind: before?.kind ?? null,
      });
      expect(await again.call('labels.redo', {})).toMatchObject({ changed: [first] });
      expect(await again.call('labels.redo', {})).toMatchObject({
        changed: expect.arrayContaining([first, second, third]),
      });
      expect(await again.call('labels.redo', {})).toEqual({ action: null, changed: [] });
      const history = await again.call('labels.history', { messageId: first });
      expect(
        history.slice(-2).map((row) => [row.annotator, row.temperature, row.kind, row.previousTemperature, row.undone]),
      ).toEqual([
        ['lucía', -2, before?.kind ?? null, before?.temperature ?? null, false],
        ['lucía', -2, 'complaint', -2, false],
      ]);
      // Another annotator's undo never touches lucía's labels.
      await again.call('settings.update', { annotator: 'marc' });
      expect(await again.call('labels.undo', {})).toEqual({ action: null, changed: [] });
      // A new action drops what could have been redone.
      await again.call('settings.update', { annotator: 'lucía' });
      await again.call('labels.undo', {});
      await again.call('labels.set', { ids: [third], temperature: 1 });
      expect(await again.call('labels.redo', {})).toEqual({ action: null, changed: [] });
    } finally {
      await reopened.close();
    }
  });

  it('undo leaves alone a message someone labeled again since', async () => {
    const { client } = await demoBackend(20);
    const id = (await client.call('messages.page', { offset: 0, limit: 1 })).rows[0]?.id as number;
    await client.call('settings.update', { annotator: 'ana' });
    await client.call('labels.set', { ids: [id], temperature: 1 });
    await client.call('settings.update', { annotator: 'marc' });
    await client.call('labels.set', { ids: [id], temperature: 2 });
    await client.call('settings.update', { annotator: 'ana' });
    expect(await client.call('labels.undo', {})).toMatchObject({ changed: [] });
    expect((await client.call('messages.page', { offset: 0, limit: 1 })).rows[0]).toMatchObject({
      temperature: 2,
      annotator: 'marc',
    });
  });

  it('refuses a label off the scale or an empty change', async () => {
    const { backend } = await demoBackend(5);
    expect(await backend.invoke('labels.set', { ids: [1], temperature: 3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await backend.invoke('labels.set', { ids: [1] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/temperature or a kind/) },
    });
    expect(await backend.invoke('labels.set', { ids: [], kind: 'spam' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});
