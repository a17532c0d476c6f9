import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName, ipcChannelFor, type AdvocaseBridge } from '../shared/bridge';
import { methodNames } from '../shared/contract';
import { saveToFileChannel } from '../shared/save-to-file';

// One function per contract method. ipcRenderer itself never reaches the page.
const bridge = Object.fromEntries([
  ...methodNames.map((method) => [
    method,
    (input: unknown) => ipcRenderer.invoke(ipcChannelFor(method), input),
  ]),
  // Files the person keeps: main asks where, through the native save dialog (docs/security.md §2).
  [
    'saveToFile',
    (method: unknown, input: unknown) => ipcRenderer.invoke(saveToFileChannel, { method, input }),
  ],
]) as unknown as AdvocaseBridge;

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
