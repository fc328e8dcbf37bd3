// Requests to the API: the bearer token, how long each took, what X-Cache said, and errors as sentences.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GET a JSON resource: `{ data, cache, elapsedMs }`, or throws an ApiError with a readable message. */
export async function getJson(path, token, signal) {
  const started = performance.now();
  const response = await fetch(path, { headers: authorized(token, { Accept: 'application/json' }), cache: 'no-store', signal });
  if (!response.ok) {
    throw new ApiError(response.status, await describeFailure(response));
  }
  const data = await response.json();
  return { data, cache: response.headers.get('X-Cache') ?? 'none', elapsedMs: performance.now() - started };
}

export function authorized(token, headers = {}) {
  return { ...headers, Authorization: `Bearer ${token}` };
}

/** What went wrong, from the status and the RFC 9457 problem body when there is one. */
export async function describeFailure(response) {
  const problem = await readProblem(response);
  switch (response.status) {
    case 401:
      return 'The token was rejected (missing, expired, or signed with another key). Sign in again.';
    case 403:
      return 'This token may not read events: it needs the analyst or admin role.';
    case 429:
      return `Too many requests: try again in ${response.headers.get('Retry-After') ?? 'a few'} s.`;
    case 503:
      return `The service is busy: try again in ${response.headers.get('Retry-After') ?? 'a few'} s.`;
    default:
      return problemText(problem) ?? `The request failed with HTTP ${response.status}.`;
  }
}

async function readProblem(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function problemText(problem) {
  if (!problem || typeof problem !== 'object') {
    return null;
  }
  const fields = problem.errors && typeof problem.errors === 'object'
    ? Object.entries(problem.errors).map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`)
    : [];
  const summary = [problem.title, problem.detail].filter((part) => typeof part === 'string' && part).join(': ');
  return [summary, ...fields].filter(Boolean).join(' — ') || null;
}
