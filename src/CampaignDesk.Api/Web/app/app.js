// What every page shares: the session, calls to the API, building the page safely, French labels.
// No framework and no build: each page is an ES module that imports this one.

const TOKEN_KEY = "campaigndesk.token";
// Beside its HttpOnly session cookie, the server sets this readable one: the anti-CSRF token writes send back.
const CSRF_COOKIES = ["__Host-campaigndesk_csrf", "campaigndesk_csrf"];

/**
 * How this browser is signed in: the session a sign-in link opened (an HttpOnly cookie no script sees, and its
 * anti-CSRF token), or a token pasted on the sign-in page (for this tab only, unless kept on this device).
 */
export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY);
  },
  /** The browser session's anti-CSRF token, or null without a session. */
  get csrf() {
    for (const part of document.cookie.split(";")) {
      const [name, ...value] = part.trim().split("=");
      if (CSRF_COOKIES.includes(name)) return decodeURIComponent(value.join("="));
    }
    return null;
  },
  /** Signed in one way or the other, as far as the page can tell (the API has the last word). */
  get present() {
    return Boolean(this.token || this.csrf);
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

/**
 * Calls the API as the signed-in user: with the pasted token when there is one (it wins), else with the browser
 * session's cookie, whose writes carry its anti-CSRF token. An expired or missing sign-in goes back to the sign-in page.
 * A FormData body goes as multipart (a file upload); ifMatch is the version the change was made on (its ETag).
 */
export async function api(path, { method = "GET", body, token, ifMatch } = {}) {
  const headers = { Accept: "application/json", "Accept-Language": "fr" };
  // A versioned resource's change names the version it was read at: a change made meanwhile answers 412.
  if (ifMatch !== undefined) headers["If-Match"] = `"${ifMatch}"`;
  const bearer = token === undefined ? session.token : token;
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  else if (method !== "GET" && method !== "HEAD" && session.csrf) headers["X-CSRF-Token"] = session.csrf;
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined || form ? body : JSON.stringify(body), credentials: "same-origin",
    });
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

/**
 * Downloads an export (CSV, XLSX) as the signed-in user, whether by a pasted token (a plain link would not carry it)
 * or by the session cookie: fetched, then handed to the browser as a file under the server's name.
 */
export async function download(path) {
  const headers = { "Accept-Language": "fr" };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  const response = await fetch(path, { headers, credentials: "same-origin" });
  if (!response.ok) {
    const isJson = (response.headers.get("Content-Type") ?? "").includes("json");
    throw new ApiError(response.status, isJson ? await response.json() : { title: statusText(response.status) });
  }
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? path.split("/").pop();
  const url = URL.createObjectURL(await response.blob());
  const link = h("a", { href: url, download: decodeURIComponent(name), hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
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

/**
 * Signs this browser out and goes to the sign-in page: forgets the pasted token and, when a browser session is open,
 * ends it on the server (its cookie is HttpOnly: only the server can; its answer clears the cookies).
 */
export async function signOut(returnTo) {
  session.clear();
  const csrf = session.csrf;
  if (csrf) {
    try {
      const me = await fetch("/api/me", { headers: { Accept: "application/json" }, credentials: "same-origin" });
      const id = me.ok ? (await me.json()).session?.id : null;
      if (id) await fetch(`/api/me/sessions/${id}`, { method: "DELETE", headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" });
    } catch {
      // Offline: the session ends on the server by itself when unused; the page still leaves.
    }
  }
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
  if (!session.present) {
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
  const links = [["/app/", "Accueil"], ["/app/taches.html", "Mes tâches"], ["/app/recherche.html", "Chercher un élu"]];
  if (user.role !== "observer") links.push(["/app/tri.html", "Réponses à trier"]);
  if (user.role === "coordinator" || user.role === "admin") links.push(["/app/equipe.html", "Équipe"]);
  if (user.role !== "volunteer") links.push(["/app/federation.html", "Vue fédération"]);
  if (user.role === "coordinator" || user.role === "admin") links.push(["/app/personnes.html", "Personnes"]);
  if (user.role === "admin") links.push(["/app/campagnes.html", "Campagnes"], ["/app/imports.html", "Imports"]);
  links.push(["/app/appareils.html", "Mes appareils"]);
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
      block.append(h("p", {}, `${fieldLabel(field)} : ${messages.join(" ")}`));
    }
  }
  return block;
}

const fieldLabels = {
  outcome: "Résultat", channel: "Moyen", notes: "Notes", occurredAt: "Date", stance: "Position", summary: "Résumé",
  templateId: "Modèle", officialId: "Élu", organisationId: "Structure", campaignId: "Campagne", notBefore: "Pas avant",
  assigneeUserId: "Bénévole", assigneeUserIds: "Bénévoles", dueDate: "Échéance", kind: "Type", source: "Source", statedOn: "Date",
  retryOn: "Nouvelle date", officialIds: "Élus", selection: "Sélection", body: "Texte", subject: "Objet", instructions: "Consignes",
  title: "Titre", goal: "Objectif", deadline: "Échéance", status: "État", organisationIds: "Structures participantes", name: "Nom",
  followUpRule: "Relance automatique", file: "Fichier", "If-Match": "Version",
};

/** The label of a field the API names, « Règle 2 · territoire » for targeting.rules[1].where. */
export function fieldLabel(field) {
  const rule = /^targeting\.rules\[(\d+)\]\.?(\w*)$/.exec(field);
  if (rule) return `Règle ${Number(rule[1]) + 1}${rule[2] ? ` · ${targetingLabels[rule[2]] ?? rule[2]}` : ""}`;
  return fieldLabels[field] ?? targetingLabels[field.replace("targeting.", "")] ?? field;
}

const targetingLabels = { roles: "mandats", where: "territoire", departments: "départements", rules: "Règles", officialIds: "Élus nommés" };

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

/** « Députée de la 2e circonscription de l'Isère »: the API's label of a mandate, else its role and codes. */
export function mandateLabel(mandate, sex) {
  if (mandate.label) return mandate.label;
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

// ---- Helpers of the pages that act (structure, élu, tâches, équipe, recherche). ----

Object.assign(labels, {
  status: {
    not_contacted: "Pas encore contacté·e", contacted_by_others: "Contacté·e par d'autres structures", contacted: "Contacté·e, sans réponse",
    reached: "Contacté·e, joint·e", responded: "A répondu",
  },
  roleGroup: {
    depute: "Députés", senateur: "Sénateurs", maire: "Maires", conseiller_departemental: "Conseillers départementaux",
    conseiller_regional: "Conseillers régionaux", conseiller_municipal: "Conseillers municipaux", depute_europeen: "Députés européens",
  },
  planReason: {
    now: "Maintenant", not_before: "Date demandée", window: "Fenêtre d'envoi", closed_day: "Jour sans envoi", holiday: "Jour férié",
    pacing: "Rythme", others_recently: "Autre structure",
  },
});

const statusCss = { not_contacted: "statut-aucun", responded: "statut-repondu" };

/** Where the campaign stands with an élu, as a badge whose text says it (the API computes the status). */
export function statusBadge(outreach) {
  const status = outreach?.status ?? "not_contacted";
  return h("span", { class: `badge ${statusCss[status] ?? "statut-contacte"}` }, labels.status[status] ?? status);
}

/** The next action the API proposes, as a line to read. */
export function nextActionLine(action) {
  if (!action) return null;
  return h("p", { class: "prochaine", dataset: { action: action.code } }, h("strong", {}, `À faire : ${action.label}`),
    action.detail ? ` — ${action.detail}` : "");
}

/** « 04 76 12 34 56 », « +33 4 76 12 34 56 »: a French number grouped by two; anything else as it came. */
export function formatPhone(value) {
  const digits = String(value).replace(/[^\d+]/g, "");
  const national = digits.startsWith("+33") ? `0${digits.slice(3)}` : digits.startsWith("0033") ? `0${digits.slice(4)}` : digits;
  return /^0\d{9}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, "$1 ") : String(value);
}

/** A number to call: a tel: link, shown in French groups (or as the directory displays it). */
export function phoneLink(value, display) {
  const number = String(value).replace(/[^\d+]/g, "");
  return h("a", { href: `tel:${number}`, class: "tel" }, display || formatPhone(value));
}

/** A postal address: its text, linked to the OpenStreetMap address the API gives (its coordinates when known). */
export function mapLink(href, display) {
  return h("a", { href, rel: "noopener noreferrer", target: "_blank" },
    display, h("span", { class: "visuellement-cache" }, " (carte OpenStreetMap, nouvel onglet)"));
}

/** A labelled field: the label above its control, tied by id. */
export function field(label, control, hint) {
  const hintId = hint ? `${control.id}-aide` : null;
  if (hintId) control.setAttribute("aria-describedby", hintId);
  return h("div", { class: "champ" }, h("label", { for: control.id }, label), hint ? h("p", { class: "discret", id: hintId }, hint) : null, control);
}

/** A select of [value, text] pairs. */
export function select(id, name, options, chosen) {
  return h("select", { id, name }, options.map(([value, text]) => h("option", { value, selected: String(value) === String(chosen ?? "") }, text)));
}

// The usual outcomes of each channel first; the rest stay one tap away.
const likelyOutcomes = {
  phone: ["spoke", "left_message", "unreachable", "meeting_set", "declined"],
  email: ["sent", "replied", "declined"],
  letter: ["sent", "replied", "declined"],
  meeting: ["met", "meeting_set", "declined", "handed_over"],
};

/** The outcomes as radio buttons, the likely ones of the channel first. */
export function outcomeChoices(prefix, channel) {
  const first = likelyOutcomes[channel] ?? [];
  const ordered = [...first, ...Object.keys(labels.outcome).filter((o) => !first.includes(o))];
  return h("fieldset", { class: "choix" },
    h("legend", {}, "Résultat"),
    ordered.map((outcome, index) => {
      const id = `${prefix}-${outcome}`;
      return h("label", { for: id },
        h("input", { type: "radio", id, name: "outcome", value: outcome, required: index === 0 }),
        labels.outcome[outcome]);
    }));
}

/** Today in Paris as yyyy-mm-dd. */
export function todayInParis() {
  return new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Paris" });
}

/**
 * The address of a user's calendar of tasks: a button makes a new one (the previous one stops working), shown in a
 * field to copy and with a button that copies it.
 */
export function calendarControl(userId, who = "mon agenda") {
  const slot = h("div", { "aria-live": "polite" });
  const make = h("button", {
    type: "button", class: "secondaire",
    onclick: async () => {
      make.disabled = true;
      try {
        const feed = await api(`/api/users/${userId}/calendar`, { method: "POST" });
        const id = `agenda-${userId}`;
        const input = h("input", { type: "text", id, readonly: true, value: feed.url });
        const copy = h("button", {
          type: "button", class: "secondaire",
          onclick: async () => {
            input.select();
            try { await navigator.clipboard.writeText(feed.url); } catch { document.execCommand?.("copy"); }
            copy.textContent = "Adresse copiée";
          },
        }, "Copier l'adresse");
        slot.replaceChildren(field(`Adresse de ${who} (à ajouter dans Outlook, Google Agenda…)`, input), h("div", { class: "actions" }, copy));
      } catch (error) {
        slot.replaceChildren(failure(error));
      } finally {
        make.disabled = false;
      }
    },
  }, "Obtenir une nouvelle adresse d'agenda");
  return h("div", { class: "agenda" }, h("p", { class: "discret" },
    "Les tâches apparaissent dans votre agenda. Une nouvelle adresse remplace l'ancienne, qui cesse de fonctionner."), make, slot);
}

/** The elements of a list, each shown or hidden by a test: the count of those shown. */
export function filterItems(items, test) {
  let shown = 0;
  for (const item of items) {
    const visible = test(item);
    item.hidden = !visible;
    if (visible) shown++;
  }
  return shown;
}
