import { describe, expect, it } from 'vitest';
import { applied, testBackend } from '../../../../helpers/workspace';

const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const channel = { source: 'twitter', channel: '@LumenMovil' } as const;

describe("a channel's community snapshots, recorded by the analyst", () => {
  it('are what the community-health KPIs of a period read, a day recorded again keeping the figures not given', async () => {
    const { client } = testBackend();
    expect((await client.call('kpis.get', Q3)).community).toEqual([]);
    await client.call('community.record', { ...channel, date: '2026-07-01', followers: 1000 });
    const end = applied(
      await client.call('community.record', {
        ...channel,
        date: '2026-09-30',
        followers: 1200,
        members: 300,
        activeMembers: 60,
      }),
    );
    expect((await client.call('kpis.get', Q3)).community).toMatchObject([
      { source: 'twitter', channel: '@LumenMovil', followersStart: 1000, followersEnd: 1200, activeMemberShare: 0.2 },
    ]);
    expect((await client.call('kpis.get', Q3)).community[0]?.followerGrowth).toBeCloseTo(0.2, 12);

    // The members counted again that day: the followers recorded stay.
    await client.call('community.record', { ...channel, date: '2026-09-30', members: 400 });
    expect(await client.call('community.list', Q3)).toEqual([
      { id: expect.any(Number), ...channel, date: '2026-07-01', followers: 1000, members: null, activeMembers: null },
      { id: end.id, ...channel, date: '2026-09-30', followers: 1200, members: 400, activeMembers: 60 },
    ]);
    expect(await client.call('community.list', { from: '2026-10-01' })).toEqual([]);
    // Members were counted on one day of the two: no growth to say, the one count both start and end.
    expect((await client.call('kpis.get', Q3)).community).toMatchObject([
      { membersStart: 400, membersEnd: 400, memberGrowth: null, activeMemberShare: 0.15 },
    ]);

    await client.call('community.remove', { id: end.id });
    // One day left: a count, but no growth (not 0 %).
    expect((await client.call('kpis.get', Q3)).community).toMatchObject([
      { followersStart: 1000, followersEnd: 1000, followerGrowth: null },
    ]);
    await expect(client.call('community.remove', { id: end.id })).rejects.toMatchObject({
      code: 'not-found',
      message: `No community snapshot ${end.id}`,
    });
  });

  it('refuses a snapshot with no figure, or a count that is not one', async () => {
    const { client } = testBackend();
    await expect(client.call('community.record', { ...channel, date: '2026-07-01' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('give followers, members or active members'),
    });
    await expect(
      client.call('community.record', { ...channel, date: '2026-02-30', followers: 10 }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(
      client.call('community.record', { ...channel, date: '2026-07-01', followers: -5 }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await client.call('community.list', {})).toEqual([]);
  });
});
