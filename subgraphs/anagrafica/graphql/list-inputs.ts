import { Field, InputType } from 'type-graphql';
import { ENTRATE_ORDER, TIPI_PENDENZA_ORDER } from '../domain/catalogo';
import { CONTI_ORDER, DOMINI_ORDER, ENTRATE_DOMINIO_ORDER, TIPI_PENDENZA_DOMINIO_ORDER, UNITA_ORDER } from '../domain/domini';
import { INTERMEDIARI_ORDER, STAZIONI_ORDER } from '../domain/intermediari';
import { APPLICAZIONI_ORDER, OPERATORI_ORDER } from '../domain/utenze';
import { Order } from '../../runtime/ordering';

/* The anagrafica lists' filter and order inputs, in the graph's conventions (DESIGN.md §4b). */

@InputType({ description: 'Which intermediari to list.' })
export class IntermediarioFilter {
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean | null;
}

@InputType({ description: "Which of an intermediario's stazioni to list." })
export class StazioneFilter {
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean | null;
}

@InputType({ description: 'Which domini to list (all given conditions hold).' })
export class DominioFilter {
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean | null;
  @Field(() => String, { nullable: true }) idStazione?: string | null;
  @Field(() => String, { nullable: true }) idDominio?: string | null;
  @Field(() => String, { nullable: true, description: 'Contains, case-insensitive.' }) ragioneSociale?: string | null;
  @Field(() => Boolean, { nullable: true }) intermediato?: boolean | null;
}

@InputType({ description: "Which of a dominio's unità operative to list." })
export class UnitaOperativaFilter {
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Contains, case-insensitive.' }) ragioneSociale?: string | null;
}

@InputType({ description: "Which of a dominio's conti di accredito to list." })
export class ContoAccreditoFilter {
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Contains, case-insensitive.' }) iban?: string | null;
}

@InputType({ description: "Which of a dominio's entrate to list." })
export class EntrataDominioFilter {
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean | null;
  @Field(() => String, { nullable: true, description: "The entrata's descrizione contains it, case-insensitive." }) descrizione?:
    | string
    | null;
}

@InputType({ description: "Which of a dominio's tipi pendenza to list." })
export class TipoPendenzaDominioFilter {
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean | null;
  @Field(() => String, { nullable: true, description: "The tipo pendenza's descrizione contains it, case-insensitive." }) descrizione?:
    | string
    | null;
}

@InputType({ description: 'Which tipi pendenza to list (all given conditions hold).' })
export class TipoPendenzaFilter {
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean | null;
  @Field(() => String, { nullable: true }) idTipoPendenza?: string | null;
  @Field(() => String, { nullable: true }) descrizione?: string | null;
}

@InputType({ description: 'Which applicazioni to list (all given conditions hold).' })
export class ApplicazioneFilter {
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean | null;
  @Field(() => String, { nullable: true }) idA2A?: string | null;
  @Field(() => String, { nullable: true }) principal?: string | null;
}

@InputType({ description: 'Which operatori to list.' })
export class OperatoreFilter {
  @Field(() => Boolean, { nullable: true }) abilitato?: boolean | null;
}

export const IntermediarioOrder = Order('Intermediario', INTERMEDIARI_ORDER, 'intermediari');
export const StazioneOrder = Order('Stazione', STAZIONI_ORDER, 'stazioni');
export const DominioOrder = Order('Dominio', DOMINI_ORDER, 'domini');
export const UnitaOperativaOrder = Order('UnitaOperativa', UNITA_ORDER, 'unità operative');
export const ContoAccreditoOrder = Order('ContoAccredito', CONTI_ORDER, 'conti di accredito');
export const EntrataDominioOrder = Order('EntrataDominio', ENTRATE_DOMINIO_ORDER, "a dominio's entrate");
export const TipoPendenzaDominioOrder = Order('TipoPendenzaDominio', TIPI_PENDENZA_DOMINIO_ORDER, "a dominio's tipi pendenza");
export const EntrataOrder = Order('Entrata', ENTRATE_ORDER, 'entrate');
export const TipoPendenzaOrder = Order('TipoPendenza', TIPI_PENDENZA_ORDER, 'tipi pendenza');
export const ApplicazioneOrder = Order('Applicazione', APPLICAZIONI_ORDER, 'applicazioni');
export const OperatoreOrder = Order('Operatore', OPERATORI_ORDER, 'operatori');
