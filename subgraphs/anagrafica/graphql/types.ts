import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../runtime/connection';
import { Node } from '../../runtime/node';
import { TipoContabilita } from '../../runtime/contabilita';
import { Diritto, ModalitaAutenticazione, ServizioAcl, VersioneApiIntegrazione, VersioneStazione } from './enums';

/* The anagrafica's graph types. Resolvers return the domain's views, whose fields match these. */

@ObjectType({ description: 'Postal address and contacts of an Ente or of one of its offices.' })
abstract class ConRecapiti {
  @Field(() => String, { nullable: true }) indirizzo?: string;
  @Field(() => String, { nullable: true }) civico?: string;
  @Field(() => String, { nullable: true }) cap?: string;
  @Field(() => String, { nullable: true }) localita?: string;
  @Field(() => String, { nullable: true }) provincia?: string;
  @Field(() => String, { nullable: true }) nazione?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) pec?: string;
  @Field(() => String, { nullable: true }) tel?: string;
  @Field(() => String, { nullable: true }) fax?: string;
  @Field(() => String, { nullable: true }) web?: string;
}

@Directive('@key(fields: "idIntermediario")')
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A pagoPA technological intermediary.', implements: Node })
export class Intermediario {
  @Field(() => ID) idIntermediario!: string;
  @Field(() => String) denominazione!: string;
  @Field(() => String, { description: 'Principal the Nodo authenticates as.' }) principalPagoPa!: string;
  @Field(() => GraphQLJSONObject) servizioPagoPa!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { description: 'Other connectors (FTP, RT recovery, ACA, GPD, FR, backoffice EC).' })
  altriServizi!: Record<string, unknown>;
  @Field(() => Boolean) abilitato!: boolean;
}

@Directive('@key(fields: "idStazione")')
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A station of an intermediario, called by the Nodo.', implements: Node })
export class Stazione {
  @Field(() => ID) idStazione!: string;
  @Field(() => String) idIntermediario!: string;
  @Field(() => VersioneStazione) versione!: VersioneStazione;
  @Field(() => Boolean) abilitato!: boolean;
  @Field(() => String) applicationCode!: string;
  @Field(() => Boolean, { description: 'Whether a password for the Nodo is set (never returned).' }) password!: boolean;
}

@Directive('@key(fields: "idDominio")')
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An Ente Creditore, identified by its codice fiscale.', implements: Node })
export class Dominio extends ConRecapiti {
  @Field(() => ID) idDominio!: string;
  @Field(() => String) ragioneSociale!: string;
  @Field(() => String) gln!: string;
  @Field(() => String, { nullable: true }) cbill?: string;
  @Field(() => String, { nullable: true }) iuvPrefix?: string;
  @Field(() => String) idStazione!: string;
  @Field(() => String) auxDigit!: string;
  @Field(() => String, { nullable: true }) segregationCode?: string;
  @Field(() => Boolean) abilitato!: boolean;
  @Field(() => String, { nullable: true }) autStampaPosteItaliane?: string;
  @Field(() => String, { nullable: true }) area?: string;
  @Field(() => Boolean) intermediato!: boolean;
  @Field(() => Boolean) scaricaFr!: boolean;
  @Field(() => String, {
    nullable: true,
    description: "Default return address of payments of this Ente's pendenze, after the portal's own.",
  })
  urlRitorno?: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An office of a dominio.', implements: Node })
export class UnitaOperativa extends ConRecapiti {
  @Field(() => String) idDominio!: string;
  @Field(() => ID) idUnita!: string;
  @Field(() => String) ragioneSociale!: string;
  @Field(() => String, { nullable: true }) area?: string;
  @Field(() => Boolean) abilitato!: boolean;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An account a dominio is credited on.', implements: Node })
export class ContoAccredito {
  @Field(() => String) idDominio!: string;
  @Field(() => ID) iban!: string;
  @Field(() => String, { nullable: true }) bic?: string;
  @Field(() => Boolean) postale!: boolean;
  @Field(() => Boolean) mybank!: boolean;
  @Field(() => Boolean) abilitato!: boolean;
  @Field(() => String, { nullable: true }) descrizione?: string;
  @Field(() => String, { nullable: true }) intestatario?: string;
  @Field(() => String, { nullable: true }) autStampaPosteItaliane?: string;
}

@Directive('@key(fields: "idEntrata")')
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A kind of revenue, hub-wide.', implements: Node })
export class Entrata {
  @Field(() => ID) idEntrata!: string;
  @Field(() => String) descrizione!: string;
  @Field(() => TipoContabilita) tipoContabilita!: TipoContabilita;
  @Field(() => String) codiceContabilita!: string;
}

@ObjectType({ description: 'A revenue enabled for a dominio.' })
export class EntrataDominio {
  @Field(() => String) idDominio!: string;
  @Field(() => String) idEntrata!: string;
  @Field(() => Entrata) tipoEntrata!: Entrata;
  @Field(() => String) ibanAccredito!: string;
  @Field(() => String, { nullable: true }) ibanAppoggio?: string;
  @Field(() => TipoContabilita, { nullable: true, description: "Overrides the entrata's when set." }) tipoContabilita?: TipoContabilita;
  @Field(() => String, { nullable: true }) codiceContabilita?: string;
  @Field(() => Boolean) abilitato!: boolean;
}

@ObjectType({ description: 'Presentation settings GovPay keeps on a tipo pendenza, returned as stored.' })
abstract class ConLayout {
  @Field(() => GraphQLJSONObject, { nullable: true }) portaleBackoffice?: unknown;
  @Field(() => GraphQLJSONObject, { nullable: true }) portalePagamento?: unknown;
  @Field(() => GraphQLJSONObject, { nullable: true }) avvisaturaMail?: unknown;
  @Field(() => GraphQLJSONObject, { nullable: true }) avvisaturaAppIO?: unknown;
  @Field(() => GraphQLJSONObject, { nullable: true }) visualizzazione?: unknown;
  @Field(() => GraphQLJSONObject, { nullable: true }) tracciatoCsv?: unknown;
}

@Directive('@key(fields: "idTipoPendenza")')
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A kind of debt position, hub-wide.', implements: Node })
export class TipoPendenza extends ConLayout {
  @Field(() => ID) idTipoPendenza!: string;
  @Field(() => String) descrizione!: string;
  @Field(() => String, { nullable: true }) codificaIUV?: string;
  @Field(() => Boolean) pagaTerzi!: boolean;
  @Field(() => Boolean) abilitato!: boolean;
}

@ObjectType({ description: "A dominio's own settings for a tipo pendenza." })
export class TipoPendenzaValori extends ConLayout {
  @Field(() => String, { nullable: true }) codificaIUV?: string;
  @Field(() => Boolean, { nullable: true }) pagaTerzi?: boolean;
  @Field(() => Boolean) abilitato!: boolean;
}

@ObjectType({ description: "A tipo pendenza enabled for a dominio: effective settings and the dominio's own." })
export class TipoPendenzaDominio extends ConLayout {
  @Field(() => String) idDominio!: string;
  @Field(() => String) idTipoPendenza!: string;
  @Field(() => String) descrizione!: string;
  @Field(() => String, { nullable: true }) codificaIUV?: string;
  @Field(() => Boolean) pagaTerzi!: boolean;
  @Field(() => Boolean) abilitato!: boolean;
  @Field(() => TipoPendenzaValori) valori!: TipoPendenzaValori;
}

@ObjectType({ description: 'The rights granted on one servizio.' })
export class AclEntry {
  @Field(() => ServizioAcl) servizio!: ServizioAcl;
  @Field(() => [Diritto]) autorizzazioni!: Diritto[];
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "GovPay's role: a named set of ACLs that applicazioni and operatori take on.", implements: Node })
export class Ruolo {
  @Field(() => ID, { description: 'Global id.' }) id!: string;
  @Field(() => ID, { description: "The role's name, as utenze list it." }) idRuolo!: string;
  @Field(() => [AclEntry], { description: 'The rights it grants.' }) acl!: AclEntry[];
}

@ObjectType()
export class UnitaAutorizzata {
  @Field(() => String) idUnita!: string;
  @Field(() => String) ragioneSociale!: string;
}

@ObjectType({ description: "A dominio an utenza may act on; idDominio '*' means all." })
export class DominioAutorizzato {
  @Field(() => String) idDominio!: string;
  @Field(() => String) ragioneSociale!: string;
  @Field(() => [UnitaAutorizzata], { nullable: true }) unitaOperative?: UnitaAutorizzata[];
}

@ObjectType({ description: "A tipo pendenza an utenza may act on; '*' means all." })
export class TipoPendenzaAutorizzato {
  @Field(() => String) idTipoPendenza!: string;
  @Field(() => String) descrizione!: string;
}

@ObjectType()
export class CodificaAvvisi {
  @Field(() => String, { nullable: true }) codificaIuv?: string;
  @Field(() => String, { nullable: true }) regExpIuv?: string;
  @Field(() => Boolean) generazioneIuvInterna!: boolean;
}

@ObjectType({ description: "The Ente's system the hub calls (verify, notify)." })
export class ServizioIntegrazione {
  @Field(() => String) url!: string;
  @Field(() => VersioneApiIntegrazione, { nullable: true }) versioneApi?: VersioneApiIntegrazione;
  @Field(() => GraphQLJSONObject, { nullable: true }) auth?: Record<string, unknown>;
}

@ObjectType()
abstract class Utenza {
  @Field(() => String) principal!: string;
  @Field(() => Boolean, { description: 'Whether an HTTP Basic password is set (never returned).' }) password!: boolean;
  @Field(() => [DominioAutorizzato]) domini!: DominioAutorizzato[];
  @Field(() => [TipoPendenzaAutorizzato]) tipiPendenza!: TipoPendenzaAutorizzato[];
  @Field(() => [AclEntry], { description: 'Its own rights; its roles add theirs.' }) acl!: AclEntry[];
  @Field(() => [String], { description: 'The names of its roles.' }) ruoli!: string[];
  @Field(() => [Ruolo], { description: 'Its roles that exist, with their rights.' }) ruoliAssegnati!: Ruolo[];
  @Field(() => Boolean) abilitato!: boolean;
}

@Directive('@key(fields: "idA2A")')
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A system integrated with the hub.', implements: Node })
export class Applicazione extends Utenza {
  @Field(() => ID) idA2A!: string;
  @Field(() => CodificaAvvisi) codificaAvvisi!: CodificaAvvisi;
  @Field(() => Boolean) apiPagamenti!: boolean;
  @Field(() => Boolean) apiPendenze!: boolean;
  @Field(() => Boolean) apiRagioneria!: boolean;
  @Field(() => ServizioIntegrazione, { nullable: true }) servizioIntegrazione?: ServizioIntegrazione;
  @Field(() => String, { nullable: true, description: 'Default return address of the payments this portal starts.' }) urlRitorno?: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person using the back-office.', implements: Node })
export class Operatore extends Utenza {
  @Field(() => String) ragioneSociale!: string;
}

@ObjectType({ description: 'The caller: who it is and what it may do.' })
export class Profilo {
  @Field(() => String) nome!: string;
  @Field(() => [DominioAutorizzato]) domini!: DominioAutorizzato[];
  @Field(() => [TipoPendenzaAutorizzato]) tipiPendenza!: TipoPendenzaAutorizzato[];
  @Field(() => [AclEntry], { description: 'Its own rights together with those of its roles.' }) acl!: AclEntry[];
  @Field(() => ModalitaAutenticazione) autenticazione!: ModalitaAutenticazione;
}

export const IntermediarioConnection = Connection(Intermediario);
export const StazioneConnection = Connection(Stazione);
export const DominioConnection = Connection(Dominio);
export const UnitaOperativaConnection = Connection(UnitaOperativa);
export const ContoAccreditoConnection = Connection(ContoAccredito);
export const EntrataConnection = Connection(Entrata);
export const EntrataDominioConnection = Connection(EntrataDominio);
export const TipoPendenzaConnection = Connection(TipoPendenza);
export const TipoPendenzaDominioConnection = Connection(TipoPendenzaDominio);
export const ApplicazioneConnection = Connection(Applicazione);
export const OperatoreConnection = Connection(Operatore);
export const RuoloConnection = Connection(Ruolo);
