import { integerKeyNodes, naturalKeyNodes } from '../../runtime/node';
import { PendenzeService } from '../domain/pendenze';
import { TracciatiService } from '../domain/tracciati';
import { referenceResolvers } from './resolvers';
import { TracciatoPendenze } from './tracciati';
import { AllegatoPendenza, Pendenza } from './types';

/** A pendenza's global id encodes idA2A and idPendenza; node(id:) reads it as pendenza(idA2A:, idPendenza:) does. */
const byKey = naturalKeyNodes([
  {
    type: Pendenza,
    name: 'Pendenza',
    key: ['idA2A', 'idPendenza'],
    read: ([idA2A, idPendenza], ctx) => new PendenzeService(ctx.em, ctx.principal).get(idA2A, idPendenza),
    byOtherKey: referenceResolvers.Pendenza.__resolveReference,
  },
]);

/**
 * A tracciato's and an allegato's global ids encode their numero: node(id:) reads them as
 * tracciatoPendenze(numero:) and allegato(numero:) do (the allegato's name and type, not its content).
 */
const byNumero = integerKeyNodes([
  {
    type: TracciatoPendenze,
    name: 'TracciatoPendenze',
    numero: "The tracciato's number (the Backoffice's id).",
    read: (numero, ctx) => new TracciatiService(ctx.em, ctx.principal).get(numero),
  },
  {
    type: AllegatoPendenza,
    name: 'AllegatoPendenza',
    numero: "The allegato's number (the id in GovPay's /allegati/{id}).",
    read: (numero, ctx) => new PendenzeService(ctx.em, ctx.principal).allegato(numero),
  },
]);

export const nodeIdResolvers = [...byKey.resolvers, ...byNumero.resolvers];
export const nodeReaders = { ...byKey.readers, ...byNumero.readers };
export const nodeReferenceResolvers = { ...referenceResolvers, ...byKey.references, ...byNumero.references };
