import { createLogger } from '../../core/logger';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../simulator';
import { TEST_XSD } from './xsd';

export const NODO_AUTH = { user: 'ndpsym', password: 'Password1!' };

/** Simulators made by a test, closed after it. */
const made: Simulator[] = [];

export function simulatorFor(stationUrl: string, options: Partial<SimulatorOptions> = {}): Simulator {
  const sim = createSimulator({
    stationUrl,
    nodoAuth: NODO_AUTH,
    xsdPath: TEST_XSD,
    retryDelayMs: 5,
    logger: createLogger('silent'),
    ...options,
  });
  made.push(sim);
  return sim;
}

export async function closeSimulators(): Promise<void> {
  await Promise.all(made.splice(0).map((s) => s.close()));
}
