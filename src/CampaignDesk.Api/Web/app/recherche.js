// Find an official: one box, names in any order (the API matches each word); results as cards with mandates and places.
import { api, field, h, mandateLabel, page } from "./app.js";

function card(official) {
  return h("li", { class: "carte-bloc", dataset: { official: official.id } },
    h("h2", { class: "h3" }, h("a", { href: `/app/elu.html?id=${official.id}` }, `${official.firstName} ${official.lastName}`)),
    h("ul", { class: "liste mandats" }, official.mandates.map((m) => h("li", {}, mandateLabel(m, official.sex),
      m.groupLabel ? h("span", { class: "discret" }, ` · ${m.groupLabel}`) : null))));
}

await page("Chercher un élu", async (main) => {
  const results = h("div", { "aria-live": "polite", id: "resultats" });
  const input = h("input", { type: "search", id: "recherche-elu", name: "q", autocomplete: "off", required: true, minlength: "2" });
  const search = async (q) => {
    if (!q.trim()) return;
    results.replaceChildren(h("p", { class: "chargement", role: "status" }, "Recherche…"));
    const found = await api(`/api/officials?q=${encodeURIComponent(q)}&pageSize=30`);
    results.replaceChildren(
      h("p", { role: "status" }, found.total
        ? `${found.total} élu${found.total > 1 ? "s" : ""} en mandat${found.total > found.items.length ? ` (les ${found.items.length} premiers)` : ""}.`
        : "Aucun élu en mandat ne correspond : vérifiez l'orthographe, ou essayez le nom seul."),
      h("ul", { class: "liste" }, found.items.map(card)));
  };
  const form = h("form", {
    role: "search", class: "ligne",
    onsubmit: async (event) => {
      event.preventDefault();
      history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`);
      await search(input.value);
    },
  }, field("Nom et prénom, dans n'importe quel ordre", input), h("button", { type: "submit" }, "Chercher"));
  main.append(h("h1", {}, "Chercher un élu"), form, results);
  const q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    await search(q);
  }
});
