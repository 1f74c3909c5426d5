// The federation's view of a campaign: coverage by member structure, département, political group and mandate; the
// ranked gaps with why each stands where it does; the follow-ups waiting across the structures; each table downloadable.
import { api, formatDate, formatDateTime, h, idParam, labels, page, select, field, stanceBadge } from "./app.js";
import { coverageTable, downloads, percent } from "./couverture.js";

function section(id, title, table, exportBase, query, what) {
  return h("section", { "aria-labelledby": `titre-${id}` },
    h("h2", { id: `titre-${id}` }, title), downloads(exportBase, query, what), table);
}

function gapsTable(gaps, first) {
  if (!gaps.items.length) return h("p", { id: "manques" }, "Toutes les cibles ont été jointes.");
  return h("ol", { id: "manques", class: "manques", start: String(first) }, gaps.items.map((g) => h("li", {},
    h("p", {}, h("a", { href: `/app/elu.html?id=${g.officialId}` }, `${g.firstName} ${g.lastName}`),
      ` · ${g.title}${g.departmentCode ? ` (${g.departmentCode})` : ""}`,
      g.groupLabel ? h("span", { class: "discret" }, ` · ${g.groupLabel}`) : null, " ", stanceBadge(g.stance),
      g.contacted && g.lastContactUtc ? h("span", { class: "discret" }, ` · dernier contact le ${formatDate(g.lastContactUtc)}`) : null),
    h("p", { class: "raison" }, h("strong", {}, "Pourquoi ce rang : "), g.reason))));
}

// How the élus answer, per political group (the register's responsiveness): contacts, answers, median delay, noise.
function responsivenessTable(rows) {
  if (!rows.length) return h("p", { class: "discret", id: "reactivite" }, "Aucun contact sur cette campagne pour l'instant.");
  const share = (value) => (value === null || value === undefined ? "—" : `${Math.round(value * 100)} %`);
  return h("div", { class: "defile", tabindex: "0", role: "region", "aria-label": "Réactivité des élus par groupe" }, h("table", { id: "reactivite" },
    h("caption", {}, "Réactivité des élus par groupe politique"),
    h("thead", {}, h("tr", {}, ["Groupe", "Contacts", "Élus contactés", "Ont répondu", "Délai médian (jours)", "Réponses automatiques", "Non-remises"]
      .map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, rows.map((r) => h("tr", {},
      h("td", {}, r.label), h("td", {}, String(r.contacts)), h("td", {}, String(r.officialsContacted)), h("td", {}, String(r.officialsAnswered)),
      h("td", {}, r.medianDaysToAnswer === null ? "—" : String(r.medianDaysToAnswer).replace(".", ",")),
      h("td", {}, share(r.autoReplyShare)), h("td", {}, share(r.bounceShare)))))));
}

function waitingTable(items, total, names) {
  if (!items.length) return h("p", { class: "discret", id: "relances" }, "Aucune relance en attente dans les structures que vous voyez.");
  return h("div", { class: "defile", tabindex: "0", role: "region", "aria-label": "Relances en attente" }, h("table", { id: "relances" },
    h("caption", {}, `${total} relance${total > 1 ? "s" : ""} en attente${total > items.length ? ` (les ${items.length} prochaines)` : ""}`),
    h("thead", {}, h("tr", {}, ["Structure", "Départ prévu", "Destinataire", "Objet", "État"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, items.map((f) => h("tr", {},
      h("td", {}, names.get(String(f.organisationId)) ?? `Structure ${f.organisationId}`),
      h("td", {}, formatDateTime(f.dueUtc)),
      h("td", {}, h("a", { href: `/app/elu.html?id=${f.officialId}` }, f.toName)),
      h("td", {}, f.subject),
      h("td", {}, labels.followUpState[f.state] ?? f.state))))));
}

async function chooseCampaign(main) {
  const campaigns = await api("/api/campaigns?pageSize=100");
  const running = campaigns.items.find((c) => c.status === "active") ?? campaigns.items[0];
  if (!running) {
    main.append(h("h1", {}, "Vue fédération"), h("p", {}, "Aucune campagne pour l'instant."));
    return null;
  }
  return { id: String(running.id), campaigns: campaigns.items };
}

await page("Vue fédération", async (main) => {
  let id = idParam();
  let campaigns = null;
  if (!id) {
    const chosen = await chooseCampaign(main);
    if (!chosen) return;
    ({ id, campaigns } = chosen);
  }
  const base = `/api/campaigns/${id}`;
  const [campaign, byStructure, byDepartment, byGroup, byRole, gaps, scheduled, claimed, responsiveness] = await Promise.all([
    api(base),
    api(`${base}/coverage?by=organisation`),
    api(`${base}/coverage?by=department`),
    api(`${base}/coverage?by=group`),
    api(`${base}/coverage?by=role`),
    api(`${base}/gaps?pageSize=25`),
    api(`/api/followups?campaign=${id}&state=scheduled&pageSize=100`),
    api(`/api/followups?campaign=${id}&state=claimed&pageSize=100`),
    api(`/api/register/responsiveness?by=group&campaign=${id}`),
  ]);
  campaigns ??= (await api("/api/campaigns?pageSize=100")).items;
  document.title = `Vue fédération · ${campaign.title} · CampaignDesk`;
  const total = byRole.total;
  const names = new Map(byStructure.buckets.map((b) => [b.key, b.label]));
  const waiting = [...claimed.items, ...scheduled.items].sort((a, b) => a.dueUtc.localeCompare(b.dueUtc));

  main.append(...[
    h("h1", {}, `Vue fédération · ${campaign.title}`),
    campaigns.length > 1 ? h("form", { method: "get", action: "/app/federation.html", class: "ligne" },
      field("Campagne", select("campagne", "id", campaigns.map((c) => [c.id, c.title]), id)),
      h("button", { type: "submit", class: "secondaire" }, "Afficher")) : null,
    h("div", { class: "chiffres" },
      h("p", { class: "chiffre" }, h("strong", {}, String(total.targets)), "cibles"),
      h("p", { class: "chiffre" }, h("strong", {}, `${percent(total.contacted, total.targets)} %`), `contactées (${total.contacted})`),
      h("p", { class: "chiffre" }, h("strong", {}, String(total.reached)), "jointes"),
      h("p", { class: "chiffre" }, h("strong", {}, String(byStructure.buckets.length)), "structures participantes")),
    h("p", {}, h("a", { href: `/app/synthese.html?id=${id}` }, "Synthèse imprimable pour une réunion de partenaires"),
      " · ", h("a", { href: `/app/campagne.html?id=${id}` }, "Tableau de bord avec la carte")),
    section("structures", "Par structure membre",
      h("div", {}, h("p", { class: "discret" }, "Chaque structure sur son terrain : les cibles de son département, et parmi elles celles qu'elle a contactées elle-même."),
        coverageTable("par-structure", "Couverture par structure", byStructure)),
      `${base}/coverage/export`, "by=organisation", "la couverture par structure"),
    section("departements", "Par département",
      coverageTable("par-departement", "Cibles et contacts par département", byDepartment, (b) => (b.key ? `${b.label} (${b.key})` : b.label)),
      `${base}/coverage/export`, "by=department", "la couverture par département"),
    section("groupes", "Par groupe politique",
      coverageTable("par-groupe", "Cibles et contacts par groupe politique", byGroup, (b) => b.label || "Sans groupe"),
      `${base}/coverage/export`, "by=group", "la couverture par groupe politique"),
    section("mandats", "Par mandat",
      coverageTable("par-mandat", "Cibles et contacts par mandat", byRole, (b) => labels.roleGroup[b.key] ?? b.label),
      `${base}/coverage/export`, "by=role", "la couverture par mandat"),
    section("manques-titre", `Les manques classés (${gaps.total} cibles pas encore jointes)`,
      h("div", {}, h("p", { class: "discret" }, "D'abord les élus jamais contactés, puis ceux dont la position est inconnue, ceux des départements où une structure participe, "
        + "enfin les députés, puis les sénateurs, puis les maires. Les 25 premiers ; le téléchargement les contient tous."), gapsTable(gaps, 1)),
      `${base}/gaps/export`, "", "les manques classés"),
    section("relances-titre", "Relances en attente dans les structures", waitingTable(waiting, claimed.total + scheduled.total, names),
      `${base}/followups/export`, "", "les relances en attente"),
    section("reactivite-titre", "Réactivité des élus", responsivenessTable(responsiveness),
      "/api/register/responsiveness/export", `by=group&campaign=${id}`, "la réactivité des élus par groupe")].filter(Boolean));
});
