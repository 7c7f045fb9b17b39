// A real nginx (Debian's) serving a folder as docs/deploying.md says: the shipped `nginx.conf`
// included in its `server { }`, with `brotli_static on;` uncommented where the module is there,
// as the guide tells hosts to. Run unprivileged on a free port of 127.0.0.1, everything it
// writes in a folder of its own. Optionally a caching proxy in front (a portal's or a CDN's
// cache that keeps copies regardless of what the site says).
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MODULES = '/usr/lib/nginx/modules';
const BROTLI_STATIC = `${MODULES}/ngx_http_brotli_static_module.so`;

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const listening = async (port) => {
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((r) => { const c = connect(port, '127.0.0.1', () => { c.end(); r(true); }).on('error', () => r(false)); });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port}`);
};

/** A copy of `from` (a built site) in a folder of its own that nginx's workers can read: when the
 *  tests run as root, nginx runs its workers as `nobody`. */
export function siteCopy(from) {
  const dir = mkdtempSync(join(tmpdir(), 'tccs-site-'));
  cpSync(from, dir, { recursive: true });
  chmodSync(dir, 0o755);
  return dir;
}

/** Serves `root` with nginx and the snippet `root/nginx.conf`; `cache: true` puts a caching proxy
 *  in front (its address is `url`; `origin` is nginx's own). Resolves to {url, origin, close}. */
export async function nginx(root, { cache = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tccs-nginx-'));
  chmodSync(dir, 0o777); // its workers (`nobody` when started as root) write their caches here
  // The snippet as the guide has hosts use it: brotli_static on when the module is installed.
  const snippet = join(dir, 'site.conf');
  const shipped = readFileSync(join(root, 'nginx.conf'), 'utf8');
  writeFileSync(snippet, existsSync(BROTLI_STATIC) ? shipped.replace(/^# ?(brotli_static on;)$/m, '$1') : shipped);
  const [port, front] = [await freePort(), await freePort()];
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join('\n  ');
  const proxy = cache ? `
  proxy_cache_path ${dir}/cache keys_zone=portal:1m;
  server {
    listen 127.0.0.1:${front};
    location / {
      proxy_pass http://127.0.0.1:${port};
      proxy_cache portal;
      proxy_cache_valid 200 10m;
      # A portal's cache with its own policy: it keeps copies whatever the site says.
      proxy_ignore_headers Cache-Control Expires;
      proxy_hide_header Cache-Control;
      add_header Cache-Control "public, max-age=600" always;
    }
  }` : '';
  writeFileSync(join(dir, 'nginx.conf'), `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
${existsSync(BROTLI_STATIC) ? `load_module ${BROTLI_STATIC};` : ''}
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${temp}
  server {
    listen 127.0.0.1:${port};
    root ${root};
    include ${snippet};
  }${proxy}
}
`);
  const proc = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((r) => proc.on('exit', r));
  try {
    await Promise.race([listening(port), exited.then((code) => { throw new Error(`nginx exited (${code}): ${stderr}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`); })]);
    if (cache) await listening(front);
  } catch (e) {
    proc.kill();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const origin = `http://127.0.0.1:${port}/`;
  return {
    url: cache ? `http://127.0.0.1:${front}/` : origin,
    origin,
    brotli: existsSync(BROTLI_STATIC),
    close: async () => { proc.kill('SIGQUIT'); await exited; rmSync(dir, { recursive: true, force: true }); },
  };
}
