import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { constants, createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * The parts of a zip archive (an XLSX workbook), read with Node's own inflate: JSZip inflates in
 * JavaScript, several times slower on a sheet of a hundred thousand rows, and needs the whole
 * file in memory. Only what workbooks use: stored and deflated entries, Zip64 sizes.
 */
export interface ZipArchive {
  names: string[];
  /** An entry's whole content, or undefined when there is none by that name. */
  read(name: string): Buffer | undefined;
  /** An entry's content as far as its first `compressedBytes` bytes hold it (complete when that is all of it). */
  readStart(name: string, compressedBytes: number): { data: Buffer; complete: boolean } | undefined;
  /** An entry's content as it inflates. */
  stream(name: string): Readable | undefined;
  /** An entry's size unpacked, as the directory says it (for estimates: a directory can lie). */
  size(name: string): number | undefined;
}

/** A part that would unpack to far more than a workbook's XML does: refused before it takes the memory. */
export class PartTooLarge extends Error {
  override name = 'PartTooLarge';
}

export class NotAZip extends Error {
  override name = 'NotAZip';
}

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;

/**
 * A part streamed (a sheet) comes 64 KiB at a time: its rows are read a chunk at a time, and a chunk's rows live until
 * the last of them is planned. Unpacked 1 MiB at a time they outlived the reading thread's young generation: 100,000
 * rows took 4.4-4.8 s, not 4.0-4.1 s, and 5% more instructions (figures: tests/bench/MEASUREMENTS.md).
 */
const STREAM_CHUNK_BYTES = 1 << 16;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  if (read < length) throw new NotAZip('the file ends too soon');
  return buffer;
}

/** Where the central directory is, and how long: from the end record (or its Zip64 one). */
function directoryOf(fd: number, size: number): { offset: number; length: number } {
  const tailLength = Math.min(size, 22 + MAX_COMMENT);
  const tail = readAt(fd, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new NotAZip('no end of central directory');
  let offset = tail.readUInt32LE(at + 16);
  let length = tail.readUInt32LE(at + 12);
  if ((offset === 0xffffffff || length === 0xffffffff) && at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
    const record = readAt(fd, Number(tail.readBigUInt64LE(at - 12)), 56);
    if (record.readUInt32LE(0) !== ZIP64_END) throw new NotAZip('a broken Zip64 end record');
    length = Number(record.readBigUInt64LE(40));
    offset = Number(record.readBigUInt64LE(48));
  }
  if (offset + length > size) throw new NotAZip('the central directory lies past the end of the file');
  return { offset, length };
}

/** The Zip64 extra field's sizes and offset, for those the entry marks as too large for 32 bits. */
function zip64(extra: Buffer, entry: Entry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.headerOffset === 0xffffffff) entry.headerOffset = next();
      return;
    }
    at += 4 + length;
  }
}

export function openZip(path: string): ZipArchive {
  const fd = openSync(path, 'r');
  const entries = new Map<string, Entry>();
  try {
    const size = fstatSync(fd).size;
    const { offset, length } = directoryOf(fd, size);
    const directory = readAt(fd, offset, length);
    for (let at = 0; at + 46 <= directory.length;) {
      if (directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new NotAZip('a broken central directory');
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const entry: Entry = {
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        headerOffset: directory.readUInt32LE(at + 42),
      };
      zip64(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
      entries.set(directory.toString('utf8', at + 46, at + 46 + nameLength), entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
  } finally {
    closeSync(fd);
  }

  /**
   * Where an entry's data starts: after its local header, whose name and extra field may differ from the directory's.
   */
  function dataRange(entry: Entry): { start: number; end: number } {
    const fd = openSync(path, 'r');
    try {
      const header = readAt(fd, entry.headerOffset, 30);
      if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new NotAZip('a broken local header');
      const start = entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      return { start, end: start + entry.compressedSize };
    } finally {
      closeSync(fd);
    }
  }

  /**
   * How far a part may unpack: XML packs 5-20×; a part that would pass 200× (and 64 MB) is a compression bomb (a
   * 4.3 MB workbook's shared strings reached 6.7 GB). 4 GB at most in any case.
   */
  const unpackLimit = (entry: Entry): number =>
    Math.min(4 * 1024 ** 3, Math.max(64 * 1024 ** 2, 200 * entry.compressedSize));
  const tooLarge = (name: string, entry: Entry): PartTooLarge =>
    new PartTooLarge(
      `${name} would unpack to more than ${Math.round(unpackLimit(entry) / 1024 ** 2).toLocaleString('en')} MB (over 200 times its packed size): the workbook is damaged or crafted; nothing imported`,
    );

  /**
   * zlib's smallest output chunk, and the largest the directory's size may ask for (it can lie): 64 MB, or 32 times
   * the bytes actually read (XML packs 5-20×), less than a part may unpack to anyway (unpackLimit).
   */
  const MIN_CHUNK = 64;
  const maxSizedChunk = (entry: Entry): number => Math.max(64 * 1024 ** 2, 32 * entry.compressedSize);

  function checkMethod(name: string, entry: Entry): void {
    if (entry.method !== 0 && entry.method !== 8)
      throw new NotAZip(`${name} is compressed with method ${entry.method}, which Pulso does not read`);
  }

  function readStart(name: string, compressedBytes: number): { data: Buffer; complete: boolean } | undefined {
    const entry = entries.get(name);
    if (!entry) return undefined;
    checkMethod(name, entry);
    const { start } = dataRange(entry);
    const complete = compressedBytes >= entry.compressedSize;
    const fd = openSync(path, 'r');
    try {
      const data = readAt(fd, start, complete ? entry.compressedSize : compressedBytes);
      if (entry.method === 0) return { data, complete };
      // A deflate stream's start inflates on its own when not asked to end.
      const maxOutputLength = unpackLimit(entry);
      // A whole part unpacked into one buffer of the size the directory gives (a hint, capped), not 16 KB pieces
      // joined after.
      const chunkSize = Math.min(Math.max(entry.size, MIN_CHUNK), maxOutputLength, maxSizedChunk(entry));
      try {
        return {
          data: complete
            ? inflateRawSync(data, { maxOutputLength, chunkSize })
            : inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength }),
          complete,
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(name, entry);
        throw error;
      }
    } finally {
      closeSync(fd);
    }
  }

  return {
    names: [...entries.keys()],
    read: (name) => readStart(name, Infinity)?.data,
    size: (name) => entries.get(name)?.size,
    readStart,
    stream(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      checkMethod(name, entry);
      if (entry.compressedSize === 0) return Readable.from([]);
      const { start, end } = dataRange(entry);
      const file = createReadStream(path, { start, end: end - 1, highWaterMark: STREAM_CHUNK_BYTES });
      if (entry.method === 0) return file;
      const inflate = createInflateRaw({ chunkSize: STREAM_CHUNK_BYTES });
      file.on('error', (error) => inflate.destroy(error));
      let unpacked = 0;
      const limit = unpackLimit(entry);
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          unpacked += chunk.length;
          done(unpacked > limit ? tooLarge(name, entry) : null, chunk);
        },
      });
      inflate.on('error', (error) => counted.destroy(error));
      return file.pipe(inflate).pipe(counted);
    },
  };
}
