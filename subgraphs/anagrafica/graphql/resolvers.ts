import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pageRequest, PageArgs, toConnection } from '../../runtime/connection';
import type { SubgraphContext } from '../../runtime/context';
import { saved, Saved } from '../../runtime/saved';
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
  ApplicazioneInput,
  ContoAccreditoInput,
  DominioInput,
  EntrataDominioInput,
  EntrataInput,
  IntermediarioInput,
  OperatoreInput,
  StazioneInput,
  TipoPendenzaDominioInput,
  TipoPendenzaInput,
  UnitaOperativaInput,
} from './inputs';
import { loaders } from './loaders';
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

const IntermediarioSaved = Saved(Intermediario);
const StazioneSaved = Saved(Stazione);
const DominioSaved = Saved(Dominio);
const UnitaOperativaSaved = Saved(UnitaOperativa);
const ContoAccreditoSaved = Saved(ContoAccredito);
const EntrataSaved = Saved(Entrata);
const EntrataDominioSaved = Saved(EntrataDominio);
const TipoPendenzaSaved = Saved(TipoPendenza);
const TipoPendenzaDominioSaved = Saved(TipoPendenzaDominio);
const ApplicazioneSaved = Saved(Applicazione);
const OperatoreSaved = Saved(Operatore);

const intermediari = (ctx: SubgraphContext) => new IntermediariService(ctx.em, ctx.principal);
const domini = (ctx: SubgraphContext) => new DominiService(ctx.em, ctx.principal);
const catalogo = (ctx: SubgraphContext) => new CatalogoService(ctx.em, ctx.principal);
const utenze = (ctx: SubgraphContext) => new UtenzeService(ctx.em, ctx.principal);

@Resolver(() => Intermediario)
export class IntermediarioResolver {
  @Query(() => IntermediarioConnection, { description: 'Intermediari; orderBy: denominazione, idIntermediario.' })
  async intermediari(
    @Args() page: PageArgs,
    @Arg('abilitato', () => Boolean, { nullable: true }) abilitato: boolean | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return toConnection(await intermediari(ctx).list({ abilitato }, pageRequest(page, INTERMEDIARI_ORDER, '+denominazione')));
  }

  @Query(() => Intermediario)
  intermediario(@Arg('idIntermediario', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return intermediari(ctx).get(id);
  }

  @Mutation(() => IntermediarioSaved, { description: 'Creates or updates an intermediario.' })
  async saveIntermediario(
    @Arg('idIntermediario', () => ID) id: string,
    @Arg('input', () => IntermediarioInput) input: IntermediarioInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return saved(await intermediari(ctx).save(id, input));
  }

  @FieldResolver(() => StazioneConnection)
  async stazioni(
    @Root() i: IntermediarioView,
    @Args() page: PageArgs,
    @Arg('abilitato', () => Boolean, { nullable: true }) abilitato: boolean | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = pageRequest(page, STAZIONI_ORDER, '+idStazione');
    return toConnection(await intermediari(ctx).listStazioni(i.idIntermediario, { abilitato }, req));
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

  @Mutation(() => StazioneSaved, { description: 'Creates or updates a stazione of an intermediario.' })
  async saveStazione(
    @Arg('idIntermediario', () => ID) idIntermediario: string,
    @Arg('idStazione', () => ID) idStazione: string,
    @Arg('input', () => StazioneInput) input: StazioneInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return saved(await intermediari(ctx).saveStazione(idIntermediario, idStazione, input));
  }

  @FieldResolver(() => Intermediario)
  async intermediario(@Root() s: StazioneView, @Ctx() ctx: SubgraphContext) {
    return loaders.intermediario(ctx).load(s.idIntermediario);
  }

  @FieldResolver(() => DominioConnection)
  async domini(@Root() s: StazioneView, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    const req = pageRequest(page, DOMINI_ORDER, '+ragioneSociale');
    return toConnection(await domini(ctx).list({ idStazione: s.idStazione }, req));
  }
}

@Resolver(() => Dominio)
export class DominioResolver {
  @Query(() => DominioConnection, { description: "The caller's domini; orderBy: ragioneSociale, idDominio." })
  async domini(
    @Args() page: PageArgs,
    @Arg('abilitato', () => Boolean, { nullable: true }) abilitato: boolean | null,
    @Arg('idStazione', () => String, { nullable: true }) idStazione: string | null,
    @Arg('idDominio', () => String, { nullable: true }) idDominio: string | null,
    @Arg('ragioneSociale', () => String, { nullable: true, description: 'Contains, case-insensitive.' }) ragioneSociale: string | null,
    @Arg('intermediato', () => Boolean, { nullable: true }) intermediato: boolean | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = pageRequest(page, DOMINI_ORDER, '+ragioneSociale');
    return toConnection(await domini(ctx).list({ abilitato, idStazione, idDominio, ragioneSociale, intermediato }, req));
  }

  @Query(() => Dominio)
  dominio(@Arg('idDominio', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return domini(ctx).get(id);
  }

  @Mutation(() => DominioSaved, { description: 'Creates or updates a dominio (Ente Creditore).' })
  async saveDominio(
    @Arg('idDominio', () => ID) id: string,
    @Arg('input', () => DominioInput) input: DominioInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return saved(await domini(ctx).save(id, input));
  }

  @FieldResolver(() => Stazione)
  async stazione(@Root() d: DominioView, @Ctx() ctx: SubgraphContext) {
    return loaders.stazione(ctx).load(d.idStazione);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Base64 logo.' })
  logo(@Root() d: DominioView, @Ctx() ctx: SubgraphContext) {
    return domini(ctx).logo(d.idDominio);
  }

  @FieldResolver(() => UnitaOperativaConnection)
  async unitaOperative(
    @Root() d: DominioView,
    @Args() page: PageArgs,
    @Arg('abilitato', () => Boolean, { nullable: true }) abilitato: boolean | null,
    @Arg('ragioneSociale', () => String, { nullable: true }) ragioneSociale: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = pageRequest(page, UNITA_ORDER, '+ragioneSociale');
    return toConnection(await domini(ctx).listUnitaOperative(d.idDominio, { abilitato, testo: ragioneSociale }, req));
  }

  @FieldResolver(() => ContoAccreditoConnection)
  async contiAccredito(
    @Root() d: DominioView,
    @Args() page: PageArgs,
    @Arg('abilitato', () => Boolean, { nullable: true }) abilitato: boolean | null,
    @Arg('iban', () => String, { nullable: true }) iban: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = pageRequest(page, CONTI_ORDER, '+iban');
    return toConnection(await domini(ctx).listContiAccredito(d.idDominio, { abilitato, testo: iban }, req));
  }

  @FieldResolver(() => EntrataDominioConnection)
  async entrate(
    @Root() d: DominioView,
    @Args() page: PageArgs,
    @Arg('abilitato', () => Boolean, { nullable: true }) abilitato: boolean | null,
    @Arg('descrizione', () => String, { nullable: true }) descrizione: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = pageRequest(page, ENTRATE_DOMINIO_ORDER, '+idEntrata');
    return toConnection(await domini(ctx).listEntrate(d.idDominio, { abilitato, testo: descrizione }, req));
  }

  @FieldResolver(() => TipoPendenzaDominioConnection)
  async tipiPendenza(
    @Root() d: DominioView,
    @Args() page: PageArgs,
    @Arg('abilitato', () => Boolean, { nullable: true }) abilitato: boolean | null,
    @Arg('descrizione', () => String, { nullable: true }) descrizione: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = pageRequest(page, TIPI_PENDENZA_DOMINIO_ORDER, '+descrizione');
    return toConnection(await domini(ctx).listTipiPendenza(d.idDominio, { abilitato, testo: descrizione }, req));
  }
}

@Resolver()
export class DominioDettaglioResolver {
  @Query(() => UnitaOperativa)
  unitaOperativa(@Arg('idDominio', () => ID) idDominio: string, @Arg('idUnita', () => ID) idUnita: string, @Ctx() ctx: SubgraphContext) {
    return domini(ctx).getUnitaOperativa(idDominio, idUnita);
  }

  @Mutation(() => UnitaOperativaSaved)
  async saveUnitaOperativa(
    @Arg('idDominio', () => ID) idDominio: string,
    @Arg('idUnita', () => ID) idUnita: string,
    @Arg('input', () => UnitaOperativaInput) input: UnitaOperativaInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return saved(await domini(ctx).saveUnitaOperativa(idDominio, idUnita, input));
  }

  @Query(() => ContoAccredito)
  contoAccredito(@Arg('idDominio', () => ID) idDominio: string, @Arg('iban', () => ID) iban: string, @Ctx() ctx: SubgraphContext) {
    return domini(ctx).getContoAccredito(idDominio, iban);
  }

  @Mutation(() => ContoAccreditoSaved)
  async saveContoAccredito(
    @Arg('idDominio', () => ID) idDominio: string,
    @Arg('iban', () => ID) iban: string,
    @Arg('input', () => ContoAccreditoInput) input: ContoAccreditoInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return saved(await domini(ctx).saveContoAccredito(idDominio, iban, input));
  }

  @Query(() => EntrataDominio)
  entrataDominio(
    @Arg('idDominio', () => ID) idDominio: string,
    @Arg('idEntrata', () => ID) idEntrata: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return domini(ctx).getEntrata(idDominio, idEntrata);
  }

  @Mutation(() => EntrataDominioSaved)
  async saveEntrataDominio(
    @Arg('idDominio', () => ID) idDominio: string,
    @Arg('idEntrata', () => ID) idEntrata: string,
    @Arg('input', () => EntrataDominioInput) input: EntrataDominioInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return saved(await domini(ctx).saveEntrata(idDominio, idEntrata, input));
  }

  @Query(() => TipoPendenzaDominio)
  tipoPendenzaDominio(
    @Arg('idDominio', () => ID) idDominio: string,
    @Arg('idTipoPendenza', () => ID) idTipoPendenza: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return domini(ctx).getTipoPendenza(idDominio, idTipoPendenza);
  }

  @Mutation(() => TipoPendenzaDominioSaved)
  async saveTipoPendenzaDominio(
    @Arg('idDominio', () => ID) idDominio: string,
    @Arg('idTipoPendenza', () => ID) idTipoPendenza: string,
    @Arg('input', () => TipoPendenzaDominioInput) input: TipoPendenzaDominioInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return saved(await domini(ctx).saveTipoPendenza(idDominio, idTipoPendenza, input));
  }
}

@Resolver()
export class CatalogoResolver {
  @Query(() => EntrataConnection, { description: 'Hub-wide entrate; orderBy: idEntrata, descrizione.' })
  async entrate(@Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await catalogo(ctx).listEntrate(pageRequest(page, ENTRATE_ORDER, '+idEntrata')));
  }

  @Query(() => Entrata)
  entrata(@Arg('idEntrata', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return catalogo(ctx).getEntrata(id);
  }

  @Mutation(() => EntrataSaved)
  async saveEntrata(
    @Arg('idEntrata', () => ID) id: string,
    @Arg('input', () => EntrataInput) input: EntrataInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return saved(await catalogo(ctx).saveEntrata(id, input));
  }

  @Query(() => TipoPendenzaConnection, { description: 'Hub-wide tipi pendenza; orderBy: idTipoPendenza, descrizione.' })
  async tipiPendenza(
    @Args() page: PageArgs,
    @Arg('abilitato', () => Boolean, { nullable: true }) abilitato: boolean | null,
    @Arg('idTipoPendenza', () => String, { nullable: true }) idTipoPendenza: string | null,
    @Arg('descrizione', () => String, { nullable: true }) descrizione: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = pageRequest(page, TIPI_PENDENZA_ORDER, '+idTipoPendenza');
    return toConnection(await catalogo(ctx).listTipiPendenza({ abilitato, idTipoPendenza, descrizione }, req));
  }

  @Query(() => TipoPendenza)
  tipoPendenza(@Arg('idTipoPendenza', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return catalogo(ctx).getTipoPendenza(id);
  }

  @Mutation(() => TipoPendenzaSaved)
  async saveTipoPendenza(
    @Arg('idTipoPendenza', () => ID) id: string,
    @Arg('input', () => TipoPendenzaInput) input: TipoPendenzaInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return saved(await catalogo(ctx).saveTipoPendenza(id, input));
  }
}

@Resolver()
export class UtenzeResolver {
  @Query(() => ApplicazioneConnection, { description: 'orderBy: idA2A, principal.' })
  async applicazioni(
    @Args() page: PageArgs,
    @Arg('abilitato', () => Boolean, { nullable: true }) abilitato: boolean | null,
    @Arg('idA2A', () => String, { nullable: true }) idA2A: string | null,
    @Arg('principal', () => String, { nullable: true }) principal: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const req = pageRequest(page, APPLICAZIONI_ORDER, '+idA2A');
    return toConnection(await utenze(ctx).listApplicazioni({ abilitato, idA2A, principal }, req));
  }

  @Query(() => Applicazione)
  applicazione(@Arg('idA2A', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return utenze(ctx).getApplicazione(id);
  }

  @Mutation(() => ApplicazioneSaved)
  async saveApplicazione(
    @Arg('idA2A', () => ID) id: string,
    @Arg('input', () => ApplicazioneInput) input: ApplicazioneInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return saved(await utenze(ctx).saveApplicazione(id, input));
  }

  @Query(() => OperatoreConnection, { description: 'orderBy: ragioneSociale, principal.' })
  async operatori(
    @Args() page: PageArgs,
    @Arg('abilitato', () => Boolean, { nullable: true }) abilitato: boolean | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return toConnection(await utenze(ctx).listOperatori({ abilitato }, pageRequest(page, OPERATORI_ORDER, '+ragioneSociale')));
  }

  @Query(() => Operatore)
  operatore(@Arg('principal', () => ID) principal: string, @Ctx() ctx: SubgraphContext) {
    return utenze(ctx).getOperatore(principal);
  }

  @Mutation(() => OperatoreSaved)
  async saveOperatore(
    @Arg('principal', () => ID) principal: string,
    @Arg('input', () => OperatoreInput) input: OperatoreInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return saved(await utenze(ctx).saveOperatore(principal, input));
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
