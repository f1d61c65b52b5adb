import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { projectRoot } from '../core/project-root';
import { clientArtefacts } from '../gateway/schema-reference/artefacts';
import { apiSchemaPath, composeSubgraphs, readSupergraph, referencePath, subgraphSdlPath } from '../schema/supergraph';
import { SUBGRAPHS } from '../subgraphs/registry';

/**
 * schema/graphql holds the graph's contracts. They must be what the code generates and must
 * compose: regenerate them with `npm run schema:generate` when this fails.
 */
const root = projectRoot();

describe('graph artefacts in schema/graphql', () => {
  const sdls: Record<string, string> = {};
  beforeAll(async () => {
    for (const [name, build] of Object.entries(SUBGRAPHS)) sdls[name] = (await build()).sdl;
  });

  it.each(Object.keys(SUBGRAPHS))('the committed %s SDL is up to date', (name) => {
    expect(readFileSync(subgraphSdlPath(root, name), 'utf8')).toBe(sdls[name]);
  });

  it('the committed supergraph is the composition of the subgraphs', () => {
    expect(readSupergraph(root)).toBe(composeSubgraphs(sdls));
  });

  it('the committed client schema (api.graphql) and its reference page are generated from the committed supergraph', () => {
    const client = clientArtefacts(readSupergraph(root));
    expect(readFileSync(apiSchemaPath(root), 'utf8')).toBe(client.sdl);
    expect(readFileSync(referencePath(root), 'utf8')).toBe(client.html);
  });

  it('the client schema has no federation or join machinery, and has the subscriptions', () => {
    const sdl = readFileSync(apiSchemaPath(root), 'utf8');
    expect(sdl).not.toMatch(/join__|link__|@link|_Entity|_service/);
    const pendenzaAggiornata = buildSchema(sdl).getSubscriptionType()?.getFields().pendenzaAggiornata;
    expect(String(pendenzaAggiornata?.type)).toBe('Pendenza!');
    expect(pendenzaAggiornata?.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['idDominio: String', 'idA2A: String']);
  });

  it('declares the keys other subgraphs reference', () => {
    const sdl = sdls.anagrafica;
    for (const key of [
      'Dominio @key(fields: "idDominio")',
      'Applicazione @key(fields: "idA2A")',
      'Entrata @key(fields: "idEntrata")',
      'TipoPendenza @key(fields: "idTipoPendenza")',
    ]) {
      expect(sdl).toContain(key.replace(' @key', ' implements Node @key'));
    }
  });

  it('composition fails loudly on subgraphs that do not compose', () => {
    const clash =
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Query { ping: Int }\ntype Dominio @key(fields: "idDominio") { idDominio: ID! ragioneSociale: Int }';
    expect(() => composeSubgraphs({ ...sdls, intruso: clash })).toThrow(/composition failed/i);
  });
});
