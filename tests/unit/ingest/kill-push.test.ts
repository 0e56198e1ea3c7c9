import { describe, expect, it } from 'vitest';
import { killDocument } from '../../../lambdas/ingest/kill-push.ts';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';

const at = new Date('2026-03-02T12:00:00.000Z');
const body = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('the body of a signed DELETE push', () => {
  it('becomes a ninjs kill the normalize stage reads, canceled unless a withdrawal is asked', async () => {
    for (const [asked, status] of [
      [undefined, 'canceled'],
      ['withheld', 'withheld'],
    ] as const) {
      const kill = killDocument(body({ uri: ' urn:x:1 ', ...(asked ? { pubStatus: asked } : {}) }), at);
      if (!kill.ok) throw new Error(kill.reason);
      const parsed = await parseDocument(kill.bytes);
      expect(parsed.items[0]).toMatchObject({
        guid: 'urn:x:1',
        pubStatus: status,
        updated: at.toISOString(),
      });
    }
  });

  it('refuses a body that is not JSON, names no uri, or asks another status', () => {
    expect(killDocument(new TextEncoder().encode('urn:x:1'), at)).toMatchObject({ ok: false });
    expect(killDocument(body({ id: 'urn:x:1' }), at)).toMatchObject({ ok: false });
    expect(killDocument(body({ uri: 'urn:x:1', pubStatus: 'usable' }), at)).toMatchObject({ ok: false });
    expect(killDocument(body({ uri: 'x'.repeat(2049) }), at)).toMatchObject({ ok: false });
  });
});
