import { print, parse } from 'graphql';
import { FEDERATION_LINK } from '../runtime/build-subgraph';
import type { Topic } from './topics';

const doc = (text: string, indent = '') => `${indent}${JSON.stringify(text)}\n`;

/**
 * The esiti subgraph's SDL, made from the topics so that the two never differ: `Subscription`
 * with one field per topic, and each result type as a reference to the entity another subgraph
 * owns, keyed by the arguments of the query that reads it (resolvable there, not here).
 */
export function esitiSdl(topics: readonly Topic[]): string {
  const references = new Map(topics.map((t) => [t.type, t.query.args]));
  const types = [...references].map(([type, key]) => {
    const fields = Object.entries(key).map(([name, a]) => `  ${name}: ${a.type}\n`);
    return `type ${type} @key(fields: "${Object.keys(key).join(' ')}", resolvable: false) {\n${fields.join('')}}\n`;
  });
  const fields = topics.map((t) => {
    const args = Object.entries(t.args).map(([name, a]) => `${doc(a.description, '    ')}    ${name}: ${a.type}\n`);
    return `${doc(t.description, '  ')}  ${t.field}(\n${args.join('')}  ): ${t.type}!\n`;
  });
  const sdl = `${types.join('\n')}\n${doc('Live esiti: each event, read through the graph for the subscriber (over graphql-ws).')}type Subscription {\n${fields.join('')}}`;
  return `${FEDERATION_LINK}\n\n${print(parse(sdl))}\n`;
}
