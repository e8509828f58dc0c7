// @vitest-environment jsdom
// When the service worker is registered: not while the opened page is still settling (its download of
// the whole build would compete with it), but 10 s after load when the browser is idle, or when the
// visitor leaves the page first.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('registerServiceWorker', () => {
  let register: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
    register = vi.fn(() => new Promise(() => undefined));
    Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: { register, controller: null, addEventListener: () => undefined } });
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => setTimeout(fn, 50));
  });
  afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

  it('waits 10 s after load and for an idle moment, then registers sw.js once', async () => {
    const { registerServiceWorker } = await import('../../src/ui/service-worker');
    registerServiceWorker();
    await vi.advanceTimersByTimeAsync(9_900);
    expect(register).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(register).toHaveBeenCalledTimes(1);
    expect(register).toHaveBeenCalledWith('/sw.js');
    dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('registers at once when the visitor leaves before that, and not again later', async () => {
    const { registerServiceWorker } = await import('../../src/ui/service-worker');
    registerServiceWorker();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(register).not.toHaveBeenCalled();
    dispatchEvent(new Event('pagehide'));
    expect(register).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(register).toHaveBeenCalledTimes(1);
  });
});
