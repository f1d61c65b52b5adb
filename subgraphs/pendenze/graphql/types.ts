import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../runtime/connection';
export { DominioRef } from '../../runtime/dominio-ref';
import { Soggetto } from '../../runtime/soggetto';
import { TipoContabilita } from '../../runtime/contabilita';
export { Soggetto };
import { Importo } from '../../runtime/scalars';
import { Node } from '../../runtime/node';
import type { StatoVoce } from '../../../schema/entities';
import type { StatoPendenzaView, TipologiaPendenza as Tipologia } from '../domain/views';
import { StatoPendenza, StatoVocePendenza, TipologiaPendenza } from './stati';

/* The pendenze subgraph's types. Resolvers return the domain's views, whose fields match these. */

@Directive('@key(fields: "idTipoPendenza", resolvable: false)')
@ObjectType('TipoPendenza', { description: 'A kind of debt position (owned by the anagrafica subgraph).' })
export class TipoPendenzaRef {
  @Field(() => ID) idTipoPendenza!: string;
}

@Directive('@key(fields: "idA2A", resolvable: false)')
@ObjectType('Applicazione', { description: 'The system that loaded the pendenza (owned by the anagrafica subgraph).' })
export class ApplicazioneRef {
  @Field(() => ID) idA2A!: string;
}

@ObjectType({ description: 'The office of the dominio a pendenza belongs to.' })
export class UnitaOperativaPendenza {
  @Field(() => String) idUnita!: string;
  @Field(() => String) ragioneSociale!: string;
}

@ObjectType({ description: 'One item of a pendenza.' })
export class VocePendenza {
  @Field(() => Int) indice!: number;
  @Field(() => String) idVocePendenza!: string;
  @Field(() => Importo, { name: 'importo' }) importoCents!: number;
  @Field(() => String) descrizione!: string;
  @Field(() => String, { nullable: true }) descrizioneCausaleRPT?: string;
  @Field(() => StatoVocePendenza) stato!: StatoVoce;
  @Field(() => String, { nullable: true, description: "Beneficiary when not the pendenza's dominio." }) idDominio?: string;
  @Field(() => String, { nullable: true }) codEntrata?: string;
  @Field(() => String, { nullable: true }) ibanAccredito?: string;
  @Field(() => String, { nullable: true }) ibanAppoggio?: string;
  @Field(() => TipoContabilita, { nullable: true }) tipoContabilita?: TipoContabilita;
  @Field(() => String, { nullable: true }) codiceContabilita?: string;
  @Field(() => String, { nullable: true }) tipoBollo?: string;
  @Field(() => String, { nullable: true }) hashDocumento?: string;
  @Field(() => String, { nullable: true }) provinciaResidenza?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) contabilita?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) datiAllegati?: Record<string, unknown>;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A file attached to a pendenza (its content: allegato(id:)).', implements: Node })
export class AllegatoPendenza {
  @Field(() => String) nome!: string;
  @Field(() => String, { description: 'MIME type' }) tipo!: string;
  @Field(() => String, { nullable: true }) descrizione?: string;
}

@ObjectType({ description: "An allegato's file." })
export class FileAllegato {
  @Field(() => String) nome!: string;
  @Field(() => String) tipo!: string;
  @Field(() => String, { description: 'base64' }) contenuto!: string;
}

@ObjectType({ description: "An operator's note on a pendenza." })
export class NotaPendenza {
  @Field(() => String, { description: 'Who wrote it (the operatore or applicazione).' }) autore!: string;
  @Field(() => String) oggetto!: string;
  @Field(() => String) testo!: string;
  @Field(() => String) tipo!: string;
  @Field(() => Date) data!: Date;
}

@Directive('@key(fields: "idA2A idPendenza")')
@Directive('@key(fields: "idDominio numeroAvviso")')
@Directive('@key(fields: "id")')
@ObjectType({ description: "A debt position loaded by an Ente's system.", implements: Node })
export class Pendenza {
  @Field(() => ID) idA2A!: string;
  @Field(() => ID) idPendenza!: string;
  @Field(() => String) idTipoPendenza!: string;
  @Field(() => String) idDominio!: string;
  @Field(() => UnitaOperativaPendenza, { nullable: true }) unitaOperativa?: UnitaOperativaPendenza;
  @Field(() => StatoPendenza) stato!: StatoPendenzaView;
  @Field(() => String, { nullable: true }) descrizioneStato?: string;
  @Field(() => Boolean, { description: 'A payment an operator must look at: a receipt arrived after the pendenza was cancelled.' })
  anomalo!: boolean;
  @Field(() => Boolean, { description: "An operator has looked at the anomalies (GovPay's ack)." }) verificato!: boolean;
  @Field(() => [NotaPendenza], { description: "The operators' notes, oldest first." }) note!: NotaPendenza[];
  @Field(() => String, { nullable: true }) numeroAvviso?: string;
  @Field(() => String, { nullable: true }) iuvAvviso?: string;
  @Field(() => String) causale!: string;
  @Field(() => Soggetto) soggettoPagatore!: Soggetto;
  @Field(() => Importo, { name: 'importo' }) importoCents!: number;
  @Field(() => Date) dataCaricamento!: Date;
  @Field(() => Date) dataUltimoAggiornamento!: Date;
  @Field(() => String, { nullable: true, description: 'yyyy-MM-dd' }) dataValidita?: string;
  @Field(() => String, { nullable: true, description: 'yyyy-MM-dd' }) dataScadenza?: string;
  @Field(() => String, { nullable: true, description: 'yyyy-MM-dd' }) dataPagamento?: string;
  @Field(() => Int, { nullable: true }) annoRiferimento?: number;
  @Field(() => String, { nullable: true }) cartellaPagamento?: string;
  @Field(() => String, { nullable: true }) tassonomia?: string;
  @Field(() => String, { nullable: true }) tassonomiaAvviso?: string;
  @Field(() => String, { nullable: true }) direzione?: string;
  @Field(() => String, { nullable: true }) divisione?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) documento?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) datiAllegati?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) proprieta?: Record<string, unknown>;
  @Field(() => TipologiaPendenza) tipo!: Tipologia;
  @Field(() => String) UUID!: string;
  @Field(() => [VocePendenza]) voci!: VocePendenza[];
  @Field(() => [AllegatoPendenza]) allegati!: AllegatoPendenza[];
}

export const PendenzaConnection = Connection(Pendenza);

@InputType({ description: 'Which pendenza an operator has looked at, and whether its anomalies are verified.' })
export class VerificaPendenzaInput {
  @Field(() => ID) idA2A!: string;
  @Field(() => ID) idPendenza!: string;
  @Field(() => Boolean) verificato!: boolean;
}

@InputType({ description: 'A note to add to a pendenza; its oggetto becomes the descrizioneStato, as in GovPay.' })
export class AnnotaPendenzaInput {
  @Field(() => ID) idA2A!: string;
  @Field(() => ID) idPendenza!: string;
  @Field(() => String) oggetto!: string;
  @Field(() => String, { nullable: true }) testo?: string;
  @Field(() => String, { nullable: true }) tipo?: string;
}

@ObjectType({ description: 'The pendenza as it is after the change.' })
export class PendenzaPayload {
  @Field(() => Pendenza) pendenza!: Pendenza;
}
