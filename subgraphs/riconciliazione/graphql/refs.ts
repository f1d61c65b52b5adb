import { Directive, Field, ID, ObjectType } from 'type-graphql';
export { DominioRef } from '../../runtime/dominio-ref';
export { OrderDirection } from '../../runtime/order-direction';
// Merge of i13-flussi and i13-incassi: the incassi' stubs of the flow types are the flussi' full types.
export { FlussoRendicontazione as FlussoRendicontazioneStub, Rendicontazione as RendicontazioneStub } from './flussi-types';

/*
 * What the riconciliazione subgraph references by key only (resolvable: false: the owning
 * subgraph resolves them).
 */

/** A payment attempt and its receipt, owned by the pagamenti subgraph (which applies its own rights). */
@Directive('@key(fields: "idDominio iuv ccp", resolvable: false)')
@ObjectType('Rpp', { description: 'A payment attempt and its receipt (owned by the pagamenti subgraph).' })
export class RppRef {
  @Field(() => ID, { description: 'The Ente Creditore.' }) idDominio!: string;
  @Field(() => ID, { description: 'The IUV paid.' }) iuv!: string;
  @Field(() => ID, { description: "The receipt's receiptId." }) ccp!: string;
}

@Directive('@key(fields: "idA2A idPendenza", resolvable: false)')
@ObjectType('Pendenza', { description: 'A debt position (owned by the pendenze subgraph).' })
export class PendenzaRef {
  @Field(() => ID, { description: 'The applicazione that holds it.' }) idA2A!: string;
  @Field(() => ID, { description: "The applicazione's id of it." }) idPendenza!: string;
}
