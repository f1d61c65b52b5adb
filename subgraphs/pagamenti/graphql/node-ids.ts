import { naturalKeyNodes } from '../../runtime/node';
import { RppService } from '../domain/rpp';
import { referenceResolvers } from './resolvers';
import { Rpp } from './types';

/** A payment attempt's global id encodes idDominio, IUV and CCP; node(id:) reads it as rpp(...) does. */
const nodes = naturalKeyNodes([
  {
    type: Rpp,
    name: 'Rpp',
    key: ['idDominio', 'iuv', 'ccp'],
    read: ([idDominio, iuv, ccp], ctx) => new RppService(ctx.em, ctx.principal).get(idDominio, iuv, ccp),
    byOtherKey: referenceResolvers.Rpp.__resolveReference,
  },
]);

export const nodeIdResolvers = nodes.resolvers;
export const nodeReaders = nodes.readers;
export const nodeReferenceResolvers = { ...referenceResolvers, ...nodes.references };
