import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { TipoContabilita } from '../../runtime/contabilita';
import { Diritto, ServizioAcl, VersioneApiIntegrazione, VersioneStazione } from './enums';

/*
 * Mutation inputs. Their fields follow GovPay's request bodies; the domain validates the values
 * (lengths, patterns, references) for the graph and REST alike. Each `salvaX` takes `SalvaXInput`:
 * the record's key beside the fields of `XFields`.
 */

@InputType()
export class RecapitiInput {
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

@InputType()
export abstract class IntermediarioFields {
  @Field(() => String) denominazione!: string;
  @Field(() => String) principalPagoPa!: string;
  @Field(() => GraphQLJSONObject, { description: '{ urlRPT, auth?, subscriptionKey? }' }) servizioPagoPa!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) servizioFtp?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) servizioPagoPaRecuperoRT?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) servizioPagoPaACA?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) servizioPagoPaGPD?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) servizioPagoPaFR?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) servizioPagoPaBackofficeEC?: Record<string, unknown>;
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean;
}

@InputType()
export abstract class StazioneFields {
  @Field(() => String, { nullable: true, description: 'Password the Nodo sends; stored hashed.' }) password?: string;
  @Field(() => Boolean) abilitato!: boolean;
  @Field(() => VersioneStazione) versione!: VersioneStazione;
}

@InputType()
export abstract class DominioFields extends RecapitiInput {
  @Field(() => String) ragioneSociale!: string;
  @Field(() => String) gln!: string;
  @Field(() => String, { nullable: true }) cbill?: string;
  @Field(() => String, { nullable: true }) iuvPrefix?: string;
  @Field(() => String, { description: 'idStazione' }) stazione!: string;
  @Field(() => String, { nullable: true }) auxDigit?: string;
  @Field(() => String, { nullable: true }) segregationCode?: string;
  @Field(() => String, { nullable: true, description: 'Base64 logo.' }) logo?: string;
  @Field(() => Boolean) abilitato!: boolean;
  @Field(() => String, { nullable: true }) autStampaPosteItaliane?: string;
  @Field(() => String, { nullable: true }) area?: string;
  @Field(() => Boolean, { nullable: true }) intermediato?: boolean;
  @Field(() => Boolean) scaricaFr!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      "Where the browser returns from pagoPA for payments of this Ente's pendenze when neither the request nor its portal names an address; omitted: kept, null: removed.",
  })
  urlRitorno?: string | null;
}

@InputType()
export abstract class UnitaOperativaFields extends RecapitiInput {
  @Field(() => String) ragioneSociale!: string;
  @Field(() => String, { nullable: true }) area?: string;
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean;
}

@InputType()
export abstract class ContoAccreditoFields {
  @Field(() => String, { nullable: true }) bic?: string;
  @Field(() => Boolean, { nullable: true }) postale?: boolean;
  @Field(() => Boolean, { nullable: true }) mybank?: boolean;
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean;
  @Field(() => String, { nullable: true }) descrizione?: string;
  @Field(() => String, { nullable: true }) intestatario?: string;
  @Field(() => String, { nullable: true }) autStampaPosteItaliane?: string;
}

@InputType()
export abstract class EntrataFields {
  @Field(() => String) descrizione!: string;
  @Field(() => TipoContabilita) tipoContabilita!: TipoContabilita;
  @Field(() => String) codiceContabilita!: string;
}

@InputType()
export abstract class EntrataDominioFields {
  @Field(() => String) ibanAccredito!: string;
  @Field(() => String, { nullable: true }) ibanAppoggio?: string;
  @Field(() => TipoContabilita, { nullable: true }) tipoContabilita?: TipoContabilita;
  @Field(() => String, { nullable: true }) codiceContabilita?: string;
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean;
}

@InputType()
export class LayoutInput {
  @Field(() => GraphQLJSONObject, { nullable: true }) portaleBackoffice?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) portalePagamento?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) avvisaturaMail?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) avvisaturaAppIO?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) visualizzazione?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) tracciatoCsv?: Record<string, unknown>;
}

@InputType()
export abstract class TipoPendenzaFields extends LayoutInput {
  @Field(() => String) descrizione!: string;
  @Field(() => String, { nullable: true }) codificaIUV?: string;
  @Field(() => Boolean, { nullable: true }) pagaTerzi?: boolean;
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean;
}

@InputType()
export abstract class TipoPendenzaDominioFields extends LayoutInput {
  @Field(() => String, { nullable: true }) codificaIUV?: string;
  @Field(() => Boolean, { nullable: true }) pagaTerzi?: boolean;
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean;
}

@InputType()
export class AclInput {
  @Field(() => ServizioAcl) servizio!: ServizioAcl;
  @Field(() => [Diritto]) autorizzazioni!: Diritto[];
}

@InputType()
export class DominioAutorizzatoInput {
  @Field(() => String, { description: "idDominio, or '*' for all" }) idDominio!: string;
  @Field(() => [String], { nullable: true }) unitaOperative?: string[];
}

@InputType()
export class CodificaAvvisiInput {
  @Field(() => String, { nullable: true }) codificaIuv?: string;
  @Field(() => String, { nullable: true }) regExpIuv?: string;
  @Field(() => Boolean, { nullable: true }) generazioneIuvInterna?: boolean;
}

@InputType()
export class ServizioIntegrazioneInput {
  @Field(() => String) url!: string;
  @Field(() => VersioneApiIntegrazione, { nullable: true }) versioneApi?: VersioneApiIntegrazione;
  @Field(() => GraphQLJSONObject, { nullable: true }) auth?: Record<string, unknown>;
}

@InputType()
export class UtenzaInput {
  @Field(() => String, { nullable: true, description: 'HTTP Basic password; stored hashed, kept when omitted.' })
  password?: string;
  @Field(() => [DominioAutorizzatoInput], { nullable: true }) domini?: DominioAutorizzatoInput[];
  @Field(() => [String], { nullable: true, description: "idTipoPendenza values, or '*'" }) tipiPendenza?: string[];
  @Field(() => [AclInput], { nullable: true }) acl?: AclInput[];
  @Field(() => [String], { nullable: true }) ruoli?: string[];
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean;
}

@InputType()
export abstract class ApplicazioneFields extends UtenzaInput {
  @Field(() => String) principal!: string;
  @Field(() => CodificaAvvisiInput, { nullable: true }) codificaAvvisi?: CodificaAvvisiInput;
  @Field(() => Boolean, { nullable: true }) apiPagamenti?: boolean;
  @Field(() => Boolean, { nullable: true }) apiPendenze?: boolean;
  @Field(() => Boolean, { nullable: true }) apiRagioneria?: boolean;
  @Field(() => ServizioIntegrazioneInput, { nullable: true }) servizioIntegrazione?: ServizioIntegrazioneInput;
  @Field(() => String, {
    nullable: true,
    description:
      'Where the browser returns from pagoPA for payments this portal starts without a urlRitorno; omitted: kept, null: removed.',
  })
  urlRitorno?: string | null;
}

@InputType()
export abstract class OperatoreFields extends UtenzaInput {
  @Field(() => String) ragioneSociale!: string;
}

@InputType({ description: 'An intermediario to create or replace.' })
export class SalvaIntermediarioInput extends IntermediarioFields {
  @Field(() => ID) idIntermediario!: string;
}

@InputType({ description: 'A stazione of an intermediario to create or replace.' })
export class SalvaStazioneInput extends StazioneFields {
  @Field(() => ID) idIntermediario!: string;
  @Field(() => ID) idStazione!: string;
}

@InputType({ description: 'A dominio to create or replace.' })
export class SalvaDominioInput extends DominioFields {
  @Field(() => ID) idDominio!: string;
}

@InputType({ description: 'An unità operativa of a dominio to create or replace.' })
export class SalvaUnitaOperativaInput extends UnitaOperativaFields {
  @Field(() => ID) idDominio!: string;
  @Field(() => ID) idUnita!: string;
}

@InputType({ description: 'A conto di accredito of a dominio to create or replace.' })
export class SalvaContoAccreditoInput extends ContoAccreditoFields {
  @Field(() => ID) idDominio!: string;
  @Field(() => ID) iban!: string;
}

@InputType({ description: 'A hub-wide entrata to create or replace.' })
export class SalvaEntrataInput extends EntrataFields {
  @Field(() => ID) idEntrata!: string;
}

@InputType({ description: 'An entrata enabled for a dominio, to create or replace.' })
export class SalvaEntrataDominioInput extends EntrataDominioFields {
  @Field(() => ID) idDominio!: string;
  @Field(() => ID) idEntrata!: string;
}

@InputType({ description: 'A hub-wide tipo pendenza to create or replace.' })
export class SalvaTipoPendenzaInput extends TipoPendenzaFields {
  @Field(() => ID) idTipoPendenza!: string;
}

@InputType({ description: "A dominio's own settings for a tipo pendenza, to create or replace." })
export class SalvaTipoPendenzaDominioInput extends TipoPendenzaDominioFields {
  @Field(() => ID) idDominio!: string;
  @Field(() => ID) idTipoPendenza!: string;
}

@InputType({ description: 'An applicazione to create or replace.' })
export class SalvaApplicazioneInput extends ApplicazioneFields {
  @Field(() => ID) idA2A!: string;
}

@InputType({ description: 'An operatore to create or replace.' })
export class SalvaOperatoreInput extends OperatoreFields {
  @Field(() => ID) principal!: string;
}
