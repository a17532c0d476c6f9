// Installers for Linux (AppImage, deb), macOS (dmg) and Windows (nsis): `npm run package`
// (scripts/package.mjs). test/packaging/electron-builder-config.test.ts validates this file
// against electron-builder's own schema and checks the security settings below.

import type { Configuration } from 'electron-builder';

const configuration: Configuration = {
  appId: 'org.advocase.desktop',
  productName: 'Advocase',
  copyright: 'Advocase contributors',
  directories: { output: 'dist', buildResources: 'resources' },
  // The built app (electron-vite's out/) and its icon; production dependencies are added by
  // electron-builder itself, devDependencies never.
  files: ['out/**/*', 'resources/**/*', 'package.json'],
  // The driver ships prebuilt N-API binaries for every system, which load in Electron as they
  // are: nothing to compile, and a rebuild would need a compiler and Electron's headers.
  npmRebuild: false,
  asar: true,
  // The SQLCipher driver is a native module: the OS loads it from a real file, never from an ASAR.
  asarUnpack: ['node_modules/better-sqlite3-multiple-ciphers/**/*'],
  // Electron's fuses, flipped in the binary at package time
  // (https://www.electronjs.org/docs/latest/tutorial/fuses; docs/security.md §7).
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js for any script.
    runAsNode: false,
    // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
    enableNodeOptionsEnvironmentVariable: false,
    // --inspect would open a debugger on the process that holds the key.
    enableNodeCliInspectArguments: false,
    // Chromium's cookie store encrypted with the OS keychain.
    enableCookieEncryption: true,
    // Only the app's ASAR is loaded, and its contents are checked against the signed hash.
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    synopsis: 'Case management for patient advocates',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.business',
    hardenedRuntime: true,
  },
  win: { target: ['nsis'] },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
};

export default configuration;
