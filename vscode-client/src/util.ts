import { randomBytes } from 'crypto';

export function nonce(): string {
  return randomBytes(16).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function randomToken(prefix: string): string {
  return `${prefix}-${randomBytes(8).toString('hex')}`;
}
