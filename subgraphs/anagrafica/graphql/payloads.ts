import { Field, ObjectType, type ClassType } from 'type-graphql';
import type { Saved } from '../domain/intermediari';
import {
  Applicazione,
  ContoAccredito,
  Dominio,
  Entrata,
  EntrataDominio,
  Intermediario,
  Operatore,
  Stazione,
  TipoPendenza,
  TipoPendenzaDominio,
  UnitaOperativa,
} from './types';

/** The payload field of a record of type `X`: `x`. */
const fieldOf = (node: ClassType<object>) => `${node.name[0].toLowerCase()}${node.name.slice(1)}`;

/** `SalvaXPayload { created, x }`, the result of `salvaX`: whether it created the record, and the record. */
function SalvaPayload<T extends object>(node: ClassType<T>): ClassType<{ created: boolean }> {
  @ObjectType(`Salva${node.name}Payload`, { description: `What salva${node.name} did.` })
  class Payload {
    @Field(() => Boolean, { description: 'True when the record did not exist before (REST 201).' })
    created!: boolean;
  }
  // The record's field is named after its type, so it is declared here rather than as a class property.
  Field(() => node)(Payload.prototype, fieldOf(node));
  return Payload;
}

/** The payload of a `salvaX` from the domain's upsert result. */
export const payload = <T>(node: ClassType<object>, r: Saved<T>) => ({ created: r.created, [fieldOf(node)]: r.value });

export const SalvaIntermediarioPayload = SalvaPayload(Intermediario);
export const SalvaStazionePayload = SalvaPayload(Stazione);
export const SalvaDominioPayload = SalvaPayload(Dominio);
export const SalvaUnitaOperativaPayload = SalvaPayload(UnitaOperativa);
export const SalvaContoAccreditoPayload = SalvaPayload(ContoAccredito);
export const SalvaEntrataPayload = SalvaPayload(Entrata);
export const SalvaEntrataDominioPayload = SalvaPayload(EntrataDominio);
export const SalvaTipoPendenzaPayload = SalvaPayload(TipoPendenza);
export const SalvaTipoPendenzaDominioPayload = SalvaPayload(TipoPendenzaDominio);
export const SalvaApplicazionePayload = SalvaPayload(Applicazione);
export const SalvaOperatorePayload = SalvaPayload(Operatore);
