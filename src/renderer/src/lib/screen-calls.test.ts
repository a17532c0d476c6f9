import { describe, expect, it } from 'vitest';
import { countScreenCall, screenCallsAnswered } from './screen-calls';

/** A call whose answer the test gives when it chooses. */
function pendingCall() {
  let answer: (value: string) => void = () => undefined;
  const promise = new Promise<string>((resolve) => (answer = resolve));
  return { promise, answer };
}

function nextTasks(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

describe('a decorating call waits for the screen', () => {
  it('waits for the calls sent in the same task, and for those their answers lead to', async () => {
    const order: string[] = [];
    const decoration = screenCallsAnswered().then(() => order.push('banner'));
    // Sent after the decoration asked, in the same task, as a render's effects do.
    const count = pendingCall();
    void countScreenCall(count.promise).then(() => order.push('count'));

    // Answers come back after other tasks have run, never within the task that asked.
    await nextTasks();
    expect(order).toEqual([]);
    const rows = pendingCall();
    count.answer('2 cases');
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The count's answer leads the table to ask for its rows before the banner goes out.
    void countScreenCall(rows.promise).then(() => order.push('rows'));
    await nextTasks();
    expect(order).toEqual(['count']);

    rows.answer('first page');
    await decoration;
    expect(order).toEqual(['count', 'rows', 'banner']);
  });

  it('goes at once when the screen has nothing on its way, and after a failed call', async () => {
    await screenCallsAnswered();
    const failing = pendingCall();
    const failed = countScreenCall(failing.promise.then(() => Promise.reject(new Error('locked'))));
    const decoration = screenCallsAnswered();
    await nextTasks();
    failing.answer('');
    await expect(failed).rejects.toThrow('locked');
    await expect(decoration).resolves.toBeUndefined();
  });
});
