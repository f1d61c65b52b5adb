import { fromGlobalId } from '../../../core/global-id';
import type { SubgraphContext } from '../../runtime/context';
import { naturalKeyNodes, nodeReference, type NodeReaders } from '../../runtime/node';
import { CatalogoService } from '../domain/catalogo';
import { DominiService } from '../domain/domini';
import { IntermediariService } from '../domain/intermediari';
import { RuoliService } from '../domain/ruoli';
import { UtenzeService } from '../domain/utenze';
import { referenceResolvers } from './resolvers';
import { Applicazione, ContoAccredito, Dominio, Entrata, Intermediario, Operatore, Stazione, TipoPendenza, UnitaOperativa } from './types';

/*
 * The anagrafica's Node types: each id encodes the key its own query takes, and node(id:) reads
 * the object through that query's service call (its rights, its error for a missing object).
 */

const intermediari = (ctx: SubgraphContext) => new IntermediariService(ctx.em, ctx.principal);
const domini = (ctx: SubgraphContext) => new DominiService(ctx.em, ctx.principal);
const catalogo = (ctx: SubgraphContext) => new CatalogoService(ctx.em, ctx.principal);
const utenze = (ctx: SubgraphContext) => new UtenzeService(ctx.em, ctx.principal);

const nodes = naturalKeyNodes([
  {
    type: Intermediario,
    name: 'Intermediario',
    key: ['idIntermediario'],
    read: ([id], ctx) => intermediari(ctx).get(id),
    byOtherKey: referenceResolvers.Intermediario.__resolveReference,
  },
  {
    type: Stazione,
    name: 'Stazione',
    key: ['idIntermediario', 'idStazione'],
    read: ([idIntermediario, idStazione], ctx) => intermediari(ctx).getStazione(idIntermediario, idStazione),
    byOtherKey: referenceResolvers.Stazione.__resolveReference,
  },
  {
    type: Dominio,
    name: 'Dominio',
    key: ['idDominio'],
    read: ([id], ctx) => domini(ctx).get(id),
    byOtherKey: referenceResolvers.Dominio.__resolveReference,
  },
  {
    type: UnitaOperativa,
    name: 'UnitaOperativa',
    key: ['idDominio', 'idUnita'],
    read: ([idDominio, idUnita], ctx) => domini(ctx).getUnitaOperativa(idDominio, idUnita),
  },
  {
    type: ContoAccredito,
    name: 'ContoAccredito',
    key: ['idDominio', 'iban'],
    read: ([idDominio, iban], ctx) => domini(ctx).getContoAccredito(idDominio, iban),
  },
  {
    type: Entrata,
    name: 'Entrata',
    key: ['idEntrata'],
    read: ([id], ctx) => catalogo(ctx).getEntrata(id),
    byOtherKey: referenceResolvers.Entrata.__resolveReference,
  },
  {
    type: TipoPendenza,
    name: 'TipoPendenza',
    key: ['idTipoPendenza'],
    read: ([id], ctx) => catalogo(ctx).getTipoPendenza(id),
    byOtherKey: referenceResolvers.TipoPendenza.__resolveReference,
  },
  {
    type: Applicazione,
    name: 'Applicazione',
    key: ['idA2A'],
    read: ([id], ctx) => utenze(ctx).getApplicazione(id),
    byOtherKey: referenceResolvers.Applicazione.__resolveReference,
  },
  { type: Operatore, name: 'Operatore', key: ['principal'], read: ([principal], ctx) => utenze(ctx).getOperatore(principal) },
]);

/** A role's id is its primary key (as its events carry it). */
const ruolo = (id: string, ctx: SubgraphContext) => new RuoliService(ctx.em, ctx.principal).getByPk(fromGlobalId('Ruolo', id));

export const nodeIdResolvers = nodes.resolvers;
export const nodeReaders: NodeReaders = { ...nodes.readers, Ruolo: ruolo };
export const nodeReferenceResolvers = { ...referenceResolvers, ...nodes.references, Ruolo: nodeReference('Ruolo', ruolo) };
