import { OPERAZIONI_PATCH, type OperazionePatch } from '../../core/json-patch';
import { enumOf } from './closed-set';

/** One enum for every subgraph's patch inputs: a type two subgraphs declare must be the same in both to compose. */
export const PatchOperation = enumOf(OPERAZIONI_PATCH, 'PatchOperation', "GovPay's JSON-patch operations.");
export type PatchOperation = OperazionePatch;
