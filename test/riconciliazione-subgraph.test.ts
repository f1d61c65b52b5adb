import { gql } from './helpers/http';
import { SECRET, startHub, type TestHub } from './helpers/hub';
import { BUILD_TIMEOUT_MS, ensureBuilt } from './helpers/build';
import { causaleFlusso, euro, Ragioneria, RV2 } from './helpers/ragioneria';
import { closeSimulators } from './helpers/simulator';
import { startStandaloneSubgraph, type StandaloneSubgraph } from './helpers/standalone-subgraph';
import { centsToDecimalString } from '../core/money';

/**
 * The riconciliazione subgraph as its own process (`npm run start:subgraph riconciliazione`),
 * behind a gateway that reaches it at SUBGRAPH_RICONCILIAZIONE_URL: flows, riconcilia and API
 * Ragioneria work through it, and its lines still resolve their receipts in the pagamenti
 * subgraph by federation.
 */
let owner: TestHub;
let gateway: TestHub;
let subgraph: StandaloneSubgraph;

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);
beforeAll(async () => {
  owner = await startHub();
  const db = owner.hub.config.database;
  const DATABASE_URL = db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url;
  subgraph = await startStandaloneSubgraph('riconciliazione', { DATABASE_URL, INTERNAL_PRINCIPAL_SECRET: SECRET });
  gateway = await startHub({ DATABASE_URL, SUBGRAPH_RICONCILIAZIONE_URL: subgraph.url });
}, 60000);

afterAll(async () => {
  await subgraph?.stop();
  await gateway?.close();
  await owner?.close();
  await closeSimulators();
});

it('reconciles a paid flow through the gateway and reads it back with its receipts', async () => {
  const rag = new Ragioneria(owner);
  const pagata = await rag.pagata();
  const idFlusso = await rag.flusso([pagata]);

  const via = new Ragioneria(gateway);
  const post = await via.call('POST', `${RV2}/riconciliazioni/12345678901`, {
    body: { causale: causaleFlusso(idFlusso), importo: euro(pagata.importoCents), sct: 'SCT-SOLO-1' },
  });
  expect(post.status).toBe(201);
  expect(post.body.riscossioni.map((r: any) => [r.iuv, r.stato])).toEqual([[pagata.iuv, 'INCASSATA']]);

  const r = await gql(
    gateway.baseUrl,
    '{ flussoRendicontazioneByIdFlusso(idFlusso: "' +
      idFlusso +
      '") { importoTotale rendicontazioni { nodes { iuv rpp { ccp importo } } } } }',
  );
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.flussoRendicontazioneByIdFlusso).toEqual({
    importoTotale: centsToDecimalString(pagata.importoCents),
    rendicontazioni: { nodes: [{ iuv: pagata.iuv, rpp: { ccp: pagata.iur, importo: centsToDecimalString(pagata.importoCents) } }] },
  });
});
