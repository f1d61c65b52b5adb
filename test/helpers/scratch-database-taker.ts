import { scratchDatabase } from './database';

/**
 * Run as a process of its own by test/scratch-database.test.ts: takes several scratch databases
 * at once, as parallel jest workers do, prints their URLs as JSON and drops them.
 */
async function main(): Promise<void> {
  const taken = await Promise.all(Array.from({ length: Number(process.argv[2]) }, () => scratchDatabase()));
  process.stdout.write(JSON.stringify(taken.map((db) => db.url)));
  await Promise.all(taken.map((db) => db.drop()));
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  process.exitCode = 1;
});
