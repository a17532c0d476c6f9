import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { AppError } from '../errors';
import { writeFileAtomically, readFileIfExists } from '../storage/atomic-file';
import { deriveKeyFromSecret, newScryptParameters, type ScryptParameters } from './key-derivation';
import { unwrapKey, wrapKey, type WrappedKey } from './key-wrap';
import { generateRecoveryKey, normalizeRecoveryKey } from './recovery-key';
import { restoreFromBackupAdvice } from '../../shared/schemas/backup';

/**
 * The keyring holds the one random data key, never in the clear: once wrapped by a key derived
 * from the passphrase and once by a key derived from the recovery key (like a password manager's
 * "emergency kit"). Changing the passphrase rewrites one slot and re-encrypts no data.
 */
type KeySlot = { readonly kdf: ScryptParameters; readonly wrappedDataKey: WrappedKey };

type KeyringFile = {
  readonly format: 'advocase-keyring';
  readonly version: 1;
  readonly slots: { readonly passphrase: KeySlot; readonly recovery: KeySlot };
};

type SlotName = keyof KeyringFile['slots'];

const slotContext = (slot: SlotName) => `advocase-keyring/v1/${slot}`;

// The wrapping key derived from a passphrase or recovery key is zeroed as soon as it has been
// used (docs/security.md §4); the secret itself is a JavaScript string, which cannot be wiped.
async function sealSlot(dataKey: Buffer, secret: string, slot: SlotName): Promise<KeySlot> {
  const kdf = newScryptParameters();
  const wrappingKey = await deriveKeyFromSecret(secret, kdf);
  try {
    return { kdf, wrappedDataKey: wrapKey(dataKey, wrappingKey, slotContext(slot)) };
  } finally {
    wrappingKey.fill(0);
  }
}

async function openSlot(file: KeyringFile, secret: string, slot: SlotName): Promise<Buffer | null> {
  const { kdf, wrappedDataKey } = file.slots[slot];
  const wrappingKey = await deriveKeyFromSecret(secret, kdf);
  try {
    return unwrapKey(wrappedDataKey, wrappingKey, slotContext(slot));
  } finally {
    wrappingKey.fill(0);
  }
}

function parseKeyringFile(text: string): KeyringFile {
  const damaged = () =>
    new AppError('DATA_DAMAGED', `The key file (keyring.json) is damaged. ${restoreFromBackupAdvice}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw damaged();
  }
  const candidate = parsed as Partial<KeyringFile> | null;
  if (candidate?.format !== 'advocase-keyring' || !candidate.slots?.passphrase || !candidate.slots.recovery) {
    throw damaged();
  }
  if (candidate.version !== 1) {
    throw new AppError(
      'DATA_FROM_NEWER_VERSION',
      'The key file was written by a newer version of Advocase. Update Advocase to open this data.',
    );
  }
  return candidate as KeyringFile;
}

export class Keyring {
  constructor(private readonly path: string) {}

  exists(): boolean {
    return existsSync(this.path);
  }

  /** Creates the data key and both slots. Returns the key and the recovery key, which is never stored. */
  async create(passphrase: string): Promise<{ dataKey: Buffer; recoveryKey: string }> {
    const dataKey = randomBytes(32);
    const recoveryKey = generateRecoveryKey();
    const file: KeyringFile = {
      format: 'advocase-keyring',
      version: 1,
      slots: {
        passphrase: await sealSlot(dataKey, passphrase, 'passphrase'),
        recovery: await sealSlot(dataKey, normalizeRecoveryKey(recoveryKey)!, 'recovery'),
      },
    };
    await this.write(file);
    return { dataKey, recoveryKey };
  }

  async openWithPassphrase(passphrase: string): Promise<Buffer> {
    const dataKey = await openSlot(await this.read(), passphrase, 'passphrase');
    if (!dataKey) throw new AppError('WRONG_PASSPHRASE', 'Wrong passphrase.', 'passphrase');
    return dataKey;
  }

  async openWithRecoveryKey(recoveryKey: string): Promise<Buffer> {
    const wrongKey = new AppError(
      'WRONG_RECOVERY_KEY',
      'That recovery key does not open this data. Check each group of four characters.',
      'recoveryKey',
    );
    const normalized = normalizeRecoveryKey(recoveryKey);
    if (!normalized) throw wrongKey;
    const dataKey = await openSlot(await this.read(), normalized, 'recovery');
    if (!dataKey) throw wrongKey;
    return dataKey;
  }

  /** Re-wraps the data key under a new passphrase; the recovery slot is untouched. */
  async setPassphrase(dataKey: Buffer, newPassphrase: string): Promise<void> {
    const file = await this.read();
    await this.write({
      ...file,
      slots: { ...file.slots, passphrase: await sealSlot(dataKey, newPassphrase, 'passphrase') },
    });
  }

  /** Seals the data key under a new recovery key, which is returned to be shown once; the old one stops working. */
  async replaceRecoveryKey(dataKey: Buffer): Promise<string> {
    const file = await this.read();
    const recoveryKey = generateRecoveryKey();
    await this.write({
      ...file,
      slots: {
        ...file.slots,
        recovery: await sealSlot(dataKey, normalizeRecoveryKey(recoveryKey)!, 'recovery'),
      },
    });
    return recoveryKey;
  }

  private async read(): Promise<KeyringFile> {
    const text = await readFileIfExists(this.path);
    if (text === null)
      throw new AppError('NOT_INITIALIZED', 'Advocase has not been set up in this data folder yet.');
    return parseKeyringFile(text);
  }

  private write(file: KeyringFile): Promise<void> {
    return writeFileAtomically(this.path, `${JSON.stringify(file, null, 2)}\n`);
  }
}
