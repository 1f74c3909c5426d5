// Sign-in: a personal CampaignDesk token, or Microsoft Entra ID (authorization code with PKCE) when configured.
import { api, ApiError, done, failure, h, session } from "./app.js";

const PENDING_KEY = "campaigndesk.entra";
const main = document.getElementById("contenu");
document.title = "Connexion · CampaignDesk";
const query = new URLSearchParams(location.search);

/** Only a page of this application: never an address elsewhere (no open redirect). */
function returnTo() {
  const target = query.get("retour") ?? sessionStorage.getItem(`${PENDING_KEY}.retour`) ?? "/app/";
  return /^\/app\/[\w./?=&%-]*$/.test(target) && !target.startsWith("/app/connexion") ? target : "/app/";
}

async function signIn(token, remember) {
  await api("/api/me", { token });
  session.save(token, remember);
  location.assign(returnTo());
}

function render(options, error) {
  const tokenInput = h("input", { id: "jeton", name: "jeton", type: "password", autocomplete: "current-password", required: true, spellcheck: "false" });
  const remember = h("input", { id: "rester", type: "checkbox" });
  const message = h("div", { "aria-live": "polite" }, error ? failure(error) : null);
  const submit = h("button", { type: "submit" }, "Se connecter");
  const form = h("form", {
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      message.replaceChildren();
      try {
        await signIn(tokenInput.value.trim(), remember.checked);
      } catch (e) {
        const shown = e instanceof ApiError && e.status === 401
          ? new ApiError(401, { title: "Ce jeton n'est pas valable (inconnu, expiré ou révoqué)." })
          : e;
        message.replaceChildren(failure(shown));
        submit.disabled = false;
        tokenInput.focus();
      }
    },
  },
  h("div", {}, h("label", { for: "jeton" }, "Jeton d'accès"),
    h("p", { class: "discret", id: "aide-jeton" }, "Le jeton commence par « cdp_ ». Votre coordinatrice ou coordinateur vous l'a remis.")),
  tokenInput,
  h("label", { class: "case", for: "rester" }, remember, "Rester connecté·e sur cet appareil"),
  submit);
  tokenInput.setAttribute("aria-describedby", "aide-jeton");

  main.replaceChildren(
    h("h1", {}, "Connexion"),
    message,
    options?.entra ? h("p", {}, h("button", { type: "button", id: "entra", onclick: () => startEntra(options.entra) }, "Se connecter avec Microsoft")) : null,
    options?.entra ? h("p", { class: "discret" }, "ou avec un jeton :") : null,
    form);
  done("ready");
}

const base64Url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const random = (length) => base64Url(crypto.getRandomValues(new Uint8Array(length)));
const redirectUri = () => `${location.origin}/app/connexion.html`;

async function discover(entra) {
  const response = await fetch(`${entra.authority}/.well-known/openid-configuration`);
  if (!response.ok) throw new ApiError(response.status, { title: "Microsoft Entra ID ne répond pas." });
  return response.json();
}

async function startEntra(entra) {
  const metadata = await discover(entra);
  const verifier = random(32);
  const state = random(16);
  const challenge = base64Url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  sessionStorage.setItem(`${PENDING_KEY}.retour`, returnTo());
  const url = new URL(metadata.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: entra.clientId, response_type: "code", redirect_uri: redirectUri(), response_mode: "query",
    scope: `${entra.scope} openid profile`, state, code_challenge: challenge, code_challenge_method: "S256",
  }).toString();
  location.assign(url.toString());
}

async function finishEntra(entra) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? "null");
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, "", "/app/connexion.html");
  if (query.get("error")) throw new ApiError(401, { title: "Microsoft a refusé la connexion.", detail: query.get("error_description") ?? query.get("error") });
  if (!pending || pending.state !== query.get("state")) throw new ApiError(400, { title: "Cette connexion n'a pas été demandée ici : recommencez." });
  const metadata = await discover(entra);
  const response = await fetch(metadata.token_endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: entra.clientId, grant_type: "authorization_code", code: query.get("code"), redirect_uri: redirectUri(), code_verifier: pending.verifier,
    }),
  });
  const tokens = await response.json();
  if (!response.ok || !tokens.access_token) throw new ApiError(401, { title: "Microsoft n'a pas délivré de jeton.", detail: tokens.error_description });
  try {
    await signIn(tokens.access_token, false);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) throw new ApiError(401, { title: "Ce compte Microsoft n'est pas un compte CampaignDesk : demandez à votre coordination de vous inscrire." });
    throw e;
  }
}

let options = null;
try {
  options = await api("/api/sign-in/options", { token: null });
  if (options.entra && (query.has("code") || query.has("error"))) {
    await finishEntra(options.entra);
  } else {
    render(options);
  }
} catch (error) {
  render(options, error);
}
