// The deployed site's viewer-request rewrite is JavaScript inside template.yaml (CloudFront
// Function SiteIndexRewriteFunction); the local runner re-implements it in Java. Both are held to
// tests/parity/cloudfront-rewrites.json: this test runs the template's own code over the table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The literal block under `FunctionCode: |` of the one CloudFront Function in the template. */
function functionCode(template) {
  const lines = template.split('\n');
  const start = lines.findIndex((line) => /^\s+FunctionCode: \|\s*$/.test(line));
  assert.notEqual(start, -1, 'template.yaml has a CloudFront FunctionCode block');
  const indent = lines[start].search(/\S/);
  const body = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== '' && line.search(/\S/) <= indent) break;
    body.push(line);
  }
  return body.join('\n');
}

test('the template\'s CloudFront Function rewrites each URI of the shared table as the local runner does', () => {
  const code = functionCode(readFileSync(`${repo}template.yaml`, 'utf8'));
  const handler = new Function(`${code}\nreturn handler;`)();
  const { cases } = JSON.parse(readFileSync(`${repo}tests/parity/cloudfront-rewrites.json`, 'utf8'));
  assert.ok(cases.length >= 5);
  for (const { uri, object } of cases) {
    const request = handler({ request: { uri, querystring: {}, headers: {} } });
    assert.equal(request.uri, object, uri);
  }
});
