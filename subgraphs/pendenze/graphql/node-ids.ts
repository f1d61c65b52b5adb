import { naturalKeyNodes } from '../../runtime/node';
import { PendenzeService } from '../domain/pendenze';
import { referenceResolvers } from './resolvers';
import { Pendenza } from './types';

/** A pendenza's global id encodes idA2A and idPendenza; node(id:) reads it as pendenza(idA2A:, idPendenza:) does. */
const nodes = naturalKeyNodes([
  {
    type: Pendenza,
    name: 'Pendenza',
    key: ['idA2A', 'idPendenza'],
    read: ([idA2A, idPendenza], ctx) => new PendenzeService(ctx.em, ctx.principal).get(idA2A, idPendenza),
    byOtherKey: referenceResolvers.Pendenza.__resolveReference,
  },
]);

export const nodeIdResolvers = nodes.resolvers;
export const nodeReaders = nodes.readers;
export const nodeReferenceResolvers = { ...referenceResolvers, ...nodes.references };
