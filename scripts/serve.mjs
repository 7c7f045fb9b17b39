// Serves a built site the way a static host serves it (the .br/.gz copies, the `_headers`) on a
// fixed port, and rebuilds it when a source file changes: `node scripts/serve.mjs <folder> <port>`.
// The rebuild is scripts/build.sh into the same folder (cargo and trunk rebuild only what the
// change touches); the page is reloaded by hand. Never dist/: that folder holds only the release.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import http from 'node:http';
import { serve } from './static-host.mjs';

const [root = 'target/serve', port = '8080'] = process.argv.slice(2);
const WATCHED = ['src', 'style', 'static', 'data', 'index.html', 'edit.html', 'Cargo.toml', 'build.rs'];

// The helper reads `_headers` once (the CSP carries the loader's hash, new on every build), so a
// rebuild starts a new one; it listens on a random port, and the fixed port forwards to it.
const start = () => serve({ root: `${process.cwd()}/${root}/`, compressed: true, hostHeaders: true });
let site = await start();
http.createServer((req, res) => {
  const upstream = new URL(site.url);
  const up = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
    (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
  up.on('error', () => { res.writeHead(502); res.end('rebuilding; reload in a moment'); });
  req.pipe(up);
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`Serving ${root}/ at http://127.0.0.1:${port}/ (the editor: http://127.0.0.1:${port}/edit.html; Ctrl+C to stop)`);
});

let timer = null;
let building = false;
let again = false;
function rebuild() {
  if (building) { again = true; return; }
  building = true;
  console.log('[serve] a source file changed: rebuilding…');
  spawn('bash', ['scripts/build.sh', root], { stdio: 'inherit' }).on('exit', async (code) => {
    if (code === 0) { const old = site; site = await start(); old.close(); }
    building = false;
    console.log(code === 0 ? `[serve] rebuilt: reload http://127.0.0.1:${port}/` : '[serve] the build failed; still serving the last good site');
    if (again) { again = false; rebuild(); }
  });
}
for (const path of WATCHED) {
  try {
    watch(path, { recursive: true }, () => { clearTimeout(timer); timer = setTimeout(rebuild, 300); });
  } catch { /* a path this checkout lacks */ }
}
