// Home: what is waiting for me, my organisations, the campaigns.
import { api, daysUntil, formatDate, h, page } from "./app.js";
import { downloads } from "./couverture.js";

function organisationSearch() {
  const results = h("ul", { class: "liste", "aria-live": "polite" });
  const input = h("input", { id: "recherche-structure", type: "text", name: "q", autocomplete: "off" });
  return [
    h("form", {
      role: "search",
      onsubmit: async (event) => {
        event.preventDefault();
        const found = await api(`/api/organisations?q=${encodeURIComponent(input.value)}&pageSize=20`);
        results.replaceChildren(...(found.items.length
          ? found.items.map((o) => h("li", {}, h("a", { href: `/app/structure.html?id=${o.id}` }, o.name), ` · ${o.communeName ?? ""}`))
          : [h("li", {}, "Aucune structure ne correspond.")]));
      },
    }, h("label", { for: "recherche-structure" }, "Chercher une structure (nom ou commune)"), input, h("button", { type: "submit" }, "Chercher")),
    results,
  ];
}

await page("Accueil", async (main, user) => {
  const [open, campaigns, ended, organisations, register] = await Promise.all([
    user.role === "observer" ? null : api("/api/tasks?assignee=me&state=open&pageSize=100"),
    api("/api/campaigns?status=active"),
    api("/api/campaigns?status=ended&pageSize=5"),
    Promise.all(user.organisationIds.map((id) => api(`/api/organisations/${id}`))),
    user.role === "observer" ? [] : api("/api/register/alerts"),
  ]);

  main.append(h("h1", {}, `Bonjour ${user.displayName}`));
  if (open) {
    const overdue = open.items.filter((t) => t.overdue).length;
    main.append(h("p", {}, h("a", { href: "/app/taches.html" }, `${open.total} tâche${open.total > 1 ? "s" : ""} à faire`),
      overdue ? h("span", { class: "retard" }, ` dont ${overdue} en retard`) : null));
  }

  if (register.length) {
    // The lobbying register: at or near ten actions in twelve months (décret 2017-867, art. 1).
    main.append(h("h2", {}, "Répertoire des représentants d'intérêts"));
    main.append(h("ul", { class: "liste" }, register.map((s) => h("li", { class: s.atThreshold ? "retard" : "" },
      `${s.organisationName}${s.scope === "rollup" ? " (avec ses membres)" : ""} : ${s.actions} actions en douze mois`,
      s.atThreshold
        ? ` — seuil de ${s.threshold} atteint le ${formatDate(s.crossedOn)} : inscription à la HATVP avant le ${formatDate(s.registerBy)}`
        : s.projectedOn ? ` — seuil de ${s.threshold} prévu vers le ${formatDate(s.projectedOn)} au rythme actuel` : "",
      downloads(`/api/register/organisations/${s.organisationId}/actions/export`, s.scope === "rollup" ? "rollup=true" : "",
        `le détail de ce qui compte pour ${s.organisationName}`)))));
  }

  main.append(h("h2", {}, "Campagnes en cours"));
  main.append(campaigns.items.length
    ? h("ul", { class: "liste" }, campaigns.items.map((c) => h("li", { class: "carte-bloc" },
      h("h3", {}, h("a", { href: `/app/campagne.html?id=${c.id}` }, c.title)),
      h("p", { class: "discret" }, `Échéance : ${formatDate(c.deadline)} (${daysUntil(c.deadline)} jours)`))))
    : h("p", {}, "Aucune campagne en cours."));
  if (ended.items.length) {
    main.append(h("h2", {}, "Campagnes terminées"));
    main.append(h("ul", { class: "liste" }, ended.items.map((c) => h("li", {},
      h("a", { href: `/app/campagne.html?id=${c.id}` }, c.title),
      c.deadline ? h("span", { class: "discret" }, ` · échéance passée le ${formatDate(c.deadline)}`) : null))));
  }

  main.append(h("h2", {}, user.organisationIds.length ? "Mes structures" : "Structures"));
  if (organisations.length) {
    main.append(h("ul", { class: "liste" }, organisations.map((o) =>
      h("li", {}, h("a", { href: `/app/structure.html?id=${o.id}` }, o.name), ` · ${o.communeName ?? ""}`))));
  } else {
    main.append(...organisationSearch());
  }
});
