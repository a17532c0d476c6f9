import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn();
const showMessageBox = vi.fn(async () => ({ response: 1 }));
// The Electron binary cannot run here: main's modules are tested against this stand-in.
vi.mock('electron', () => ({
  app: {},
  dialog: { showMessageBox },
  session: {},
  shell: { openExternal },
}));

const { guardWindow } = await import('../../src/main/security');
const { rendererUrlFor } = await import('../../src/main/renderer-url');
const { lockOnSystemEvents } = await import('../../src/main/lock-on-system-events');

const ourPage = 'file:///opt/Advocase/resources/app.asar/out/renderer/index.html';

/** A window whose webContents records its listeners, so a test can fire them. */
function fakeWindow() {
  const webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
  return { webContents } as unknown as Parameters<typeof guardWindow>[0] & { webContents: EventEmitter };
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('the desktop shell (docs/security.md §7)', () => {
  it.each(['will-navigate', 'will-redirect'])('%s away from our page is stopped', (name) => {
    const window = fakeWindow();
    guardWindow(window, ourPage);
    const away = navigationEvent('https://evil.example/phish');
    window.webContents.emit(name, away, away.url);
    expect(away.preventDefault).toHaveBeenCalled();
    const ours = navigationEvent(`${ourPage}#/cases`);
    window.webContents.emit(name, ours, ours.url);
    expect(ours.preventDefault).not.toHaveBeenCalled();
  });

  it('will-frame-navigate (the event carries the url) away from our page is stopped', () => {
    const window = fakeWindow();
    guardWindow(window, ourPage);
    const away = navigationEvent('file:///etc/passwd');
    window.webContents.emit('will-frame-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const ours = navigationEvent(ourPage);
    window.webContents.emit('will-frame-navigate', ours);
    expect(ours.preventDefault).not.toHaveBeenCalled();
  });

  it('honours ELECTRON_RENDERER_URL only in a development run', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://evil.example:5173/' };
    const mainDirectory = '/opt/Advocase/resources/app.asar/out/main';
    expect(rendererUrlFor({ isPackaged: true, env, mainDirectory })).toBe(ourPage);
    expect(rendererUrlFor({ isPackaged: false, env, mainDirectory })).toBe('http://evil.example:5173/');
    expect(rendererUrlFor({ isPackaged: false, env: {}, mainDirectory })).toBe(ourPage);
  });

  it('locks when the system sleeps or locks its screen', () => {
    const powerMonitor = new EventEmitter();
    const lock = vi.fn();
    lockOnSystemEvents(powerMonitor, lock);
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('resume');
    expect(lock).toHaveBeenCalledTimes(2);
  });
});
