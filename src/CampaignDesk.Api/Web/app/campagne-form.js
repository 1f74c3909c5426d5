// What the campaign pages share: the campaign's own fields and the choice of participating structures.
import { field, filterItems, h, select } from "./app.js";

export const statusLabels = { draft: "Brouillon", active: "En cours", ended: "Terminée", archived: "Archivée" };

/** Title, goal, deadline and state, filled from a campaign when there is one. */
export function campaignFields(campaign) {
  return [
    field("Titre", h("input", { type: "text", id: "titre", name: "title", required: true, maxlength: "200", value: campaign?.title ?? "" })),
    field("Objectif", h("textarea", { id: "objectif", name: "goal", rows: "3" }, campaign?.goal ?? "")),
    field("Échéance", h("input", { type: "date", id: "echeance", name: "deadline", value: campaign?.deadline ?? "" })),
    field("État", select("etat", "status", Object.entries(statusLabels), campaign?.status ?? "draft"),
      "Brouillon : en préparation. En cours : les structures agissent. Terminée, archivée : plus rien ne part."),
  ];
}

/** The fields above as the API takes them (an empty deadline or goal is left out: null keeps the current one). */
export function campaignValues(form) {
  const data = new FormData(form);
  return {
    title: data.get("title"), goal: data.get("goal") || null, deadline: data.get("deadline") || null, status: data.get("status"),
  };
}

/**
 * The participating structures: a box per structure, filtered by name or commune as one types; onchange is called
 * with the chosen ids at each change.
 */
export function participantsPicker(organisations, chosen, onchange) {
  const chosenIds = new Set(chosen.map(Number));
  const count = h("p", { class: "discret", "aria-live": "polite" });
  // The structures already taking part first, so the page opens on them rather than on the alphabet's start.
  const ordered = [...organisations.filter((o) => chosenIds.has(o.id)), ...organisations.filter((o) => !chosenIds.has(o.id))];
  const items = ordered.map((o) => h("li", { dataset: { search: `${o.name} ${o.communeName ?? ""}`.toLowerCase() } },
    h("label", { class: "case", for: `structure-${o.id}` },
      h("input", { type: "checkbox", id: `structure-${o.id}`, name: "organisationIds", value: o.id, checked: chosenIds.has(o.id) }),
      `${o.name}${o.communeName ? ` · ${o.communeName}` : ""}`)));
  const list = h("ul", { class: "cases-defile", id: "structures" }, items);
  const ids = () => [...list.querySelectorAll("input:checked")].map((i) => Number(i.value));
  const say = () => { count.textContent = `${ids().length} structure${ids().length > 1 ? "s" : ""} choisie${ids().length > 1 ? "s" : ""}`; };
  const filter = h("input", {
    type: "search", id: "filtre-structures", autocomplete: "off",
    oninput: () => filterItems(items, (li) => li.dataset.search.includes(filter.value.trim().toLowerCase())),
  });
  list.addEventListener("change", () => { say(); onchange?.(ids()); });
  say();
  return {
    element: h("fieldset", {}, h("legend", {}, "Structures participantes"), field("Filtrer par nom ou commune", filter), list, count),
    ids,
  };
}
