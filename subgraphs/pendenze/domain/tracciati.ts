import { EventEmitter } from 'node:events';
import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import {
  Dominio,
  OperazioneTracciato,
  ParteTracciato,
  TracciatoPendenze,
  type EsitoOperazione,
  type StatoOperazione,
  type StatoTracciato,
  type TipoOperazione,
} from '../../../schema/entities';
import { errors } from '../../../core/errors';
import { findPage, type Where } from '../../../core/find-page';
import { perDatabase } from '../../../core/per-database';
import { mapPage, type Page, type PageRequest } from '../../../core/paging';
import { inScope, requireRight, type Principal } from '../../../core/principal';
import { RowInserter } from '../../../core/row-inserter';
import { transaction } from '../../../core/transaction';
import { parseInput } from '../../../core/validation';
import { ids } from './inputs';

/** The most rows one tracciato may have; larger loads are split into several tracciati. */
export const MAX_OPERAZIONI = 200_000;

/** Tells this instance's worker that a tracciato is waiting, so that it starts before its next poll. */
export const tracciatiSignal = (em: EntityManager): EventEmitter => perDatabase(em, 'pendenze.tracciati', () => new EventEmitter());

/** A stored part holds at most this many uploaded rows, and about this many characters of them. */
const RIGHE_PER_PARTE = 1000;
const CARATTERI_PER_PARTE = 4_000_000;

/** The graph's order fields of the tracciati and of a tracciato's rows, as the entities'. */
export const TRACCIATI_ORDER = { DATA_ORA_CARICAMENTO: 'dataCaricamento', NUMERO: 'id', STATO: 'stato' } as const;
export const OPERAZIONI_ORDER = { NUMERO: 'numero' } as const;

/**
 * GovPay's tracciatoPendenzePost. Rows are only required to be JSON objects here: each is checked
 * on its own when processed, so one bad row never stops the others.
 */
const tracciatoPost = z.object({
  idTracciato: z.string().min(1).max(255),
  idDominio: ids.idDominio.nullish(),
  inserimenti: z.array(z.record(z.string(), z.unknown())).nullish(),
  annullamenti: z.array(z.record(z.string(), z.unknown())).nullish(),
});

export interface TracciatoView {
  id: number;
  idTracciato: string;
  nomeFile: string;
  idDominio: string;
  stato: StatoTracciato;
  descrizioneStato?: string;
  numeroOperazioniTotali: number;
  numeroOperazioniEseguite: number;
  numeroOperazioniFallite: number;
  /** Rows processed so far, ok or failed: the progress of a tracciato IN_ELABORAZIONE. */
  numeroOperazioniElaborate: number;
  operatoreMittente: string;
  dataOraCaricamento: Date;
  dataOraUltimoAggiornamento: Date;
  dataOraCompletamento?: Date;
  stampaAvvisi: boolean;
}

export interface OperazioneView {
  numero: number;
  tipoOperazione: TipoOperazione;
  stato: StatoOperazione;
  esito: EsitoOperazione;
  descrizioneEsito: string;
  idA2A?: string;
  idPendenza?: string;
  numeroAvviso?: string;
  richiesta: unknown;
  dati?: Record<string, unknown>;
}

export interface TracciatiFilter {
  idDominio?: string | null;
  stato?: string | null;
}

export interface OperazioniFilter {
  tipoOperazione?: TipoOperazione | null;
  esito?: EsitoOperazione | null;
}

const orUndefined = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

export const toTracciatoView = (t: TracciatoPendenze): TracciatoView => ({
  id: t.id,
  idTracciato: t.idTracciato,
  nomeFile: t.nomeFile,
  idDominio: t.dominio.idDominio,
  stato: t.stato,
  descrizioneStato: orUndefined(t.descrizioneStato),
  numeroOperazioniTotali: t.operazioniTotali,
  numeroOperazioniEseguite: t.operazioniEseguite,
  numeroOperazioniFallite: t.operazioniFallite,
  numeroOperazioniElaborate: t.prossimaOperazione - 1,
  operatoreMittente: t.operatoreMittente,
  dataOraCaricamento: t.dataCaricamento,
  dataOraUltimoAggiornamento: t.updatedAt,
  dataOraCompletamento: orUndefined(t.dataCompletamento),
  stampaAvvisi: t.stampaAvvisi,
});

export const toOperazioneView = (o: OperazioneTracciato): OperazioneView => ({
  numero: o.numero,
  tipoOperazione: o.tipo,
  stato: o.stato,
  esito: o.esito,
  descrizioneEsito: o.descrizioneEsito,
  idA2A: orUndefined(o.idA2A),
  idPendenza: orUndefined(o.idPendenza),
  numeroAvviso: orUndefined(o.numeroAvviso),
  richiesta: o.richiesta,
  dati: orUndefined(o.dati),
});

/** The rows, serialized, in parts small enough for any database's packet limit. */
function* split(righe: unknown[]): Generator<{ prima: number; righe: string[] }> {
  let parte: string[] = [];
  let size = 0;
  let prima = 1;
  for (let i = 0; i < righe.length; i++) {
    const json = JSON.stringify(righe[i]);
    if (parte.length && (parte.length >= RIGHE_PER_PARTE || size + json.length > CARATTERI_PER_PARTE)) {
      yield { prima, righe: parte };
      prima = i + 1;
      parte = [];
      size = 0;
    }
    parte.push(json);
    size += json.length + 1;
  }
  if (parte.length) yield { prima, righe: parte };
}

/** Bulk loads of pendenze: upload (stored at once, processed in the background) and their outcomes. */
export class TracciatiService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  /**
   * Stores a tracciato and its rows in one transaction, IN_ATTESA; a worker takes it from there.
   * `idDominio` from the path wins over the body's; `idTipoPendenza` applies to rows naming none.
   */
  async upload(
    raw: unknown,
    opts: { nomeFile?: string | null; stampaAvvisi: boolean; idDominio?: string | null; idTipoPendenza?: string | null },
  ) {
    requireRight(this.actor, 'Pendenze', 'W');
    const body = parseInput(tracciatoPost, raw);
    const idDominio = opts.idDominio ?? body.idDominio;
    if (!idDominio) throw errors.syntax('Il campo idDominio non deve essere vuoto.');
    parseInput(ids.idDominio, idDominio, 'idDominio');
    if (!inScope(this.actor.domini, idDominio)) {
      throw errors.forbidden(`Il chiamante non e' autorizzato a caricare tracciati per il dominio ${idDominio}.`);
    }
    const righe = [...(body.inserimenti ?? []), ...(body.annullamenti ?? [])];
    if (!righe.length) throw errors.syntax('Il tracciato non contiene operazioni: indicare inserimenti o annullamenti.');
    if (righe.length > MAX_OPERAZIONI) {
      throw errors.syntax(`Il tracciato contiene ${righe.length} operazioni: al massimo ${MAX_OPERAZIONI} per tracciato.`);
    }
    if (opts.idTipoPendenza) parseInput(ids.idTipoPendenza, opts.idTipoPendenza, 'idTipoPendenza');
    const dominio = await this.em.findOne(Dominio, { idDominio });
    if (!dominio) throw errors.unprocessable('DOM_000', `Dominio (${idDominio}) inesistente`);

    const id = await transaction(this.em, async (em) => {
      const t = em.create(TracciatoPendenze, {
        idTracciato: body.idTracciato,
        nomeFile: opts.nomeFile || `${body.idTracciato}.json`,
        // A reference in the transaction's own fork: `dominio` was read by another EntityManager.
        dominio: em.getReference(Dominio, dominio.idDominio),
        idTipoPendenza: opts.idTipoPendenza ?? null,
        stato: 'IN_ATTESA',
        caricatoDa: this.actor as unknown as Record<string, unknown>,
        operatoreMittente: this.actor.nome,
        stampaAvvisi: opts.stampaAvvisi,
        operazioniTotali: righe.length,
        inserimenti: body.inserimenti?.length ?? 0,
        dataCaricamento: new Date(),
      } as TracciatoPendenze);
      await em.flush();
      const parti = new RowInserter(em, ParteTracciato, ['tracciato', 'primaOperazione', 'righe', 'contenuto']);
      for (const parte of split(righe)) {
        await parti.insert(em, [
          { tracciato: t.id, primaOperazione: parte.prima, righe: parte.righe.length, contenuto: `[${parte.righe.join(',')}]` },
        ]);
      }
      return t.id;
    });
    tracciatiSignal(this.em).emit('caricato', id);
    return this.get(id);
  }

  async get(id: number): Promise<TracciatoView> {
    return toTracciatoView(await this.load(id));
  }

  async list(filter: TracciatiFilter, page: PageRequest): Promise<Page<TracciatoView>> {
    requireRight(this.actor, 'Pendenze', 'R');
    const where: Where = {};
    const domini = this.actor.domini === '*' ? undefined : this.actor.domini;
    if (domini) where.dominio = { $in: domini };
    if (filter.idDominio) where.dominio = domini && !domini.includes(filter.idDominio) ? { $in: [] } : filter.idDominio;
    if (filter.stato) where.stato = filter.stato;
    return mapPage(await findPage(this.em, TracciatoPendenze, where, page), toTracciatoView);
  }

  /** The tracciato as it was uploaded: GovPay's tracciatoPendenzePost. */
  async richiesta(id: number): Promise<{ idTracciato: string; idDominio: string; inserimenti: unknown[]; annullamenti: unknown[] }> {
    const t = await this.load(id);
    const parti = await this.em.find(ParteTracciato, { tracciato: t }, { orderBy: { primaOperazione: 'ASC' }, populate: ['contenuto'] });
    const righe = parti.flatMap((p) => JSON.parse(p.contenuto) as unknown[]);
    return {
      idTracciato: t.idTracciato,
      idDominio: t.dominio.idDominio,
      inserimenti: righe.slice(0, t.inserimenti),
      annullamenti: righe.slice(t.inserimenti),
    };
  }

  /** The outcome of every row processed so far, inserimenti and annullamenti apart. */
  async esito(id: number): Promise<{ inserimenti: OperazioneView[]; annullamenti: OperazioneView[] }> {
    const t = await this.load(id);
    const ops = (await this.em.find(OperazioneTracciato, { tracciato: t }, { orderBy: { numero: 'ASC' } })).map(toOperazioneView);
    return { inserimenti: ops.filter((o) => o.numero <= t.inserimenti), annullamenti: ops.filter((o) => o.numero > t.inserimenti) };
  }

  async operazioni(id: number, filter: OperazioniFilter, page: PageRequest): Promise<Page<OperazioneView>> {
    const t = await this.load(id);
    const where: Where = { tracciato: t.id };
    if (filter.tipoOperazione) where.tipo = filter.tipoOperazione;
    if (filter.esito) where.esito = filter.esito;
    return mapPage(await findPage(this.em, OperazioneTracciato, where, page), toOperazioneView);
  }

  private async load(id: number): Promise<TracciatoPendenze> {
    requireRight(this.actor, 'Pendenze', 'R');
    const t = await this.em.findOne(TracciatoPendenze, { id });
    if (!t) throw errors.notFound(`Tracciato ${id} inesistente.`);
    if (!inScope(this.actor.domini, t.dominio.idDominio))
      throw errors.forbidden(`Il chiamante non e' autorizzato a consultare il tracciato ${id}.`);
    return t;
  }
}
