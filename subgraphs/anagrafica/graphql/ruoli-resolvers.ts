import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ListPageArgs, orderedPage, toConnection } from '../../runtime/connection';
import type { SubgraphContext } from '../../runtime/context';
import { RUOLI_ORDER, RuoliService } from '../domain/ruoli';
import { UtenzeService } from '../domain/utenze';
import {
  ModificaApplicazioneInput,
  ModificaApplicazionePayload,
  ModificaOperatoreInput,
  ModificaOperatorePayload,
  ModificaProfiloInput,
  ModificaProfiloPayload,
  ModificaRuoloInput,
  ModificaRuoloPayload,
  RuoloFilter,
  RuoloOrder,
  SalvaRuoloInput,
  SalvaRuoloPayload,
} from './ruoli-types';
import { Ruolo, RuoloConnection } from './types';

const ruoli = (ctx: SubgraphContext) => new RuoliService(ctx.em, ctx.principal);
const utenze = (ctx: SubgraphContext) => new UtenzeService(ctx.em, ctx.principal);

/** Roles ('Anagrafica Ruoli') and the patch mutations of roles, utenze and the caller's own profile. */
@Resolver()
export class RuoliResolver {
  @Query(() => RuoloConnection, { description: 'Roles, by idRuolo unless ordered otherwise.' })
  async ruoli(
    @Arg('filter', () => RuoloFilter, { nullable: true, description: 'Which roles.' }) filter: RuoloFilter | null,
    @Arg('orderBy', () => [RuoloOrder], { nullable: true, description: 'Sort keys, first first.' }) orderBy: RuoloOrder[] | null,
    @Args(() => ListPageArgs) args: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return toConnection(await ruoli(ctx).list({ idRuolo: filter?.idRuolo }, orderedPage(args, orderBy, RUOLI_ORDER, 'ID_RUOLO')));
  }

  @Query(() => Ruolo, { description: 'A role by name.' })
  ruolo(@Arg('idRuolo', () => String) idRuolo: string, @Ctx() ctx: SubgraphContext) {
    return ruoli(ctx).get(idRuolo);
  }

  @Mutation(() => SalvaRuoloPayload, { description: 'Creates a role or replaces its ACLs.' })
  async salvaRuolo(@Arg('input', () => SalvaRuoloInput) input: SalvaRuoloInput, @Ctx() ctx: SubgraphContext) {
    const { created, value } = await ruoli(ctx).save(input.idRuolo, { acl: input.acl });
    return { ruolo: value, creato: created };
  }

  @Mutation(() => ModificaRuoloPayload, { description: "Changes some of a role's ACLs (GovPay's PATCH)." })
  async modificaRuolo(@Arg('input', () => ModificaRuoloInput) input: ModificaRuoloInput, @Ctx() ctx: SubgraphContext) {
    return { ruolo: await ruoli(ctx).patch(input.idRuolo, input.operazioni) };
  }

  @Mutation(() => ModificaApplicazionePayload, { description: "Changes part of an applicazione (GovPay's PATCH)." })
  async modificaApplicazione(@Arg('input', () => ModificaApplicazioneInput) input: ModificaApplicazioneInput, @Ctx() ctx: SubgraphContext) {
    return { applicazione: await utenze(ctx).patchApplicazione(input.idA2A, input.operazioni) };
  }

  @Mutation(() => ModificaOperatorePayload, { description: "Changes part of an operatore (GovPay's PATCH)." })
  async modificaOperatore(@Arg('input', () => ModificaOperatoreInput) input: ModificaOperatoreInput, @Ctx() ctx: SubgraphContext) {
    return { operatore: await utenze(ctx).patchOperatore(input.principal, input.operazioni) };
  }

  @Mutation(() => ModificaProfiloPayload, { description: 'The calling operatore changes its own password.' })
  async modificaProfilo(@Arg('input', () => ModificaProfiloInput) input: ModificaProfiloInput, @Ctx() ctx: SubgraphContext) {
    return { profilo: await utenze(ctx).patchProfilo(input.operazioni) };
  }
}
