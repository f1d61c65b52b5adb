/**
 * The graph's opaque global ids: base64url of `<Type>:<primary key>` (the Node interface comes with
 * issue 16). graphql/refs.ts offers them to the rest of the subgraph.
 */
export function globalId(type: string, pk: number): string {
  return Buffer.from(`${type}:${pk}`).toString('base64url');
}

/** The primary key a global id of `type` names, or undefined when it names something else. */
export function pkOf(type: string, id: string): number | undefined {
  const m = /^([A-Za-z]+):(\d{1,15})$/.exec(Buffer.from(id, 'base64url').toString('utf8'));
  return m && m[1] === type ? Number(m[2]) : undefined;
}
