/**
 * The dashboard's Content-Security-Policy, the same locally (npm start) and
 * behind CloudFront: its own scripts and styles only (nothing inline, no
 * CDN), images from itself and the scene images' origin, calls to itself,
 * the API, the WebSocket and the sign-in token endpoint only.
 */
export function contentSecurityPolicy(origins: { connect: string[]; images: string[] }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${origins.images.join(' ')}`.trim(),
    `connect-src 'self' ${origins.connect.join(' ')}`.trim(),
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}
