import { spawnSync } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ChunkDecryptor, ChunkEncryptor, headerLength } from '../src/core/vault/chunked-encryption';
import { uploadPieceBytes } from '../src/shared/schemas/vault';
import { judged, statsOf, type Figure, type Stats } from './figures';

/**
 * The vault's chunked AES-256-GCM in memory beside what the machine's AES-256-GCM does, measured
 * in the same run: Node's cipher on 1 MiB pieces (the vault's chunk size, each piece with its own
 * cipher and tag, as the vault must) and `openssl speed -evp aes-256-gcm` on 1 MiB buffers. The
 * goal is the vault at ≥ 0.7 of Node's 1 MiB figure.
 */

const mebibyte = 1024 * 1024;

function gigabytesPerSecond(bytes: number, work: () => void): number {
  const started = performance.now();
  work();
  return bytes / 1e9 / ((performance.now() - started) / 1000);
}

/** `openssl speed` on 1 MiB buffers for a second, wall-clock (-elapsed) like the figures beside it; NaN without openssl. */
function opensslGigabytesPerSecond(): number {
  const result = spawnSync(
    'openssl',
    ['speed', '-elapsed', '-evp', 'aes-256-gcm', '-bytes', String(mebibyte), '-seconds', '1', '-mr'],
    {
      encoding: 'utf8',
    },
  );
  const line = result.stdout?.split('\n').find((candidate) => candidate.startsWith('+F:'));
  return line ? Number(line.split(':').at(-1)) / 1e9 : Number.NaN;
}

export function measureCipherThroughput(megabytes: number, samples: number): Figure[] {
  const size = megabytes * mebibyte;
  const plaintext = randomBytes(size);
  const key = randomBytes(32);
  const iv = randomBytes(12);

  const nodeEncrypt = () => {
    for (let offset = 0; offset < size; offset += mebibyte) {
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.update(plaintext.subarray(offset, offset + mebibyte));
      cipher.final();
      cipher.getAuthTag();
    }
  };
  const sealedPieces: Array<{ data: Buffer; tag: Buffer }> = [];
  for (let offset = 0; offset < size; offset += mebibyte) {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([
      cipher.update(plaintext.subarray(offset, offset + mebibyte)),
      cipher.final(),
    ]);
    sealedPieces.push({ data, tag: cipher.getAuthTag() });
  }
  const nodeDecrypt = () => {
    for (const piece of sealedPieces) {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(piece.tag);
      decipher.update(piece.data);
      decipher.final();
    }
  };

  // The vault's format, fed in upload-sized pieces as the app receives them.
  let sealed: Buffer[] = [];
  const vaultEncrypt = () => {
    const encryptor = new ChunkEncryptor(key, 'a'.repeat(32));
    sealed = [encryptor.header];
    for (let offset = 0; offset < size; offset += uploadPieceBytes) {
      sealed.push(...encryptor.push(plaintext.subarray(offset, offset + uploadPieceBytes)));
    }
    sealed.push(encryptor.finish());
  };
  vaultEncrypt();
  const ciphertext = Buffer.concat(sealed);
  sealed = [];
  // Read back as the vault reads a stored file (vault-storage.ts): the header, then whole sealed
  // chunks several at a time.
  const vaultDecrypt = () => {
    const decryptor = new ChunkDecryptor(key, 'a'.repeat(32));
    decryptor.push(ciphertext.subarray(0, headerLength));
    const readBytes = decryptor.sealedChunkBytes * 8;
    for (let offset = headerLength; offset < ciphertext.length; offset += readBytes) {
      decryptor.push(ciphertext.subarray(offset, offset + readBytes));
    }
    decryptor.finish();
  };

  // Interleaved, so a neighbour's burst on the shared machine falls on all of them alike.
  const runs = {
    nodeEncrypt: [] as number[],
    nodeDecrypt: [] as number[],
    vaultEncrypt: [] as number[],
    vaultDecrypt: [] as number[],
    openssl: [] as number[],
  };
  for (let run = 0; run < samples; run += 1) {
    runs.nodeEncrypt.push(gigabytesPerSecond(size, nodeEncrypt));
    runs.vaultEncrypt.push(gigabytesPerSecond(size, vaultEncrypt));
    runs.nodeDecrypt.push(gigabytesPerSecond(size, nodeDecrypt));
    runs.vaultDecrypt.push(gigabytesPerSecond(size, vaultDecrypt));
    runs.openssl.push(opensslGigabytesPerSecond());
  }
  const node = { encrypt: statsOf(runs.nodeEncrypt), decrypt: statsOf(runs.nodeDecrypt) };
  const openssl = statsOf(runs.openssl);
  const vaultFigure = (id: string, name: string, stats: Stats, reference: Stats): Figure =>
    judged(
      {
        id,
        name,
        unit: 'GB/s',
        cold: null,
        warm: stats,
        goal: `≥ 0.7 × Node (${(0.7 * reference.median).toFixed(2)} GB/s)`,
        detail: `${(stats.median / reference.median).toFixed(2)} of Node's AES-256-GCM on 1 MiB pieces, ${(stats.median / openssl.median).toFixed(2)} of openssl speed; ${megabytes} MiB in memory`,
      },
      { on: 'warm', statistic: 'median', atLeast: 0.7 * reference.median },
    );
  return [
    {
      id: 'aes-node-1mib-encrypt',
      name: 'Node AES-256-GCM encrypt, 1 MiB pieces (reference)',
      unit: 'GB/s',
      cold: null,
      warm: node.encrypt,
      goal: '—',
      passed: null,
    },
    {
      id: 'aes-node-1mib-decrypt',
      name: 'Node AES-256-GCM decrypt, 1 MiB pieces (reference)',
      unit: 'GB/s',
      cold: null,
      warm: node.decrypt,
      goal: '—',
      passed: null,
    },
    {
      id: 'aes-openssl-speed',
      name: 'openssl speed -evp aes-256-gcm, 1 MiB (reference)',
      unit: 'GB/s',
      cold: null,
      warm: openssl,
      goal: '—',
      passed: null,
      detail: 'encrypt, wall-clock (-elapsed), one second per sample',
    },
    vaultFigure('vault-encrypt-memory', 'vault encrypt, in memory', statsOf(runs.vaultEncrypt), node.encrypt),
    vaultFigure(
      'vault-decrypt-memory',
      'vault decrypt + verify, in memory',
      statsOf(runs.vaultDecrypt),
      node.decrypt,
    ),
  ];
}
