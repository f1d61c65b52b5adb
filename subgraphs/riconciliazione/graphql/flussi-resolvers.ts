import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { errors } from '../../../core/errors';
import type { EsitoRendicontazione as CodiceEsito } from '../../../schema/entities';
import type { PageRequest } from '../../../core/paging';
import { listPage, ListPageArgs, orderedPage, toConnection } from '../../runtime/connection';
import type { SubgraphContext } from '../../runtime/context';
import { paginaDiGruppi, QuadraturaPageArgs } from './paging';
import { FLUSSI_ORDER } from '../domain/flussi/flussi-query';
import { quadraturaRendicontazioni, type QuadraturaView } from '../domain/flussi/quadratura';
import { RENDICONTAZIONI_ORDER, type RendicontazioniFilter } from '../domain/flussi/rendicontazioni-query';
import type { FlussoView, RendicontazioneView } from '../domain/flussi/viste';
import { flussi, flussoById, flussoByPk, rendicontazioneById, rendicontazioni, righeDiFlusso, rppKeyByPk } from './flussi-loaders';
import {
  EsitoRendicontazione,
  FlussoRendicontazione,
  FlussoRendicontazioneConnection,
  FlussoRendicontazioneFilter,
  FlussoRendicontazioneOrder,
  GruppoQuadraturaRendicontazioni,
  QuadraturaRendicontazioni,
  Rendicontazione,
  RendicontazioneConnection,
  RendicontazioneFilter,
  RendicontazioneOrder,
} from './flussi-types';
import { DominioRef, RppRef } from './refs';

/** The graph's outcomes and GovPay's codes. */
const CODICI: Record<EsitoRendicontazione, CodiceEsito> = {
  ESEGUITO: 0,
  REVOCATO: 3,
  STANDIN: 4,
  ESEGUITO_SENZA_RPT: 8,
  STANDIN_SENZA_RPT: 9,
};
const ESITI = new Map(Object.entries(CODICI).map(([esito, codice]) => [codice, esito as EsitoRendicontazione]));

/**
 * A flow's count as the page asked for it: the flows of a request are paged together and always
 * counted (their hasNextPage needs it), so withCount and countLimit apply here.
 */
const contate = (total: number, page: PageRequest): number | undefined =>
  page.withCount ? Math.min(total, page.countLimit ?? total) : undefined;

/** The graph's line filter as the domain's (outcomes as GovPay's codes). */
const righe = (f: RendicontazioneFilter | null | undefined): RendicontazioniFilter => ({ ...f, esito: f?.esito?.map((e) => CODICI[e]) });

@Resolver(() => FlussoRendicontazione)
export class FlussiResolver {
  @Query(() => FlussoRendicontazione, { nullable: true, description: 'A revision of a flow by its id; null when there is none.' })
  flussoRendicontazione(@Arg('id', () => ID, { description: "The revision's id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return flussi(ctx).get(id);
  }

  @Query(() => FlussoRendicontazione, {
    nullable: true,
    description: 'latest non-obsolete revision unless `revisione` (or `dataFlusso`) is given',
  })
  flussoRendicontazioneByIdFlusso(
    @Arg('idFlusso', () => String, { description: 'identificativoFlusso.' }) idFlusso: string,
    @Arg('idDominio', () => ID, { nullable: true, description: "The dominio (any of the caller's when omitted)." })
    idDominio: string | null,
    @Arg('revisione', () => Int, { nullable: true, description: 'This revision number.' }) revisione: number | null,
    @Arg('dataFlusso', () => Date, { nullable: true, description: 'The revision of this dataOraFlusso.' }) dataFlusso: Date | null,
    @Arg('caseInsensitive', () => Boolean, { nullable: true, defaultValue: false, description: 'Compare idFlusso ignoring case.' })
    caseInsensitive: boolean,
    @Ctx() ctx: SubgraphContext,
  ) {
    return flussi(ctx).byIdFlusso({ idFlusso, idDominio, revisione, dataFlusso, caseInsensitive });
  }

  @Query(() => FlussoRendicontazioneConnection, {
    description: 'Flows the caller may see, newest dataFlusso first unless orderBy says otherwise.',
  })
  async flussiRendicontazione(
    @Arg('filter', () => FlussoRendicontazioneFilter, { nullable: true, description: 'Which flows.' })
    filter: FlussoRendicontazioneFilter | null,
    @Arg('orderBy', () => [FlussoRendicontazioneOrder], { nullable: true, description: 'Sort keys, first first.' })
    orderBy: FlussoRendicontazioneOrder[] | null,
    @Args(() => ListPageArgs) args: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return toConnection(await flussi(ctx).list(filter ?? {}, orderedPage(args, orderBy, FLUSSI_ORDER, 'DATA_FLUSSO', 'DESC')));
  }

  @Query(() => RendicontazioneConnection, {
    description:
      "Lines the caller may see (of each flow's latest revision unless filter.incluseObsolete), newest data first unless orderBy says otherwise.",
  })
  async rendicontazioni(
    @Arg('filter', () => RendicontazioneFilter, { nullable: true, description: 'Which lines.' }) filter: RendicontazioneFilter | null,
    @Arg('orderBy', () => [RendicontazioneOrder], { nullable: true, description: 'Sort keys, first first.' })
    orderBy: RendicontazioneOrder[] | null,
    @Args(() => ListPageArgs) args: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return toConnection(await rendicontazioni(ctx).list(righe(filter), orderedPage(args, orderBy, RENDICONTAZIONI_ORDER, 'DATA', 'DESC')));
  }

  @Query(() => [QuadraturaRendicontazioni], {
    description:
      "Totals of the lines the caller may see (of each flow's latest revision unless filter.incluseObsolete), per group, in the groups' order.",
  })
  quadraturaRendicontazioni(
    @Arg('filter', () => RendicontazioneFilter, { nullable: true, description: 'Which lines.' }) filter: RendicontazioneFilter | null,
    @Arg('gruppi', () => [GruppoQuadraturaRendicontazioni], { description: 'What to group by (none: one total).' })
    gruppi: GruppoQuadraturaRendicontazioni[],
    @Args(() => QuadraturaPageArgs) args: QuadraturaPageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<QuadraturaView[]> {
    const page = paginaDiGruppi(args);
    return quadraturaRendicontazioni(ctx.em, ctx.principal, righe(filter), gruppi, page.limit, page.offset);
  }
}

@Resolver(() => FlussoRendicontazione)
export class FlussoRendicontazioneResolver {
  @FieldResolver(() => DominioRef, { description: 'The Ente Creditore (anagrafica subgraph).' })
  dominio(@Root() f: FlussoView): DominioRef {
    return { idDominio: f.idDominio };
  }

  @FieldResolver(() => RendicontazioneConnection, { description: 'Its lines in their order in the flow.' })
  async rendicontazioni(
    @Root() f: FlussoView,
    @Arg('filter', () => RendicontazioneFilter, { nullable: true, description: 'Which of its lines.' })
    filter: RendicontazioneFilter | null,
    @Args(() => ListPageArgs) args: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const page = listPage(args, []);
    const lines = await righeDiFlusso(ctx).load({ flusso: f.pk, filter: righe(filter), limit: page.limit, offset: page.offset });
    return toConnection({ ...lines, total: contate(lines.total, page) });
  }

  @FieldResolver(() => [FlussoRendicontazione], {
    description: 'Every revision of this idFlusso for this dominio, newest first (this one included).',
  })
  revisioni(@Root() f: FlussoView, @Ctx() ctx: SubgraphContext): Promise<FlussoView[]> {
    return flussi(ctx).revisioni(f);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The flow as acquired: FlussoRiversamento XML (null for FdR).' })
  xml(@Root() f: FlussoView, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return flussi(ctx).xml(f);
  }
}

@Resolver(() => Rendicontazione)
export class RendicontazioneResolver {
  @FieldResolver(() => EsitoRendicontazione, { description: 'Its outcome.' })
  esito(@Root() r: RendicontazioneView): EsitoRendicontazione {
    return ESITI.get(r.codiceEsito)!;
  }

  @FieldResolver(() => FlussoRendicontazione, { description: 'The flow revision it belongs to.' })
  async flusso(@Root() r: RendicontazioneView, @Ctx() ctx: SubgraphContext): Promise<FlussoView> {
    const f = await flussoByPk(ctx).load(r.flussoPk);
    if (!f) throw errors.forbidden(`Il chiamante non e' autorizzato a consultare il flusso di rendicontazione.`);
    return f;
  }

  @FieldResolver(() => RppRef, { nullable: true, description: 'The receipt it settles (pagamenti subgraph), null when none matched.' })
  rpp(@Root() r: RendicontazioneView, @Ctx() ctx: SubgraphContext): Promise<RppRef | null> | null {
    return r.rppPk === null ? null : rppKeyByPk(ctx).load(r.rppPk);
  }
}

@Resolver(() => QuadraturaRendicontazioni)
export class QuadraturaRendicontazioniResolver {
  @FieldResolver(() => FlussoRendicontazione, { nullable: true, description: 'The flow (grouped by FLUSSO_RENDICONTAZIONE).' })
  flusso(@Root() q: QuadraturaView, @Ctx() ctx: SubgraphContext): Promise<FlussoView | null> | null {
    return q.flussoPk === null ? null : flussoByPk(ctx).load(q.flussoPk);
  }
}

export const flussiResolvers = [
  FlussiResolver,
  FlussoRendicontazioneResolver,
  RendicontazioneResolver,
  QuadraturaRendicontazioniResolver,
] as const;

export const flussiReferenceResolvers = {
  FlussoRendicontazione: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => flussoById(ctx, ref.id) },
  Rendicontazione: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => rendicontazioneById(ctx).load(ref.id) },
};
