// The string tables: both languages have every key, and the checker proves a missing one fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTables, flatten, readTables, tableProblems } from '../lib.mjs';

const tables = readTables();

test('every key of site/strings and of the shared labels exists in both languages', () => {
  assert.deepEqual(tableProblems(tables), []);
});

test('a translation missing from one language is reported, naming the key and the language', () => {
  const en = structuredClone(tables.strings.en);
  delete en.request.title;
  const problems = tableProblems({ ...tables, strings: { ...tables.strings, en } });
  assert.deepEqual(problems, ['site/strings: "request.title" is in ar and missing in en']);
});

test('a shared name missing from one .properties file is reported', () => {
  const ar = { ...tables.labels.ar };
  delete ar['category.service'];
  const problems = tableProblems({ ...tables, labels: { ...tables.labels, ar } });
  assert.deepEqual(problems, ['functions/messages/labels: "category.service" is in en and missing in ar']);
});

test('an empty text and a template whose placeholders differ between languages are reported', () => {
  const problems = checkTables({
    ar: { 'a.empty': '', 'a.greet(name)': 'مرحبًا {name}' },
    en: { 'a.empty': 'Empty', 'a.greet(name)': 'Hello {who}' },
  }, 'x');
  assert.deepEqual(problems, ['x: "a.empty" is empty in ar', 'x: "a.greet(name)" uses {name} in ar and {who} in en']);
});

test('a page string may not shadow a name the API also knows (one source for each)', () => {
  const ar = structuredClone(tables.strings.ar); const en = structuredClone(tables.strings.en);
  ar.category = { service: 'طلب خدمة' }; en.category = { service: 'Service request' };
  assert.ok(tableProblems({ ...tables, strings: { ar, en } }).some((p) => p.includes('"category.service" is also a shared name')));
});

test('plural forms are one entry, not nested keys', () => {
  const flat = flatten(tables.strings.en);
  assert.equal(typeof flat['js.minutes(n)'], 'object');
  assert.equal(flat['js.minutes(n)'].other, '{n} minutes');
});
