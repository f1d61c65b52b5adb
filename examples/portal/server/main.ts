import { portalConfig } from './config';
import { startPortalServer } from './portal';

/** `npm run portal`: the example portal, in front of a hub (README, "Example portal (graph)"). */
async function main(): Promise<void> {
  const config = portalConfig(process.argv.slice(2), process.env);
  const portal = await startPortalServer(config);
  console.log(`Example portal on ${portal.url}, calling the hub at ${config.hubUrl} (demo: no real login)`);
  const stop = () => void portal.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
