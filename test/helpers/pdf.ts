import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ReadPdf {
  pages: string[];
  /** QR codes zbar decodes, page by page. */
  qrCodes: string[][];
  /** The Data Matrix of each page, when asked for and dmtxread finds one. */
  dataMatrix: string[];
}

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 24 });

const tryRun = (cmd: string, args: string[]) => {
  try {
    return run(cmd, args);
  } catch {
    return '';
  }
};

/** Reads a PDF back as a person (and a PSP's scanner) would: its text, its QR codes, its data matrix. */
/** dmtxread searches a page until its timeout when there is no Data Matrix: ask only when one is expected. */
export function readPdf(pdf: Buffer, opts: { dataMatrix?: boolean } = {}): ReadPdf {
  const dir = mkdtempSync(join(tmpdir(), 'govpay-pdf-'));
  try {
    const file = join(dir, 'avviso.pdf');
    writeFileSync(file, pdf);
    const pages = run('pdftotext', ['-layout', file, '-']).split('\f').filter((p) => p.trim());
    run('pdftoppm', ['-r', '200', '-png', file, join(dir, 'page')]);
    const images = readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => join(dir, f));
    return {
      pages,
      qrCodes: images.map((png) => tryRun('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', png]).split('\n').filter(Boolean)),
      dataMatrix: opts.dataMatrix ? images.map((png) => tryRun('dmtxread', ['-N1', '-m', '30000', png])).filter(Boolean) : [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
