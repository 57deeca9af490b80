import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../../../helpers/files';
import { testBackend } from '../../../../../helpers/workspace';

/**
 * Posts as a network's account archive writes them (data/tweets.js): every count and id a string, the date in the
 * network's own form, the posting app as HTML, entities nested, the text HTML-escaped.
 */
function post(id: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    tweet: {
      edit_info: { initial: { editTweetIds: [id], editableUntil: '2024-03-05T15:30:00.000Z', editsRemaining: '5' } },
      retweeted: false,
      source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
      entities: { hashtags: [{ text: 'fibra', indices: ['30', '36'] }], symbols: [], user_mentions: [], urls: [] },
      display_text_range: ['0', String(text.length)],
      favorite_count: '3',
      id_str: id,
      truncated: false,
      retweet_count: '1',
      id,
      created_at: 'Tue Mar 05 14:30:00 +0000 2024',
      favorited: false,
      full_text: text,
      lang: 'es',
      ...extra,
    },
  };
}

const POSTS = [
  post('1765000000000000001', 'Sin fibra desde el lunes &amp; nadie responde &lt;3 #fibra'),
  post('1765000000000000002', 'Gracias por arreglarlo,<br />¡por fin!', {
    in_reply_to_status_id_str: '1765000000000000001',
    created_at: 'Wed Mar 06 09:00:00 +0000 2024',
  }),
];
const part = (name: string, value: unknown) => `window.YTD.${name}.part0 = ${JSON.stringify(value, null, 2)}`;

async function archiveZip(): Promise<string> {
  const zip = new JSZip();
  zip.file('Your archive.html', '<html></html>');
  zip.file('data/tweets.js', part('tweets', POSTS));
  zip.file('data/account.js', part('account', [{ account: { username: 'lucia_r', accountId: '42' } }]));
  const path = join(tempFolder(), 'twitter-2024-03-07-abc.zip');
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

describe("a network's account archive", () => {
  it('imports the archive .zip as downloaded, with no options: text, time, ids, counts, replies, author', async () => {
    const { client } = testBackend();
    const path = await archiveZip();
    const inspection = await client.call('import.inspect', { path });
    expect(inspection).toMatchObject({ format: 'archive', missing: [] });
    expect(inspection.mapping.columns).toMatchObject({
      text: 'full_text',
      postedAt: 'created_at',
      externalId: 'id',
      likes: 'favorite_count',
      shares: 'retweet_count',
      replyTo: 'in_reply_to_status_id_str',
      language: 'lang',
      authorHandle: 'account.username',
    });
    // The posting app's HTML is not a network: left out, said.
    expect(inspection.dropped).toEqual([expect.objectContaining({ field: 'source', column: 'source' })]);
    const end = await client.runJob('import.start', { path });
    expect(end).toMatchObject({ state: 'finished', result: { new: 2, rejected: 0 } });
    const page = await client.call('messages.page', {
      offset: 0,
      limit: 10,
      sort: { column: 'postedAt', direction: 'asc' },
    });
    expect(page.rows.map((m) => [m.text, m.source, m.authorHandle])).toEqual([
      ['Sin fibra desde el lunes & nadie responde <3 #fibra', 'twitter', '@lucia_r'],
      ['Gracias por arreglarlo,\n¡por fin!', 'twitter', '@lucia_r'],
    ]);
    const first = (await client.call('messages.detail', { id: page.rows[0]?.id as number })).message;
    expect([first.postedAt, first.likes, first.shares, first.language]).toEqual([
      Date.UTC(2024, 2, 5, 14, 30),
      3,
      1,
      'es',
    ]);
    const reply = await client.call('messages.detail', { id: page.rows[1]?.id as number });
    expect(reply.parent?.id).toBe(first.id);
    // The original is kept for the record, beside the decoded text.
    expect(first.textAsWritten).toBe('Sin fibra desde el lunes &amp; nadie responde &lt;3 #fibra');
    expect(reply.message.textAsWritten).toBe('Gracias por arreglarlo,<br />¡por fin!');
  });

  it('keeps no original for a text nothing was decoded in, and undoing the batch takes the originals with it', async () => {
    const { client, path } = testBackend();
    const folder = tempFolder();
    writeFileSync(join(folder, 'tweets.js'), part('tweets', [...POSTS, post('1765000000000000003', 'Texto llano')]));
    const end = await client.runJob('import.start', { path: join(folder, 'tweets.js') });
    if (end.state !== 'finished') throw new Error(end.message);
    const page = await client.call('messages.page', {
      offset: 0,
      limit: 10,
      sort: { column: 'postedAt', direction: 'asc' },
    });
    const plain = page.rows.find((m) => m.text === 'Texto llano');
    expect((await client.call('messages.detail', { id: plain?.id as number })).message.textAsWritten).toBeNull();
    const originals = (): unknown => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare('SELECT count(*) AS n FROM message_originals').get();
      } finally {
        db.close();
      }
    };
    expect(originals()).toEqual({ n: 2 });
    await client.call('import.undo', { batch: end.result.batch });
    expect(originals()).toEqual({ n: 0 });
  });

  it("imports an archive's tweets.js on its own, the account's name read from the account.js beside it", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'tweets.js'), part('tweets', POSTS));
    writeFileSync(join(folder, 'account.js'), part('account', [{ account: { username: 'lucia_r' } }]));
    const { client } = testBackend();
    const end = await client.runJob('import.start', { path: join(folder, 'tweets.js') });
    expect(end).toMatchObject({ state: 'finished', result: { new: 2 } });
  });

  it('says what is wrong with a .js that is not an archive part, and a .zip with no posts', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'app.js'), 'console.log("hola")');
    const { client } = testBackend();
    await expect(client.call('import.inspect', { path: join(folder, 'app.js') })).rejects.toThrow(
      /app\.js: app\.js does not start as an archive's part does \(window\.YTD/,
    );
    const zip = new JSZip();
    zip.file('notes.txt', 'hola');
    writeFileSync(join(folder, 'other.zip'), await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(client.call('import.inspect', { path: join(folder, 'other.zip') })).rejects.toThrow(
      /other\.zip: no data\/tweets\.js in it/,
    );
  });
});
