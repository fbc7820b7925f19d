import type { IncomingMessage } from 'node:http';

/**
 * The local write API has no login (like decap-server), so it must refuse anything that
 * does not come from the editor's own page: a web page elsewhere posting to 127.0.0.1
 * (cross-site request) or a hostile name resolving to 127.0.0.1 (DNS rebinding).
 * Host must be the editor's own address; a write also needs the editor's own Origin
 * and a JSON body (which a plain HTML form cannot send).
 */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function refusal(req: IncomingMessage, port: number, write: boolean): string | undefined {
  const hosts = allowedHosts(port);
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.includes(host)) return `拒绝：地址 ${host || '（空）'} 不是编辑器的地址`;
  if (!write) return undefined;
  const origin = req.headers.origin;
  if (!origin || !hosts.map((h) => `http://${h}`).includes(origin.toLowerCase()))
    return `拒绝：来自 ${origin ?? '（未知）'} 的写入请求`;
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    return '拒绝：写入请求应为 JSON';
  return undefined;
}
