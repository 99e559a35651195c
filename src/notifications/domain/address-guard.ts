import { BlockList, isIP } from 'node:net';

/*
 * The SSRF guard's address rule: a webhook must not reach the server's own network. Loopback,
 * private (RFC 1918, ULA), link-local (incl. cloud metadata 169.254.169.254), CGNAT, "this network",
 * multicast and reserved ranges are refused unless configuration allows private targets.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** Is `address` (an IPv4 or IPv6 literal) one a webhook may not be sent to? IPv4-mapped IPv6 counts as IPv4. */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a URL is no webhook target, named as the texts' catalogue does (`webhookTargets.*`). */
export type WebhookUrlProblem = 'notAUrl' | 'scheme' | 'credentials';

/** Only http(s) URLs without credentials are webhook targets; the reason when not. */
export function webhookUrlProblem(raw: string): WebhookUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'notAUrl';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
  if (url.username || url.password) return 'credentials';
  return null;
}
