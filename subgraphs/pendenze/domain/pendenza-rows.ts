import { randomUUID } from 'node:crypto';
import type { EntityManager, Transaction } from '@mikro-orm/core';
import { AllegatoPendenza, Pendenza, VocePendenza, type Soggetto, type TipoVoce } from '../../../schema/entities';
import { compact } from '../../../core/compact';
import { perDatabase } from '../../../core/per-database';
import { RowInserter, type Row } from '../../../core/row-inserter';
import { retryTransient } from '../../../core/transaction';
import { enqueue, type NuovoJob } from '../../../schema/outbox';
import { anagraficaRevision } from '../../anagrafica/services';
import type { NuovaPendenzaInput, VoceInput } from './inputs';
import type { NumeroAvviso } from './numero-avviso';
import type { AllegatoView, PendenzaFields, PendenzaRefs, VoceFields } from './views';

/** What a pendenza's columns become from a checked NuovaPendenza, on creation and on update alike. */
export function pendenzaFields(input: NuovaPendenzaInput, numero: NumeroAvviso) {
  return {
    numeroAvviso: numero.numeroAvviso,
    iuv: numero.iuv,
    stato: 'NON_ESEGUITA' as const,
    causale: input.causale,
    importoCents: input.importo,
    soggettoPagatore: compact(input.soggettoPagatore) as Soggetto,
    idDebitore: input.soggettoPagatore.identificativo,
    dataValidita: input.dataValidita ?? null,
    dataScadenza: input.dataScadenza ?? null,
    annoRiferimento: input.annoRiferimento ?? null,
    cartellaPagamento: input.cartellaPagamento ?? null,
    tassonomia: input.tassonomia ?? null,
    tassonomiaAvviso: input.tassonomiaAvviso ?? null,
    direzione: input.direzione ?? null,
    divisione: input.divisione ?? null,
    documento: input.documento ? compact(input.documento) : null,
    idDocumento: input.documento?.identificativo ?? null,
    datiAllegati: input.datiAllegati ?? null,
    proprieta: input.proprieta ?? null,
  };
}

/** A voce's columns: its kind is told by what it carries (bollo, IBAN, else an entrata). */
export function voceFields(v: VoceInput, indice: number, iban: string | null): VoceFields {
  const tipo: TipoVoce = v.tipoBollo ? 'BOLLO' : v.ibanAccredito ? 'IBAN' : 'ENTRATA';
  return {
    indice,
    idVocePendenza: v.idVocePendenza,
    importoCents: v.importo,
    descrizione: v.descrizione,
    descrizioneCausaleRPT: v.descrizioneCausaleRPT ?? null,
    stato: 'NON_ESEGUITO',
    tipo,
    idDominio: v.idDominio ?? null,
    codEntrata: v.codEntrata ?? null,
    ibanAccredito: iban,
    ibanAppoggio: v.ibanAppoggio ?? null,
    tipoContabilita: v.tipoContabilita ?? null,
    codiceContabilita: v.codiceContabilita ?? null,
    tipoBollo: v.tipoBollo ?? null,
    hashDocumento: v.hashDocumento ?? null,
    provinciaResidenza: v.provinciaResidenza ?? null,
    contabilita: v.contabilita ?? null,
    metadata: v.metadata ?? null,
    datiAllegati: v.datiAllegati ?? null,
  };
}

/** A new pendenza as rows: written by the fast insert path, and shown by its view without a re-read. */
export interface NewPendenza {
  fields: PendenzaFields;
  keys: { idA2A: string; dominio: string; tipoPendenza: string; unitaOperativa: number | null };
  voci: VoceFields[];
  allegati: Array<{ nome: string; tipo: string; descrizione: string | null; contenuto: Buffer }>;
}

/** The files of a NuovaPendenza, decoded from base64. */
export function allegatiOf(input: NuovaPendenzaInput): NewPendenza['allegati'] {
  return (input.allegati ?? []).map((a) => ({
    nome: a.nome,
    tipo: a.tipo ?? 'application/octet-stream',
    descrizione: a.descrizione ?? null,
    contenuto: Buffer.from(a.contenuto, 'base64'),
  }));
}

export function newPendenza(
  p: { idA2A: string; idPendenza: string; input: NuovaPendenzaInput; ibanOf: Map<VoceInput, string | null>; unita: { id: number } | null },
  numero: NumeroAvviso,
  now = new Date(),
): NewPendenza {
  return {
    fields: {
      idPendenza: p.idPendenza,
      uuid: randomUUID(),
      dataCaricamento: now,
      descrizioneStato: null,
      anomalo: false,
      ack: false,
      note: null,
      dataPagamento: null,
      ...pendenzaFields(p.input, numero),
    },
    keys: { idA2A: p.idA2A, dominio: p.input.idDominio, tipoPendenza: p.input.idTipoPendenza, unitaOperativa: p.unita?.id ?? null },
    voci: p.input.voci.map((v, i) => voceFields(v, i + 1, p.ibanOf.get(v) ?? null)),
    allegati: allegatiOf(p.input),
  };
}

const PENDENZA_COLUMNS = [
  'applicazione',
  'idPendenza',
  'dominio',
  'unitaOperativa',
  'tipoPendenza',
  'numeroAvviso',
  'iuv',
  'stato',
  'descrizioneStato',
  'anomalo',
  'ack',
  'note',
  'causale',
  'importoCents',
  'soggettoPagatore',
  'idDebitore',
  'dataCaricamento',
  'dataValidita',
  'dataScadenza',
  'dataPagamento',
  'annoRiferimento',
  'cartellaPagamento',
  'tassonomia',
  'tassonomiaAvviso',
  'direzione',
  'divisione',
  'documento',
  'idDocumento',
  'datiAllegati',
  'proprieta',
  'uuid',
  'createdAt',
  'updatedAt',
] as const;
const VOCE_COLUMNS = [
  'pendenza',
  'indice',
  'idVocePendenza',
  'importoCents',
  'descrizione',
  'descrizioneCausaleRPT',
  'stato',
  'tipo',
  'idDominio',
  'codEntrata',
  'ibanAccredito',
  'ibanAppoggio',
  'tipoContabilita',
  'codiceContabilita',
  'tipoBollo',
  'hashDocumento',
  'provinciaResidenza',
  'contabilita',
  'metadata',
  'datiAllegati',
  'createdAt',
  'updatedAt',
] as const;
const ALLEGATO_COLUMNS = ['pendenza', 'nome', 'tipo', 'descrizione', 'contenuto', 'createdAt', 'updatedAt'] as const;

/** The compiled INSERTs of pendenze, voci and allegati, built once per database. */
export class PendenzaInserts {
  readonly pendenze: RowInserter<Pendenza>;
  readonly voci: RowInserter<VocePendenza>;
  readonly allegati: RowInserter<AllegatoPendenza>;

  constructor(em: EntityManager) {
    this.pendenze = new RowInserter(em, Pendenza, PENDENZA_COLUMNS);
    this.voci = new RowInserter(em, VocePendenza, VOCE_COLUMNS);
    this.allegati = new RowInserter(em, AllegatoPendenza, ALLEGATO_COLUMNS);
  }

  pendenzaRow(p: NewPendenza): Row<Pendenza> {
    const { idA2A, dominio, tipoPendenza, unitaOperativa } = p.keys;
    const at = p.fields.dataCaricamento;
    return { ...p.fields, applicazione: idA2A, dominio, tipoPendenza, unitaOperativa, createdAt: at, updatedAt: at };
  }

  /** The voci of many pendenze, once their ids are known, in one statement. */
  async insertVoci(em: EntityManager, items: Array<{ id: number; p: NewPendenza }>, ctx: Transaction): Promise<void> {
    const at = (p: NewPendenza) => ({ createdAt: p.fields.dataCaricamento, updatedAt: p.fields.dataCaricamento });
    await this.voci.insert(
      em,
      items.flatMap(({ id, p }) => p.voci.map((v) => ({ ...v, pendenza: id, ...at(p) }))),
      ctx,
    );
  }

  /**
   * One new pendenza with its voci and allegati, and the outbox's `jobs`, in one transaction; a key
   * or number already taken raises the database's unique violation. With `revision` (the anagrafica
   * revision its references were checked against), the transaction reads the current revision
   * alongside the first inserts and rolls back with StaleReferences when it moved. Returns the
   * allegati with their new ids.
   */
  async insertOne(em: EntityManager, p: NewPendenza, jobs: NuovoJob[], revision?: number): Promise<AllegatoView[]> {
    return retryTransient(() =>
      em.getConnection().transactional(async (ctx) => {
        // Sent together, the read first: the insert does not wait for it (MariaDB's connector
        // pipelines them on the transaction's connection). Only a read may precede a write so: a
        // write that failed with a deadlock ends the transaction, and a write sent after it would
        // run, and commit, on its own.
        const [current, id] = await allEnded([
          revision === undefined ? undefined : anagraficaRevision(onTransaction(em, ctx)),
          this.pendenze.insert(em, [this.pendenzaRow(p)], ctx),
        ]);
        if (current !== undefined && current !== revision) throw new StaleReferences(current);
        await this.insertVoci(em, [{ id, p }], ctx);
        const allegati: AllegatoView[] = [];
        for (const a of p.allegati) {
          const row = { ...a, pendenza: id, createdAt: p.fields.dataCaricamento, updatedAt: p.fields.dataCaricamento };
          const allegatoId = await this.allegati.insert(em, [row], ctx);
          allegati.push({ id: allegatoId, nome: a.nome, tipo: a.tipo, descrizione: a.descrizione ?? undefined });
        }
        await enqueue(em, jobs, ctx);
        return allegati;
      }),
    );
  }
}

/** The anagrafica changed after a pendenza's references were checked: nothing was written. */
export class StaleReferences extends Error {
  constructor(readonly revision: number) {
    super(`anagrafica revision moved to ${revision}`);
  }
}

/** The results of work started together, once every piece has ended; the first failure, if any, is thrown. */
async function allEnded<T extends readonly unknown[] | []>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const outcomes = (await Promise.allSettled(work)) as PromiseSettledResult<unknown>[];
  const values = outcomes.map((o) => {
    if (o.status === 'rejected') throw o.reason;
    return o.value;
  });
  return values as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** An EntityManager whose raw statements run in the transaction `ctx`. */
function onTransaction(em: EntityManager, ctx: Transaction): EntityManager {
  const tx = em.fork();
  tx.setTransactionContext(ctx);
  return tx;
}

export const pendenzaInserts = (em: EntityManager): PendenzaInserts => perDatabase(em, 'pendenze.inserts', () => new PendenzaInserts(em));

/** The view's references of a new pendenza, from what was checked before writing it. */
export function newPendenzaRefs(
  p: NewPendenza,
  labels: Pick<PendenzaRefs, 'ragioneSocialeDominio' | 'unitaOperativa'>,
  allegati: AllegatoView[] = [],
): PendenzaRefs {
  return {
    idA2A: p.keys.idA2A,
    idTipoPendenza: p.keys.tipoPendenza,
    idDominio: p.keys.dominio,
    ...labels,
    voci: p.voci,
    allegati,
  };
}
