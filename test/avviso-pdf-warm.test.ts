import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderAvvisoPdf, type AvvisoPdfData } from '../subgraphs/pendenze/avviso/avviso-pdf';
import { posteDataMatrixPayload, qrCodePayload } from '../subgraphs/pendenze/avviso/payloads';

/**
 * The avviso renderer keeps what it may between renders (the codes already encoded, by their exact
 * content): a PDF rendered with its caches hot reads exactly as one rendered cold, and two avvisi
 * rendered back to back each show and encode their own data only. Read back with poppler, zbar and
 * libdmtx, as test/avviso-pdf.test.ts does.
 */

const IBAN_POSTALE = 'IT60X0760103200000016302093';

const avvisoA: AvvisoPdfData = {
  ente: { cf: '01234567890', ragioneSociale: 'Comune di Prova', settore: 'Servizio Tributi', cbill: 'A0EDT' },
  causale: 'Tassa sui rifiuti (TARI) anno 2026',
  debitore: { cf: 'RSSMRA80A01H501U', anagrafica: 'Mario Rossi', indirizzo: 'Via Roma 10, 00100 Roma' },
  rate: [{ numeroAvviso: '301234567890123456', importoCents: 123456n, dataScadenza: '2026-12-31' }],
  postale: { iban: IBAN_POSTALE, intestatario: 'Comune di Prova' },
};

const avvisoB: AvvisoPdfData = {
  ente: { cf: '09876543210', ragioneSociale: 'Provincia di Esempio', cbill: 'B1XYZ' },
  causale: 'Canone occupazione suolo pubblico',
  debitore: { cf: 'VRDLGU70B02F205X', anagrafica: 'Luigi Verdi' },
  rate: [{ numeroAvviso: '309999999999999901', importoCents: 500n, dataScadenza: '2027-01-15' }],
  postale: { iban: IBAN_POSTALE, intestatario: 'Provincia di Esempio' },
};

const dataMatrixOf = (a: AvvisoPdfData) =>
  posteDataMatrixPayload({
    numeroAvviso: a.rate[0].numeroAvviso,
    ibanPostale: IBAN_POSTALE,
    importoCents: a.rate[0].importoCents,
    cfEnte: a.ente.cf,
    cfDebitore: a.debitore.cf,
    anagraficaDebitore: a.debitore.anagrafica,
    causale: a.causale,
  });

describe('avviso PDF with hot caches', () => {
  let dir: string;
  let n = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'avviso-warm-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
  /** The PDF on disk, its text, and what its codes decode to. */
  function readBack(pdf: Buffer): { text: string; qr: string[]; dataMatrix: string } {
    const file = join(dir, `avviso-${++n}.pdf`);
    writeFileSync(file, pdf);
    const text = run('pdftotext', ['-layout', file, '-']);
    run('pdftoppm', ['-r', '200', '-png', file, `${file}-page`]);
    const [png] = readdirSync(dir)
      .filter((f) => f.startsWith(`avviso-${n}.pdf-page`))
      .map((f) => join(dir, f));
    return {
      text,
      qr: run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', png]).split('\n').filter(Boolean),
      dataMatrix: run('dmtxread', ['-N1', '-m', '30000', png]),
    };
  }

  it('reads the same rendered cold and warm, and never shows another avviso rendered before it', async () => {
    const coldA = readBack(await renderAvvisoPdf(avvisoA));
    const b = readBack(await renderAvvisoPdf(avvisoB));
    const warmA = readBack(await renderAvvisoPdf(avvisoA));

    expect(warmA.text).toBe(coldA.text);
    expect(coldA.text).toContain('3012 3456 7890 1234 56');
    expect(coldA.text).toContain('Mario Rossi');
    expect(warmA.qr).toEqual([qrCodePayload('301234567890123456', '01234567890', 123456n)]);
    expect(warmA.dataMatrix).toBe(dataMatrixOf(avvisoA));

    expect(b.qr).toEqual([qrCodePayload('309999999999999901', '09876543210', 500n)]);
    expect(b.dataMatrix).toBe(dataMatrixOf(avvisoB));
    expect(b.text).toContain('Luigi Verdi');
    expect(b.text).toContain('3099 9999 9999 9999 01');
    for (const shownInA of ['Mario Rossi', 'Comune di Prova', '3012 3456 7890 1234 56', '(TARI)', '1.234,56']) {
      expect(b.text).not.toContain(shownInA);
    }
    for (const shownInB of ['Luigi Verdi', 'Provincia di Esempio', '3099 9999 9999 9999 01', 'suolo pubblico']) {
      expect(warmA.text).not.toContain(shownInB);
    }
  });
});
