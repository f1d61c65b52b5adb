import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderAvvisoPdf, type AvvisoPdfData } from '../subgraphs/pendenze/avviso/avviso-pdf';
import {
  formatData,
  formatEuro,
  formatNumeroAvviso,
  posteDataMatrixPayload,
  qrCodePayload,
} from '../subgraphs/pendenze/avviso/payloads';

/**
 * The Avviso pagoPA PDF, read back with real tools: poppler (pdftoppm, pdftotext, pdfinfo), zbar
 * for the QR code and libdmtx for the Poste data matrix. `npm test` installs them
 * (scripts/test-services.sh); run alone, a missing tool fails the suite naming its package.
 */

const TOOLS: Record<string, string> = {
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  zbarimg: 'zbar-tools',
  dmtxread: 'dmtx-utils',
};

function requireTools(): void {
  const missing = Object.keys(TOOLS).filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length) {
    const packages = [...new Set(missing.map((tool) => TOOLS[tool]))].join(' ');
    throw new Error(`missing ${missing.join(', ')}: apt-get install ${packages} (npm test installs them via scripts/test-services.sh)`);
  }
}

const ENTE_CF = '01234567890';
const IBAN_POSTALE = 'IT60X0760103200000016302093';

const avviso: AvvisoPdfData = {
  ente: {
    cf: ENTE_CF,
    ragioneSociale: 'Comune di Città di Prova',
    settore: 'Servizio Tributi',
    info: 'Piazza del Municipio 1, 00100 Roma - tributi@comune.prova.it',
    cbill: 'A0EDT',
  },
  causale: 'Tassa sui rifiuti (TARI) anno 2026',
  debitore: { cf: 'RSSMRA80A01H501U', anagrafica: 'Niccolò Àlvarez', indirizzo: 'Via Roma 10, 00100 Roma' },
  rate: [{ numeroAvviso: '301234567890123456', importoCents: 123456n, dataScadenza: '2026-12-31' }],
};

describe('avviso payloads', () => {
  it('writes the QR code as PAGOPA|002|numero avviso|cf ente|importo in centesimi (at least 4 digits)', () => {
    expect(qrCodePayload('301234567890123456', ENTE_CF, 10099)).toBe('PAGOPA|002|301234567890123456|01234567890|10099');
    expect(qrCodePayload('301234567890123456', ENTE_CF, 500)).toBe('PAGOPA|002|301234567890123456|01234567890|0500');
    expect(qrCodePayload('301234567890123456', ENTE_CF, 50n)).toBe('PAGOPA|002|301234567890123456|01234567890|0050');
    expect(qrCodePayload('001234567890123456', ENTE_CF, 99_999_999_999n)).toBe(
      'PAGOPA|002|001234567890123456|01234567890|99999999999',
    );
  });

  it('refuses bad numeri avviso, codici fiscali and amounts', () => {
    expect(() => qrCodePayload('30123456789012345', ENTE_CF, 100)).toThrow(/numero avviso/);
    expect(() => qrCodePayload('30123456789012345A', ENTE_CF, 100)).toThrow(/numero avviso/);
    expect(() => qrCodePayload('301234567890123456', '0123456789', 100)).toThrow(/codice fiscale/);
    expect(() => qrCodePayload('301234567890123456', ENTE_CF, 100.5)).toThrow(/importo/);
    expect(() => qrCodePayload('301234567890123456', ENTE_CF, -1)).toThrow(/importo/);
    expect(() => qrCodePayload('301234567890123456', ENTE_CF, 100_000_000_000n)).toThrow(/importo/);
  });

  it('builds the Poste data matrix field by field, 256 characters', () => {
    const payload = posteDataMatrixPayload({
      numeroAvviso: '300715700000000032',
      ibanPostale: IBAN_POSTALE,
      importoCents: 1,
      cfEnte: '00085240950',
      cfDebitore: 'bscmtt83a12l719r',
      anagraficaDebitore: 'Name Surname',
      causale: 'test',
    });
    expect(payload).toBe(
      'codfase=NBPA;' +
        '18300715700000000032' +
        '12000016302093' +
        '100000000001' +
        '3896' +
        '1P1' +
        '00085240950' +
        'BSCMTT83A12L719R' +
        'NAME SURNAME'.padEnd(40, ' ') +
        'TEST'.padEnd(110, ' ') +
        ' '.repeat(12) +
        'A',
    );
    expect(payload).toHaveLength(256);
    // Where pagoPA's own reader (the IO app) takes numero avviso, importo and cf ente from.
    expect(payload.slice(15, 33)).toBe('300715700000000032');
    expect(payload.slice(49, 59)).toBe('0000000001');
    expect(payload.slice(66, 77)).toBe('00085240950');
  });

  it('folds accents, upper-cases, pads and cuts the data matrix text fields', () => {
    const payload = posteDataMatrixPayload({
      numeroAvviso: '301234567890123456',
      ibanPostale: 'it60 x076 0103 2000 0001 6302 093',
      importoCents: 9_999_999_999n,
      cfEnte: ENTE_CF,
      cfDebitore: '12345678901',
      anagraficaDebitore: 'Niccolò Àlvarez Škoda dell’Università di Città Sant’Angelo',
      causale: `Quota d’iscrizione perché è così ${'x'.repeat(120)}`,
    });
    expect(payload.slice(49, 59)).toBe('9999999999');
    expect(payload.slice(77, 93)).toBe('12345678901     ');
    expect(payload.slice(93, 133)).toBe("NICCOLO ALVAREZ SKODA DELL'UNIVERSITA DI");
    expect(payload.slice(133, 243)).toBe(`QUOTA D'ISCRIZIONE PERCHE E COSI ${'X'.repeat(77)}`);
    expect(payload.slice(243)).toBe(`${' '.repeat(12)}A`);
    expect(payload).toMatch(/^[\x20-\x7e]{256}$/);
    expect(() =>
      posteDataMatrixPayload({ ...dmInput(), importoCents: 10_000_000_000n }),
    ).toThrow(/bollettino postale/);
    expect(() => posteDataMatrixPayload({ ...dmInput(), ibanPostale: 'IT60X07601' })).toThrow(/IBAN/);
  });

  it('formats numero avviso, euro and dates as the avviso prints them', () => {
    expect(formatNumeroAvviso('301234567890123456')).toBe('3012 3456 7890 1234 56');
    expect(formatEuro(123456)).toBe('1.234,56 €');
    expect(formatEuro(5)).toBe('0,05 €');
    expect(formatEuro(500n)).toBe('5,00 €');
    expect(formatEuro(99_999_999_999n)).toBe('999.999.999,99 €');
    expect(formatData('2026-12-31')).toBe('31/12/2026');
    expect(() => formatData('2026-02-30')).toThrow(/data/);
    expect(() => formatData('31/12/2026')).toThrow(/data/);
  });
});

function dmInput() {
  return {
    numeroAvviso: '301234567890123456',
    ibanPostale: IBAN_POSTALE,
    importoCents: 100,
    cfEnte: ENTE_CF,
    cfDebitore: 'RSSMRA80A01H501U',
    anagraficaDebitore: 'Mario Rossi',
    causale: 'Prova',
  };
}

describe('avviso PDF', () => {
  let dir: string;

  beforeAll(() => {
    requireTools();
    dir = mkdtempSync(join(tmpdir(), 'avviso-pdf-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let count = 0;
  async function render(data: AvvisoPdfData): Promise<string> {
    const pdf = await renderAvvisoPdf(data);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const path = join(dir, `avviso-${++count}.pdf`);
    writeFileSync(path, pdf);
    return path;
  }

  const run = (cmd: string, args: string[]) =>
    execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 24 });
  const pages = (pdf: string) => Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [pdf]))?.[1]);
  /** The text of each page, in layout order. */
  const text = (pdf: string) => run('pdftotext', ['-layout', pdf, '-']).split('\f').filter((page) => page.trim());
  /** One PNG per page at 200 dpi. */
  function images(pdf: string): string[] {
    const prefix = `${pdf}-page`;
    run('pdftoppm', ['-r', '200', '-png', pdf, prefix]);
    const base = prefix.slice(dir.length + 1);
    return readdirSync(dir)
      .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
      .sort()
      .map((f) => join(dir, f));
  }
  /** The QR codes zbar finds on a page image. */
  const qrCodes = (png: string) => run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', png]).split('\n').filter(Boolean);
  const dataMatrix = (png: string) => run('dmtxread', ['-N1', '-m', '30000', png]);

  it('prints the avviso of one rata: ente, causale, debtor, amount, due date, codes, and a readable QR code', async () => {
    const pdf = await render(avviso);
    expect(pages(pdf)).toBe(1);
    const [page] = text(pdf);
    for (const expected of [
      'AVVISO DI PAGAMENTO',
      'Comune di Città di Prova',
      'Servizio Tributi',
      'Tassa sui rifiuti (TARI) anno 2026',
      "DESTINATARIO DELL'AVVISO",
      'Niccolò Àlvarez',
      'RSSMRA80A01H501U',
      'Via Roma 10, 00100 Roma',
      '1.234,56 €',
      'entro il 31/12/2026',
      'Codice Avviso',
      '3012 3456 7890 1234 56',
      'Cod. Ente Creditore',
      ENTE_CF,
      'Codice CBILL',
      'A0EDT',
      'DOVE PAGARE?',
    ]) {
      expect(page).toContain(expected);
    }
    expect(page).not.toContain('BOLLETTINO POSTALE');
    expect(page).not.toContain('PAYMENT NOTICE');
    const [png] = images(pdf);
    expect(qrCodes(png)).toEqual([qrCodePayload('301234567890123456', ENTE_CF, 123456n)]);
  });

  it('adds the Poste bollettino with a data matrix that decodes to the Poste payload', async () => {
    const pdf = await render({
      ...avviso,
      postale: { iban: IBAN_POSTALE, intestatario: 'Comune di Città di Prova - Tesoreria', autorizzazione: 'AUT/2026/0042' },
    });
    const [page] = text(pdf);
    for (const expected of ['BOLLETTINO POSTALE PA', 'sul C/C n.', '000016302093', 'Intestato a', 'Aut. num.', 'AUT/2026/0042']) {
      expect(page).toContain(expected);
    }
    const [png] = images(pdf);
    expect(dataMatrix(png)).toBe(
      posteDataMatrixPayload({
        numeroAvviso: '301234567890123456',
        ibanPostale: IBAN_POSTALE,
        importoCents: 123456n,
        cfEnte: ENTE_CF,
        cfDebitore: 'RSSMRA80A01H501U',
        anagraficaDebitore: 'Niccolò Àlvarez',
        causale: 'Tassa sui rifiuti (TARI) anno 2026',
      }),
    );
    expect(qrCodes(png)).toEqual([qrCodePayload('301234567890123456', ENTE_CF, 123456n)]);
  });

  it('gives a documento of 3 rate 3 pages, each with its own amount, date, numero avviso and QR code', async () => {
    const rate = [
      { numeroAvviso: '301000000000000111', importoCents: 500, dataScadenza: '2026-03-31' },
      { numeroAvviso: '301000000000000222', importoCents: 10099n, dataScadenza: '2026-06-30' },
      { numeroAvviso: '301000000000000333', importoCents: 100000000n },
    ];
    const pdf = await render({ ...avviso, rate });
    expect(pages(pdf)).toBe(3);
    const texts = text(pdf);
    const pngs = images(pdf);
    expect(texts).toHaveLength(3);
    expect(pngs).toHaveLength(3);
    const printed = [
      ['5,00 €', 'entro il 31/03/2026', '3010 0000 0000 0001 11'],
      ['100,99 €', 'entro il 30/06/2026', '3010 0000 0000 0002 22'],
      ['1.000.000,00 €', undefined, '3010 0000 0000 0003 33'],
    ];
    rate.forEach((rata, i) => {
      expect(texts[i]).toContain(`Rata ${i + 1} di 3`);
      for (const expected of printed[i]) if (expected) expect(texts[i]).toContain(expected);
      expect(qrCodes(pngs[i])).toEqual([qrCodePayload(rata.numeroAvviso, ENTE_CF, rata.importoCents)]);
    });
    expect(texts[2]).not.toContain('entro il ');
    expect(qrCodes(pngs[0])[0]).toMatch(/\|0500$/);
  });

  it('adds the second language next to the Italian labels', async () => {
    const [en] = text(await render({ ...avviso, linguaSecondaria: 'en' }));
    for (const expected of ['AVVISO DI PAGAMENTO', 'PAYMENT NOTICE', 'RECIPIENT OF THE NOTICE', 'Codice Avviso / Notice code', 'entro il / by 31/12/2026']) {
      expect(en).toContain(expected);
    }
    const [de] = text(await render({ ...avviso, linguaSecondaria: 'de' }));
    expect(de).toContain('ZAHLUNGSMITTEILUNG');
    expect(de).toContain('GLÄUBIGERKÖRPERSCHAFT');
    // Helvetica has no "č": Slovenian letters outside its encoding lose the accent, not the letter.
    const [sl] = text(await render({ ...avviso, linguaSecondaria: 'sl' }));
    expect(sl).toContain('OBVESTILO O PLACILU');
  });

  it('refuses an avviso without rate or with bad data before drawing anything', async () => {
    await expect(renderAvvisoPdf({ ...avviso, rate: [] })).rejects.toThrow(/rate/);
    await expect(renderAvvisoPdf({ ...avviso, rate: [{ numeroAvviso: '12', importoCents: 100 }] })).rejects.toThrow(/numero avviso/);
    await expect(
      renderAvvisoPdf({ ...avviso, rate: [{ numeroAvviso: '301234567890123456', importoCents: 100, dataScadenza: '2026-13-01' }] }),
    ).rejects.toThrow(/data/);
    await expect(renderAvvisoPdf({ ...avviso, postale: { iban: 'nope', intestatario: 'x' } })).rejects.toThrow(/IBAN/);
  });
});
