/**
 * A JSON call to a running product's API with a bearer token, for browser tests that prepare or
 * check data beside the screen. The server and token are read at call time: tests start the server
 * in `beforeAll`, after this is created.
 */
export function bearerApi(target: () => { url: string; token: string }) {
  return async function api<T>(method: string, pathname: string, body?: unknown): Promise<T> {
    const { url, token } = target();
    const response = await fetch(`${url}/api/v1${pathname}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
}
