import DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Pendenza as PendenzaEntity } from '../../../schema/entities';
import { ListPageArgs, orderedPage, toConnection } from '../../runtime/connection';
import { memoized, type SubgraphContext } from '../../runtime/context';
import { integerKeyOf } from '../../runtime/node';
import { PENDENZE_ORDER, PendenzeService } from '../domain/pendenze';
import { toPendenzaView, type PendenzaView, type VoceView } from '../domain/views';
import { PendenzaFilter, PendenzaOrder } from './pendenze-list';
import {
  AnnullaPendenzaInput,
  AnnullaPendenzaPayload,
  CaricaPendenzaInput,
  CaricaPendenzaPayload,
  ModificaPendenzaInput,
  ModificaPendenzaPayload,
} from './pendenze-inputs';
import { LinguaSecondaria } from './lingua';
import { TracciatoResolver } from './tracciati';
import { pagatoOf, type Pagato, type PendenzaKey } from '../domain/pagato';
import { Importo } from '../../runtime/scalars';
import {
  AnnotaPendenzaInput,
  ApplicazioneRef,
  DominioRef,
  FileAllegato,
  Pendenza,
  PendenzaConnection,
  PendenzaPayload,
  TipoPendenzaRef,
  VerificaPendenzaInput,
  VocePendenza,
} from './types';

const pendenze = (ctx: SubgraphContext) => new PendenzeService(ctx.em, ctx.principal);

@Resolver(() => Pendenza)
export class PendenzaResolver {
  @Query(() => Pendenza)
  pendenza(@Arg('idA2A', () => ID) idA2A: string, @Arg('idPendenza', () => ID) idPendenza: string, @Ctx() ctx: SubgraphContext) {
    return pendenze(ctx).get(idA2A, idPendenza);
  }

  @Query(() => Pendenza, { description: 'The pendenza of an avviso (numero avviso of a dominio).' })
  pendenzaByAvviso(
    @Arg('idDominio', () => ID) idDominio: string,
    @Arg('numeroAvviso', () => ID) numeroAvviso: string,
    @Arg('idDebitore', () => String, {
      nullable: true,
      description: "The debtor's codice fiscale: how an anonymous caller shows the avviso is theirs.",
    })
    idDebitore: string | null,
    @Arg('UUID', () => String, { nullable: true, description: "The pendenza's UUID: the other way an anonymous caller shows it." })
    UUID: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return pendenze(ctx).getByAvviso(idDominio, numeroAvviso, { idDebitore, UUID });
  }

  @Query(() => PendenzaConnection, {
    description: 'The pendenze the caller may see, newest first (dataCaricamento) unless orderBy says otherwise.',
  })
  async pendenze(
    @Arg('filter', () => PendenzaFilter, { nullable: true }) filter: PendenzaFilter | null,
    @Arg('orderBy', () => [PendenzaOrder], { nullable: true }) orderBy: PendenzaOrder[] | null,
    @Args() page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return toConnection(await pendenze(ctx).list(filter ?? {}, orderedPage(page, orderBy, PENDENZE_ORDER, 'DATA_CARICAMENTO', 'DESC')));
  }

  @Query(() => String, { description: 'The avvisi of the rate of a documento, as one base64 PDF.' })
  async documentoAvvisiPdf(
    @Arg('idDominio', () => ID) idDominio: string,
    @Arg('numeroDocumento', () => ID) numeroDocumento: string,
    @Arg('numeriAvviso', () => [String], { nullable: true }) numeriAvviso: string[] | null,
    @Arg('linguaSecondaria', () => LinguaSecondaria, { nullable: true }) lingua: LinguaSecondaria | null,
    @Arg('idA2A', () => String, { nullable: true, description: "The applicazione whose documento it is (the Backoffice's path names it)." })
    idA2A: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return (await pendenze(ctx).documentoPdf(idDominio, numeroDocumento, numeriAvviso, lingua, idA2A)).toString('base64');
  }

  @Query(() => FileAllegato, { description: "An allegato's file (base64), by its global id or its numero (exactly one)." })
  async allegato(
    @Arg('numero', () => Int, { nullable: true }) numero: number | null,
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const a = await pendenze(ctx).fileAllegato(integerKeyOf('AllegatoPendenza', { numero, id }));
    return { nome: a.nome, tipo: a.tipo, contenuto: a.contenuto.toString('base64') };
  }

  @Mutation(() => CaricaPendenzaPayload, {
    description: "Loads a pendenza, or loads it again under the same keys (GovPay's PUT): created tells which.",
  })
  async caricaPendenza(
    @Arg('input', () => CaricaPendenzaInput) input: CaricaPendenzaInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<{ created: boolean; pendenza: PendenzaView }> {
    const { created, value } = await pendenze(ctx).save(input.idA2A, input.idPendenza, input.pendenza);
    return { created, pendenza: value };
  }

  @Mutation(() => ModificaPendenzaPayload, { description: "Applies GovPay's JSON-patch of a pendenza (GovPay's PATCH)." })
  async modificaPendenza(@Arg('input', () => ModificaPendenzaInput) input: ModificaPendenzaInput, @Ctx() ctx: SubgraphContext) {
    return { pendenza: await pendenze(ctx).patch(input.idA2A, input.idPendenza, input.operazioni) };
  }

  @Mutation(() => AnnullaPendenzaPayload, {
    description: "Cancels an unpaid pendenza (stato ANNULLATA), as GovPay's PATCH of /stato does, with the same rights and checks.",
  })
  async annullaPendenza(@Arg('input', () => AnnullaPendenzaInput) input: AnnullaPendenzaInput, @Ctx() ctx: SubgraphContext) {
    const descrizione = input.descrizioneStato ? [{ op: 'REPLACE', path: '/descrizioneStato', value: input.descrizioneStato }] : [];
    const ops = [{ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }, ...descrizione];
    return { pendenza: await pendenze(ctx).patch(input.idA2A, input.idPendenza, ops) };
  }

  @Mutation(() => PendenzaPayload, {
    description: "Marks a pendenza's anomalies as looked at by an operator (GovPay's PATCH /ack), or not.",
  })
  async verificaPendenza(@Arg('input', () => VerificaPendenzaInput) input: VerificaPendenzaInput, @Ctx() ctx: SubgraphContext) {
    const op = { op: 'REPLACE', path: '/ack', value: input.verificato };
    return { pendenza: await pendenze(ctx).patch(input.idA2A, input.idPendenza, [op]) };
  }

  @Mutation(() => PendenzaPayload, { description: "Adds an operator's note to a pendenza (GovPay's PATCH /nota)." })
  async annotaPendenza(@Arg('input', () => AnnotaPendenzaInput) input: AnnotaPendenzaInput, @Ctx() ctx: SubgraphContext) {
    const { idA2A, idPendenza, ...nota } = input;
    return { pendenza: await pendenze(ctx).patch(idA2A, idPendenza, [{ op: 'ADD', path: '/nota', value: stripUndefined(nota) }]) };
  }

  @FieldResolver(() => Importo, { description: "Paid through accepted receipts (GovPay's importoPagato); 0.00 when unpaid." })
  async importoPagato(@Root() p: PendenzaView, @Ctx() ctx: SubgraphContext) {
    return (await pagatoLoader(ctx).load(p)).importoPagatoCents;
  }

  @FieldResolver(() => Importo, { description: "Of what was paid, what a riconciliazione has covered (GovPay's importoIncassato)." })
  async importoIncassato(@Root() p: PendenzaView, @Ctx() ctx: SubgraphContext) {
    return (await pagatoLoader(ctx).load(p)).importoIncassatoCents;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The IUV of the latest accepted receipt.' })
  async iuvPagamento(@Root() p: PendenzaView, @Ctx() ctx: SubgraphContext) {
    return (await pagatoLoader(ctx).load(p)).iuvPagamento;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The Avviso pagoPA as a base64 PDF, with its labels also in linguaSecondaria.',
  })
  async avvisoPdf(
    @Root() p: PendenzaView,
    @Arg('linguaSecondaria', () => LinguaSecondaria, { nullable: true }) lingua: LinguaSecondaria | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    if (!p.numeroAvviso) return null;
    // The pendenza was read with the caller's rights (an anonymous caller's proof included): its UUID proves it again.
    return (await pendenze(ctx).avvisoPdf(p.idA2A, p.idPendenza, lingua, { UUID: p.UUID })).toString('base64');
  }

  @FieldResolver(() => DominioRef)
  dominio(@Root() p: PendenzaView): DominioRef {
    return { idDominio: p.idDominio };
  }

  @FieldResolver(() => TipoPendenzaRef)
  tipoPendenza(@Root() p: PendenzaView): TipoPendenzaRef {
    return { idTipoPendenza: p.idTipoPendenza };
  }

  @FieldResolver(() => ApplicazioneRef)
  applicazione(@Root() p: PendenzaView): ApplicazioneRef {
    return { idA2A: p.idA2A };
  }
}

@Resolver(() => VocePendenza)
export class VocePendenzaResolver {
  @FieldResolver(() => DominioRef, { nullable: true, description: "The beneficiary, when it is not the pendenza's dominio." })
  dominio(@Root() v: VoceView): DominioRef | null {
    return v.idDominio ? { idDominio: v.idDominio } : null;
  }
}

/** What was paid and cashed of the pendenze a request shows, in one query. */
const pagatoLoader = (ctx: SubgraphContext) =>
  memoized(
    ctx,
    'pagato',
    () =>
      new DataLoader<PendenzaKey, Pagato, string>((keys) => pagatoOf(ctx.em, keys), {
        cacheKeyFn: (k) => JSON.stringify([k.idA2A, k.idPendenza]),
      }),
  );

/** The graph gives an absent optional argument as undefined; the domain's defaults fill it. */
const stripUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

type Ref = { idA2A?: string; idPendenza?: string; idDominio?: string; numeroAvviso?: string };

/** Pendenze referenced by other subgraphs, by either key, one query per request and key. */
function pendenzaLoader(ctx: SubgraphContext): DataLoader<Ref, PendenzaView | null, string> {
  return memoized(
    ctx,
    'pendenza',
    () =>
      new DataLoader<Ref, PendenzaView | null, string>(
        async (refs) => {
          const rows = await ctx.em.find(
            PendenzaEntity,
            {
              $or: refs.map((r) =>
                r.idPendenza
                  ? { applicazione: { idA2A: r.idA2A }, idPendenza: r.idPendenza }
                  : { dominio: { idDominio: r.idDominio }, numeroAvviso: r.numeroAvviso },
              ),
            } as never,
            { populate: ['dominio', 'tipoPendenza', 'applicazione', 'unitaOperativa', 'voci'] as never },
          );
          const views = rows.map((r) => toPendenzaView(r));
          return refs.map(
            (r) =>
              views.find((v) =>
                r.idPendenza
                  ? v.idA2A === r.idA2A && v.idPendenza === r.idPendenza
                  : v.idDominio === r.idDominio && v.numeroAvviso === r.numeroAvviso,
              ) ?? null,
          );
        },
        { cacheKeyFn: (r) => JSON.stringify([r.idA2A, r.idPendenza, r.idDominio, r.numeroAvviso]) },
      ),
  );
}

export const referenceResolvers = {
  Pendenza: {
    __resolveReference: (ref: Ref, ctx: SubgraphContext) => pendenzaLoader(ctx).load(ref),
  },
};

export const pendenzeResolvers = [PendenzaResolver, VocePendenzaResolver, TracciatoResolver] as const;
