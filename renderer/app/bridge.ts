/**
 * The HTTP bridge: how the renderer reaches the case file when `casefile serve` serves it to a
 * browser. It offers the same `CasefileBridge` as Electron's preload, so app code never knows
 * (nor asks) which transport it runs on.
 */
import type { CasefileBridge, Channel, ChannelInput, ChannelOutput, ContractError, Result } from '../../shared/contract';

const TOKEN_KEY = 'casefile.token';
const INVOKE_PATH = '/api/invoke';

function refused(message: string): Result<never> {
  return { ok: false, error: { code: 'refused', message } };
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const r = body as { ok?: unknown; error?: Partial<ContractError> };
  if (r.ok === true) return 'value' in r;
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string';
}

/**
 * Take the access token from the `token` query parameter (then keep it in sessionStorage and
 * remove it from the visible URL, hash route untouched), or from sessionStorage after a reload.
 */
export function takeToken(win: Window = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    try {
      win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the token still works until the page is reloaded.
    }
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return win.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** A bridge that POSTs `{channel, input}` to `/api/invoke` with the bearer token. */
export function createHttpBridge(
  token: string | null,
  endpoint: string = INVOKE_PATH,
  fetchImpl: typeof fetch = (...args) => window.fetch(...args),
): CasefileBridge {
  async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
    if (!token) {
      return refused(
        'No access token. Open the full address that `casefile serve` printed (it ends in ?token=…), or open the case in the desktop app.',
      );
    }
    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel, input }),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return refused(`Cannot reach the case server (${why}). Is \`casefile serve\` still running?`);
    }
    if (response.status === 401 || response.status === 403) {
      return refused(
        `The case server refused access (HTTP ${response.status}). The access token is wrong or from an earlier run: open the address that \`casefile serve\` printed this time.`,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return refused(`The case server sent an unreadable answer (HTTP ${response.status}) to ${channel}.`);
    }
    if (!isResult(body)) {
      return refused(`The case server sent an unexpected answer (HTTP ${response.status}) to ${channel}.`);
    }
    return body as Result<ChannelOutput<C>>;
  }
  return { invoke, transport: 'http' };
}

/** Install the HTTP bridge unless a transport (Electron's preload) already provided one. */
export function installBridgeIfNeeded(win: Window = window): CasefileBridge {
  const host = win as Window & { casefile?: CasefileBridge };
  if (!host.casefile) {
    host.casefile = createHttpBridge(takeToken(win));
  }
  return host.casefile;
}
