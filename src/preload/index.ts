import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName, ipcChannelFor, type AdvocaseBridge } from '../shared/bridge';
import { methodNames } from '../shared/contract';

// One function per contract method. ipcRenderer itself never reaches the page.
const bridge = Object.fromEntries(
  methodNames.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannelFor(method), input)]),
) as unknown as AdvocaseBridge;

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
