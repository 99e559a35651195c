import { authHeaders } from './client';
import { sessionExpired } from './session';

/**
 * Saves an API resource as a file: fetch (the bearer token cannot go with a plain link), then a
 * temporary object URL. The URL outlives the click a little, so that the download can start.
 */
export async function download(path: string, fileName: string, accept?: string): Promise<void> {
  const response = await fetch(path, { headers: { ...(await authHeaders()), ...(accept && { Accept: accept }) } });
  if (response.status === 401) return sessionExpired();
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const url = URL.createObjectURL(await response.blob());
  Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
