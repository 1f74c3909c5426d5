// The audit trail (admins): every write, who made it and when, filtered by who, what and a range of days.
import { api, field, formatDateTime, h, page, select } from "./app.js";

const entities = {
  user: "Utilisateur", organisation: "Structure", campaign: "Campagne", campaign_script: "Script d'appel", template: "Modèle",
  interaction: "Contact", position: "Position", task: "Tâche", followup: "Relance", followup_batch: "Relances groupées",
  access_token: "Jeton", invitation: "Invitation", sign_in_link: "Lien de connexion", web_session: "Session", web_sessions: "Sessions",
  calendar_feed: "Agenda", import_run: "Import",
};
const actions = {
  create: "Création", update: "Modification", cancel: "Annulation", revoke: "Révocation", retry: "Nouvelle tentative",
  withdraw: "Retrait", import_revert: "Annulation d'import",
};

const shown = (value) => (value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

/** The fields a change touched, « disabled : false → true », read from the entry's before and after. */
function changes(entry) {
  if (!entry.before || !entry.after) return null;
  const keys = [...new Set([...Object.keys(entry.before), ...Object.keys(entry.after)])]
    .filter((k) => k !== "version" && k !== "updatedUtc" && JSON.stringify(entry.before[k]) !== JSON.stringify(entry.after[k]));
  return keys.length ? h("ul", { class: "raisons" }, keys.map((k) => h("li", {}, `${k} : ${shown(entry.before[k])} → ${shown(entry.after[k])}`))) : null;
}

function entryRow(entry) {
  return h("li", { class: "personne", dataset: { entity: entry.entity, action: entry.action } },
    h("p", {}, h("strong", {}, `${actions[entry.action] ?? entry.action} · ${entities[entry.entity] ?? entry.entity}${entry.entityId ? ` n° ${entry.entityId}` : ""}`)),
    h("p", { class: "discret" }, `${formatDateTime(entry.atUtc)} · par ${entry.actor}`),
    changes(entry),
    h("details", {}, h("summary", {}, "Avant et après"),
      h("pre", { class: "avant-apres" }, `Avant : ${JSON.stringify(entry.before, null, 1) ?? "—"}\nAprès : ${JSON.stringify(entry.after, null, 1) ?? "—"}`)));
}

await page("Journal des modifications", async (main, user) => {
  if (user.role !== "admin") {
    main.append(h("h1", {}, "Journal des modifications"), h("p", {}, "Le journal est réservé aux administrateurs."));
    return;
  }
  const query = new URLSearchParams(location.search);
  const chosen = (name, pattern) => (pattern.test(query.get(name) ?? "") ? query.get(name) : "");
  const filters = {
    actor: chosen("actor", /^[1-9][0-9]{0,17}$/), entity: chosen("entity", /^[a-z_]{1,50}$/), action: chosen("action", /^[a-z_]{1,50}$/),
    from: chosen("from", /^\d{4}-\d{2}-\d{2}$/), to: chosen("to", /^\d{4}-\d{2}-\d{2}$/),
  };
  const pageNumber = Number(chosen("page", /^[1-9][0-9]{0,4}$/) || 1);
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const [people, entries] = await Promise.all([api("/api/users?pageSize=500"), api(`/api/audit?${params}&pageSize=50&page=${pageNumber}`)]);
  const more = (n) => { const next = new URLSearchParams(params); next.set("page", String(n)); return `/app/journal.html?${next}`; };

  main.append(h("h1", {}, "Journal des modifications"),
    h("form", { method: "get", action: "/app/journal.html", class: "ligne", role: "search", id: "filtres-journal" },
      field("Qui", select("filtre-qui", "actor", [["", "Tout le monde"], ...people.items.map((p) => [p.id, `${p.displayName} (${p.email})`])], filters.actor)),
      field("Quoi", select("filtre-quoi", "entity", [["", "Tout"], ...Object.entries(entities)], filters.entity)),
      field("Action", select("filtre-action", "action", [["", "Toutes"], ...Object.entries(actions)], filters.action)),
      field("Du", h("input", { id: "filtre-du", name: "from", type: "date", value: filters.from })),
      field("Au", h("input", { id: "filtre-au", name: "to", type: "date", value: filters.to })),
      h("button", { type: "submit", class: "secondaire" }, "Filtrer")),
    h("p", { role: "status", id: "nombre-entrees" }, `${entries.total} modification${entries.total > 1 ? "s" : ""}`),
    entries.items.length ? h("ol", { class: "liste", id: "journal" }, entries.items.map(entryRow)) : h("p", { class: "discret" }, "Rien ne correspond à ces filtres."),
    h("p", { class: "actions" },
      pageNumber > 1 ? h("a", { href: more(pageNumber - 1) }, "Plus récentes") : null, " ",
      pageNumber * 50 < entries.total ? h("a", { href: more(pageNumber + 1) }, "Plus anciennes") : null),
    h("p", {}, h("a", { href: "/app/personnes.html" }, "Retour aux personnes")));
});
