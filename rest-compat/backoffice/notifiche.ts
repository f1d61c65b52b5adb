import { z } from 'zod';
import { errors } from '../../core/errors';
import { requireRight } from '../../core/principal';
import { romeDateTime } from '../../core/rome-time';
import { parseInput } from '../../core/validation';
import { listEnvelope, parsePaging } from '../shared/paging';
import { custom, dateTimeParam, list, type Operation } from '../shared/table';

/**
 * The Backoffice's notifications to the Ente's systems (GET /notifiche: the hub's outbox jobs that
 * deliver receipts), its reminders (GET /promemoria: the hub sends no e-mail reminders, so none)
 * and its payment notification files (GET /tracciatiNotificaPagamenti/{id}: the hub makes none).
 */

interface GraphNotifica {
  tipo: string;
  stato: string;
  descrizioneStato?: string | null;
  tentativi: number;
  dataCreazione: string;
  dataAggiornamento: string;
  dataProssimaSpedizione?: string | null;
  rpp?: { pendenza?: { idA2A: string } | null } | null;
}

const STATI_NOTIFICA = ['SPEDITA', 'DA_SPEDIRE', 'ANNULLATA'] as const;
const TIPI_NOTIFICA = ['ATTIVAZIONE', 'RICEVUTA', 'ANNULLAMENTO', 'FALLIMENTO'] as const;
const STATI_PROMEMORIA = ['SPEDITO', 'DA_SPEDIRE', 'ANNULLATO', 'FALLITO'] as const;
const TIPI_PROMEMORIA = ['AVVISO_PAGAMENTO', 'SCADENZA_AVVISO_PAGAMENTO', 'RICEVUTA_TELEMATICA'] as const;

const notificaIndex = (n: GraphNotifica) => ({
  tipo: n.tipo,
  dataCreazione: romeDateTime(n.dataCreazione),
  stato: n.stato,
  ...(n.descrizioneStato ? { descrizioneStato: n.descrizioneStato } : {}),
  dataUltimoAggiornamento: romeDateTime(n.dataAggiornamento),
  ...(n.dataProssimaSpedizione ? { dataProssimaSpedizione: romeDateTime(n.dataProssimaSpedizione) } : {}),
  numeroTentativi: n.tentativi,
  ...(n.rpp?.pendenza ? { idA2A: n.rpp.pendenza.idA2A } : {}),
});

const promemoriaQuery = z.object({
  dataDa: dateTimeParam().optional(),
  dataA: dateTimeParam(true).optional(),
  stato: z.enum(STATI_PROMEMORIA).optional(),
  tipo: z.enum(TIPI_PROMEMORIA).optional(),
});

/** A tracciato's id: GovPay's int64. */
const idTracciato = z.string().regex(/^\d{1,18}$/, 'Il parametro id deve essere un numero intero.');

export const BACKOFFICE_NOTIFICHE: Operation[] = [
  list({
    path: '/notifiche',
    query: {
      dataDa: dateTimeParam().optional(),
      dataA: dateTimeParam(true).optional(),
      stato: z.enum(STATI_NOTIFICA).optional(),
      tipo: z.enum(TIPI_NOTIFICA).optional(),
    },
    field: 'notifiche',
    filterType: 'NotificaFilter',
    orderType: 'NotificaOrder',
    selection: 'tipo stato descrizioneStato tentativi dataCreazione dataAggiornamento dataProssimaSpedizione rpp { pendenza { idA2A } }',
    ordinamento: { dataCreazione: 'DATA_CREAZIONE', dataProssimaSpedizione: 'DATA_PROSSIMA_SPEDIZIONE' },
    filter: (q) => ({ dataDa: q.dataDa, dataA: q.dataA, stato: q.stato ? [q.stato] : undefined, tipo: q.tipo ? [q.tipo] : undefined }),
    map: notificaIndex,
  }),
  custom({
    method: 'get',
    path: '/promemoria',
    // The filters are checked as GovPay checks them; the hub sends no reminders, so none ever matches.
    async run({ req, principal }) {
      requireRight(principal, 'Configurazione e manutenzione', 'R');
      parseInput(promemoriaQuery, { ...(req.query as Record<string, unknown>) });
      const paging = parsePaging(req);
      const nessuno = { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false } };
      return { status: 200, body: listEnvelope(req, paging, nessuno, (n: never) => n) };
    },
  }),
  custom({
    method: 'get',
    path: '/tracciatiNotificaPagamenti/:id',
    // Open to any authenticated caller, as in GovPay (the secID is the file's key); the hub produces no such files.
    async run({ params }) {
      const id = parseInput(idTracciato, params.id, 'id');
      throw errors.notFound(`Tracciato ${id} inesistente.`);
    },
  }),
];
