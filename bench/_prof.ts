import { readdirSync, readFileSync } from 'node:fs';
import { processOffline } from '../local/offline.ts';

const dir = '/tmp/feeds-1m/';
const files = readdirSync(dir)
  .sort()
  .map((f) => readFileSync(dir + f));
for (let r = 0; r < 4; r++) {
  const t = process.hrtime.bigint();
  let n = 0;
  for (const b of files)
    n += (await processOffline(b, { receivedAt: '2026-12-01T00:00:00.000Z' })).items.length;
  console.log(n, Number(process.hrtime.bigint() - t) / 1e6, 'ms');
}
