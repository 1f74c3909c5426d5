// A campaign on one printed A4 page, for a partners' meeting: the key numbers, the map, the stances by political group.
import { api, daysUntil, formatDate, h, idParam, page, todayInParis } from "./app.js";
import { franceMap, percent } from "./couverture.js";

function stancesByGroup(byGroup) {
  const cells = (b) => [b.targets, b.supports, b.neutral, b.opposes, b.unknown].map((n) => h("td", { class: "nombre" }, String(n)));
  return h("div", { class: "defile", tabindex: "0", role: "region", "aria-label": "Positions par groupe politique" }, h("table", { id: "positions-par-groupe" },
    h("caption", {}, "Positions par groupe politique"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Groupe"),
      ["Cibles", "Pour", "Neutres", "Contre", "Inconnue"].map((t) => h("th", { scope: "col", class: "nombre" }, t)))),
    h("tbody", {}, byGroup.buckets.map((b) => h("tr", {}, h("th", { scope: "row" }, b.label || "Sans groupe"), cells(b)))),
    h("tfoot", {}, h("tr", {}, h("th", { scope: "row" }, "Total"), cells(byGroup.total)))));
}

await page("Synthèse", async (main) => {
  const id = idParam();
  if (!id) throw new Error("Aucune campagne n'est indiquée dans l'adresse.");
  const base = `/api/campaigns/${id}`;
  const [campaign, byDepartment, byGroup, byStructure] = await Promise.all([
    api(base), api(`${base}/coverage?by=department`), api(`${base}/coverage?by=group`), api(`${base}/coverage?by=organisation`),
  ]);
  document.title = `Synthèse · ${campaign.title} · CampaignDesk`;
  const total = byGroup.total;
  const days = daysUntil(campaign.deadline);
  main.classList.add("synthese");
  main.append(
    h("div", { class: "ne-pas-imprimer actions" },
      h("button", { type: "button", onclick: () => window.print() }, "Imprimer"),
      h("a", { href: `/app/federation.html?id=${id}` }, "Retour à la vue fédération")),
    h("h1", {}, campaign.title),
    h("p", { class: "discret" }, `Synthèse au ${formatDate(todayInParis())} · échéance le ${formatDate(campaign.deadline)}`,
      days >= 0 ? ` (J-${days})` : " (passée)", ` · ${byStructure.buckets.length} structures participantes`),
    h("div", { class: "chiffres" },
      h("p", { class: "chiffre" }, h("strong", {}, String(total.targets)), "cibles"),
      h("p", { class: "chiffre" }, h("strong", {}, `${percent(total.contacted, total.targets)} %`), `contactées (${total.contacted})`),
      h("p", { class: "chiffre" }, h("strong", {}, String(total.reached)), "jointes"),
      h("p", { class: "chiffre" }, h("strong", {}, String(total.responded)), "ont répondu"),
      h("p", { class: "chiffre" }, h("strong", {}, String(total.supports)), "soutiennent"),
      h("p", { class: "chiffre" }, h("strong", {}, String(total.opposes)), "s'opposent")),
    h("div", { class: "synthese-corps" }, await franceMap(byDepartment),
      h("div", {}, stancesByGroup(byGroup), h("p", { class: "discret" }, "Pour : soutiennent la demande ; contre : s'y opposent ; inconnue : pas encore de position."))));
});
