import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/** PostgreSQL's default iteration count for SCRAM-SHA-256 (`scram_iterations`). */
const iterations = 4096;

/**
 * The SCRAM-SHA-256 secret PostgreSQL stores for a password (RFC 5802 and 7677, in the format of
 * `pg_authid.rolpassword`), computed here so that `CREATE ROLE … PASSWORD` carries the secret and
 * the password itself never reaches the server, its statement log or its replicas.
 */
export function scramSha256Secret(password: string, salt: Buffer = randomBytes(16)): string {
  const saltedPassword = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', saltedPassword).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', saltedPassword).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
