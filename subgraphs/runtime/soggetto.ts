import { Directive, Field, ObjectType } from 'type-graphql';
import { TIPI_SOGGETTO, type TipoSoggetto as Tipo } from '../../schema/entities';
import { enumOf } from './closed-set';

export const TipoSoggetto = enumOf(TIPI_SOGGETTO, 'TipoSoggetto', 'F: a natural person (persona fisica), G: a legal person (giuridica).');
export type TipoSoggetto = Tipo;

/** GovPay's Soggetto, a value type every subgraph that names a person shows alike (a pendenza's debtor, a receipt's debtor and payer). */
@Directive('@shareable')
@ObjectType({ description: 'A debtor or payer.' })
export class Soggetto {
  @Field(() => TipoSoggetto) tipo!: TipoSoggetto;
  @Field(() => String) identificativo!: string;
  @Field(() => String, { nullable: true }) anagrafica?: string;
  @Field(() => String, { nullable: true }) indirizzo?: string;
  @Field(() => String, { nullable: true }) civico?: string;
  @Field(() => String, { nullable: true }) cap?: string;
  @Field(() => String, { nullable: true }) localita?: string;
  @Field(() => String, { nullable: true }) provincia?: string;
  @Field(() => String, { nullable: true }) nazione?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) cellulare?: string;
}
