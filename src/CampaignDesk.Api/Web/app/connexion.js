// Sign-in. « Recevoir un lien de connexion »: an e-mailed one-time link that opens a session on this device, and the
// landing of that link. Under « Autres façons de se connecter »: a personal token (admins, scripts). Microsoft Entra ID
// (authorization code with PKCE) when configured.
import { api, ApiError, done, failure, h, session } from "./app.js";

const PENDING_KEY = "campaigndesk.entra";
const main = document.getElementById("contenu");
document.title = "Connexion · CampaignDesk";
const query = new URLSearchParams(location.search);
// The link's secret travels in the fragment (#lien=…), which browsers never send to a server.
const secretIn = (hash) => new URLSearchParams(hash.slice(1)).get("lien");
const linkSecret = secretIn(location.hash) ?? query.get("lien");
// A link opened in the very tab that asked for it differs only by its fragment: the page is not loaded again.
addEventListener("hashchange", () => {
  const secret = secretIn(location.hash);
  if (secret) renderLink(secret);
});

/** Only a page of this application: never an address elsewhere (no open redirect). */
function returnTo(fallback = "/app/") {
  const target = query.get("retour") ?? sessionStorage.getItem(`${PENDING_KEY}.retour`) ?? fallback;
  return /^\/app\/[\w./?=&%-]*$/.test(target) && !target.startsWith("/app/connexion") ? target : "/app/";
}

/** The API's message for one field, as a plain error (the field's name means nothing to the person). */
function fieldError(error, field) {
  const message = error instanceof ApiError ? error.errors[field]?.[0] : null;
  return message ? new ApiError(error.status, { title: message }) : error;
}

async function signIn(token, remember) {
  await api("/api/me", { token });
  session.save(token, remember);
  location.assign(returnTo());
}

/** A form's submit: one at a time; what the work returns, or the error onError makes of a failure, shown in message. */
function submitted(submit, message, work, onError) {
  return async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.replaceChildren();
    try {
      const shown = await work();
      if (shown) message.replaceChildren(shown);
    } catch (error) {
      message.replaceChildren(failure(onError(error)));
    }
    submit.disabled = false;
  };
}

/** The landing of an e-mailed link: one click uses it, so a mail scanner that opens the page does not spend it. */
function renderLink(secret) {
  // Out of the address bar and the history at once: the secret is not to be bookmarked or shared by mistake.
  history.replaceState(null, "", location.pathname + location.search);
  const message = h("div", { "aria-live": "polite" });
  const button = h("button", {
    type: "button",
    onclick: async () => {
      button.disabled = true;
      message.replaceChildren();
      try {
        const started = await api("/api/sign-in/session", { method: "POST", body: { link: secret }, token: null });
        session.clear();
        location.assign(query.has("retour") ? returnTo() : started.returnTo);
      } catch (error) {
        message.replaceChildren(failure(fieldError(error, "link")));
        button.remove();
        main.append(linkForm());
      }
    },
  }, "Me connecter sur cet appareil");
  main.replaceChildren(
    h("h1", {}, "Connexion"),
    h("p", {}, "Ce lien vous connecte à CampaignDesk sur cet appareil. Il ne sert qu'une fois."),
    message,
    h("p", {}, button));
  done("ready");
}

/** « Recevoir un lien de connexion »: the same answer whether the address is known or not. */
function linkForm() {
  const email = h("input", {
    id: "courriel", name: "courriel", type: "email", autocomplete: "email", required: true, spellcheck: "false", "aria-describedby": "aide-courriel",
  });
  const message = h("div", { "aria-live": "polite" });
  const submit = h("button", { type: "submit" }, "Recevoir un lien de connexion");
  return h("form", {
    onsubmit: submitted(submit, message, async () => {
      const answer = await api("/api/sign-in/link", { method: "POST", body: { email: email.value.trim(), returnTo: returnTo() }, token: null });
      return h("p", { class: "succes", role: "status" }, answer.message);
    }, (error) => {
      email.focus();
      return fieldError(error, "email");
    }),
  },
  h("h2", {}, "Recevoir un lien de connexion"),
  h("div", {}, h("label", { for: "courriel" }, "Votre adresse e-mail"),
    h("p", { class: "discret", id: "aide-courriel" }, "Nous vous envoyons un lien qui vous connecte sur cet appareil, sans mot de passe.")),
  email,
  message,
  submit);
}

function tokenForm() {
  const tokenInput = h("input", {
    id: "jeton", name: "jeton", type: "password", autocomplete: "current-password", required: true, spellcheck: "false", "aria-describedby": "aide-jeton",
  });
  const remember = h("input", { id: "rester", type: "checkbox" });
  const message = h("div", { "aria-live": "polite" });
  const submit = h("button", { type: "submit" }, "Se connecter");
  return h("form", {
    onsubmit: submitted(submit, message, () => signIn(tokenInput.value.trim(), remember.checked), (error) => {
      tokenInput.focus();
      return error instanceof ApiError && error.status === 401
        ? new ApiError(401, { title: "Ce jeton n'est pas valable (inconnu, expiré ou révoqué)." })
        : error;
    }),
  },
  message,
  h("div", {}, h("label", { for: "jeton" }, "Jeton d'accès"),
    h("p", { class: "discret", id: "aide-jeton" }, "Pour l'administration et les scripts : un jeton personnel, qui commence par « cdp_ ».")),
  tokenInput,
  h("label", { class: "case", for: "rester" }, remember, "Rester connecté·e sur cet appareil"),
  submit);
}

function render(options, error) {
  main.replaceChildren(...[
    h("h1", {}, "Connexion"),
    h("div", { "aria-live": "polite" }, error ? failure(error) : null),
    options?.entra ? h("p", {}, h("button", { type: "button", id: "entra", onclick: () => startEntra(options.entra) }, "Se connecter avec Microsoft")) : null,
    linkForm(),
    h("details", { class: "autres" },
      h("summary", {}, "Autres façons de se connecter"),
      tokenForm()),
  ].filter(Boolean));
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
  if (linkSecret) {
    renderLink(linkSecret);
  } else {
    options = await api("/api/sign-in/options", { token: null });
    if (options.entra && (query.has("code") || query.has("error"))) {
      await finishEntra(options.entra);
    } else {
      render(options);
    }
  }
} catch (error) {
  render(options, error);
}
