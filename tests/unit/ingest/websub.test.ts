import { expect, it } from 'vitest';
import { answerVerification, subscribedTopics } from '../../../lambdas/ingest/websub.ts';
import { OutletRegistry } from '../../../lambdas/shared/outlets.ts';

const topics = subscribedTopics(
  new OutletRegistry([
    { id: 'alpha', feeds: ['https://alpha.example/feed.xml'] },
    { id: 'beta', feeds: ['https://beta.example/atom', 'https://beta.example/rss'] },
  ]),
);
const verify = (mode: string, topic: string, challenge?: string) =>
  answerVerification(
    { 'hub.mode': mode, 'hub.topic': topic, ...(challenge ? { 'hub.challenge': challenge } : {}) },
    topics,
  );

it('collects every registered feed as a topic', () => {
  expect([...topics].sort()).toEqual([
    'https://alpha.example/feed.xml',
    'https://beta.example/atom',
    'https://beta.example/rss',
  ]);
});

it('echoes the challenge for subscribe and unsubscribe on a registered feed', () => {
  expect(verify('subscribe', 'https://beta.example/rss', 'c-123')).toEqual({ status: 200, body: 'c-123' });
  expect(verify('unsubscribe', 'https://alpha.example/feed.xml', 'c-9')).toEqual({
    status: 200,
    body: 'c-9',
  });
});

it('answers 404 for a topic it never subscribed to, a bad mode, or no challenge', () => {
  expect(verify('subscribe', 'https://evil.example/feed', 'c').status).toBe(404);
  expect(verify('publish', 'https://beta.example/rss', 'c').status).toBe(404);
  expect(verify('subscribe', 'https://beta.example/rss').status).toBe(404);
  expect(answerVerification({}, topics).status).toBe(404);
});

it('refuses to echo an oversized challenge', () => {
  expect(verify('subscribe', 'https://beta.example/rss', 'x'.repeat(513)).status).toBe(404);
});

it('acknowledges a denied subscription with an empty 200', () => {
  expect(verify('denied', 'https://beta.example/rss')).toEqual({ status: 200, body: '' });
});
