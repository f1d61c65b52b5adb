import { z } from 'zod';

/**
 * How a source misbehaves, set by a test through PUT /api/flows/faults: `fault` (the Nodo answers
 * PPT_SYSTEM_ERROR, FdR HTTP 500), `hang` (no answer until the simulator closes), `down` (the
 * connection is dropped). null: it behaves.
 */
export const faultModes = z.enum(['fault', 'hang', 'down']).nullable();
export type FaultMode = z.infer<typeof faultModes>;

export const faultsRequestSchema = z.strictObject({ nodo: faultModes.optional(), fdr: faultModes.optional() });

export interface SourceFaults {
  nodo: FaultMode;
  fdr: FaultMode;
}
