// The public forms' client-side checks (site/assets/js/validate.js), which mirror the API's rules so
// a visitor hears the same words sooner; the server stays the authority.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateRequest, validateLookup, normaliseTrackingCode } from '../../assets/js/validate.js';

const codes = (errors) => errors.map((e) => `${e.field}:${e.code}`);

const anonymous = (extra = {}) => ({
  category: 'complaint', channel: 'kiosk', anonymous: true, city: 'Jeddah', description: 'The queue was long.',
  language: 'en', consent: true, ...extra,
});

test('an anonymous complaint or suggestion needs no name, mobile or way of contact', () => {
  assert.deepEqual(validateRequest(anonymous()), []);
  assert.deepEqual(validateRequest(anonymous({ category: 'suggestion' })), []);
});

test('an anonymous request still needs its city, details and consent', () => {
  assert.deepEqual(codes(validateRequest(anonymous({ city: ' ', description: '', consent: false }))),
    ['city:required_city', 'description:required_description', 'consent:required_consent']);
  assert.deepEqual(codes(validateRequest(anonymous({ description: 'x'.repeat(2001) }))), ['description:description_too_long']);
});

test('only a complaint or a suggestion may be anonymous', () => {
  for (const category of ['service', 'new_beneficiary', 'inquiry']) {
    assert.deepEqual(codes(validateRequest(anonymous({ category }))), ['anonymous:anonymous_not_allowed'], category);
  }
});

test('anything that names or reaches the sender is refused on an anonymous request, not dropped', () => {
  const body = anonymous({
    name: 'Sara', mobile: '0501234567', email: 'a@example.org', nationalId: '1234567890',
    onBehalf: { beneficiaryName: 'Ali', relationship: 'son' }, preferredContact: 'sms',
  });
  assert.deepEqual(codes(validateRequest(body)), [
    'name:not_when_anonymous', 'mobile:not_when_anonymous', 'email:not_when_anonymous',
    'nationalId:not_when_anonymous', 'onBehalf:not_when_anonymous', 'preferredContact:not_when_anonymous',
  ]);
  assert.deepEqual(validateRequest(anonymous({ preferredContact: 'none', name: '  ' })), [], '"none" and blanks are absence');
});

test('a named request is checked as before: anonymous false asks for name, mobile and contact', () => {
  const named = anonymous({ anonymous: false });
  assert.deepEqual(codes(validateRequest(named)), ['name:required_name', 'mobile:required_mobile', 'preferredContact:required_preferred_contact']);
});

test('the kiosk checks one screen at a time, anonymous or not', () => {
  assert.deepEqual(codes(validateRequest(anonymous({ city: '' }), ['category'])), []);
  assert.deepEqual(codes(validateRequest(anonymous({ category: 'service' }), ['anonymous'])), ['anonymous:anonymous_not_allowed']);
});

test('a tracking code is six digits in any digit script, with spaces or a dash between groups', () => {
  assert.equal(normaliseTrackingCode('482913'), '482913');
  assert.equal(normaliseTrackingCode(' 482 913 '), '482913');
  assert.equal(normaliseTrackingCode('٤٨٢-٩١٣'), '482913');
  assert.equal(normaliseTrackingCode('۴۸۲۹۱۳'), '482913', 'Persian digits');
  for (const bad of ['', '48291', '4829134', '48a913', null, undefined]) assert.equal(normaliseTrackingCode(bad), null, String(bad));
});

test('a lookup is proved by the mobile digits or, when offered, by the tracking code', () => {
  assert.deepEqual(validateLookup({ reference: '7KQ3-M9PX', mobileLast4: '٤٥٦٧' }), []);
  assert.deepEqual(codes(validateLookup({ reference: '7KQ3-M9PX', mobileLast4: '45' })), ['mobileLast4:invalid_mobile_last4']);
  assert.deepEqual(validateLookup({ reference: '7kq3 m9px', trackingCode: '482 913' }), []);
  assert.deepEqual(codes(validateLookup({ reference: '7KQ3-M9PX', trackingCode: '4567' })), ['trackingCode:invalid_tracking_code'],
    'with a code, the four mobile digits are not asked for and four digits are not a code');
  assert.deepEqual(codes(validateLookup({ reference: '', trackingCode: '' })), ['reference:required_reference', 'trackingCode:invalid_tracking_code']);
});
