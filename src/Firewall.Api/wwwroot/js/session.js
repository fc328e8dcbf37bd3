// The analyst's token: in this tab's sessionStorage only (never localStorage), gone when the tab closes.
import { ApiError, describeFailure } from './api.js';

const key = 'firewall.token';

export const storedToken = () => sessionStorage.getItem(key);
export const remember = (token) => sessionStorage.setItem(key, token);
export const forget = () => sessionStorage.removeItem(key);

/** The OAuth 2.0 client-credentials grant against the API's token endpoint. */
export async function tokenFor(clientId, clientSecret) {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
  const response = await fetch('/api/v1/auth/token', { method: 'POST', body, cache: 'no-store' });
  if (response.ok) {
    return (await response.json()).access_token;
  }
  if (response.status === 400) {
    const { error } = await response.json().catch(() => ({}));
    throw new ApiError(400, error === 'invalid_client' ? 'Unknown client id or wrong secret.' : `The token request was refused (${error ?? 'bad request'}).`);
  }
  throw new ApiError(response.status, await describeFailure(response));
}

/** Who the token says it is: `{ subject, roles, expires }`, read without verifying (the API verifies). */
export function describeToken(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '=')));
    return {
      subject: String(claims.sub ?? 'unknown'),
      roles: [].concat(claims.role ?? []).map(String),
      expires: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null,
    };
  } catch {
    return null;
  }
}
