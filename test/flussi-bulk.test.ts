import { RowInserter } from '../core/row-inserter';
import { RPP_COLUMNS } from '../subgraphs/pagamenti/services';
import { FlussoRendicontazione, Rendicontazione, Rpp } from '../schema/entities';
import { registraFlusso, type PagamentoRendicontato } from '../subgraphs/riconciliazione/services';
import { dati, DOMINIO, flusso, pendenzaPagata, riga } from './helpers/flussi';
import { startHub, type TestHub } from './helpers/hub';
import { closeSimulators } from './helpers/simulator';

/**
 * A flow of ten thousand payments: stored in one transaction with its lines in bulk, every line
 * matched to its receipt (read in chunks), and read back with exact counts and totals. The time it
 * takes is measured elsewhere (docs/drafts/flussi.md); nothing here depends on it.
 */
let t: TestHub;
const em = () => t.hub.orm.em.fork();
const RIGHE = 10_000;
const SCONOSCIUTE = 10;

/** Receipts for `iuvs`, copies of a real one (100.99, one transfer), written in bulk. */
async function ricevuteInBlocco(modello: Rpp, iuvs: string[]): Promise<void> {
  const e = em();
  const now = new Date();
  await new RowInserter(e, Rpp, RPP_COLUMNS).insert(
    e,
    iuvs.map((iuv) => ({
      ...modello,
      dominio: DOMINIO,
      iuv,
      ccp: `rcpt-${iuv}`,
      pendenza: null,
      ricevuta: { ...modello.ricevuta, creditorReferenceId: iuv },
      createdAt: now,
      updatedAt: now,
    })),
  );
}

beforeAll(async () => {
  t = await startHub();
});
afterAll(async () => {
  await closeSimulators();
  await t.close();
});

it('stores 10,000 lines, matched to their receipts, with exact counts and totals', async () => {
  const pagata = await pendenzaPagata(t);
  const modello = await em().findOneOrFail(Rpp, { iuv: pagata.iuv });
  const iuvs = Array.from({ length: RIGHE - SCONOSCIUTE - 1 }, (_, i) => `7${String(i).padStart(14, '0')}`);
  await ricevuteInBlocco(modello, iuvs);
  const pagamenti: PagamentoRendicontato[] = [
    riga(pagata.iuv, pagata.ccp),
    ...iuvs.map((iuv) => riga(iuv, `rcpt-${iuv}`)),
    ...Array.from({ length: SCONOSCIUTE }, (_, i) => riga(`8${String(i).padStart(14, '0')}`, `IUR-${i}`, { importoCents: 1 + i })),
  ];
  const f = flusso(pagamenti);
  const totale = (RIGHE - SCONOSCIUTE) * 10099 + (SCONOSCIUTE * (SCONOSCIUTE + 1)) / 2;
  expect(f.importoTotaleCents).toBe(totale);

  const stored = await registraFlusso(em(), f);
  expect(stored).toMatchObject({ esito: 'NUOVO', anomalie: SCONOSCIUTE });
  expect(await em().count(Rendicontazione, { flusso: stored.id })).toBe(RIGHE);
  expect(await em().count(Rendicontazione, { flusso: stored.id, stato: 'OK', rpp: { $ne: null } })).toBe(RIGHE - SCONOSCIUTE);
  expect(await em().count(FlussoRendicontazione, { idFlusso: f.idFlusso })).toBe(1);

  const d = await dati(
    t,
    `query ($idFlusso: String!) {
      flussoRendicontazioneByIdFlusso(idFlusso: $idFlusso) { stato numeroPagamenti importoTotale segnalazioni { codice } rendicontazioni(first: 0) { totalCount } }
      ok: rendicontazioni(filter: { idFlusso: $idFlusso, stato: [OK] }, first: 0) { totalCount }
      anomale: rendicontazioni(filter: { idFlusso: $idFlusso, stato: [ANOMALA] }, first: 100) { totalCount nodes { importo segnalazioni { codice } } }
      quadraturaRendicontazioni(filter: { idFlusso: $idFlusso }, gruppi: [FLUSSO_RENDICONTAZIONE]) { numeroPagamenti importo }
    }`,
    { idFlusso: f.idFlusso },
  );
  expect(d.flussoRendicontazioneByIdFlusso).toEqual({
    stato: 'ANOMALO',
    numeroPagamenti: RIGHE,
    importoTotale: '1008890.65',
    segnalazioni: [],
    rendicontazioni: { totalCount: RIGHE },
  });
  expect(d.ok.totalCount).toBe(RIGHE - SCONOSCIUTE);
  expect(d.anomale.totalCount).toBe(SCONOSCIUTE);
  expect(new Set(d.anomale.nodes.map((n: any) => n.segnalazioni[0].codice))).toEqual(new Set(['007101']));
  expect(d.quadraturaRendicontazioni).toEqual([{ numeroPagamenti: RIGHE, importo: '1008890.65' }]);
  expect(await em().count(Rpp, {})).toBe(RIGHE - SCONOSCIUTE);
});
