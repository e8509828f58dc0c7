// @vitest-environment jsdom
// Loading parts of the app with a dropped connection (src/ui/connection.tsx): retried, then a
// ChunkLoadError the error boundary tells from a bug in a page.
import { describe, expect, it, vi } from 'vitest';
import { ChunkLoadError, diagnose, withRetry } from '../../src/ui/connection';

describe('withRetry', () => {
  it('tries again after each pause and returns the first success', async () => {
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue('ok');
    await expect(withRetry(load, [0, 0])).resolves.toBe('ok');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('gives up after the last pause with the last error', async () => {
    const load = vi.fn<() => Promise<string>>().mockRejectedValue(new TypeError('Failed to fetch dynamically imported module'));
    await expect(withRetry(load, [0, 0])).rejects.toThrow('dynamically imported module');
    expect(load).toHaveBeenCalledTimes(3);
  });
});

describe('diagnose', () => {
  it('offline when the server cannot be reached', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(diagnose(new ChunkLoadError(new TypeError(`Failed to fetch dynamically imported module: ${location.origin}/assets/Wizard-abc.js`)))).resolves.toBe('offline');
    fetchMock.mockRestore();
  });

  it('gone when the server answers but the failed file is a 404 (a new version replaced it)', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) =>
      new Response(null, { status: String(url).includes('/assets/') ? 404 : 200 }));
    await expect(diagnose(new ChunkLoadError(new TypeError(`Failed to fetch dynamically imported module: ${location.origin}/assets/Wizard-abc.js`)))).resolves.toBe('gone');
    fetchMock.mockRestore();
  });
});
