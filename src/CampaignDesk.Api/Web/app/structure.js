// « Ma structure »: its élus, campaign targets first and grouped by mandate, where the campaign stands with each and
// what to do next (all computed by the API); filters, and the same follow-up or task for several élus at once.
import {
  api, download, field, filterItems, formatDate, h, idParam, labels, mandateLabel, nextActionLine, page, phoneLink, select, session,
  stanceBadge, statusBadge,
} from "./app.js";
import { downloads } from "./couverture.js";
import { batchPanel } from "./lot.js";

/**
 * The lobbying register (HATVP): the structure's actions in the last twelve months against the threshold of ten, and its
 * annual declaration for the year that ended and the year under way — a page to print (a plain link carries the session
 * cookie; a token pasted in this tab cannot follow a link, so the page is then downloaded) and CSV / XLSX.
 */
function registerSection(id, standings) {
  const declaration = `/api/register/organisations/${id}/declaration`;
  const line = (s) => h("li", { class: s.atThreshold ? "retard" : "" },
    `${s.scope === "rollup" ? "Avec ses membres" : "Ses propres actions"} : ${s.actions} action${s.actions > 1 ? "s" : ""} en douze mois`,
    s.atThreshold ? ` — seuil de ${s.threshold} atteint le ${formatDate(s.crossedOn)} : inscription à la HATVP avant le ${formatDate(s.registerBy)}`
      : ` (seuil : ${s.threshold})`);
  const year = (y, label) => {
    const address = `${declaration}/page?year=${y}`;
    const name = `Déclaration ${label} (page à imprimer)`;
    return h("li", {}, session.token
      ? h("button", { type: "button", class: "secondaire", onclick: () => download(address) }, name)
      : h("a", { href: address, target: "_blank", rel: "noopener" }, name),
    downloads(`${declaration}/export`, `year=${y}`, `la déclaration ${label}`));
  };
  const now = new Date().getFullYear();
  return h("section", { id: "repertoire", "aria-labelledby": "repertoire-titre" },
    h("h2", { id: "repertoire-titre" }, "Répertoire des représentants d'intérêts"),
    h("ul", { class: "liste", id: "repertoire-compteur" }, standings.map(line)),
    h("ul", { class: "liste", id: "repertoire-declarations" }, year(now - 1, `${now - 1}`), year(now, `${now} (exercice en cours)`)),
    h("p", { class: "discret" }, "Une aide pour déclarer, pas un avis juridique : vérifiez chaque ligne avant de déposer."));
}

/** A campaign's title, with « (terminée) » once it has ended. */
function campaignTitle(campaign) {
  return campaign.status === "ended" ? `${campaign.title} (terminée)` : campaign.title;
}

function card(official, organisationId, choosing) {
  const id = `choisir-${official.officialId}-${official.mandate.id}`;
  const name = `${official.firstName} ${official.lastName}`;
  return h("li", {
    class: "carte-bloc elu", dataset: {
      official: official.officialId, role: official.mandate.role, status: official.outreach?.status ?? "",
      search: `${name} ${official.mandate.label ?? ""} ${official.mandate.groupLabel ?? ""}`.toLocaleLowerCase("fr"),
    },
  },
  choosing ? h("p", { class: "case" }, h("input", { type: "checkbox", id, name: "elu", value: official.officialId }),
    h("label", { for: id }, `Choisir ${name}`)) : null,
  h("h4", {}, h("a", { href: `/app/elu.html?id=${official.officialId}&structure=${organisationId}` }, name)),
  h("p", {}, mandateLabel(official.mandate, official.sex), official.mandate.groupLabel ? h("span", { class: "discret" }, ` · ${official.mandate.groupLabel}`) : null),
  official.outreach ? h("p", { class: "badges" }, statusBadge(official.outreach), " ", stanceBadge(official.outreach.stance)) : null,
  nextActionLine(official.nextAction),
  official.phones?.length ? h("p", {}, "Tél. : ", official.phones.map((p, i) => [i ? ", " : "", phoneLink(p)])) : null);
}

/** Cards grouped by mandate, in the API's order (targets first, then député, sénateur, maire…). */
function groups(officials, organisationId, choosing) {
  const byRole = new Map();
  for (const o of officials) {
    if (!byRole.has(o.mandate.role)) byRole.set(o.mandate.role, []);
    byRole.get(o.mandate.role).push(o);
  }
  return [...byRole].map(([role, list]) => h("section", { class: "groupe", dataset: { role } },
    h("h3", {}, `${labels.roleGroup[role] ?? role} (${list.length})`),
    h("ul", { class: "liste" }, list.map((o) => card(o, organisationId, choosing)))));
}

function filters(officials, onChange) {
  const roles = [...new Set(officials.map((o) => o.mandate.role))];
  const statuses = [...new Set(officials.map((o) => o.outreach?.status).filter(Boolean))];
  const search = h("input", { type: "search", id: "filtre-nom", name: "q", autocomplete: "off" });
  const role = select("filtre-mandat", "mandat", [["", "Tous"], ...roles.map((r) => [r, labels.roleGroup[r] ?? r])]);
  const status = select("filtre-statut", "statut", [["", "Tous"], ...statuses.map((s) => [s, labels.status[s] ?? s])]);
  for (const control of [search, role, status]) control.addEventListener("input", () => onChange(search.value, role.value, status.value));
  return h("form", { class: "filtres", role: "search", "aria-label": "Filtrer les élus", onsubmit: (e) => e.preventDefault() },
    field("Chercher (nom, lieu, groupe)", search), field("Mandat", role), statuses.length ? field("Où en est la campagne", status) : null);
}

await page("Structure", async (main, user) => {
  const id = idParam();
  if (!id) throw new Error("Aucune structure n'est indiquée dans l'adresse.");
  // The campaigns that run first, then those that ended (their results stay worth reading); drafts and archives apart.
  const [organisation, active, ended] = await Promise.all([api(`/api/organisations/${id}`), api("/api/campaigns?status=active"),
    api("/api/campaigns?status=ended")]);
  const theirs = [...active.items, ...ended.items].filter((c) => c.organisationIds.includes(Number(id)));
  const chosen = theirs.find((c) => String(c.id) === idParam("campagne")) ?? theirs[0];
  const [officials, actions, standings] = await Promise.all([
    api(`/api/organisations/${id}/officials${chosen ? `?campaign=${chosen.id}` : ""}`),
    user.role === "observer" || !chosen || chosen.status !== "active" ? null
      : api(`/api/organisations/${id}/actions?campaign=${chosen.id}`).catch(() => null),
    user.role === "observer" ? null : api(`/api/register/organisations/${id}/standing`).catch(() => null),
  ]);

  document.title = `${organisation.name} · CampaignDesk`;
  main.append(h("h1", {}, organisation.name),
    h("p", { class: "discret" }, [organisation.communeName, organisation.departmentCode ? `(${organisation.departmentCode})` : null].filter(Boolean).join(" ")));

  if (theirs.length > 1) {
    main.append(h("form", { method: "get", action: "/app/structure.html", class: "ligne" },
      h("input", { type: "hidden", name: "id", value: id }),
      field("Campagne", select("campagne", "campagne", theirs.map((c) => [c.id, campaignTitle(c)]), chosen.id)),
      h("button", { type: "submit", class: "secondaire" }, "Afficher")));
  } else if (chosen) {
    main.append(h("p", {}, "Campagne : ", h("a", { href: `/app/campagne.html?id=${chosen.id}` }, campaignTitle(chosen))));
  }

  const targets = chosen ? officials.filter((o) => o.target) : officials;
  const others = chosen ? officials.filter((o) => !o.target) : [];
  if (chosen) {
    const count = (status) => targets.filter((o) => o.outreach.status === status).length;
    main.append(h("div", { class: "chiffres", id: "chiffres" },
      h("p", { class: "chiffre" }, h("strong", {}, String(targets.length)), "cibles de la campagne"),
      h("p", { class: "chiffre" }, h("strong", {}, String(count("not_contacted"))), "pas encore contactées"),
      h("p", { class: "chiffre" }, h("strong", {}, String(targets.length - count("not_contacted") - count("responded"))), "contactées"),
      h("p", { class: "chiffre" }, h("strong", {}, String(count("responded"))), "ont répondu")));
  }

  if (!officials.length) {
    main.append(h("p", {}, "Aucun élu trouvé pour son territoire (commune ou circonscription inconnue ?)."));
    return;
  }

  const choosing = Boolean(actions?.may.scheduleFollowUp || actions?.may.assignTask);
  const shown = h("p", { class: "discret", "aria-live": "polite", id: "compte" });
  const targetList = h("div", { id: "elus" }, groups(targets, id, choosing));
  const otherList = others.length ? h("details", { id: "autres-elus" },
    h("summary", {}, `Autres élus du territoire, hors cibles de la campagne (${others.length})`), groups(others, id, choosing)) : null;
  const apply = (text, role, status) => {
    const words = text.toLocaleLowerCase("fr").split(/\s+/).filter(Boolean);
    const n = filterItems(main.querySelectorAll("li.elu"), (li) => (!role || li.dataset.role === role)
      && (!status || li.dataset.status === status) && words.every((w) => li.dataset.search.includes(w)));
    for (const section of main.querySelectorAll("section.groupe")) section.hidden = !section.querySelector("li.elu:not([hidden])");
    if (otherList && (text || role || status)) otherList.open = true;
    shown.textContent = `${n} élu${n > 1 ? "s" : ""} affiché${n > 1 ? "s" : ""}.`;
  };

  main.append(h("h2", {}, chosen ? "Ses élus, cibles de la campagne d'abord" : "Ses élus"), filters(officials, apply), shown);
  if (choosing) main.append(batchPanel(main, { organisationId: Number(id), campaign: chosen, actions }));
  main.append(targetList);
  if (otherList) main.append(otherList);
  if (!chosen) main.append(h("p", { class: "discret" }, `Aucune campagne en cours ne compte ${organisation.name}.`));
  if (standings?.length) main.append(registerSection(id, standings));
  apply("", "", "");
});
