import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { errors } from '../../../core/errors';
import { COUNT_LIMIT_DESCRIPTION, pageRequest, toConnection } from '../../runtime/connection';
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
  RuoloOrderField,
  SalvaRuoloInput,
  SalvaRuoloPayload,
} from './ruoli-types';
import { Ruolo, RuoloConnection } from './types';

/** Largest page of roles (DESIGN.md §4b). */
const MAX_FIRST = 100;

const ORDER_FIELDS: Record<RuoloOrderField, string> = { [RuoloOrderField.ID_RUOLO]: RUOLI_ORDER.idRuolo };

const ruoli = (ctx: SubgraphContext) => new RuoliService(ctx.em, ctx.principal);
const utenze = (ctx: SubgraphContext) => new UtenzeService(ctx.em, ctx.principal);

/** Roles ('Anagrafica Ruoli') and the patch mutations of roles, utenze and the caller's own profile. */
@Resolver()
export class RuoliResolver {
  @Query(() => RuoloConnection, { description: 'Roles, by idRuolo unless ordered otherwise.' })
  async ruoli(
    @Arg('filter', () => RuoloFilter, { nullable: true }) filter: RuoloFilter | null,
    @Arg('orderBy', () => [RuoloOrder], { nullable: true }) orderBy: RuoloOrder[] | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25, description: `Page size, 0..${MAX_FIRST}; 0 only counts.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'pageInfo.endCursor of the previous page.' }) after: string | null,
    @Arg('offset', () => Int, { nullable: true, description: 'Rows to skip; ignored when `after` is given.' }) offset: number | null,
    @Arg('withCount', () => Boolean, { nullable: true, defaultValue: true, description: 'Compute totalCount.' }) withCount: boolean,
    @Arg('countLimit', () => Int, { nullable: true, description: COUNT_LIMIT_DESCRIPTION }) countLimit: number | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    if (first > MAX_FIRST) throw errors.syntax(`Il campo first deve essere compreso tra 0 e ${MAX_FIRST}.`);
    const page = pageRequest(
      { first, after: after ?? undefined, offset: offset ?? undefined, withCount, countLimit },
      RUOLI_ORDER,
      '+idRuolo',
    );
    if (orderBy?.length) page.orderBy = orderBy.map((o) => [ORDER_FIELDS[o.field], o.direction]);
    return toConnection(await ruoli(ctx).list({ idRuolo: filter?.idRuolo }, page));
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
