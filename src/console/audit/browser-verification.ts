import {
  type ChainVerification,
  DigestChainVerifier,
  hashInput,
  type HistoryEntry,
} from '../../history/domain/chain-verifier';

export type { ChainVerification, HistoryEntry };

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Verifies a cooperation's chain in the browser, trusting nothing of the server but the entries:
 * WebCrypto's SHA-256 over the canonical JSON of docs/hash-chain.md, through the same rules the
 * server runs (chain-verifier.ts). WebCrypto is asynchronous and the rules are not, so every
 * entry's digest is computed first and looked up by its hash input.
 */
export async function verifyInBrowser(entries: readonly HistoryEntry[]): Promise<ChainVerification> {
  const digests = new Map<string, string>();
  const encoder = new TextEncoder();
  for (const e of entries) {
    let input: string;
    try {
      input = hashInput(e.prevHash, e);
    } catch {
      continue; // the verifier meets the same encoding error and names it
    }
    digests.set(input, hex(await crypto.subtle.digest('SHA-256', encoder.encode(input))));
  }
  const verifier = new DigestChainVerifier((input) => {
    const digest = digests.get(input);
    if (digest === undefined) throw new Error('no digest computed');
    return digest;
  });
  for (const e of entries) if (!verifier.push(e)) break;
  return verifier.result(entries.length);
}
