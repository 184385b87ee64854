/**
 * The Web Chat bundle, served from the installed botframework-webchat package (the portal may have no
 * route to a CDN): read once, gzipped once, then served with a strong ETag and long caching.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

export interface StaticFile {
  body: Buffer;
  gzipped?: Buffer;
  etag: string;
  contentType: string;
}

/** The installed botframework-webchat package: its directory and version. */
export function findWebChatPackage(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('botframework-webchat'));
  for (let i = 0; i < 5; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'botframework-webchat') return { dir, version: pkg.version ?? '0' };
    }
    dir = dirname(dir);
  }
  throw new Error('botframework-webchat không được cài (npm ci)');
}

export async function loadStatic(path: string, contentType: string, compress: boolean): Promise<StaticFile> {
  const body = readFileSync(path);
  const file: StaticFile = {
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    contentType,
  };
  if (compress) file.gzipped = await gzipAsync(body, { level: 9 });
  return file;
}

/** The Web Chat bundle (window.WebChat), loaded and compressed in the background from the first call. */
export class WebChatBundle {
  readonly version: string;
  private readonly dir: string;
  private script?: Promise<StaticFile>;
  private license?: Promise<StaticFile>;

  constructor() {
    const found = findWebChatPackage();
    this.dir = found.dir;
    this.version = found.version;
  }

  scriptFile(): Promise<StaticFile> {
    this.script ??= loadStatic(join(this.dir, 'dist', 'webchat.js'), 'application/javascript; charset=utf-8', true);
    return this.script;
  }

  licenseFile(): Promise<StaticFile> {
    this.license ??= loadStatic(join(this.dir, 'dist', 'webchat.js.LICENSE.txt'), 'text/plain; charset=utf-8', true);
    return this.license;
  }
}
