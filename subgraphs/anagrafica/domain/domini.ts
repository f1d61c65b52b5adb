import type { EntityManager } from '@mikro-orm/core';
import {
  ContoAccredito,
  Dominio,
  EntrataDominio,
  Stazione,
  TipoEntrata,
  TipoPendenza,
  TipoPendenzaDominio,
  UnitaOperativa,
  type Recapiti,
} from '../../../schema/entities';
import { compact } from '../../../core/compact';
import { errors } from '../../../core/errors';
import { saveConfiguration } from './revision';
import { contains, findPage, type Where } from '../../../core/find-page';
import { mapPage, type Page, type PageRequest } from '../../../core/paging';
import type { Principal } from '../../../core/principal';
import { parseInput } from '../../../core/validation';
import { authorizeDominio, authorize, visibleDomini } from './access';
import {
  contoAccreditoInput,
  dominioInput,
  entrataDominioInput,
  ids,
  LAYOUT_FIELDS,
  RECAPITI_FIELDS,
  tipoPendenzaDominioInput,
  unitaOperativaInput,
} from './inputs';
import type { Saved } from './intermediari';
import { configurazioniDomini, pageFrom, type Collezione, type ConfigurazioneDominio } from './configurazioni';
import {
  toContoAccreditoView,
  toDominioView,
  toEntrataDominioView,
  toTipoPendenzaDominioView,
  toUnitaOperativaView,
  type ContoAccreditoView,
  type DominioView,
  type EntrataDominioView,
  type TipoPendenzaDominioView,
  type UnitaOperativaView,
} from './views';

/* What each list can be sorted by: the graph's order field → the entity's property. */
export const DOMINI_ORDER = { RAGIONE_SOCIALE: 'ragioneSociale', ID_DOMINIO: 'idDominio' };
export const UNITA_ORDER = { RAGIONE_SOCIALE: 'ragioneSociale', ID_UNITA: 'idUnita' };
export const CONTI_ORDER = { IBAN: 'iban' };
export const ENTRATE_DOMINIO_ORDER = { ID_ENTRATA: 'tipoEntrata.idEntrata', DESCRIZIONE: 'tipoEntrata.descrizione' };
export const TIPI_PENDENZA_DOMINIO_ORDER = { DESCRIZIONE: 'tipoPendenza.descrizione', ID_TIPO_PENDENZA: 'tipoPendenza.idTipoPendenza' };

export interface DominiFilter {
  abilitato?: boolean | null;
  idStazione?: string | null;
  idDominio?: string | null;
  ragioneSociale?: string | null;
  intermediato?: boolean | null;
}

export interface DettaglioFilter {
  abilitato?: boolean | null;
  /** Matches ragione sociale, iban or descrizione, depending on the list. */
  testo?: string | null;
}

const CREDITORE = 'Anagrafica Creditore';

/** Domini (Enti Creditori) and what hangs off each: unità operative, conti, entrate, tipi pendenza. */
export class DominiService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  async list(filter: DominiFilter, page: PageRequest): Promise<Page<DominioView>> {
    authorize(this.actor, CREDITORE, 'R');
    const where: Where = {};
    const visible = visibleDomini(this.actor);
    if (visible) where.idDominio = { $in: visible };
    if (filter.idDominio) where.idDominio = visible && !visible.includes(filter.idDominio) ? { $in: [] } : filter.idDominio;
    if (filter.abilitato != null) where.abilitato = filter.abilitato;
    if (filter.intermediato != null) where.intermediato = filter.intermediato;
    if (filter.idStazione) where.stazione = filter.idStazione;
    if (filter.ragioneSociale) where.ragioneSociale = contains(filter.ragioneSociale);
    return mapPage(await findPage(this.em, Dominio, where, page), toDominioView);
  }

  async get(idDominio: string): Promise<DominioView> {
    return (await this.readable(idDominio)).dominio;
  }

  /** The dominio's logo (base64), kept apart because it can be large. */
  async logo(idDominio: string): Promise<string | undefined> {
    return (await this.readable(idDominio)).logo;
  }

  async save(idDominio: string, raw: unknown): Promise<Saved<DominioView>> {
    authorizeDominio(this.actor, CREDITORE, 'W', idDominio);
    parseInput(ids.dominio, idDominio, 'idDominio');
    const input = parseInput(dominioInput, raw);
    if (input.auxDigit === '3' && !input.segregationCode) {
      throw errors.unprocessable('SEMANTICA', `Il dominio ${idDominio} ha aux digit 3: il segregation code e' obbligatorio.`);
    }
    return saveConfiguration(this.em, async (em) => {
      const stazione = await em.findOne(Stazione, { idStazione: input.stazione });
      if (!stazione) throw errors.unprocessable('SEMANTICA', `La stazione ${input.stazione} indicata non esiste.`);
      const existing = await em.findOne(Dominio, { idDominio });
      const entity = existing ?? em.create(Dominio, { idDominio } as Dominio);
      Object.assign(entity, {
        ragioneSociale: input.ragioneSociale,
        recapiti: recapitiOf(input),
        gln: input.gln,
        cbill: input.cbill ?? null,
        iuvPrefix: input.iuvPrefix ?? null,
        stazione,
        auxDigit: input.auxDigit,
        segregationCode: input.segregationCode ?? null,
        abilitato: input.abilitato,
        autStampaPosteItaliane: input.autStampaPosteItaliane ?? null,
        area: input.area ?? null,
        intermediato: input.intermediato,
        scaricaFr: input.scaricaFr,
      });
      if (input.logo !== undefined) entity.logo = input.logo;
      if (input.urlRitorno !== undefined) entity.urlRitorno = input.urlRitorno;
      return { created: !existing, value: toDominioView(entity) };
    });
  }

  async listUnitaOperative(idDominio: string, filter: DettaglioFilter, page: PageRequest): Promise<Page<UnitaOperativaView>> {
    const cached = await this.fromCache(idDominio, filter, page, (c) => c.unitaOperative);
    if (cached) return cached;
    const where: Where = { dominio: idDominio };
    if (filter.abilitato != null) where.abilitato = filter.abilitato;
    if (filter.testo) where.ragioneSociale = contains(filter.testo);
    return mapPage(await findPage(this.em, UnitaOperativa, where, page), toUnitaOperativaView);
  }

  async getUnitaOperativa(idDominio: string, idUnita: string): Promise<UnitaOperativaView> {
    await this.readable(idDominio);
    const u = await this.em.findOne(UnitaOperativa, { dominio: { idDominio }, idUnita });
    if (!u) throw errors.notFound(`Unita' operativa ${idUnita} del dominio ${idDominio} inesistente.`);
    return toUnitaOperativaView(u);
  }

  async saveUnitaOperativa(idDominio: string, idUnita: string, raw: unknown): Promise<Saved<UnitaOperativaView>> {
    authorizeDominio(this.actor, CREDITORE, 'W', idDominio);
    parseInput(ids.unitaOperativa, idUnita, 'idUnitaOperativa');
    const input = parseInput(unitaOperativaInput, raw);
    return saveConfiguration(this.em, async (em) => {
      const dominio = await this.load(idDominio, em);
      const existing = await em.findOne(UnitaOperativa, { dominio, idUnita });
      const entity = existing ?? em.create(UnitaOperativa, { dominio, idUnita } as UnitaOperativa);
      Object.assign(entity, {
        ragioneSociale: input.ragioneSociale,
        recapiti: recapitiOf(input),
        area: input.area ?? null,
        abilitato: input.abilitato,
      });
      return { created: !existing, value: toUnitaOperativaView(entity) };
    });
  }

  async listContiAccredito(idDominio: string, filter: DettaglioFilter, page: PageRequest): Promise<Page<ContoAccreditoView>> {
    const cached = await this.fromCache(idDominio, filter, page, (c) => c.contiAccredito);
    if (cached) return cached;
    const where: Where = { dominio: idDominio };
    if (filter.abilitato != null) where.abilitato = filter.abilitato;
    if (filter.testo) where.iban = contains(filter.testo);
    return mapPage(await findPage(this.em, ContoAccredito, where, page), toContoAccreditoView);
  }

  async getContoAccredito(idDominio: string, iban: string): Promise<ContoAccreditoView> {
    await this.readable(idDominio);
    const c = await this.em.findOne(ContoAccredito, { dominio: { idDominio }, iban });
    if (!c) throw errors.notFound(`Iban di accredito ${iban} del dominio ${idDominio} inesistente.`);
    return toContoAccreditoView(c);
  }

  async saveContoAccredito(idDominio: string, iban: string, raw: unknown): Promise<Saved<ContoAccreditoView>> {
    authorizeDominio(this.actor, CREDITORE, 'W', idDominio);
    parseInput(ids.iban, iban, 'ibanAccredito');
    const input = parseInput(contoAccreditoInput, raw);
    return saveConfiguration(this.em, async (em) => {
      const dominio = await this.load(idDominio, em);
      const existing = await em.findOne(ContoAccredito, { dominio, iban });
      const entity = existing ?? em.create(ContoAccredito, { dominio, iban } as ContoAccredito);
      Object.assign(entity, {
        bic: input.bic ?? null,
        postale: input.postale,
        mybank: input.mybank,
        abilitato: input.abilitato,
        descrizione: input.descrizione ?? null,
        intestatario: input.intestatario ?? null,
        autStampaPosteItaliane: input.autStampaPosteItaliane ?? null,
      });
      return { created: !existing, value: toContoAccreditoView(entity) };
    });
  }

  async listEntrate(idDominio: string, filter: DettaglioFilter, page: PageRequest): Promise<Page<EntrataDominioView>> {
    const cached = await this.fromCache(idDominio, filter, page, (c) => c.entrate);
    if (cached) return cached;
    const where: Where = { dominio: idDominio };
    if (filter.abilitato != null) where.abilitato = filter.abilitato;
    if (filter.testo) where.tipoEntrata = { descrizione: contains(filter.testo) };
    const populate = ['tipoEntrata', 'ibanAccredito', 'ibanAppoggio'] as never[];
    return mapPage(await findPage(this.em, EntrataDominio, where, page, { populate }), toEntrataDominioView);
  }

  async getEntrata(idDominio: string, idEntrata: string): Promise<EntrataDominioView> {
    await this.readable(idDominio);
    const e = await this.em.findOne(
      EntrataDominio,
      { dominio: { idDominio }, tipoEntrata: { idEntrata } },
      { populate: ['tipoEntrata', 'ibanAccredito', 'ibanAppoggio'] },
    );
    if (!e) throw errors.notFound(`Entrata ${idEntrata} del dominio ${idDominio} inesistente.`);
    return toEntrataDominioView(e);
  }

  async saveEntrata(idDominio: string, idEntrata: string, raw: unknown): Promise<Saved<EntrataDominioView>> {
    authorizeDominio(this.actor, CREDITORE, 'W', idDominio);
    parseInput(ids.entrata, idEntrata, 'idEntrata');
    const input = parseInput(entrataDominioInput, raw);
    return saveConfiguration(this.em, async (em) => {
      const dominio = await this.load(idDominio, em);
      const tipoEntrata = await em.findOne(TipoEntrata, { idEntrata });
      if (!tipoEntrata)
        throw errors.unprocessable('SEMANTICA', `L'entrata ${idEntrata} non e' censita: censirla prima con PUT /entrate/${idEntrata}.`);
      const conto = async (iban: string, ruolo: string) => {
        const c = await em.findOne(ContoAccredito, { dominio, iban });
        if (!c) throw errors.unprocessable('SEMANTICA', `L'iban di ${ruolo} ${iban} non e' censito per il dominio ${idDominio}.`);
        return c;
      };
      const ibanAccredito = await conto(input.ibanAccredito, 'accredito');
      const ibanAppoggio = input.ibanAppoggio ? await conto(input.ibanAppoggio, 'appoggio') : null;
      const existing = await em.findOne(EntrataDominio, { dominio, tipoEntrata });
      const entity = existing ?? em.create(EntrataDominio, { dominio, tipoEntrata } as EntrataDominio);
      Object.assign(entity, {
        ibanAccredito,
        ibanAppoggio,
        tipoContabilita: input.tipoContabilita ?? null,
        codiceContabilita: input.codiceContabilita ?? null,
        abilitato: input.abilitato,
      });
      return { created: !existing, value: toEntrataDominioView(entity) };
    });
  }

  async listTipiPendenza(idDominio: string, filter: DettaglioFilter, page: PageRequest): Promise<Page<TipoPendenzaDominioView>> {
    const cached = await this.fromCache(idDominio, filter, page, (c) => c.tipiPendenza);
    if (cached) return cached;
    const where: Where = { dominio: idDominio };
    if (filter.abilitato != null) where.abilitato = filter.abilitato;
    if (filter.testo) where.tipoPendenza = { descrizione: contains(filter.testo) };
    const populate = ['tipoPendenza'] as never[];
    return mapPage(await findPage(this.em, TipoPendenzaDominio, where, page, { populate }), toTipoPendenzaDominioView);
  }

  async getTipoPendenza(idDominio: string, idTipoPendenza: string): Promise<TipoPendenzaDominioView> {
    await this.readable(idDominio);
    const t = await this.em.findOne(
      TipoPendenzaDominio,
      { dominio: { idDominio }, tipoPendenza: { idTipoPendenza } },
      { populate: ['tipoPendenza'] },
    );
    if (!t) throw errors.notFound(`Tipo pendenza ${idTipoPendenza} del dominio ${idDominio} inesistente.`);
    return toTipoPendenzaDominioView(t);
  }

  async saveTipoPendenza(idDominio: string, idTipoPendenza: string, raw: unknown): Promise<Saved<TipoPendenzaDominioView>> {
    authorizeDominio(this.actor, CREDITORE, 'W', idDominio);
    parseInput(ids.tipoPendenza, idTipoPendenza, 'idTipoPendenza');
    const input = parseInput(tipoPendenzaDominioInput, raw);
    return saveConfiguration(this.em, async (em) => {
      const dominio = await this.load(idDominio, em);
      const tipoPendenza = await em.findOne(TipoPendenza, { idTipoPendenza });
      if (!tipoPendenza) {
        throw errors.unprocessable(
          'SEMANTICA',
          `Il tipo pendenza ${idTipoPendenza} non e' censito: censirlo prima con PUT /tipiPendenza/${idTipoPendenza}.`,
        );
      }
      const existing = await em.findOne(TipoPendenzaDominio, { dominio, tipoPendenza });
      const entity = existing ?? em.create(TipoPendenzaDominio, { dominio, tipoPendenza } as TipoPendenzaDominio);
      Object.assign(entity, {
        codificaIUV: input.codificaIUV ?? null,
        pagaTerzi: input.pagaTerzi ?? null,
        abilitato: input.abilitato,
        layout: layoutOf(input),
      });
      return { created: !existing, value: toTipoPendenzaDominioView(entity) };
    });
  }

  /** A page of a collection from the cached configuration, when it holds that page (no filter, the default order). */
  private async fromCache<T>(
    idDominio: string,
    filter: DettaglioFilter,
    page: PageRequest,
    collection: (c: ConfigurazioneDominio) => Collezione<T>,
  ): Promise<Page<T> | undefined> {
    const c = await this.readable(idDominio);
    const unfiltered = filter.abilitato == null && !filter.testo;
    return unfiltered ? pageFrom(collection(c), page) : undefined;
  }

  /** The dominio's configuration, as of the anagrafica's current revision: 404 when there is no such dominio. */
  private async readable(idDominio: string): Promise<ConfigurazioneDominio> {
    authorizeDominio(this.actor, CREDITORE, 'R', idDominio);
    const c = await configurazioniDomini(this.em).get(this.em, idDominio);
    if (!c) throw errors.notFound(`Dominio ${idDominio} inesistente.`);
    return c;
  }

  private async load(idDominio: string, em: EntityManager = this.em): Promise<Dominio> {
    const d = await em.findOne(Dominio, { idDominio });
    if (!d) throw errors.notFound(`Dominio ${idDominio} inesistente.`);
    return d;
  }
}

export function recapitiOf(input: Partial<Record<keyof Recapiti, string | null | undefined>>): Recapiti | null {
  const r = compact(Object.fromEntries(RECAPITI_FIELDS.map((k) => [k, input[k]])));
  return Object.keys(r).length ? (r as Recapiti) : null;
}

export function layoutOf(input: Record<string, unknown>): Record<string, unknown> | null {
  const l = compact(Object.fromEntries(LAYOUT_FIELDS.map((k) => [k, input[k]])));
  return Object.keys(l).length ? l : null;
}
