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
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(UTF8, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressed, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28);
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
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(UTF8, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
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
