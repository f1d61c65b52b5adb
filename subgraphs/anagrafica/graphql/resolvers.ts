import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ListPageArgs, orderedPage, toConnection } from '../../runtime/connection';
import type { SubgraphContext } from '../../runtime/context';
import { CatalogoService, ENTRATE_ORDER, TIPI_PENDENZA_ORDER } from '../domain/catalogo';
import {
  CONTI_ORDER,
  DOMINI_ORDER,
  DominiService,
  ENTRATE_DOMINIO_ORDER,
  TIPI_PENDENZA_DOMINIO_ORDER,
  UNITA_ORDER,
} from '../domain/domini';
import { INTERMEDIARI_ORDER, IntermediariService, STAZIONI_ORDER } from '../domain/intermediari';
import { APPLICAZIONI_ORDER, OPERATORI_ORDER, UtenzeService } from '../domain/utenze';
import type { DominioView, IntermediarioView, StazioneView } from '../domain/views';
import {
  SalvaApplicazioneInput,
  SalvaContoAccreditoInput,
  SalvaDominioInput,
  SalvaEntrataDominioInput,
  SalvaEntrataInput,
  SalvaIntermediarioInput,
  SalvaOperatoreInput,
  SalvaStazioneInput,
  SalvaTipoPendenzaDominioInput,
  SalvaTipoPendenzaInput,
  SalvaUnitaOperativaInput,
} from './inputs';
import {
  ApplicazioneFilter,
  ApplicazioneOrder,
  ContoAccreditoFilter,
  ContoAccreditoOrder,
  DominioFilter,
  DominioOrder,
  EntrataDominioFilter,
  EntrataDominioOrder,
  EntrataOrder,
  IntermediarioFilter,
  IntermediarioOrder,
  OperatoreFilter,
  OperatoreOrder,
  StazioneFilter,
  StazioneOrder,
  TipoPendenzaDominioFilter,
  TipoPendenzaDominioOrder,
  TipoPendenzaFilter,
  TipoPendenzaOrder,
  UnitaOperativaFilter,
  UnitaOperativaOrder,
} from './list-inputs';
import { loaders } from './loaders';
import type { OrderKey } from '../../runtime/ordering';
import {
  payload,
  SalvaApplicazionePayload,
  SalvaContoAccreditoPayload,
  SalvaDominioPayload,
  SalvaEntrataDominioPayload,
  SalvaEntrataPayload,
  SalvaIntermediarioPayload,
  SalvaOperatorePayload,
  SalvaStazionePayload,
  SalvaTipoPendenzaDominioPayload,
  SalvaTipoPendenzaPayload,
  SalvaUnitaOperativaPayload,
} from './payloads';
import { RuoliResolver } from './ruoli-resolvers';
import {
  Applicazione,
  ApplicazioneConnection,
  ContoAccredito,
  ContoAccreditoConnection,
  Dominio,
  DominioConnection,
  Entrata,
  EntrataConnection,
  EntrataDominio,
  EntrataDominioConnection,
  Intermediario,
  IntermediarioConnection,
  Operatore,
  OperatoreConnection,
  Profilo,
  Stazione,
  StazioneConnection,
  TipoPendenza,
  TipoPendenzaConnection,
  TipoPendenzaDominio,
  TipoPendenzaDominioConnection,
  UnitaOperativa,
  UnitaOperativaConnection,
} from './types';

const intermediari = (ctx: SubgraphContext) => new IntermediariService(ctx.em, ctx.principal);
const domini = (ctx: SubgraphContext) => new DominiService(ctx.em, ctx.principal);
const catalogo = (ctx: SubgraphContext) => new CatalogoService(ctx.em, ctx.principal);
const utenze = (ctx: SubgraphContext) => new UtenzeService(ctx.em, ctx.principal);

type Ordine<F extends Record<string, string>> = OrderKey<Extract<keyof F, string>>[] | null;

@Resolver(() => Intermediario)
export class IntermediarioResolver {
  @Query(() => IntermediarioConnection, { description: 'Intermediari, by denominazione unless orderBy says otherwise.' })
  async intermediari(
    @Arg('filter', () => IntermediarioFilter, { nullable: true }) filter: IntermediarioFilter | null,
    @Arg('orderBy', () => [IntermediarioOrder], { nullable: true }) orderBy: Ordine<typeof INTERMEDIARI_ORDER>,
    @Args(() => ListPageArgs) page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = orderedPage(page, orderBy, INTERMEDIARI_ORDER, 'DENOMINAZIONE');
    return toConnection(await intermediari(ctx).list(filter ?? {}, req));
  }

  @Query(() => Intermediario)
  intermediario(@Arg('idIntermediario', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return intermediari(ctx).get(id);
  }

  @Mutation(() => SalvaIntermediarioPayload, { description: 'Creates or updates an intermediario.' })
  async salvaIntermediario(@Arg('input', () => SalvaIntermediarioInput) input: SalvaIntermediarioInput, @Ctx() ctx: SubgraphContext) {
    const { idIntermediario, ...fields } = input;
    return payload(Intermediario, await intermediari(ctx).save(idIntermediario, fields));
  }

  @FieldResolver(() => StazioneConnection, { description: 'Its stazioni, by idStazione unless orderBy says otherwise.' })
  async stazioni(
    @Root() i: IntermediarioView,
    @Arg('filter', () => StazioneFilter, { nullable: true }) filter: StazioneFilter | null,
    @Arg('orderBy', () => [StazioneOrder], { nullable: true }) orderBy: Ordine<typeof STAZIONI_ORDER>,
    @Args(() => ListPageArgs) page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = orderedPage(page, orderBy, STAZIONI_ORDER, 'ID_STAZIONE');
    return toConnection(await intermediari(ctx).listStazioni(i.idIntermediario, filter ?? {}, req));
  }
}

@Resolver(() => Stazione)
export class StazioneResolver {
  @Query(() => Stazione)
  stazione(
    @Arg('idIntermediario', () => ID) idIntermediario: string,
    @Arg('idStazione', () => ID) idStazione: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return intermediari(ctx).getStazione(idIntermediario, idStazione);
  }

  @Mutation(() => SalvaStazionePayload, { description: 'Creates or updates a stazione of an intermediario.' })
  async salvaStazione(@Arg('input', () => SalvaStazioneInput) input: SalvaStazioneInput, @Ctx() ctx: SubgraphContext) {
    const { idIntermediario, idStazione, ...fields } = input;
    return payload(Stazione, await intermediari(ctx).saveStazione(idIntermediario, idStazione, fields));
  }

  @FieldResolver(() => Intermediario)
  async intermediario(@Root() s: StazioneView, @Ctx() ctx: SubgraphContext) {
    return loaders.intermediario(ctx).load(s.idIntermediario);
  }

  @FieldResolver(() => DominioConnection, { description: 'The domini it serves, by ragioneSociale unless orderBy says otherwise.' })
  async domini(
    @Root() s: StazioneView,
    @Arg('orderBy', () => [DominioOrder], { nullable: true }) orderBy: Ordine<typeof DOMINI_ORDER>,
    @Args(() => ListPageArgs) page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = orderedPage(page, orderBy, DOMINI_ORDER, 'RAGIONE_SOCIALE');
    return toConnection(await domini(ctx).list({ idStazione: s.idStazione }, req));
  }
}

@Resolver(() => Dominio)
export class DominioResolver {
  @Query(() => DominioConnection, { description: "The caller's domini, by ragioneSociale unless orderBy says otherwise." })
  async domini(
    @Arg('filter', () => DominioFilter, { nullable: true }) filter: DominioFilter | null,
    @Arg('orderBy', () => [DominioOrder], { nullable: true }) orderBy: Ordine<typeof DOMINI_ORDER>,
    @Args(() => ListPageArgs) page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = orderedPage(page, orderBy, DOMINI_ORDER, 'RAGIONE_SOCIALE');
    return toConnection(await domini(ctx).list(filter ?? {}, req));
  }

  @Query(() => Dominio)
  dominio(@Arg('idDominio', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return domini(ctx).get(id);
  }

  @Mutation(() => SalvaDominioPayload, { description: 'Creates or updates a dominio (Ente Creditore).' })
  async salvaDominio(@Arg('input', () => SalvaDominioInput) input: SalvaDominioInput, @Ctx() ctx: SubgraphContext) {
    const { idDominio, ...fields } = input;
    return payload(Dominio, await domini(ctx).save(idDominio, fields));
  }

  @FieldResolver(() => Stazione)
  async stazione(@Root() d: DominioView, @Ctx() ctx: SubgraphContext) {
    return loaders.stazione(ctx).load(d.idStazione);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Base64 logo.' })
  logo(@Root() d: DominioView, @Ctx() ctx: SubgraphContext) {
    return domini(ctx).logo(d.idDominio);
  }

  @FieldResolver(() => UnitaOperativaConnection, { description: 'Its unità operative, by ragioneSociale unless orderBy says otherwise.' })
  async unitaOperative(
    @Root() d: DominioView,
    @Arg('filter', () => UnitaOperativaFilter, { nullable: true }) filter: UnitaOperativaFilter | null,
    @Arg('orderBy', () => [UnitaOperativaOrder], { nullable: true }) orderBy: Ordine<typeof UNITA_ORDER>,
    @Args(() => ListPageArgs) page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = orderedPage(page, orderBy, UNITA_ORDER, 'RAGIONE_SOCIALE');
    return toConnection(
      await domini(ctx).listUnitaOperative(d.idDominio, { abilitato: filter?.abilitato, testo: filter?.ragioneSociale }, req),
    );
  }

  @FieldResolver(() => ContoAccreditoConnection, { description: 'Its conti di accredito, by iban unless orderBy says otherwise.' })
  async contiAccredito(
    @Root() d: DominioView,
    @Arg('filter', () => ContoAccreditoFilter, { nullable: true }) filter: ContoAccreditoFilter | null,
    @Arg('orderBy', () => [ContoAccreditoOrder], { nullable: true }) orderBy: Ordine<typeof CONTI_ORDER>,
    @Args(() => ListPageArgs) page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = orderedPage(page, orderBy, CONTI_ORDER, 'IBAN');
    return toConnection(await domini(ctx).listContiAccredito(d.idDominio, { abilitato: filter?.abilitato, testo: filter?.iban }, req));
  }

  @FieldResolver(() => EntrataDominioConnection, { description: 'Its entrate, by idEntrata unless orderBy says otherwise.' })
  async entrate(
    @Root() d: DominioView,
    @Arg('filter', () => EntrataDominioFilter, { nullable: true }) filter: EntrataDominioFilter | null,
    @Arg('orderBy', () => [EntrataDominioOrder], { nullable: true }) orderBy: Ordine<typeof ENTRATE_DOMINIO_ORDER>,
    @Args(() => ListPageArgs) page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = orderedPage(page, orderBy, ENTRATE_DOMINIO_ORDER, 'ID_ENTRATA');
    return toConnection(await domini(ctx).listEntrate(d.idDominio, { abilitato: filter?.abilitato, testo: filter?.descrizione }, req));
  }

  @FieldResolver(() => TipoPendenzaDominioConnection, { description: 'Its tipi pendenza, by descrizione unless orderBy says otherwise.' })
  async tipiPendenza(
    @Root() d: DominioView,
    @Arg('filter', () => TipoPendenzaDominioFilter, { nullable: true }) filter: TipoPendenzaDominioFilter | null,
    @Arg('orderBy', () => [TipoPendenzaDominioOrder], { nullable: true }) orderBy: Ordine<typeof TIPI_PENDENZA_DOMINIO_ORDER>,
    @Args(() => ListPageArgs) page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = orderedPage(page, orderBy, TIPI_PENDENZA_DOMINIO_ORDER, 'DESCRIZIONE');
    return toConnection(await domini(ctx).listTipiPendenza(d.idDominio, { abilitato: filter?.abilitato, testo: filter?.descrizione }, req));
  }
}

@Resolver()
export class DominioDettaglioResolver {
  @Query(() => UnitaOperativa)
  unitaOperativa(@Arg('idDominio', () => ID) idDominio: string, @Arg('idUnita', () => ID) idUnita: string, @Ctx() ctx: SubgraphContext) {
    return domini(ctx).getUnitaOperativa(idDominio, idUnita);
  }

  @Mutation(() => SalvaUnitaOperativaPayload, { description: 'Creates or updates an unità operativa of a dominio.' })
  async salvaUnitaOperativa(@Arg('input', () => SalvaUnitaOperativaInput) input: SalvaUnitaOperativaInput, @Ctx() ctx: SubgraphContext) {
    const { idDominio, idUnita, ...fields } = input;
    return payload(UnitaOperativa, await domini(ctx).saveUnitaOperativa(idDominio, idUnita, fields));
  }

  @Query(() => ContoAccredito)
  contoAccredito(@Arg('idDominio', () => ID) idDominio: string, @Arg('iban', () => ID) iban: string, @Ctx() ctx: SubgraphContext) {
    return domini(ctx).getContoAccredito(idDominio, iban);
  }

  @Mutation(() => SalvaContoAccreditoPayload, { description: 'Creates or updates a conto di accredito of a dominio.' })
  async salvaContoAccredito(@Arg('input', () => SalvaContoAccreditoInput) input: SalvaContoAccreditoInput, @Ctx() ctx: SubgraphContext) {
    const { idDominio, iban, ...fields } = input;
    return payload(ContoAccredito, await domini(ctx).saveContoAccredito(idDominio, iban, fields));
  }

  @Query(() => EntrataDominio)
  entrataDominio(
    @Arg('idDominio', () => ID) idDominio: string,
    @Arg('idEntrata', () => ID) idEntrata: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return domini(ctx).getEntrata(idDominio, idEntrata);
  }

  @Mutation(() => SalvaEntrataDominioPayload, { description: 'Enables an entrata for a dominio, or changes its settings there.' })
  async salvaEntrataDominio(@Arg('input', () => SalvaEntrataDominioInput) input: SalvaEntrataDominioInput, @Ctx() ctx: SubgraphContext) {
    const { idDominio, idEntrata, ...fields } = input;
    return payload(EntrataDominio, await domini(ctx).saveEntrata(idDominio, idEntrata, fields));
  }

  @Query(() => TipoPendenzaDominio)
  tipoPendenzaDominio(
    @Arg('idDominio', () => ID) idDominio: string,
    @Arg('idTipoPendenza', () => ID) idTipoPendenza: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return domini(ctx).getTipoPendenza(idDominio, idTipoPendenza);
  }

  @Mutation(() => SalvaTipoPendenzaDominioPayload, { description: 'Enables a tipo pendenza for a dominio, or changes its settings there.' })
  async salvaTipoPendenzaDominio(
    @Arg('input', () => SalvaTipoPendenzaDominioInput) input: SalvaTipoPendenzaDominioInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const { idDominio, idTipoPendenza, ...fields } = input;
    return payload(TipoPendenzaDominio, await domini(ctx).saveTipoPendenza(idDominio, idTipoPendenza, fields));
  }
}

@Resolver()
export class CatalogoResolver {
  @Query(() => EntrataConnection, { description: 'Hub-wide entrate, by idEntrata unless orderBy says otherwise.' })
  async entrate(
    @Arg('orderBy', () => [EntrataOrder], { nullable: true }) orderBy: Ordine<typeof ENTRATE_ORDER>,
    @Args(() => ListPageArgs) page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return toConnection(await catalogo(ctx).listEntrate(orderedPage(page, orderBy, ENTRATE_ORDER, 'ID_ENTRATA')));
  }

  @Query(() => Entrata)
  entrata(@Arg('idEntrata', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return catalogo(ctx).getEntrata(id);
  }

  @Mutation(() => SalvaEntrataPayload, { description: 'Creates or updates a hub-wide entrata.' })
  async salvaEntrata(@Arg('input', () => SalvaEntrataInput) input: SalvaEntrataInput, @Ctx() ctx: SubgraphContext) {
    const { idEntrata, ...fields } = input;
    return payload(Entrata, await catalogo(ctx).saveEntrata(idEntrata, fields));
  }

  @Query(() => TipoPendenzaConnection, { description: 'Hub-wide tipi pendenza, by idTipoPendenza unless orderBy says otherwise.' })
  async tipiPendenza(
    @Arg('filter', () => TipoPendenzaFilter, { nullable: true }) filter: TipoPendenzaFilter | null,
    @Arg('orderBy', () => [TipoPendenzaOrder], { nullable: true }) orderBy: Ordine<typeof TIPI_PENDENZA_ORDER>,
    @Args(() => ListPageArgs) page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = orderedPage(page, orderBy, TIPI_PENDENZA_ORDER, 'ID_TIPO_PENDENZA');
    return toConnection(await catalogo(ctx).listTipiPendenza(filter ?? {}, req));
  }

  @Query(() => TipoPendenza)
  tipoPendenza(@Arg('idTipoPendenza', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return catalogo(ctx).getTipoPendenza(id);
  }

  @Mutation(() => SalvaTipoPendenzaPayload, { description: 'Creates or updates a hub-wide tipo pendenza.' })
  async salvaTipoPendenza(@Arg('input', () => SalvaTipoPendenzaInput) input: SalvaTipoPendenzaInput, @Ctx() ctx: SubgraphContext) {
    const { idTipoPendenza, ...fields } = input;
    return payload(TipoPendenza, await catalogo(ctx).saveTipoPendenza(idTipoPendenza, fields));
  }
}

@Resolver()
export class UtenzeResolver {
  @Query(() => ApplicazioneConnection, { description: 'Applicazioni, by idA2A unless orderBy says otherwise.' })
  async applicazioni(
    @Arg('filter', () => ApplicazioneFilter, { nullable: true }) filter: ApplicazioneFilter | null,
    @Arg('orderBy', () => [ApplicazioneOrder], { nullable: true }) orderBy: Ordine<typeof APPLICAZIONI_ORDER>,
    @Args(() => ListPageArgs) page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = orderedPage(page, orderBy, APPLICAZIONI_ORDER, 'ID_A2A');
    return toConnection(await utenze(ctx).listApplicazioni(filter ?? {}, req));
  }

  @Query(() => Applicazione)
  applicazione(@Arg('idA2A', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return utenze(ctx).getApplicazione(id);
  }

  @Mutation(() => SalvaApplicazionePayload, { description: 'Creates or updates an applicazione.' })
  async salvaApplicazione(@Arg('input', () => SalvaApplicazioneInput) input: SalvaApplicazioneInput, @Ctx() ctx: SubgraphContext) {
    const { idA2A, ...fields } = input;
    return payload(Applicazione, await utenze(ctx).saveApplicazione(idA2A, fields));
  }

  @Query(() => OperatoreConnection, { description: 'Operatori, by ragioneSociale unless orderBy says otherwise.' })
  async operatori(
    @Arg('filter', () => OperatoreFilter, { nullable: true }) filter: OperatoreFilter | null,
    @Arg('orderBy', () => [OperatoreOrder], { nullable: true }) orderBy: Ordine<typeof OPERATORI_ORDER>,
    @Args(() => ListPageArgs) page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = orderedPage(page, orderBy, OPERATORI_ORDER, 'RAGIONE_SOCIALE');
    return toConnection(await utenze(ctx).listOperatori(filter ?? {}, req));
  }

  @Query(() => Operatore)
  operatore(@Arg('principal', () => ID) principal: string, @Ctx() ctx: SubgraphContext) {
    return utenze(ctx).getOperatore(principal);
  }

  @Mutation(() => SalvaOperatorePayload, { description: 'Creates or updates an operatore.' })
  async salvaOperatore(@Arg('input', () => SalvaOperatoreInput) input: SalvaOperatoreInput, @Ctx() ctx: SubgraphContext) {
    const { principal, ...fields } = input;
    return payload(Operatore, await utenze(ctx).saveOperatore(principal, fields));
  }

  @Query(() => Profilo, { description: 'The authenticated caller.' })
  profilo(@Ctx() ctx: SubgraphContext) {
    return utenze(ctx).profilo();
  }
}

/** Entity references from other subgraphs, batched per request. */
export const referenceResolvers = {
  Intermediario: {
    __resolveReference: (ref: { idIntermediario: string }, ctx: SubgraphContext) => loaders.intermediario(ctx).load(ref.idIntermediario),
  },
  Stazione: {
    __resolveReference: (ref: { idStazione: string }, ctx: SubgraphContext) => loaders.stazione(ctx).load(ref.idStazione),
  },
  Dominio: {
    __resolveReference: (ref: { idDominio: string }, ctx: SubgraphContext) => loaders.dominio(ctx).load(ref.idDominio),
  },
  Entrata: {
    __resolveReference: (ref: { idEntrata: string }, ctx: SubgraphContext) => loaders.entrata(ctx).load(ref.idEntrata),
  },
  TipoPendenza: {
    __resolveReference: (ref: { idTipoPendenza: string }, ctx: SubgraphContext) => loaders.tipoPendenza(ctx).load(ref.idTipoPendenza),
  },
  Applicazione: {
    // An applicazione's configuration (ACL, connector) is only for those who administer it.
    __resolveReference: (ref: { idA2A: string }, ctx: SubgraphContext) =>
      utenze(ctx)
        .getApplicazione(ref.idA2A)
        .catch((e) => {
          if (e instanceof Error && 'status' in e && e.status === 404) return null;
          throw e;
        }),
  },
};

export const anagraficaResolvers = [
  IntermediarioResolver,
  StazioneResolver,
  DominioResolver,
  DominioDettaglioResolver,
  CatalogoResolver,
  UtenzeResolver,
  RuoliResolver,
] as const;
