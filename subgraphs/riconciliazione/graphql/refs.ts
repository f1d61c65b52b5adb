import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
export { DominioRef } from '../../runtime/dominio-ref';
export { globalId, pkOf } from '../domain/incassi/global-id';

/*
 * What the riconciliazione subgraph's types share: the other subgraphs' entities it points at, by
 * key only (resolvable: false: the owning subgraph resolves them), and the order direction of its lists.
 */

@Directive('@key(fields: "idDominio iuv ccp", resolvable: false)')
@ObjectType('Rpp', { description: 'A payment attempt and its receipt (owned by the pagamenti subgraph).' })
export class RppRef {
  @Field(() => ID, { description: 'The Ente creditore.' }) idDominio!: string;
  @Field(() => ID, { description: 'The IUV paid.' }) iuv!: string;
  @Field(() => ID, { description: "The receipt's receiptId." }) ccp!: string;
}

@Directive('@key(fields: "idA2A idPendenza", resolvable: false)')
@ObjectType('Pendenza', { description: 'A debt position (owned by the pendenze subgraph).' })
export class PendenzaRef {
  @Field(() => ID, { description: 'The applicazione that holds it.' }) idA2A!: string;
  @Field(() => ID, { description: "The applicazione's id of it." }) idPendenza!: string;
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection', description: 'Ascending or descending.' });

/*
 * The flussi helper's types, as far as the incassi need them, until its graph/flussi-types.ts
 * lands: at the merge these two give way to its full FlussoRendicontazione and Rendicontazione.
 */
@Directive('@key(fields: "id")')
@ObjectType('FlussoRendicontazione', { description: 'A reporting flow a PSP published for a dominio.' })
export class FlussoRendicontazioneStub {
  @Field(() => ID, { description: 'Global id.' }) id!: string;
  @Field(() => String, { description: "The PSP's identificativoFlusso." }) idFlusso!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Rendicontazione', { description: 'One payment a reporting flow reports.' })
export class RendicontazioneStub {
  @Field(() => ID, { description: 'Global id.' }) id!: string;
}
