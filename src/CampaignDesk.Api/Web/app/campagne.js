// A campaign's dashboard: the deadline, a map of France shaded by coverage, counts by group and role, the gaps, the
// follow-ups waiting to leave.
import { api, daysUntil, formatDate, formatDateTime, h, idParam, labels, page, stanceBadge } from "./app.js";
import { coverageTable, franceMap, percent } from "./couverture.js";

function countdown(deadline) {
  const days = daysUntil(deadline);
  if (days > 1) return h("p", { class: "chiffre", id: "compte-a-rebours" }, h("strong", {}, `J-${days}`), `avant le ${formatDate(deadline)}`);
  if (days >= 0) return h("p", { class: "chiffre retard", id: "compte-a-rebours" }, h("strong", {}, days ? "Demain" : "Aujourd'hui"), `échéance le ${formatDate(deadline)}`);
  return h("p", { class: "chiffre", id: "compte-a-rebours" }, h("strong", {}, `J+${-days}`), `échéance passée (${formatDate(deadline)})`);
}

function gapsList(gaps) {
  return h("ol", { id: "manques" }, gaps.items.map((g) => h("li", {},
    h("a", { href: `/app/elu.html?id=${g.officialId}` }, `${g.firstName} ${g.lastName}`),
    ` · ${labels.role[g.role] ?? g.role}${g.departmentCode ? ` (${g.departmentCode})` : ""}`,
    g.groupLabel ? h("span", { class: "discret" }, ` · ${g.groupLabel}`) : null,
    " ", g.contacted ? h("span", { class: "discret" }, `dernier contact le ${formatDate(g.lastContactUtc)}`) : h("span", { class: "badge statut-aucun" }, "jamais contacté·e"),
    " ", stanceBadge(g.stance))));
}

function followUpsTable(followUps) {
  if (!followUps.items.length) return h("p", { class: "discret", id: "relances" }, "Aucune relance en attente pour vos structures.");
  return h("div", { class: "defile", tabindex: "0", role: "region", "aria-label": "Relances en attente" }, h("table", { id: "relances" },
    h("caption", {}, `${followUps.total} relance${followUps.total > 1 ? "s" : ""} en attente`),
    h("thead", {}, h("tr", {}, ["Départ prévu", "Destinataire", "Objet", "État"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, followUps.items.map((f) => h("tr", {},
      h("td", {}, formatDateTime(f.dueUtc)),
      h("td", {}, h("a", { href: `/app/elu.html?id=${f.officialId}` }, f.toName)),
      h("td", {}, f.subject),
      h("td", {}, labels.followUpState[f.state] ?? f.state))))));
}

await page("Campagne", async (main) => {
  const id = idParam();
  if (!id) throw new Error("Aucune campagne n'est indiquée dans l'adresse.");
  const [campaign, byDepartment, byGroup, byRole, gaps, scheduled, claimed] = await Promise.all([
    api(`/api/campaigns/${id}`),
    api(`/api/campaigns/${id}/coverage?by=department`),
    api(`/api/campaigns/${id}/coverage?by=group`),
    api(`/api/campaigns/${id}/coverage?by=role`),
    api(`/api/campaigns/${id}/gaps?pageSize=15`),
    api(`/api/followups?campaign=${id}&state=scheduled&pageSize=20`),
    api(`/api/followups?campaign=${id}&state=claimed&pageSize=20`),
  ]);
  const total = byDepartment.total;
  document.title = `${campaign.title} · CampaignDesk`;

  main.append(
    h("h1", {}, campaign.title),
    h("div", { class: "chiffres" },
      countdown(campaign.deadline),
      h("p", { class: "chiffre" }, h("strong", {}, String(total.targets)), "cibles"),
      h("p", { class: "chiffre" }, h("strong", {}, `${percent(total.contacted, total.targets)} %`), `contactées (${total.contacted})`),
      h("p", { class: "chiffre" }, h("strong", {}, String(total.responded)), "ont répondu"),
      h("p", { class: "chiffre" }, h("strong", {}, String(total.supports)), "soutiens")),
    h("p", {}, h("a", { href: `/app/veille.html?campagne=${id}`, id: "lien-veille" }, "Veille parlementaire et votes recommandés"),
      " · ", h("a", { href: `/app/propositions.html?campagne=${id}` }, "Positions proposées")),
    campaign.goal ? h("details", {}, h("summary", {}, "L'objectif"), h("p", { class: "note" }, campaign.goal)) : null,
    h("h2", {}, "La carte"),
    await franceMap(byDepartment),
    h("details", {}, h("summary", {}, "Les mêmes chiffres par département"), coverageTable("par-departement", "Par département", byDepartment,
      (b) => `${b.label} (${b.key})`)),
    h("h2", {}, "Par mandat"),
    coverageTable("par-mandat", "Cibles et contacts par mandat", byRole, (b) => labels.role[b.key] ?? b.label),
    h("h2", {}, "Par groupe politique"),
    coverageTable("par-groupe", "Cibles et contacts par groupe politique", byGroup, (b) => b.label || "Sans groupe"),
    h("h2", {}, `Les manques (${gaps.total} cibles pas encore jointes)`),
    gaps.items.length ? gapsList(gaps) : h("p", {}, "Toutes les cibles ont été jointes."),
    h("h2", {}, "Relances à venir"),
    followUpsTable({ items: [...claimed.items, ...scheduled.items], total: claimed.total + scheduled.total }));

});
