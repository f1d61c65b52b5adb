import type { EntityManager } from '@mikro-orm/core';
import { Intermediario, Stazione } from '../../../schema/entities';
import { compact } from '../../../core/compact';
import { errors } from '../../../core/errors';
import { saveConfiguration } from './revision';
import { findPage, type Where } from '../../../core/find-page';
import { mapPage, type Page, type PageRequest } from '../../../core/paging';
import { hashPassword } from '../../../core/passwords';
import type { Principal } from '../../../core/principal';
import { parseInput } from '../../../core/validation';
import { authorize } from './access';
import { ids, intermediarioInput, stazioneInput } from './inputs';
import { keepSecrets } from './secrets';
import { toIntermediarioView, toStazioneView, type IntermediarioView, type StazioneView } from './views';

/* What each list can be sorted by: the graph's order field → the entity's property. */
export const INTERMEDIARI_ORDER = { DENOMINAZIONE: 'denominazione', ID_INTERMEDIARIO: 'idIntermediario' };
export const STAZIONI_ORDER = { ID_STAZIONE: 'idStazione' };

export interface Saved<T> {
  created: boolean;
  value: T;
}

/** Intermediari and their stazioni: the pagoPA side of the anagrafica ("Anagrafica PagoPA"). */
export class IntermediariService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  async list(filter: { abilitato?: boolean | null }, page: PageRequest): Promise<Page<IntermediarioView>> {
    authorize(this.actor, 'Anagrafica PagoPA', 'R');
    const where: Where = {};
    if (filter.abilitato != null) where.abilitato = filter.abilitato;
    return mapPage(await findPage(this.em, Intermediario, where, page), toIntermediarioView);
  }

  async get(idIntermediario: string): Promise<IntermediarioView> {
    authorize(this.actor, 'Anagrafica PagoPA', 'R');
    return toIntermediarioView(await this.load(idIntermediario));
  }

  async save(idIntermediario: string, raw: unknown): Promise<Saved<IntermediarioView>> {
    authorize(this.actor, 'Anagrafica PagoPA', 'W');
    parseInput(ids.intermediario, idIntermediario, 'idIntermediario');
    const input = parseInput(intermediarioInput, raw);
    const { servizioPagoPa, abilitato, denominazione, principalPagoPa, ...altri } = input;
    return saveConfiguration(this.em, async (em) => {
      const existing = await em.findOne(Intermediario, { idIntermediario });
      const entity = existing ?? em.create(Intermediario, { idIntermediario } as Intermediario);
      Object.assign(entity, {
        denominazione,
        principalPagoPa,
        servizioPagoPa: keepSecrets(servizioPagoPa, existing?.servizioPagoPa),
        abilitato,
        altriServizi: keepSecrets(compact(altri), existing?.altriServizi),
      });
      return { created: !existing, value: toIntermediarioView(entity) };
    });
  }

  async listStazioni(idIntermediario: string, filter: { abilitato?: boolean | null }, page: PageRequest): Promise<Page<StazioneView>> {
    authorize(this.actor, 'Anagrafica PagoPA', 'R');
    await this.load(idIntermediario);
    const where: Where = { intermediario: idIntermediario };
    if (filter.abilitato != null) where.abilitato = filter.abilitato;
    return mapPage(await findPage(this.em, Stazione, where, page), toStazioneView);
  }

  async getStazione(idIntermediario: string, idStazione: string): Promise<StazioneView> {
    authorize(this.actor, 'Anagrafica PagoPA', 'R');
    const s = await this.em.findOne(Stazione, { idStazione, intermediario: { idIntermediario } });
    if (!s) throw errors.notFound(`Stazione ${idStazione} dell'intermediario ${idIntermediario} inesistente.`);
    return toStazioneView(s);
  }

  async saveStazione(idIntermediario: string, idStazione: string, raw: unknown): Promise<Saved<StazioneView>> {
    authorize(this.actor, 'Anagrafica PagoPA', 'W');
    parseInput(ids.intermediario, idIntermediario, 'idIntermediario');
    parseInput(ids.stazione, idStazione, 'idStazione');
    const input = parseInput(stazioneInput, raw);
    if (!idStazione.startsWith(`${idIntermediario}_`)) {
      throw errors.unprocessable(
        'SEMANTICA',
        `La stazione ${idStazione} non appartiene all'intermediario ${idIntermediario}: il suo identificativo deve iniziare con ${idIntermediario}_.`,
      );
    }
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return saveConfiguration(this.em, async (em) => {
      const intermediario = await em.findOne(Intermediario, { idIntermediario });
      if (!intermediario) {
        throw errors.unprocessable('SEMANTICA', `L'intermediario ${idIntermediario} non esiste: censirlo prima della stazione.`);
      }
      const existing = await em.findOne(Stazione, { idStazione });
      const entity = existing ?? em.create(Stazione, { idStazione, intermediario } as Stazione);
      entity.versione = input.versione;
      entity.abilitato = input.abilitato;
      if (passwordHash) entity.passwordHash = passwordHash;
      return { created: !existing, value: toStazioneView(entity) };
    });
  }

  private async load(idIntermediario: string): Promise<Intermediario> {
    const i = await this.em.findOne(Intermediario, { idIntermediario });
    if (!i) throw errors.notFound(`Intermediario ${idIntermediario} inesistente.`);
    return i;
  }
}
