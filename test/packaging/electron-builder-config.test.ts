import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import config from '../../electron-builder.config';

const require = createRequire(import.meta.url);
// electron-builder's own check, the one `electron-builder` runs before building anything.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: unknown, debugLogger: { isEnabled: boolean; add(): void }) => Promise<void>;
};

describe('the installer configuration (docs/security.md §7)', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBe(
      undefined,
    );
    // The check can fail: a misspelt option is refused.
    await expect(
      validateConfiguration({ ...config, asarUnpak: [] }, { isEnabled: false, add: () => undefined }),
    ).rejects.toThrow(/asarUnpak/);
  });

  it('sets the Electron fuses: no run-as-Node, no NODE_OPTIONS, cookies encrypted, ASAR only and verified', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('unpacks the native database driver from the ASAR, and builds the installers each system expects', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**/*');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });
});
