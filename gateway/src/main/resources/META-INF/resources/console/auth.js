// Login through Keycloak with the authorization code flow and PKCE (RFC 7636), written out here so the
// console needs no JavaScript library. Tokens stay in sessionStorage: closing the tab logs out.

const KEY = 'panorama.session';
const PENDING = 'panorama.login';

let settings;
let session = JSON.parse(sessionStorage.getItem(KEY) || 'null');

const endpoint = (name) => `${settings.issuer}/protocol/openid-connect/${name}`;
const redirectUri = () => `${location.origin}/`;

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes = 32) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier) {
  return base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

function claimsOf(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(payload))));
}

function store(tokens) {
  const claims = claimsOf(tokens.access_token);
  session = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    idToken: tokens.id_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    username: claims.preferred_username,
    roles: claims.realm_access?.roles ?? [],
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

async function tokenRequest(form) {
  const response = await fetch(endpoint('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: settings.clientId, ...form }),
  });
  if (!response.ok) {
    throw new Error(`login refused (${response.status})`);
  }
  store(await response.json());
}

/** Loads the login settings and finishes a login coming back from Keycloak. */
export async function start() {
  settings = await (await fetch('/console/settings')).json();
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  if (params.has('code') && pending) {
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', `/${pending.hash || ''}`);
    if (params.get('state') !== pending.state) {
      throw new Error('login state mismatch');
    }
    await tokenRequest({ grant_type: 'authorization_code', code: params.get('code'),
      redirect_uri: redirectUri(), code_verifier: pending.verifier });
  }
  return session;
}

export async function login() {
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const query = new URLSearchParams({
    client_id: settings.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(),
    state, code_challenge: await challengeOf(verifier), code_challenge_method: 'S256',
  });
  location.assign(`${endpoint('auth')}?${query}`);
}

export function logout() {
  const idToken = session?.idToken;
  sessionStorage.removeItem(KEY);
  session = null;
  const query = new URLSearchParams({ post_logout_redirect_uri: redirectUri(), client_id: settings.clientId });
  if (idToken) query.set('id_token_hint', idToken);
  location.assign(`${endpoint('logout')}?${query}`);
}

/** A current access token, refreshed when it is about to expire. */
export async function accessToken() {
  if (!session) return null;
  if (Date.now() > session.expiresAt - 30_000 && session.refreshToken) {
    try {
      await tokenRequest({ grant_type: 'refresh_token', refresh_token: session.refreshToken });
    } catch {
      sessionStorage.removeItem(KEY);
      session = null;
    }
  }
  return session?.accessToken ?? null;
}

export const current = () => session;
export const hasRole = (...roles) => roles.some((role) => session?.roles.includes(role));
