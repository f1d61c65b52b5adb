import { crc32, deflateRawSync } from 'node:zlib';

/** The sink a ZIP is written to: a response or any stream; `write` may be awaited for back-pressure. */
export interface ZipSink {
  write(chunk: Buffer): unknown;
}

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
}

/** Files and central directory of a classic ZIP (no ZIP64) stay below 4 GiB and 65,535 entries. */
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

/** 1980-01-01 00:00 in MS-DOS time: the files of an archive built on request carry no date of their own. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Names are UTF-8 (general purpose bit 11). */
const UTF8 = 0x0800;
const DEFLATE = 8;
const VERSION = 20;

/**
 * The fields a local header and a central directory entry share, in the same order (version needed,
 * flags, method, time, date, CRC-32, sizes, name length), written from `at`; the extra field is empty.
 */
function describe(h: Buffer, at: number, e: Entry): void {
  h.writeUInt16LE(VERSION, at);
  h.writeUInt16LE(UTF8, at + 2);
  h.writeUInt16LE(DEFLATE, at + 4);
  h.writeUInt16LE(DOS_TIME, at + 6);
  h.writeUInt16LE(DOS_DATE, at + 8);
  h.writeUInt32LE(e.crc, at + 10);
  h.writeUInt32LE(e.compressed, at + 14);
  h.writeUInt32LE(e.size, at + 18);
  h.writeUInt16LE(e.name.length, at + 22);
}

/**
 * A minimal ZIP writer (PKWARE APPNOTE 4.3: local headers, deflated data, central directory),
 * written file by file as each is added: only the current file and the directory's small entries
 * are ever held, so an archive of many PDFs streams in constant memory.
 */
export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;

  constructor(private readonly sink: ZipSink) {}

  /** Adds one file, deflated. */
  async add(name: string, data: Buffer): Promise<void> {
    if (this.entries.length >= MAX_ENTRIES) throw new Error('ZIP: too many entries');
    const deflated = deflateRawSync(data);
    const entry: Entry = {
      name: Buffer.from(name, 'utf8'),
      crc: crc32(data),
      size: data.length,
      compressed: deflated.length,
      offset: this.offset,
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    describe(header, 4, entry);
    await this.put(Buffer.concat([header, entry.name]));
    await this.put(deflated);
    this.entries.push(entry);
  }

  /** Writes the central directory; nothing may be added afterwards. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(VERSION, 4);
      describe(h, 6, e);
      // Extra field, comment, disk number, internal and external attributes: none.
      h.writeUInt32LE(e.offset, 42);
      await this.put(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.put(end);
  }

  private async put(chunk: Buffer): Promise<void> {
    if (this.offset + chunk.length > MAX_OFFSET) throw new Error('ZIP: archive larger than 4 GiB');
    this.offset += chunk.length;
    await this.sink.write(chunk);
  }
}
