// The build: pages in both languages with one structure, shared names from the .properties files,
// the association's identity in the HTML, and a template naming a missing key stops it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../build.mjs';
import { structure } from '../compare.mjs';
import { SITE, readTables } from '../lib.mjs';

let out;
let result;
before(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-site-'));
  result = build({ out });
});
const read = (file) => fs.readFileSync(path.join(out, file), 'utf8');
const association = JSON.parse(fs.readFileSync(path.join(SITE, 'config/association.json'), 'utf8'));

test('every template is built in Arabic at / and in English at /en/, with the same element structure', () => {
  const arabic = result.files.filter((f) => f.endsWith('index.html') && !f.startsWith('en/'));
  assert.ok(arabic.length >= 13, `${arabic.length} pages`);
  for (const file of arabic) {
    const ar = read(file); const en = read(`en/${file}`);
    assert.match(ar, /<html lang="ar" dir="rtl">/, file);
    assert.match(en, /<html lang="en" dir="ltr">/, `en/${file}`);
    assert.deepEqual(structure(en), structure(ar), `${file}: the two languages have the same elements and attributes`);
  }
});

test('the association identity is in the HTML of both languages (first paint, no script)', () => {
  for (const [file, lang] of [['index.html', 'ar'], ['en/index.html', 'en'], ['privacy/index.html', 'ar'], ['en/track/index.html', 'en']]) {
    const html = read(file);
    assert.ok(html.includes(`<span data-config="name">${association.name[lang]}</span>`), `${file}: name`);
    assert.ok(html.includes(`href="${association.contact.phoneHref}" data-config="phone" dir="ltr">${association.contact.phone}<`), `${file}: phone`);
  }
  assert.ok(read('en/index.html').includes(`<h3>${association.services[0].title.en}</h3>`), 'services listed');
  assert.ok(read('en/index.html').includes(`<title>Beneficiary services — ${association.shortName.en}</title>`), 'title');
});

test('names the API knows come from functions/messages/labels, in pages and in the scripts', () => {
  const { labels } = readTables();
  assert.ok(read('en/request/index.html').includes(`<span>${labels.en['category.service']}</span>`));
  assert.ok(read('staff/queue/index.html').includes(`<option value="service">${labels.ar['category.service']}</option>`));
  const en = read('assets/js/i18n/en.js');
  assert.ok(en.includes('"service": "Service or support request"'), 'the drifted "Service request" is gone');
  const staff = read('assets/components/staff-console/strings-en.js');
  for (const bucket of ['<1h', '16-24h', '>160h']) assert.ok(staff.includes(`"${bucket}": "${labels.en[`bucket.${bucket}`]}"`), bucket);
  assert.ok(staff.includes('"waiting_for_beneficiary": "Waiting for the beneficiary"'), 'status.staff.* for the console');
  // what staff read of message delivery, for rows the API sent without a label
  for (const key of ['delivery.failed', 'provider.unifonic', 'message.status', 'contact.whatsapp']) {
    const [group, code] = key.split('.');
    assert.ok(staff.includes(`"${code}": "${labels.en[key]}"`), key);
    assert.ok(staff.lastIndexOf(`"${group}": {`) > staff.indexOf('export const codeLabels'), `${group} in codeLabels`);
  }
});

test('assets and config are copied as they are', () => {
  for (const file of ['assets/css/base.css', 'assets/js/main.js', 'config/runtime.json', 'config/association.json']) {
    assert.deepEqual(fs.readFileSync(path.join(out, file)), fs.readFileSync(path.join(SITE, file)), file);
  }
});

test('developer notes (README.md and any .md) are not part of the built site', () => {
  const notes = fs.readdirSync(out, { recursive: true }).filter((f) => f.endsWith('.md'));
  assert.deepEqual(notes, []);
  assert.ok(fs.existsSync(path.join(SITE, 'assets/components/kiosk/README.md')), 'the source still has them');
});

test('a template that names a key the tables lack stops the build and writes nothing', () => {
  const tables = readTables();
  const ar = structuredClone(tables.strings.ar); const en = structuredClone(tables.strings.en);
  delete ar.track.title; delete en.track.title;
  const before = read('track/index.html');
  assert.throws(() => build({ out, strings: { ar, en }, labels: tables.labels }), /track\/index\.njk: no string "track\.title"/);
  assert.equal(read('track/index.html'), before, 'the last good build is left in place');
});

test('a key in one language only stops the build', () => {
  const tables = readTables();
  const en = structuredClone(tables.strings.en);
  delete en.common.home;
  assert.throws(() => build({ out, strings: { ...tables.strings, en }, labels: tables.labels }), /"common\.home" is in ar and missing in en/);
});
