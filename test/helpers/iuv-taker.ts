import { IuvAllocator } from '../../subgraphs/pendenze/domain/iuv-sequence';
import { openDatabase } from '../../schema/orm';
import { loadConfig } from '../../core/config';
import { createLogger } from '../../core/logger';

/**
 * Run as a process of its own by test/iuv-concurrency.test.ts: several allocators (as several
 * hub instances would hold) take IUV progressives of one prefix at once, straight from the
 * allocator (no write path, so no retry on a unique key hides a number handed out twice), and
 * print every number taken as JSON. Arguments: database URL, dominio, prefix, allocators, takes.
 */
async function main(): Promise<void> {
  const [url, dominio, prefisso, allocators, takes] = process.argv.slice(2);
  const orm = await openDatabase(loadConfig({ DATABASE_URL: url }).database, createLogger('silent'), 4);
  try {
    const taken = await Promise.all(
      Array.from({ length: Number(allocators) }, async () => {
        const allocator = new IuvAllocator();
        // Mostly single numbers, now and then more than a reserved block holds.
        const counts = Array.from({ length: Number(takes) }, (_, i) => (i % 25 === 0 ? 60 : 1));
        return (await Promise.all(counts.map((count) => allocator.take(orm.em.fork(), dominio, prefisso, count)))).flat();
      }),
    );
    process.stdout.write(JSON.stringify(taken.flat()));
  } finally {
    await orm.close(true);
  }
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  process.exitCode = 1;
});
