// How a call that got no answer is described in its error: never the underlying message, which
// may hold an upstream URL.

/** A short, secret-free reason: the error's code or class, never its message (which may hold a URL). */
export function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const code = 'code' in error ? error.code : undefined;
    if (
      error.name === 'TimeoutError' ||
      error.name === 'AbortError' ||
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT' ||
      code === 'UND_ERR_CONNECT_TIMEOUT' ||
      code === 'UND_ERR_ABORTED'
    ) {
      return 'timed out';
    }
    if (typeof code === 'string') return code;
    return error.name;
  }
  return 'unknown error';
}
