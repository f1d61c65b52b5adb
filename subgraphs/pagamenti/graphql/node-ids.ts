import { naturalKeyNodes, readerOf, type NodeReaders } from '../../runtime/node';
import { RppService } from '../domain/rpp';
import { PAGAMENTO } from '../domain/sessioni/identificativo';
import { PagamentiService } from '../domain/sessioni/consultazione';
import { Pagamento } from './pagamenti-types';
import { manutenzioneReferenceResolvers } from './manutenzione-resolvers';
import { referenceResolvers } from './resolvers';
import { Rpp } from './types';

/**
 * A payment attempt's global id encodes idDominio, IUV and CCP, a payment session's GovPay's
 * idPagamento; node(id:) reads them as rpp(...) and pagamento(...) do.
 */
const nodes = naturalKeyNodes([
  {
    type: Rpp,
    name: 'Rpp',
    key: ['idDominio', 'iuv', 'ccp'],
    read: ([idDominio, iuv, ccp], ctx) => new RppService(ctx.em, ctx.principal).get(idDominio, iuv, ccp),
    byOtherKey: referenceResolvers.Rpp.__resolveReference,
  },
  {
    type: Pagamento,
    name: PAGAMENTO,
    key: ['idPagamento'],
    read: ([idPagamento], ctx) => new PagamentiService(ctx.em, ctx.principal).get(idPagamento),
  },
]);

export const nodeIdResolvers = nodes.resolvers;
/** A notification's global id is its outbox job's: node(id:) reads it as notifica(id:) does. */
export const nodeReaders: NodeReaders = {
  ...nodes.readers,
  Notifica: readerOf(manutenzioneReferenceResolvers.Notifica.__resolveReference),
};
export const nodeReferenceResolvers = { ...referenceResolvers, ...nodes.references };
