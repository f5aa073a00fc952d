// The API client: every call carries the key the user gave (kept in this
// browser's localStorage only) and turns the server's JSON errors into
// exceptions with its message.

const KEY = 'spamradar.key';

export function apiKey() {
  return localStorage.getItem(KEY) || '';
}

export function setApiKey(key) {
  if (key) localStorage.setItem(KEY, key.trim());
  else localStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: {
      'Authorization': `Bearer ${apiKey()}`,
      ...(body === undefined ? {} : {'Content-Type': 'application/json'}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    throw new ApiError(response.status, 'bad_response', `${path}: the server's answer is not JSON`);
  }
  if (!response.ok) {
    const error = answer && answer.error ? answer.error : {code: 'error', message: response.statusText};
    throw new ApiError(response.status, error.code, error.message);
  }
  return answer;
}

// GET path with the query parameters that are set.
export function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  const text = query.toString();
  return call('GET', text ? `${path}?${text}` : path);
}

export function post(path, body) {
  return call('POST', path, body);
}
