import { BO, call, gql } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/**
 * The anagrafica's lists and mutations in the graph's conventions (DESIGN.md §4b): typed orderBy,
 * filter inputs, pages of at most 100, one input and a payload per mutation; and the Backoffice
 * still reading its larger pages.
 */
let t: TestHub;
beforeAll(async () => {
  t = await startHub();
});
afterAll(() => t.close());

const DOMINIO = '12345678901';

const ids = (r: { body: any }, path: (data: any) => { nodes: Record<string, string>[] }, key: string) => {
  expect(r.body.errors).toBeUndefined();
  return path(r.body.data).nodes.map((n) => n[key]);
};

describe('lists', () => {
  it('sorts by a typed orderBy, ascending or descending', async () => {
    const entrate = (direction: string) =>
      gql(
        t.baseUrl,
        `{ dominio(idDominio: "${DOMINIO}") { entrate(orderBy: [{ field: ID_ENTRATA, direction: ${direction} }]) { nodes { idEntrata } } } }`,
      );
    const asc = ids(await entrate('ASC'), (d) => d.dominio.entrate, 'idEntrata');
    expect(asc).toEqual(['BOLLOT', 'LIBERO', 'SEGRETERIA']);
    expect(ids(await entrate('DESC'), (d) => d.dominio.entrate, 'idEntrata')).toEqual([...asc].reverse());

    const operatori = (direction: string) =>
      gql(t.baseUrl, `{ operatori(orderBy: [{ field: PRINCIPAL, direction: ${direction} }]) { nodes { principal } } }`);
    const up = ids(await operatori('ASC'), (d) => d.operatori, 'principal');
    expect(up.length).toBeGreaterThan(0);
    expect(up).toEqual([...up].sort());
    expect(ids(await operatori('DESC'), (d) => d.operatori, 'principal')).toEqual([...up].reverse());
  });

  it('keeps the default order when orderBy is left out', async () => {
    const r = await gql(t.baseUrl, `{ dominio(idDominio: "${DOMINIO}") { contiAccredito { nodes { iban } } } }`);
    const ibans = ids(r, (d) => d.dominio.contiAccredito, 'iban');
    expect(ibans).toEqual([...ibans].sort());
  });

  it('filters with a filter input', async () => {
    const domini = (filter: string) => gql(t.baseUrl, `{ domini(filter: ${filter}) { totalCount nodes { idDominio } } }`);
    expect(ids(await domini('{ ragioneSociale: "creditore test", abilitato: true }'), (d) => d.domini, 'idDominio')).toEqual([DOMINIO]);
    expect((await domini('{ idDominio: "99999999999" }')).body.data.domini).toEqual({ totalCount: 0, nodes: [] });
    const applicazioni = await gql(t.baseUrl, '{ applicazioni(filter: { idA2A: "IDA2A01" }) { nodes { idA2A } } }');
    expect(ids(applicazioni, (d) => d.applicazioni, 'idA2A')).toEqual(['IDA2A01']);
  });

  it('refuses a page over 100 rows with a clear error, not a 5xx', async () => {
    for (const query of [
      '{ entrate(first: 101) { nodes { idEntrata } } }',
      `{ dominio(idDominio: "${DOMINIO}") { unitaOperative(first: 101) { nodes { idUnita } } } }`,
    ]) {
      const r = await gql(t.baseUrl, query);
      expect(r.status).toBeLessThan(500);
      expect(r.body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI', status: 400 });
      expect(r.body.errors[0].message).toContain('100');
    }
    expect((await gql(t.baseUrl, '{ entrate(first: 100) { nodes { idEntrata } } }')).body.errors).toBeUndefined();
  });

  it('refuses an order field the list does not have, or an unknown direction', async () => {
    const r = await gql(t.baseUrl, '{ intermediari(orderBy: [{ field: RAGIONE_SOCIALE, direction: ASC }]) { nodes { idIntermediario } } }');
    expect(r.status).toBe(400);
    expect(r.body.errors[0].message).toContain('RAGIONE_SOCIALE');
    const direction = await gql(t.baseUrl, '{ entrate(orderBy: [{ field: ID_ENTRATA, direction: SIDEWAYS }]) { nodes { idEntrata } } }');
    expect(direction.status).toBe(400);
    expect(direction.body.errors[0].message).toContain('SIDEWAYS');
  });
});

describe('salvaX mutations', () => {
  const IBAN = 'IT02L1234512345123451111111';
  /** Each mutation with an input that creates a record, and the key its payload's record carries. */
  const cases: [mutation: string, input: Record<string, unknown>, key: string][] = [
    [
      'salvaIntermediario',
      {
        idIntermediario: '22222222222',
        denominazione: 'Partner',
        principalPagoPa: 'nodo2',
        servizioPagoPa: { urlRPT: 'https://nodo.example/pa' },
      },
      'idIntermediario',
    ],
    ['salvaStazione', { idIntermediario: '22222222222', idStazione: '22222222222_01', abilitato: true, versione: 'V2' }, 'idStazione'],
    [
      'salvaDominio',
      {
        idDominio: '77777777771',
        ragioneSociale: 'Comune Convenzioni',
        gln: '8088888000077',
        stazione: '11111111113_01',
        abilitato: true,
        scaricaFr: true,
      },
      'idDominio',
    ],
    ['salvaUnitaOperativa', { idDominio: DOMINIO, idUnita: 'UOCONV', ragioneSociale: 'Ufficio', abilitato: true }, 'idUnita'],
    ['salvaContoAccredito', { idDominio: DOMINIO, iban: 'IT60X0542811101000000123456', abilitato: true }, 'iban'],
    ['salvaEntrata', { idEntrata: 'CONV', descrizione: 'Convenzioni', tipoContabilita: 'ALTRO', codiceContabilita: '123' }, 'idEntrata'],
    ['salvaEntrataDominio', { idDominio: DOMINIO, idEntrata: 'CONV', ibanAccredito: IBAN, abilitato: true }, 'idEntrata'],
    ['salvaTipoPendenza', { idTipoPendenza: 'CONV', descrizione: 'Convenzioni', abilitato: true }, 'idTipoPendenza'],
    ['salvaTipoPendenzaDominio', { idDominio: DOMINIO, idTipoPendenza: 'CONV', abilitato: true }, 'idTipoPendenza'],
    ['salvaApplicazione', { idA2A: 'CONVA2A', principal: 'conv-a2a' }, 'idA2A'],
    ['salvaOperatore', { principal: 'conv-operatore', ragioneSociale: 'Operatore Convenzioni' }, 'principal'],
  ];

  it.each(cases)('%s creates, then updates, and says which', async (mutation, input, key) => {
    const type = mutation.slice('salva'.length);
    const field = `${type[0].toLowerCase()}${type.slice(1)}`;
    const salva = () =>
      gql(t.baseUrl, `mutation ($input: Salva${type}Input!) { ${mutation}(input: $input) { created ${field} { ${key} } } }`, { input });
    const created = await salva();
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data[mutation]).toEqual({ created: true, [field]: { [key]: input[key] } });
    expect((await salva()).body.data[mutation]).toEqual({ created: false, [field]: { [key]: input[key] } });
  });
});

describe('the Backoffice over the graph', () => {
  it('reads a page of 150 rows, beyond the graph page, whole and in order', async () => {
    const nuove = Array.from({ length: 150 }, (_, i) => `PAGINA${String(i).padStart(3, '0')}`);
    for (let i = 0; i < nuove.length; i += 10) {
      await Promise.all(
        nuove.slice(i, i + 10).map(async (idEntrata) => {
          const r = await call(t.baseUrl, 'PUT', `${BO}/entrate/${idEntrata}`, {
            body: { descrizione: `Entrata ${idEntrata}`, tipoContabilita: 'ALTRO', codiceContabilita: '123' },
          });
          expect(r.status).toBe(201);
        }),
      );
    }
    const tutte = (await call(t.baseUrl, 'GET', `${BO}/entrate?risultatiPerPagina=1000`)).body;
    expect(tutte.numRisultati).toBeGreaterThan(150);
    const attese = tutte.risultati.map((e: { idEntrata: string }) => e.idEntrata);
    expect(attese).toEqual([...attese].sort());

    const page1 = (await call(t.baseUrl, 'GET', `${BO}/entrate?risultatiPerPagina=150`)).body;
    expect(page1.risultati.map((e: { idEntrata: string }) => e.idEntrata)).toEqual(attese.slice(0, 150));
    expect(page1).toMatchObject({ numRisultati: tutte.numRisultati, numPagine: 2, risultatiPerPagina: 150, pagina: 1 });
    const page2 = (await call(t.baseUrl, 'GET', `${BO}/entrate?risultatiPerPagina=150&pagina=2`)).body;
    expect(page2.risultati.map((e: { idEntrata: string }) => e.idEntrata)).toEqual(attese.slice(150));

    const desc = (await call(t.baseUrl, 'GET', `${BO}/entrate?risultatiPerPagina=150&ordinamento=-idEntrata`)).body;
    expect(desc.risultati.map((e: { idEntrata: string }) => e.idEntrata)).toEqual([...attese].reverse().slice(0, 150));
  });
});
