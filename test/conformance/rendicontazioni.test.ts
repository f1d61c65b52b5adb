import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseSoap } from '../../pagopa/soap/parse';
import { NodoClient } from '../../pagopa/rendicontazione/nodo-client';
import { XsdValidator } from '../../simulator/xsd/xmllint';
import type { Simulator } from '../../simulator';
import { GovPaySpec, type ApiProfile } from './openapi';
import { readBody } from '../helpers/http';
import { closeSimulators, simulatorFor } from '../helpers/simulator';
import { REFERENCE_DIR } from '../helpers/xsd';

/**
 * The reporting side of the simulator against pagoPA's own contracts: every FlussoRiversamento it
 * hands out against FlussoRiversamento_1_0_4.xsd; the nodeForPa envelopes (the hub's soap client's
 * requests and the simulated Nodo's answers, faults included) against the reference nodeForPa.xsd;
 * every FdR reply against fdr_organization.json.
 */
const FLUSSO_XSD = join(REFERENCE_DIR, 'pagopa', 'xsd-common', 'FlussoRiversamento_1_0_4.xsd');
const NODE_FOR_PA_XSD = join(REFERENCE_DIR, 'pagopa', 'wsdl', 'xsd', 'nodeForPa.xsd');
const FDR_SPEC = join(REFERENCE_DIR, 'pagopa', 'openapi', 'fdr_organization.json');

const FDR: ApiProfile = {
  name: 'fdr-organization',
  file: 'fdr_organization.json',
  // The spec's server is https://api.platform.pagopa.it/fdr-org/service/v1: its paths follow that base.
  prefix: /^\/fdr-org\/service\/v1(\/[^?#]*)?(?:[?#].*)?$/,
  faultBean: 'ErrorResponse',
  httpLimitErrors: [],
  aliasStatus: () => undefined,
};

const DOMINIO = '12345678901';
const STATION = { idDominio: DOMINIO, idIntermediario: '11111111113', idStazione: '11111111113_01' };
let sim: Simulator;
let simUrl: string;
let proxy: Server;
const exchanges: { request: string; response: string }[] = [];
const flows: { identificativoFlusso: string }[] = [];

beforeAll(async () => {
  sim = simulatorFor('http://127.0.0.1:9/station', { fdrApiKey: 'k' });
  simUrl = `http://127.0.0.1:${await sim.listen(0)}`;
  for (const synthetic of [1, 3, 1200]) {
    const r = await fetch(`${simUrl}/api/flows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idDominio: DOMINIO, synthetic }),
    });
    flows.push(await r.json());
  }
  // Between the hub's soap client and the simulated Nodo: every envelope, both ways.
  proxy = createServer(async (req, res) => {
    const request = await readBody(req);
    const answer = await fetch(`${simUrl}${req.url}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', soapaction: String(req.headers.soapaction ?? '') },
      body: request,
    });
    const response = await answer.text();
    exchanges.push({ request, response });
    res.writeHead(answer.status, { 'content-type': 'text/xml' }).end(response);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await closeSimulators();
});

const present = existsSync(FLUSSO_XSD) && existsSync(NODE_FOR_PA_XSD) && existsSync(FDR_SPEC);

test("finds pagoPA's FlussoRiversamento XSD, nodeForPa.xsd and fdr_organization.json (../shared/reference or $GOVPAY_REFERENCE_DIR)", () => {
  expect(present).toBe(true);
});

(present ? describe : describe.skip)('against the reference', () => {
  test('the hub soap client and the simulated Nodo: every envelope body valid against nodeForPa.xsd, every flow against FlussoRiversamento_1_0_4.xsd', async () => {
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/nodo/nodeForPa`;
    const client = new NodoClient({ url, password: 'Password1!', timeoutMs: 10_000 });
    const elenco = await client.elenco(STATION);
    expect(elenco.map((f) => f.idFlusso)).toEqual(flows.map((f) => f.identificativoFlusso));
    for (const f of elenco) expect((await client.scarica(STATION, f)).ok).toBe(true);
    // Faults too: a wrong password, an unknown flow.
    await expect(new NodoClient({ url, password: 'Sbagliata1!', timeoutMs: 10_000 }).elenco(STATION)).rejects.toThrow(/PPT_AUTENTICAZIONE/);
    await expect(client.scarica(STATION, { idFlusso: 'NOPE', dataOraFlusso: new Date() })).rejects.toThrow(/PPT_ID_FLUSSO_SCONOSCIUTO/);

    const envelopes = new XsdValidator(NODE_FOR_PA_XSD);
    const flussi = new XsdValidator(FLUSSO_XSD);
    const problems: string[] = [];
    for (const [n, e] of exchanges.entries()) {
      for (const [what, xml] of [
        ['request', e.request],
        ['answer', e.response],
      ] as const) {
        const parsed = parseSoap(xml);
        if (!parsed.ok) {
          problems.push(`#${n} ${what}: ${parsed.error}`);
          continue;
        }
        const verdict = await envelopes.validate(parsed.document.bodyXml);
        if (verdict.verdict !== 'valid') problems.push(`#${n} ${what} ${parsed.document.root.name}: ${verdict.messages.join('; ')}`);
        const flow = parsed.document.root.children.find((c) => c.name === 'xmlRendicontazione');
        if (flow) {
          const v = await flussi.validate(Buffer.from(flow.text, 'base64').toString('utf8'));
          if (v.verdict !== 'valid') problems.push(`#${n} flow: ${v.messages.slice(0, 3).join('; ')}`);
        }
      }
    }
    expect(exchanges.filter((e) => e.response.includes('xmlRendicontazione>')).length).toBe(flows.length);
    expect(problems).toEqual([]);
  }, 120_000);

  test('every FdR reply (lists, flows, payment pages, 400 and 404) matches fdr_organization.json', async () => {
    const spec = new GovPaySpec(FDR, FDR_SPEC);
    const base = `/fdr-org/service/v1/organizations/${DOMINIO}/fdrs`;
    const paths = [`${base}`, `${base}?page=2&size=1`, `${base}?size=0`];
    for (const f of flows) {
      const flow = `${base}/${f.identificativoFlusso}/revisions/1/psps/SIMPSP01`;
      paths.push(flow, `${flow}/payments`, `${flow}/payments?page=2&size=500`);
    }
    paths.push(`${base}/NOPE/revisions/1/psps/SIMPSP01`);
    const problems: string[] = [];
    const statuses = new Set<number>();
    for (const path of paths) {
      const r = await fetch(`${simUrl}${path}`, { headers: { 'Ocp-Apim-Subscription-Key': 'k' } });
      statuses.add(r.status);
      const verdict = spec.check({
        method: 'GET',
        path,
        status: r.status,
        body: await r.json(),
        contentType: r.headers.get('content-type') ?? undefined,
      });
      problems.push(...verdict.problems.map((p) => `GET ${path} ${r.status}: ${p}`));
    }
    expect([...statuses].sort()).toEqual([200, 400, 404]);
    expect(problems).toEqual([]);
  });
});
