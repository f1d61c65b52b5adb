import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../core/project-root';
import { custom, type Operation } from '../shared/table';

/** What GET /info tells about the installation (GovPay's InfoGovPay). */
export interface InfoInstallazione {
  /** The hub's NODE_ENV, in GovPay's words for a deployment. */
  ambiente: 'development' | 'production' | 'test';
}

const AMBIENTI = { development: 'sviluppo', production: 'produzione', test: 'collaudo' } as const;

/** The hub's own name and version, read once from its package.json. */
function pacchetto(): { name: string; version: string } {
  return JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { name: string; version: string };
}

/**
 * GovPay's GET /info: the product's name, version and build and the deployment's environment,
 * for the console's about box. Any authenticated caller may read it, as in GovPay.
 */
export function infoOperations(installazione: InfoInstallazione): Operation[] {
  const { name, version } = pacchetto();
  const body = { appName: 'GovPay Hub', versione: version, build: `${name} ${version}`, ambiente: AMBIENTI[installazione.ambiente] };
  return [custom({ method: 'get', path: '/info', run: async () => ({ status: 200, body }) })];
}
