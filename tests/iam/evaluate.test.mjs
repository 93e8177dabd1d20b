// The evaluator's own guarantees: a call outside its LeadingKeys is denied, a grant no call used is
// reported, and taking one action out of a role turns its calls into findings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate, UNUSED_BY_DESIGN, without } from './evaluate.mjs';

const TABLE = 'arn:aws:dynamodb:me-south-1:123456789012:table/RequestsTable';

const roles = {
  LookupRequestFunctionRole: [
    {
      name: 'LookupPolicy',
      document: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['dynamodb:Query'],
            Resource: TABLE,
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['REQ#*'] } },
          },
          {
            Effect: 'Allow',
            Action: ['dynamodb:BatchGetItem', 'dynamodb:UpdateItem'],
            Resource: TABLE,
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RATE#*'] } },
          },
        ],
      },
    },
  ],
};

const call = (action, leadingKeys) => ({
  function: 'LookupRequestFunction',
  action,
  resource: TABLE,
  context: { 'dynamodb:LeadingKeys': leadingKeys },
});

test('calls inside the grants are allowed and use every action', async () => {
  const findings = await evaluate(roles, [
    call('dynamodb:Query', ['REQ#MF-1']),
    call('dynamodb:BatchGetItem', ['RATE#ref:1', 'RATE#client:2']),
    call('dynamodb:UpdateItem', ['RATE#ref:1']),
  ]);
  assert.deepEqual(findings, []);
});

test('a call on another partition is denied', async () => {
  const findings = await evaluate(roles, [
    call('dynamodb:Query', ['MSG#1']),
    call('dynamodb:BatchGetItem', ['RATE#1']),
    call('dynamodb:UpdateItem', ['RATE#1']),
  ]);
  assert.equal(findings.filter((f) => f.startsWith('DENIED')).length, 1);
  assert.match(findings.join('\n'), /DENIED LookupRequestFunction: dynamodb:Query .*MSG#1/);
});

test('one key of a batch outside the grant denies the whole batch', async () => {
  const findings = await evaluate(roles, [call('dynamodb:BatchGetItem', ['RATE#1', 'REQ#1'])]);
  assert.match(findings.join('\n'), /DENIED .*BatchGetItem/);
});

test('a granted action no call used is a finding', async () => {
  const findings = await evaluate(roles, [call('dynamodb:Query', ['REQ#1']), call('dynamodb:UpdateItem', ['RATE#1'])]);
  assert.deepEqual(
    findings.map((f) => f.replace(/ on .*/, '')),
    ['UNUSED LookupRequestFunctionRole LookupPolicy#1: dynamodb:BatchGetItem'],
  );
});

test('a role with no call at all is a finding, not a pass', async () => {
  const findings = await evaluate(roles, []);
  assert.match(findings.join('\n'), /LookupRequestFunctionRole: no recorded call at all/);
});

test('removing one grant turns its calls into denials', async () => {
  const calls = [call('dynamodb:Query', ['REQ#1']), call('dynamodb:BatchGetItem', ['RATE#1']), call('dynamodb:UpdateItem', ['RATE#1'])];
  assert.deepEqual(await evaluate(roles, calls), []);
  const findings = await evaluate(without(roles, 'LookupRequestFunctionRole', 'dynamodb:BatchGetItem'), calls);
  assert.match(findings.join('\n'), /DENIED LookupRequestFunction: dynamodb:BatchGetItem/);
});

test('every grant left unused by design says why', () => {
  for (const [key, why] of Object.entries(UNUSED_BY_DESIGN)) {
    assert.match(key, /^[A-Za-z]+Role [a-z-]+:[A-Za-z]+$/);
    assert.ok(why.length > 40, key);
  }
});
