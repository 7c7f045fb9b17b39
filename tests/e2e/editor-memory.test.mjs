// The staff editor's preview over a long session holds one version of the dataset at a time:
// after warming up, forty more versions leave its wasm memory and JS heap where they were (each
// version used to stay allocated: +34 KB of wasm memory a version). The figures over 500
// versions come from scripts/editor-memory.mjs (bench).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch } from './helpers.mjs';
import { open, sendVersions, memory } from '../../scripts/editor-memory.mjs';

let server, browser;
before(async () => {
  server = await serve({ pages: { '/writer': '<!doctype html><title>writer</title>' } });
  browser = await launch({ args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
});
after(async () => { await browser?.close(); await server?.close(); });

test('the preview shows version after version with flat memory (40 versions: < 0.5 MiB each of wasm and JS)', async () => {
  const { context, writer, preview, cdp } = await open(browser, server.url);
  const errors = [];
  preview.on('pageerror', (e) => errors.push(e.message));
  await sendVersions(writer, preview, 0, 10);
  const warm = await memory(preview, cdp);
  assert.ok(warm.wasm > 0, 'the preview frame exposes its wasm memory');
  await sendVersions(writer, preview, 10, 40);
  const later = await memory(preview, cdp);
  const mib = (b) => (b / 1048576).toFixed(2);
  assert.ok(later.wasm - warm.wasm < 0.5 * 1048576, `wasm memory ${mib(warm.wasm)} → ${mib(later.wasm)} MiB`);
  assert.ok(later.js - warm.js < 0.5 * 1048576, `JS heap ${mib(warm.js)} → ${mib(later.js)} MiB`);
  assert.deepEqual(errors, []);
  await context.close();
});
