// The batch triage off the main thread: one request in, progress messages and the result out.
import { runBatchRequest, type BatchRequest, type BatchResponse } from './worker-core';

const scope = self as unknown as { onmessage: ((e: MessageEvent<BatchRequest>) => void) | null; postMessage(m: BatchResponse): void };

scope.onmessage = (e) => {
  void runBatchRequest(e.data, (m) => scope.postMessage(m));
};
