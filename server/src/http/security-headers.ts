import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers with a Content-Security-Policy the built screens work under:
 * scripts, styles, fonts and images from this server only; inline styles (the
 * home page, React `style` props); audio from data: and blob: URLs (the call
 * chime); Socket.IO to this server, also as ws:/wss: for browsers whose 'self'
 * does not cover WebSockets. No `upgrade-insecure-requests`: a centre's LAN
 * server is usually plain HTTP. HSTS is left to an HTTPS reverse proxy.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: [(req) => connectSources(req.headers.host)],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
      },
    },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
}

const HOST_PATTERN = /^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$/;

/** `'self'`, plus `ws://host wss://host` for the request's own host unless it looks strange. */
function connectSources(host: string | undefined): string {
  return host && HOST_PATTERN.test(host) ? `'self' ws://${host} wss://${host}` : "'self'";
}
