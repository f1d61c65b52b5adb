import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../runtime/order-direction';

/* The `pendenze` list's filter and typed order (DESIGN.md §4b). */

export enum PendenzaOrderField {
  DATA_CARICAMENTO = 'DATA_CARICAMENTO',
  DATA_VALIDITA = 'DATA_VALIDITA',
  DATA_SCADENZA = 'DATA_SCADENZA',
  STATO = 'STATO',
  ID_PENDENZA = 'ID_PENDENZA',
  IMPORTO = 'IMPORTO',
}
registerEnumType(PendenzaOrderField, { name: 'PendenzaOrderField', description: 'What a list of pendenze can be ordered by.' });

@InputType()
export class PendenzaOrder {
  @Field(() => PendenzaOrderField) field!: PendenzaOrderField;
  @Field(() => OrderDirection) direction!: OrderDirection;
}

@InputType({ description: "Which pendenze: GovPay's filters, each narrowing the caller's own scope." })
export class PendenzaFilter {
  @Field(() => String, { nullable: true }) idDominio?: string;
  @Field(() => String, { nullable: true, description: 'An applicazione lists its own pendenze whatever it names here, as in GovPay.' })
  idA2A?: string;
  @Field(() => String, { nullable: true }) idPendenza?: string;
  @Field(() => String, { nullable: true, description: "The debtor's codice fiscale." }) idDebitore?: string;
  @Field(() => String, {
    nullable: true,
    description: 'NON_ESEGUITA (not yet expired), ESEGUITA, ESEGUITA_PARZIALE, ANNULLATA or SCADUTA (NON_ESEGUITA past dataScadenza).',
  })
  stato?: string;
  @Field(() => String, { nullable: true }) direzione?: string;
  @Field(() => String, { nullable: true }) divisione?: string;
  @Field(() => String, { nullable: true, description: 'Contains, case-insensitive.' }) causale?: string;
  @Field(() => Date, { nullable: true, description: 'Loaded at or after.' }) dataDa?: Date;
  @Field(() => Date, { nullable: true, description: 'Loaded at or before.' }) dataA?: Date;
  @Field(() => String, { nullable: true }) iuv?: string;
  @Field(() => String, { nullable: true }) numeroAvviso?: string;
  @Field(() => String, { nullable: true }) idTipoPendenza?: string;
}
