import { z } from 'zod';
import { aclGovPay, type GraphAcl } from '../shared/acl';
import { aclInParole } from '../pendenze';
import { dateTimeParam, textParam, type Operation, list, custom } from '../shared/table';
import { flussoOperations, listaFlussi } from './flussi';
import { RISCOSSIONE_FIELDS, type GraphRiscossione } from './graph';
import { incassoIndexV1, incassoV1, riscossioneIndexV1, riscossioneV1 } from './incassi-json';
import { flussoIndex, rendicontazione, STATI_FLUSSO } from './json';
import { leggiRiconciliazione, leggiRiscossione, listaRiconciliazioni, registraRiconciliazione } from './operazioni';
import { ORDINAMENTO_RISCOSSIONI, riscossioniFilter } from './parametri';

/** API Ragioneria v1 (api-ragioneria-v1.yaml): incassi, riscossioni, flows and profilo in v1's shapes. */

const date = { dataDa: dateTimeParam().optional(), dataA: dateTimeParam(true).optional() };

/** v1 knows only the Ente's own riscossioni (ENTRATA, MBT), one type at a time. */
const riscossioniV1Query = {
  ...date,
  idDominio: textParam.optional(),
  idA2A: textParam.optional(),
  idPendenza: textParam.optional(),
  stato: z.enum(['RISCOSSA', 'INCASSATA']).optional(),
  tipo: z.enum(['ENTRATA', 'MBT']).optional(),
};

export const RAGIONERIA_V1: Operation[] = [
  list({
    path: '/riscossioni',
    query: riscossioniV1Query,
    field: 'riscossioni',
    filterType: 'RiscossioneFilter',
    orderType: 'RiscossioneOrder',
    selection: RISCOSSIONE_FIELDS,
    ordinamento: ORDINAMENTO_RISCOSSIONI,
    filter: (q) => riscossioniFilter({ ...q, tipo: q.tipo ? [q.tipo] : undefined }),
    map: (r: GraphRiscossione) => riscossioneIndexV1(r),
  }),
  leggiRiscossione(riscossioneV1),
  listaFlussi(flussoIndex, { ...date, idDominio: textParam.optional(), stato: z.enum(STATI_FLUSSO as [string, ...string[]]).optional() }),
  // v1 has no dominio in the flow's path: `{idFlusso}` and `{idFlusso}/{dataOraFlusso}` only.
  ...flussoOperations(
    (f, righe) => ({ ...flussoIndex(f), rendicontazioni: righe.map(rendicontazione) }),
    ['/flussiRendicontazione/:idFlusso', '/flussiRendicontazione/:idFlusso/:dataOraFlusso'],
  ),
  listaRiconciliazioni('/incassi', incassoIndexV1),
  registraRiconciliazione('/incassi/:idDominio', 'incasso', incassoV1, false),
  leggiRiconciliazione('/incassi/:idDominio/:idIncasso', incassoV1),
  custom({
    method: 'get',
    path: '/profilo',
    async run({ principal, graph }) {
      const data = await graph.run<{
        profilo: {
          nome: string;
          domini: Array<{ idDominio: string; ragioneSociale: string }>;
          acl: GraphAcl[];
        };
      }>('{ profilo { nome domini { idDominio ragioneSociale } acl { servizio autorizzazioni } } }', {}, principal);
      const { nome, domini, acl } = data.profilo;
      // The domini as the caller's profile names them: their whole index needs the Anagrafica right an applicazione rarely has.
      // v1's profilo lists entrate, a notion the hub keeps per dominio: none at the caller's level.
      return { status: 200, body: { nome, domini, entrate: [], acl: aclInParole(aclGovPay(acl)) } };
    },
  }),
];
