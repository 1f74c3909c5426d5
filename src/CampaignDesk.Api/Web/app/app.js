// What every page shares: the session, calls to the API, building the page safely, French labels.
// No framework and no build: each page is an ES module that imports this one.

const TOKEN_KEY = "campaigndesk.token";

/** The signed-in user's token: for this tab only, unless they asked to stay signed in on this device. */
export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY);
  },
  save(token, remember) {
    this.clear();
    (remember ? localStorage : sessionStorage).setItem(TOKEN_KEY, token);
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(TOKEN_KEY);
  },
};

/** A refusal of the API, with its ProblemDetails. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Erreur ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The validation messages by field, e.g. { notes: ["…"] }. */
  get errors() {
    return this.problem.errors ?? {};
  }
}

/** Calls the API as the signed-in user; an expired or missing sign-in goes back to the sign-in page. */
export async function api(path, { method = "GET", body, token } = {}) {
  const headers = { Accept: "application/json", "Accept-Language": "fr" };
  const bearer = token === undefined ? session.token : token;
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { title: "Le serveur ne répond pas. Vérifiez votre connexion et réessayez." });
  }
  if (response.status === 401 && token === undefined) {
    signOut(location.pathname + location.search);
    throw new ApiError(401, { title: "Votre session a expiré." });
  }
  const isJson = (response.headers.get("Content-Type") ?? "").includes("json");
  const data = isJson ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data ?? { title: statusText(response.status) });
  return data;
}

function statusText(status) {
  if (status === 403) return "Vous n'avez pas le droit de faire cela.";
  if (status === 404) return "Introuvable, ou vous n'y avez pas accès.";
  if (status === 429) return "Trop de requêtes : patientez quelques secondes.";
  if (status === 503) return "Le service est momentanément indisponible : réessayez dans un instant.";
  return `Erreur ${status}`;
}

/** Builds an element: h("a", { href: "…" }, "texte", child…). Text is always text: nothing is parsed as HTML. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") element.className = value;
    else if (key === "dataset") Object.assign(element.dataset, value);
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? "" : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** The page's query parameter as a positive whole number, or null. */
export function idParam(name = "id") {
  const value = new URLSearchParams(location.search).get(name);
  return /^[1-9][0-9]{0,17}$/.test(value ?? "") ? value : null;
}

export function signOut(returnTo) {
  session.clear();
  const target = returnTo && returnTo !== "/app/connexion.html" ? `?retour=${encodeURIComponent(returnTo)}` : "";
  location.assign(`/app/connexion.html${target}`);
}

let current;

/** The signed-in user ({ id, name, displayName, role, organisationIds }), read once per page. */
export function me() {
  current ??= api("/api/me");
  return current;
}

/**
 * Lays out a page for a signed-in user: header and navigation, then render(main, user). The body gets
 * data-state="ready" (and data-ready-ms, the time since the navigation started) once it is drawn, or "error".
 */
export async function page(title, render) {
  if (!session.token) {
    signOut(location.pathname + location.search);
    return;
  }
  const main = document.getElementById("contenu");
  try {
    const user = await me();
    header(user);
    main.replaceChildren();
    document.title = `${title} · CampaignDesk`;
    await render(main, user);
    done("ready");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    main.replaceChildren(h("h1", {}, title), failure(error));
    done("error");
  }
}

/** Marks the page drawn ("ready") or failed ("error"), with the time since the navigation started. */
export function done(state) {
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.state = state;
}

function header(user) {
  const links = [["/app/", "Accueil"], ["/app/taches.html", "Mes tâches"]];
  if (user.role !== "observer") links.push(["/app/tri.html", "Réponses à trier"]);
  const here = location.pathname === "/app/index.html" ? "/app/" : location.pathname;
  document.getElementById("entete").replaceChildren(
    h("a", { class: "marque", href: "/app/" }, "CampaignDesk"),
    h("nav", { "aria-label": "Navigation principale" },
      h("ul", {}, links.map(([href, text]) => h("li", {}, h("a", { href, "aria-current": href === here ? "page" : null }, text))))),
    h("div", { class: "compte" },
      h("span", {}, `${user.displayName} · ${labels.userRole[user.role] ?? user.role}`),
      h("button", { type: "button", class: "lien", onclick: () => signOut() }, "Se déconnecter")));
}

/** A readable error block: the API's message, and each field's. */
export function failure(error) {
  const block = h("div", { class: "erreur", role: "alert" }, h("p", {}, error.message));
  if (error instanceof ApiError) {
    for (const [field, messages] of Object.entries(error.errors)) {
      block.append(h("p", {}, `${fieldLabels[field] ?? field} : ${messages.join(" ")}`));
    }
  }
  return block;
}

const fieldLabels = {
  outcome: "Résultat", channel: "Moyen", notes: "Notes", occurredAt: "Date", stance: "Position", summary: "Résumé",
};

const dateFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris",
});

/** Whole days from today in Paris to a date (yyyy-mm-dd): negative once it has passed. */
export function daysUntil(date) {
  const today = new Date(new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Paris" }));
  return Math.round((new Date(date) - today) / 86_400_000);
}

/** « 30 avril 2026 » for a date (yyyy-mm-dd) or an instant. */
export function formatDate(value) {
  if (!value) return "";
  return dateFormat.format(/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value));
}

export function formatDateTime(value) {
  return value ? dateTimeFormat.format(new Date(value)) : "";
}

export function fullName(person) {
  return `${person.firstName} ${person.lastName}`;
}

/** « Députée de la circonscription 38-02 », « Maire (commune 38421) »… from a mandate. */
export function mandateLabel(mandate, sex) {
  const role = (sex === "F" ? labels.roleF : labels.role)[mandate.role] ?? mandate.role;
  const where = mandate.circonscriptionCode ? `circonscription ${mandate.circonscriptionCode}`
    : mandate.communeInsee ? `commune ${mandate.communeInsee}`
      : mandate.cantonCode ? `canton ${mandate.cantonCode}`
        : mandate.departmentCode ? `département ${mandate.departmentCode}`
          : mandate.regionCode ? `région ${mandate.regionCode}` : "";
  return where ? `${role} · ${where}` : role;
}

export const labels = {
  userRole: { admin: "administration", coordinator: "coordination", volunteer: "bénévole", observer: "observation" },
  role: {
    depute: "Député", senateur: "Sénateur", maire: "Maire", conseiller_departemental: "Conseiller départemental",
    conseiller_regional: "Conseiller régional", conseiller_municipal: "Conseiller municipal", depute_europeen: "Député européen",
  },
  roleF: {
    depute: "Députée", senateur: "Sénatrice", maire: "Maire", conseiller_departemental: "Conseillère départementale",
    conseiller_regional: "Conseillère régionale", conseiller_municipal: "Conseillère municipale", depute_europeen: "Députée européenne",
  },
  channel: {
    phone: "Téléphone", email: "E-mail", letter: "Courrier", meeting: "Rendez-vous", event: "Événement",
    social: "Réseaux sociaux", petition_handover: "Remise de pétition",
  },
  outcome: {
    spoke: "J'ai pu lui parler", left_message: "Message laissé", unreachable: "Injoignable", sent: "Envoyé",
    meeting_set: "Rendez-vous obtenu", met: "Rencontré·e", replied: "Il ou elle a répondu", declined: "Refus", handed_over: "Remis en main propre",
  },
  stance: { supports: "Soutient", neutral: "Neutre", opposes: "S'oppose", unknown: "Inconnue" },
  taskKind: { call: "Appeler", email: "Écrire un e-mail", letter: "Envoyer un courrier", meeting: "Obtenir un rendez-vous", visit: "Rendre visite" },
  followUpState: { scheduled: "Programmée", claimed: "En cours d'envoi", sent: "Envoyée", failed: "Échec", cancelled: "Annulée" },
  positionKind: {
    public_statement: "Déclaration publique", written_question: "Question écrite", government_question: "Question au Gouvernement",
    amendment: "Amendement", vote: "Vote", cosigned_letter: "Courrier cosigné", reply: "Réponse", meeting: "Rencontre",
  },
};

/** A stance as a coloured badge whose text says it (colour is never the only cue). */
export function stanceBadge(stance) {
  return h("span", { class: `badge position-${stance}` }, labels.stance[stance] ?? stance);
}
