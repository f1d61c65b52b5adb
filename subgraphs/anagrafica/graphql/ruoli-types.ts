import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PatchOperation } from '../../runtime/patch-operation';
import { Order, type OrderKey } from '../../runtime/ordering';
import { RUOLI_ORDER } from '../domain/ruoli';
import { Applicazione, Operatore, Profilo, Ruolo } from './types';
import { AclInput } from './inputs';

/*
 * Roles and the patch mutations of utenze and roles, in the graph's conventions (DESIGN.md §4b):
 * global ids, filter and typed orderBy inputs, one input and a payload per mutation.
 */

export const RuoloOrder = Order('Ruolo', RUOLI_ORDER, 'roles');
export type RuoloOrder = OrderKey<keyof typeof RUOLI_ORDER>;

@InputType({ description: 'Which roles to list.' })
export class RuoloFilter {
  @Field(() => ID, { nullable: true, description: 'The role of this name.' }) idRuolo?: string;
}

@InputType({ description: 'A role to create or replace.' })
export class SalvaRuoloInput {
  @Field(() => ID, { description: 'Its name: letters, digits, - and _, at most 255.' }) idRuolo!: string;
  @Field(() => [AclInput], { description: 'Every right it grants (replacing the ones it had).' }) acl!: AclInput[];
}

@ObjectType({ description: 'What salvaRuolo did.' })
export class SalvaRuoloPayload {
  @Field(() => Ruolo) ruolo!: Ruolo;
  @Field(() => Boolean, { description: 'True when the role did not exist before (REST 201).' }) creato!: boolean;
}

@InputType({ description: "One of GovPay's JSON-patch operations: which paths and values a resource accepts is the mutation's to say." })
export class PatchOpInput {
  @Field(() => PatchOperation) op!: PatchOperation;
  @Field(() => String, { description: 'e.g. /acl, /domini, /tipiPendenza, /password, /ruoli, /abilitato' }) path!: string;
  @Field(() => GraphQLJSON, { nullable: true }) value?: unknown;
}

@InputType({ description: "Changes to a role's ACLs: /acl with ADD (a servizio's rights) or DELETE (a servizio)." })
export class ModificaRuoloInput {
  @Field(() => ID) idRuolo!: string;
  @Field(() => [PatchOpInput]) operazioni!: PatchOpInput[];
}

@ObjectType({ description: 'What modificaRuolo did.' })
export class ModificaRuoloPayload {
  @Field(() => Ruolo) ruolo!: Ruolo;
}

@InputType({ description: 'Changes to an applicazione: /acl, /domini, /tipiPendenza, /password, /ruoli, /abilitato.' })
export class ModificaApplicazioneInput {
  @Field(() => ID) idA2A!: string;
  @Field(() => [PatchOpInput]) operazioni!: PatchOpInput[];
}

@ObjectType({ description: 'What modificaApplicazione did.' })
export class ModificaApplicazionePayload {
  @Field(() => Applicazione) applicazione!: Applicazione;
}

@InputType({ description: 'Changes to an operatore: /acl, /domini, /tipiPendenza, /password, /ruoli, /abilitato.' })
export class ModificaOperatoreInput {
  @Field(() => ID) principal!: string;
  @Field(() => [PatchOpInput]) operazioni!: PatchOpInput[];
}

@ObjectType({ description: 'What modificaOperatore did.' })
export class ModificaOperatorePayload {
  @Field(() => Operatore) operatore!: Operatore;
}

@InputType({ description: 'Changes an operatore makes to itself: only /password, as in GovPay.' })
export class ModificaProfiloInput {
  @Field(() => [PatchOpInput]) operazioni!: PatchOpInput[];
}

@ObjectType({ description: 'What modificaProfilo did.' })
export class ModificaProfiloPayload {
  @Field(() => Profilo) profilo!: Profilo;
}
