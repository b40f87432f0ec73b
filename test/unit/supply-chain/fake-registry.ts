// A fake npm/PyPI/OSV registry on 127.0.0.1 for the online-check tests (never the internet).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RegistryUrls } from '../../../src/core/supply-chain';

/** A fake npm/PyPI/OSV registry on 127.0.0.1 that knows `express`, `requests` and a malicious `evil-pkg`. */
export async function startFakeRegistry(): Promise<{ urls: RegistryUrls; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk.toString(); });
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}`);
      const send = (status: number, json?: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(json === undefined ? '' : JSON.stringify(json));
      };
      if (req.url === '/npm/express') return send(200, { name: 'express', time: { created: '2010-12-29T19:38:25.450Z' } });
      if (req.url === '/npm/evil-pkg') return send(200, { name: 'evil-pkg', time: { created: '2026-11-20T00:00:00.000Z' } });
      if (req.url === '/npm/slow') return setTimeout(() => send(200, {}), 2000);
      if (req.url === '/npm/downloads/point/last-month/express') return send(200, { downloads: 150000000 });
      if (req.url === '/pypi/pypi/requests/json') return send(200, { releases: { '2.0.0': [{ upload_time_iso_8601: '2013-09-24T00:00:00Z' }], '0.2.0': [{ upload_time_iso_8601: '2011-02-14T00:00:00Z' }] } });
      if (req.url === '/osv/v1/query') {
        const q = JSON.parse(body) as { package: { name: string } };
        if (q.package.name === 'evil-pkg') return send(200, { vulns: [{ id: 'MAL-2026-1234', summary: 'Malicious code in evil-pkg' }, { id: 'GHSA-xxxx-yyyy-zzzz', summary: 'old bug' }] });
        return send(200, {});
      }
      if (req.url?.startsWith('/npm/') || req.url?.startsWith('/pypi/')) return send(404, { error: 'Not found' });
      return send(500);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urls: { npm: `${base}/npm`, pypi: `${base}/pypi`, osv: `${base}/osv`, npmDownloads: `${base}/npm` },
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
