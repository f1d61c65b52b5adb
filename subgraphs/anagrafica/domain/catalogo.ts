import type { EntityManager } from '@mikro-orm/core';
import { TipoEntrata, TipoPendenza } from '../../../schema/entities';
import { errors } from '../../../core/errors';
import { saveConfiguration } from './revision';
import { contains, findPage, type Where } from '../../../core/find-page';
import { mapPage, type Page, type PageRequest } from '../../../core/paging';
import type { Principal } from '../../../core/principal';
import { parseInput } from '../../../core/validation';
import { authorize } from './access';
import { layoutOf } from './domini';
import { ids, tipoEntrataInput, tipoPendenzaInput } from './inputs';
import type { Saved } from './intermediari';
import { toTipoEntrataView, toTipoPendenzaView, type TipoEntrataView, type TipoPendenzaView } from './views';

/* What each list can be sorted by: the graph's order field → the entity's property. */
export const ENTRATE_ORDER = { ID_ENTRATA: 'idEntrata', DESCRIZIONE: 'descrizione' };
export const TIPI_PENDENZA_ORDER = { ID_TIPO_PENDENZA: 'idTipoPendenza', DESCRIZIONE: 'descrizione' };

export interface TipiPendenzaFilter {
  abilitato?: boolean | null;
  idTipoPendenza?: string | null;
  descrizione?: string | null;
}

const CREDITORE = 'Anagrafica Creditore';

/** The hub-wide catalogue of entrate (revenue kinds) and tipi pendenza (debt kinds). */
export class CatalogoService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  async listEntrate(page: PageRequest): Promise<Page<TipoEntrataView>> {
    authorize(this.actor, CREDITORE, 'R');
    return mapPage(await findPage(this.em, TipoEntrata, {}, page), toTipoEntrataView);
  }

  async getEntrata(idEntrata: string): Promise<TipoEntrataView> {
    authorize(this.actor, CREDITORE, 'R');
    const t = await this.em.findOne(TipoEntrata, { idEntrata });
    if (!t) throw errors.notFound(`Entrata ${idEntrata} inesistente.`);
    return toTipoEntrataView(t);
  }

  async saveEntrata(idEntrata: string, raw: unknown): Promise<Saved<TipoEntrataView>> {
    authorize(this.actor, CREDITORE, 'W');
    parseInput(ids.entrata, idEntrata, 'idEntrata');
    const input = parseInput(tipoEntrataInput, raw);
    return saveConfiguration(this.em, async (em) => {
      const existing = await em.findOne(TipoEntrata, { idEntrata });
      const entity = existing ?? em.create(TipoEntrata, { idEntrata } as TipoEntrata);
      Object.assign(entity, input);
      return { created: !existing, value: toTipoEntrataView(entity) };
    });
  }

  async listTipiPendenza(filter: TipiPendenzaFilter, page: PageRequest): Promise<Page<TipoPendenzaView>> {
    authorize(this.actor, CREDITORE, 'R');
    const where: Where = {};
    // A filter narrows the caller's scope, never widens it.
    const visible = this.actor.tipiPendenza === '*' ? undefined : this.actor.tipiPendenza;
    if (visible) where.idTipoPendenza = { $in: visible };
    if (filter.idTipoPendenza) {
      where.idTipoPendenza = visible && !visible.includes(filter.idTipoPendenza) ? { $in: [] } : filter.idTipoPendenza;
    }
    if (filter.abilitato != null) where.abilitato = filter.abilitato;
    if (filter.descrizione) where.descrizione = contains(filter.descrizione);
    return mapPage(await findPage(this.em, TipoPendenza, where, page), toTipoPendenzaView);
  }

  async getTipoPendenza(idTipoPendenza: string): Promise<TipoPendenzaView> {
    authorize(this.actor, CREDITORE, 'R');
    const t = await this.em.findOne(TipoPendenza, { idTipoPendenza });
    if (!t) throw errors.notFound(`Tipo pendenza ${idTipoPendenza} inesistente.`);
    return toTipoPendenzaView(t);
  }

  async saveTipoPendenza(idTipoPendenza: string, raw: unknown): Promise<Saved<TipoPendenzaView>> {
    authorize(this.actor, CREDITORE, 'W');
    parseInput(ids.tipoPendenza, idTipoPendenza, 'idTipoPendenza');
    const input = parseInput(tipoPendenzaInput, raw);
    return saveConfiguration(this.em, async (em) => {
      const existing = await em.findOne(TipoPendenza, { idTipoPendenza });
      const entity = existing ?? em.create(TipoPendenza, { idTipoPendenza } as TipoPendenza);
      Object.assign(entity, {
        descrizione: input.descrizione,
        codificaIUV: input.codificaIUV ?? null,
        pagaTerzi: input.pagaTerzi,
        abilitato: input.abilitato,
        layout: layoutOf(input),
      });
      return { created: !existing, value: toTipoPendenzaView(entity) };
    });
  }
}
