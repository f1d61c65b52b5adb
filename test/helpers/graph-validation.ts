import type { Reply } from './http';

/** A refusal of GraphQL's validation (of the document, or of a variable's value): a 400 with GraphQL's text, no data. */
export function refusedAsInvalid(r: Reply, message: string) {
  expect(r.status).toBe(400);
  expect(r.body.data).toBeUndefined();
  expect(r.body.errors[0].message).toContain(message);
  expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(r.body.errors[0].extensions.code);
}
