import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../core/project-root';

/**
 * The layering rules (.dependency-cruiser.cjs) catch what they promise: each case is a small tree
 * of the hub's rooms with one wrong import, checked by the same tool and configuration as
 * `npm run lint`; the same tree without it passes.
 */
const root = projectRoot();
const run = promisify(execFile);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'layering-'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2022' } }));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the files of a tree: path → the modules it imports (relative to the tree's root). */
function tree(files: Record<string, string[]>): void {
  for (const [path, imports] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    const lines = imports.map((target, i) => {
      const spec = join(
        ...dirname(path)
          .split('/')
          .map(() => '..'),
        target,
      ).replace(/\.ts$/, '');
      return `import * as m${i} from '${spec.startsWith('.') ? spec : `./${spec}`}';\nexport const u${i} = m${i};`;
    });
    writeFileSync(file, `${lines.join('\n')}\nexport const here = '${path}';\n`);
  }
}

async function cruise(): Promise<{ ok: boolean; output: string }> {
  const bin = join(root, 'node_modules', '.bin', 'depcruise');
  try {
    const { stdout } = await run(bin, ['--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'err', '.'], { cwd: dir });
    return { ok: true, output: stdout };
  } catch (e) {
    const err = e as { stdout: string; stderr: string };
    return { ok: false, output: `${err.stdout}${err.stderr}` };
  }
}

const SOUND = {
  'core/money.ts': [],
  'schema/entities.ts': ['core/money.ts'],
  'subgraphs/pendenze/domain/pagamento.ts': ['schema/entities.ts', 'core/money.ts'],
  'subgraphs/pendenze/services.ts': ['subgraphs/pendenze/domain/pagamento.ts'],
  'subgraphs/pagamenti/domain/ricevute.ts': ['subgraphs/pendenze/services.ts', 'pagopa/soap/messages.ts'],
  'pagopa/soap/messages.ts': [],
  'pagopa/station/router.ts': ['pagopa/soap/messages.ts', 'subgraphs/pendenze/services.ts'],
  'rest-compat/pendenze/index.ts': ['core/money.ts'],
  'gateway/app.ts': ['rest-compat/pendenze/index.ts', 'pagopa/station/router.ts'],
  'simulator/index.ts': ['pagopa/soap/messages.ts', 'core/money.ts'],
};

it('passes a tree whose arrows all run the declared way', async () => {
  tree(SOUND);
  const { ok, output } = await cruise();
  expect(output).toContain(`no dependency violations found (${Object.keys(SOUND).length} modules`);
  expect(ok).toBe(true);
}, 60_000);

it.each([
  ['core-stands-alone', 'core/money.ts', 'gateway/app.ts'],
  ['schema-below-subgraphs', 'schema/entities.ts', 'subgraphs/pendenze/services.ts'],
  ['rest-compat-below-the-gateway', 'rest-compat/pendenze/index.ts', 'gateway/app.ts'],
  ['pagopa-below-the-gateway', 'pagopa/station/router.ts', 'gateway/app.ts'],
  ['no-subgraph-internals-across-contexts', 'subgraphs/pagamenti/domain/ricevute.ts', 'subgraphs/pendenze/domain/pagamento.ts'],
  ['no-subgraph-internals-from-outside', 'rest-compat/pendenze/index.ts', 'subgraphs/pendenze/domain/pagamento.ts'],
  ['subgraphs-use-only-pagopa-wire-types', 'subgraphs/pagamenti/domain/ricevute.ts', 'pagopa/station/router.ts'],
  ['simulator-speaks-only-the-wire', 'simulator/index.ts', 'subgraphs/pendenze/services.ts'],
  ['gateway-not-on-tools', 'gateway/app.ts', 'test/helpers.ts'],
])(
  'fails on %s: %s importing %s',
  async (rule, from, to) => {
    tree({ ...SOUND, 'test/helpers.ts': [], [from]: [...SOUND[from as keyof typeof SOUND], to] });
    const { ok, output } = await cruise();
    expect(ok).toBe(false);
    expect(output).toContain(`${rule}: ${from} → ${to}`);
  },
  60_000,
);

it('fails on a circle, naming its modules', async () => {
  tree({
    ...SOUND,
    'rest-compat/pendenze/rpp.ts': ['rest-compat/pendenze/index.ts'],
    'rest-compat/pendenze/index.ts': ['rest-compat/pendenze/rpp.ts'],
  });
  const { ok, output } = await cruise();
  expect(ok).toBe(false);
  expect(output).toMatch(/no-circular: rest-compat\/pendenze\/(index|rpp)\.ts →/);
}, 60_000);
