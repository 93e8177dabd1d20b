// The formatter behind the generated string modules (site/assets/js/messages.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile } from '../../assets/js/messages.js';

test('a key with parameters becomes a function filling them by name, in either order', () => {
  const t = compile('en', { 'trend(first, last, n)': '{n} months, {first} to {last}', plain: 'Copy {x}', nested: { a: 'b' } });
  assert.equal(t.trend('Jan', 'Mar', 3), '3 months, Jan to Mar');
  assert.equal(t.plain, 'Copy {x}', 'a key without parameters stays a plain string (callers may replace {x} themselves)');
  assert.deepEqual(t.nested, { a: 'b' });
});

test('{n, number} uses the page language digits; {n} inserts the value as given', () => {
  const t = compile('ar', { 'step(n, m)': 'الخطوة {n, number} من {m}' });
  assert.equal(t.step(3, 8), 'الخطوة ٣ من 8');
  assert.equal(compile('ar', { 'n(n)': '{n, number}' }).n(1234), '١٬٢٣٤');
});

test('plural forms follow CLDR for Arabic and English', () => {
  const ar = compile('ar', { 'm(n)': { zero: 'صفر', one: 'واحدة', two: 'اثنتان', few: '{n, number} قليلة', many: '{n, number} كثيرة', other: '{n, number} أخرى' } });
  assert.deepEqual([0, 1, 2, 3, 10, 11, 99, 100].map(ar.m), ['صفر', 'واحدة', 'اثنتان', '٣ قليلة', '١٠ قليلة', '١١ كثيرة', '٩٩ كثيرة', '١٠٠ أخرى']);
  const en = compile('en', { 'm(n)': { one: '{n} minute', other: '{n} minutes' } });
  assert.deepEqual([1, 2, 1.5].map(en.m), ['1 minute', '2 minutes', '1.5 minutes']);
});
