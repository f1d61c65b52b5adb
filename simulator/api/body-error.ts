/** A request body express could not read (malformed JSON, over the limit), as a status and a message. */
export function bodyError(err: unknown): { status: number; message: string } | undefined {
  const e = err as { type?: string; message?: string } | undefined;
  if (e?.type === 'entity.parse.failed') return { status: 400, message: `malformed JSON: ${e.message}` };
  if (e?.type === 'entity.too.large') return { status: 413, message: 'request body too large' };
  return undefined;
}
