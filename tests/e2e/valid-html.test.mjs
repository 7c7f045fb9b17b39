// Valid HTML: the W3C Nu HTML Checker finds no error in the pages the build writes (the
// publication's own page is checked where the editor writes it: tests/e2e/editor.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DIST } from './helpers.mjs';
import { htmlErrors } from './vnu.mjs';

test('index.html and edit.html are valid HTML (W3C Nu HTML Checker)', () => {
  assert.deepEqual(htmlErrors(join(DIST, 'index.html'), join(DIST, 'edit.html')), []);
});

test('the checker sees an error when there is one', () => {
  // What Leptos writes for a hydration mark, and Trunk on an icon's link, before the build
  // rewrites them: the checker must report both, or its silence above proves nothing.
  const errors = htmlErrors(new URL('../fixtures/invalid.html', import.meta.url).pathname);
  assert.ok(errors.some((e) => /Bogus comment/.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => /integrity/.test(e)), errors.join('\n'));
});
