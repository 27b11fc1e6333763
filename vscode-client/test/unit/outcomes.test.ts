import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptText } from '../../src/format';
import { answerIdOf, OutcomeTracker } from '../../src/outcomes';
import type { CompletionOutcomeParams } from '../../src/protocol';
import { spendPageHtml, tierQualityHtml } from '../../src/spendHtml';

const item = (id: string, insertText = 'return lines', offset = 100) => ({ id, uri: 'file:///t.py', offset, insertText });

test('an item replaced without its accept command is dismissed, once', () => {
  const sent: CompletionOutcomeParams[] = [];
  const t = new OutcomeTracker((p) => sent.push(p));
  t.replace('file:///t.py', item('a'), () => '');
  t.replace('file:///t.py', item('a'), () => 'ret'); // typed-ahead reuse: the same answer goes on
  assert.deepEqual(sent, [{ id: 'a', outcome: 'shown' }]);
  t.replace('file:///t.py', item('b'), () => 'x');
  assert.deepEqual(sent.slice(1), [{ id: 'b', outcome: 'shown' }, { id: 'a', outcome: 'dismissed' }]);
  t.replace('file:///t.py', undefined, () => '');
  assert.deepEqual(sent[3], { id: 'b', outcome: 'dismissed' });
  t.replace('file:///t.py', undefined, () => '');
  assert.equal(sent.length, 4);
});

test('accepted by its command: nothing more is sent; partly typed out: partial', () => {
  const sent: CompletionOutcomeParams[] = [];
  const t = new OutcomeTracker((p) => sent.push(p));
  t.replace('file:///t.py', item('a'), () => '');
  t.markAccepted('a');
  t.replace('file:///t.py', item('b'), () => 'return lines');
  const verdicts = () => sent.filter((p) => p.outcome !== 'shown');
  assert.deepEqual(verdicts(), []);
  t.replace('file:///t.py', item('c'), () => 'retur');
  assert.deepEqual(verdicts(), [{ id: 'b', outcome: 'partial', acceptedChars: 5 }]);
  t.replace('file:///t.py', undefined, () => 'return lines\n');
  assert.deepEqual(verdicts()[1], { id: 'c', outcome: 'accepted', acceptedChars: 12 });
  assert.deepEqual(sent.filter((p) => p.outcome === 'shown').map((p) => p.id), ['a', 'b', 'c']);
});

test('the answer id comes from the lspRouter.completionAccepted command only', () => {
  assert.equal(answerIdOf({ command: 'lspRouter.completionAccepted', arguments: [{ id: 'x-1' }] }), 'x-1');
  assert.equal(answerIdOf({ command: 'other', arguments: [{ id: 'x-1' }] }), undefined);
  assert.equal(answerIdOf({ command: 'lspRouter.completionAccepted', arguments: [] }), undefined);
  assert.equal(answerIdOf(undefined), undefined);
});

test('accept rates per tier beside the cost, in the tooltip and the spend view', () => {
  assert.equal(acceptText({ shown: 4, accepted: 3 }), 'accepted 3 of 4 (75%)');
  assert.equal(acceptText({ shown: 0, accepted: 0 }), '');
  const session = {
    id: 's', costUsd: 0.01, savedUsd: 0.02, requests: 5, cacheHits: 0, escalations: 0,
    byTier: { frontier: { costUsd: 0.008, requests: 1 }, mini: { costUsd: 0.002, requests: 4 } },
    quality: { byTier: { mini: { shown: 4, accepted: 1, acceptRate: 0.25, costPerAcceptedUsd: 0.002 },
                         frontier: { shown: 1, accepted: 1, acceptRate: 1, costPerAcceptedUsd: 0.008 } } },
  };
  const html = tierQualityHtml(session);
  assert.match(html, /<span class="tier">mini<\/span>.*?data-tier="mini">25%<\/td><td class="num">1 \/ 4<\/td>/);
  assert.match(html, /data-tier="frontier">100%/);
  assert.ok(html.indexOf('>mini<') < html.indexOf('>frontier<'), 'mini first');
  const page = spendPageHtml({ records: [], snapshot: { session } as never, nonce: 'n', cspSource: 'c' });
  assert.ok(page.includes('id="tier-quality"'));
  assert.equal(tierQualityHtml({ ...session, byTier: {}, quality: {} }), '');
});
