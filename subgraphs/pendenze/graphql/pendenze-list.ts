import { Field, InputType } from 'type-graphql';
import { Order, type OrderKey } from '../../runtime/ordering';
import { PENDENZE_ORDER } from '../domain/pendenze';
import type { StatoPendenzaView } from '../domain/views';
import { StatoPendenza } from './stati';

/* The `pendenze` list's filter and typed order (DESIGN.md §4b). */

export const PendenzaOrder = Order('Pendenza', PENDENZE_ORDER, 'pendenze');
export type PendenzaOrder = OrderKey<keyof typeof PENDENZE_ORDER>;

@InputType({ description: "Which pendenze: GovPay's filters, each narrowing the caller's own scope." })
export class PendenzaFilter {
  @Field(() => String, { nullable: true }) idDominio?: string;
  @Field(() => String, { nullable: true, description: 'An applicazione lists its own pendenze whatever it names here, as in GovPay.' })
  idA2A?: string;
  @Field(() => String, { nullable: true }) idPendenza?: string;
  @Field(() => String, { nullable: true, description: "The debtor's codice fiscale." }) idDebitore?: string;
  @Field(() => StatoPendenza, { nullable: true, description: 'As the pendenza shows it: NON_ESEGUITA excludes SCADUTA.' })
  stato?: StatoPendenzaView;
  @Field(() => String, { nullable: true }) direzione?: string;
  @Field(() => String, { nullable: true }) divisione?: string;
  @Field(() => String, { nullable: true, description: 'Contains, case-insensitive.' }) causale?: string;
  @Field(() => Date, { nullable: true, description: 'Loaded at or after.' }) dataDa?: Date;
  @Field(() => Date, { nullable: true, description: 'Loaded at or before.' }) dataA?: Date;
  @Field(() => String, { nullable: true }) iuv?: string;
  @Field(() => String, { nullable: true }) numeroAvviso?: string;
  @Field(() => String, { nullable: true }) idTipoPendenza?: string;
  @Field(() => Boolean, { nullable: true, description: 'Flagged anomalo (paid after its cancellation, or otherwise than asked).' })
  anomalo?: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description: "Wholly cashed: paid, and riconciliazioni cover all of it (GovPay's INCASSATA; the Backoffice shows it so).",
  })
  incassata?: boolean;
}
