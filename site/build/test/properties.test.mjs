// The .properties reader follows java.util.Properties.load: Java reads the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProperties } from '../lib.mjs';

test('keys, separators, comments, escapes and continuation lines as Java reads them', () => {
  const props = parseProperties([
    '# a comment', '! another', '', 'plain=value', 'spaced = value with spaces  ', 'colon:yes', 'blank words',
    'bucket.<1h=Under 1 hour', 'bucket.>160h=Over 160 hours', 'unicode=\\u0634\\u0643\\u0648\\u0649', 'tab=a\\tb',
    'long=first \\', '    second', 'key\\=with\\:seps=v', 'arabic=شكوى', 'empty=',
  ].join('\n'));
  assert.deepEqual(props, {
    plain: 'value', spaced: 'value with spaces  ', colon: 'yes', blank: 'words',
    'bucket.<1h': 'Under 1 hour', 'bucket.>160h': 'Over 160 hours', unicode: 'شكوى', tab: 'a\tb',
    long: 'first second', 'key=with:seps': 'v', arabic: 'شكوى', empty: '',
  });
});

test('an escaped backslash at the end of a line does not continue it', () => {
  assert.deepEqual(parseProperties('a=x\\\\\nb=y'), { a: 'x\\', b: 'y' });
});
