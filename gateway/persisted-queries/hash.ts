import { createHash } from 'node:crypto';

/** A SHA-256 as the persisted-query protocol and manifests spell it. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
