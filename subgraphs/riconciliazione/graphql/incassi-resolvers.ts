import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ListPageArgs, orderedPage, toConnection } from '../../runtime/connection';
import type { SubgraphContext } from '../../runtime/context';
import { paginaDiGruppi, QuadraturaPageArgs } from './paging';
import { ConsultazioneIncassi, RICONCILIAZIONI_ORDER, RISCOSSIONI_ORDER } from '../domain/incassi/consultazione';
import { quadraturaRiscossioni, type QuadraturaView } from '../domain/incassi/quadratura';
import { Riconciliazioni, type EsitoRiconciliazione } from '../domain/incassi/riconcilia';
import type { RiconciliazioneView, RiscossioneView } from '../domain/incassi/viste';
import {
  riconciliazioneByPk,
  riconciliazioneDiFlusso,
  riscossioneByPk,
  riscossioniDiRiconciliazione,
  rppDiRiscossione,
} from './incassi-loaders';
import {
  GruppoQuadraturaRiscossioni,
  QuadraturaRiscossioni,
  QuadraturaRiscossioniFilter,
  RiconciliaInput,
  RiconciliaPayload,
  Riconciliazione,
  RiconciliazioneConnection,
  RiconciliazioneFilter,
  RiconciliazioneOrder,
  Riscossione,
  RiscossioneConnection,
  RiscossioneFilter,
  RiscossioneOrder,
  TipoRiscossione,
} from './incassi-types';
import { flussoByPk, rendicontazioneById } from './flussi-loaders';
import { pkOf, toGlobalId } from '../../../core/global-id';
import { DominioRef, FlussoRendicontazioneStub, PendenzaRef, RendicontazioneStub, RppRef } from './refs';

const consultazione = (ctx: SubgraphContext) => new ConsultazioneIncassi(ctx.em, ctx.principal);

/** The incassi's queries and the riconcilia mutation. */
@Resolver()
export class IncassiResolver {
  @Mutation(() => RiconciliaPayload, {
    description:
      "Records a bank entry matched to the payment (/RFB/, /RFS/, iuv) or the reporting flow (/PUR/LGPE-RIVERSAMENTO/URI/, idFlusso) it pays, to the cent; its riscossioni become INCASSATA. The same request again answers the first riconciliazione (creata false). Refusals carry GovPay's codes 021401-021413. Needs Rendicontazioni e Incassi write on the dominio.",
  })
  riconcilia(@Arg('input', () => RiconciliaInput) input: RiconciliaInput, @Ctx() ctx: SubgraphContext): Promise<EsitoRiconciliazione> {
    return new Riconciliazioni(ctx.em, ctx.principal).riconcilia({ ...input, importoCents: input.importo });
  }

  @Query(() => Riconciliazione, { nullable: true, description: 'A riconciliazione by its dominio and id.' })
  riconciliazione(
    @Arg('idDominio', () => ID, { description: 'The Ente creditore.' }) idDominio: string,
    @Arg('idRiconciliazione', () => ID, { description: 'Its idRiconciliazione.' }) idRiconciliazione: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RiconciliazioneView | null> {
    return consultazione(ctx).riconciliazione(idDominio, idRiconciliazione);
  }

  @Query(() => RiconciliazioneConnection, {
    description: "Riconciliazioni of the caller's domini, newest first unless orderBy says otherwise.",
  })
  async riconciliazioni(
    @Arg('filter', () => RiconciliazioneFilter, { nullable: true, description: 'Which ones.' }) filter: RiconciliazioneFilter | null,
    @Arg('orderBy', () => [RiconciliazioneOrder], { nullable: true, description: 'Sort keys, in priority order.' })
    orderBy: RiconciliazioneOrder[] | null,
    @Args(() => ListPageArgs) args: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const page = orderedPage(args, orderBy, RICONCILIAZIONI_ORDER, 'DATA_RICHIESTA', 'DESC');
    return toConnection(await consultazione(ctx).riconciliazioni(filter ?? {}, page));
  }

  @Query(() => Riscossione, { nullable: true, description: 'A riscossione by its key.' })
  riscossione(
    @Arg('idDominio', () => ID, { description: 'The Ente creditore.' }) idDominio: string,
    @Arg('iuv', () => String, { description: 'The IUV paid.' }) iuv: string,
    @Arg('iur', () => String, { description: "The receipt's IUR." }) iur: string,
    @Arg('indice', () => Int, { description: "The transfer's position, from 1." }) indice: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RiscossioneView | null> {
    return consultazione(ctx).riscossione(idDominio, iuv, iur, indice);
  }

  @Query(() => RiscossioneConnection, { description: "Riscossioni of the caller's domini, newest first unless orderBy says otherwise." })
  async riscossioni(
    @Arg('filter', () => RiscossioneFilter, { nullable: true, description: 'Which ones.' }) filter: RiscossioneFilter | null,
    @Arg('orderBy', () => [RiscossioneOrder], { nullable: true, description: 'Sort keys, in priority order.' })
    orderBy: RiscossioneOrder[] | null,
    @Args(() => ListPageArgs) args: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const page = orderedPage(args, orderBy, RISCOSSIONI_ORDER, 'DATA', 'DESC');
    return toConnection(await consultazione(ctx).riscossioni(filter ?? {}, page));
  }

  @Query(() => [QuadraturaRiscossioni], {
    description: "Count and total of riscossioni grouped by the pendenza's attributes (GovPay's quadratura).",
  })
  quadraturaRiscossioni(
    @Arg('filter', () => QuadraturaRiscossioniFilter, { nullable: true, description: 'Which riscossioni.' })
    filter: QuadraturaRiscossioniFilter | null,
    @Arg('gruppi', () => [GruppoQuadraturaRiscossioni], { description: 'What to group by (at least one).' })
    gruppi: GruppoQuadraturaRiscossioni[],
    @Args(() => QuadraturaPageArgs) args: QuadraturaPageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<QuadraturaView[]> {
    const page = paginaDiGruppi(args);
    return quadraturaRiscossioni(ctx.em, ctx.principal, filter ?? {}, gruppi, page.limit, page.offset);
  }
}

@Resolver(() => Riconciliazione)
export class RiconciliazioneResolver {
  @FieldResolver(() => DominioRef, { description: 'The Ente creditore (anagrafica subgraph).' })
  dominio(@Root() r: RiconciliazioneView): DominioRef {
    return { idDominio: r.idDominio };
  }

  @FieldResolver(() => FlussoRendicontazioneStub, { nullable: true, description: 'The reporting flow it paid, when it paid a whole flow.' })
  flusso(@Root() r: RiconciliazioneView, @Ctx() ctx: SubgraphContext) {
    return r.flussoPk ? flussoByPk(ctx).load(r.flussoPk) : null;
  }

  @FieldResolver(() => [Riscossione], { description: 'The riscossioni it made INCASSATA, optionally only of some kinds.' })
  async riscossioni(
    @Root() r: RiconciliazioneView,
    @Arg('tipo', () => [TipoRiscossione], { nullable: true, description: 'Only of these kinds.' }) tipo: TipoRiscossione[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RiscossioneView[]> {
    const all = await riscossioniDiRiconciliazione(ctx).load(r.pk);
    return tipo?.length ? all.filter((v) => tipo.includes(v.tipo as TipoRiscossione)) : all;
  }
}

@Resolver(() => Riscossione)
export class RiscossioneResolver {
  @FieldResolver(() => DominioRef, { description: 'The Ente creditore (anagrafica subgraph).' })
  dominio(@Root() r: RiscossioneView): DominioRef {
    return { idDominio: r.idDominio };
  }

  @FieldResolver(() => Riconciliazione, { nullable: true, description: 'The riconciliazione that made it INCASSATA.' })
  riconciliazione(@Root() r: RiscossioneView, @Ctx() ctx: SubgraphContext): Promise<RiconciliazioneView | null> | null {
    return r.riconciliazionePk ? riconciliazioneByPk(ctx).load(r.riconciliazionePk) : null;
  }

  @FieldResolver(() => RendicontazioneStub, {
    nullable: true,
    description: 'The line of the reporting flow that reported it, once a flow reconciled it.',
  })
  rendicontazione(@Root() r: RiscossioneView, @Ctx() ctx: SubgraphContext) {
    return r.rendicontazionePk ? rendicontazioneById(ctx).load(toGlobalId('Rendicontazione', r.rendicontazionePk)) : null;
  }

  @FieldResolver(() => RppRef, { nullable: true, description: 'The receipt (pagamenti subgraph).' })
  async rpp(@Root() r: RiscossioneView, @Ctx() ctx: SubgraphContext): Promise<RppRef | null> {
    const rpp = r.rppPk ? await rppDiRiscossione(ctx).load(r.rppPk) : null;
    return rpp ? { idDominio: rpp.idDominio, iuv: rpp.iuv, ccp: rpp.ccp } : null;
  }

  @FieldResolver(() => PendenzaRef, {
    nullable: true,
    description:
      'The pendenza paid (pendenze subgraph); the voce is its voce number `indice`. Null for a receipt of a position the hub does not hold.',
  })
  async pendenza(@Root() r: RiscossioneView, @Ctx() ctx: SubgraphContext): Promise<PendenzaRef | null> {
    const rpp = r.rppPk ? await rppDiRiscossione(ctx).load(r.rppPk) : null;
    return rpp?.pendenza ?? null;
  }
}

@Resolver(() => FlussoRendicontazioneStub)
export class FlussoRiconciliazioneResolver {
  @FieldResolver(() => Riconciliazione, { nullable: true, description: 'The incasso that paid the flow, if any.' })
  riconciliazione(@Root() f: { id: string }, @Ctx() ctx: SubgraphContext): Promise<RiconciliazioneView | null> | null {
    const pk = pkOf('FlussoRendicontazione', f.id);
    return pk ? riconciliazioneDiFlusso(ctx).load(pk) : null;
  }
}

export const incassiResolvers = [IncassiResolver, RiconciliazioneResolver, RiscossioneResolver, FlussoRiconciliazioneResolver] as const;

export const incassiReferenceResolvers = {
  Riconciliazione: {
    // By its global id, or by its public key (as a live esito refers to it).
    __resolveReference: (ref: { id: string } | { idDominio: string; idRiconciliazione: string }, ctx: SubgraphContext) => {
      if (!('id' in ref)) return consultazione(ctx).riconciliazione(ref.idDominio, ref.idRiconciliazione);
      const pk = pkOf('Riconciliazione', ref.id);
      return pk ? riconciliazioneByPk(ctx).load(pk) : null;
    },
  },
  Riscossione: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => {
      const pk = pkOf('Riscossione', ref.id);
      return pk ? riscossioneByPk(ctx).load(pk) : null;
    },
  },
};
