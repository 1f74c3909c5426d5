// Admins: every campaign with its state, and a new one (its targeting and messages are set on its settings page).
import { api, failure, formatDate, h, page } from "./app.js";
import { campaignFields, campaignValues, participantsPicker, statusLabels } from "./campagne-form.js";

await page("Campagnes", async (main, user) => {
  main.append(h("h1", {}, "Campagnes"));
  const campaigns = await api("/api/campaigns?pageSize=100");
  main.append(campaigns.items.length
    ? h("ul", { class: "liste", id: "campagnes" }, campaigns.items.map((c) => h("li", { class: "carte-bloc", dataset: { campaign: c.id } },
      h("h2", { class: "h3" }, h("a", { href: `/app/campagne.html?id=${c.id}` }, c.title)),
      h("p", {}, h("span", { class: "badge" }, statusLabels[c.status] ?? c.status),
        c.deadline ? ` · échéance le ${formatDate(c.deadline)}` : "", ` · ${c.organisationIds.length} structure${c.organisationIds.length > 1 ? "s" : ""}`),
      user.role === "admin" ? h("p", {}, h("a", { href: `/app/campagne-reglages.html?id=${c.id}` }, `Réglages de ${c.title}`),
        " · ", h("a", { href: `/app/modeles.html?campagne=${c.id}` }, `Modèles d'e-mail de ${c.title}`)) : null)))
    : h("p", {}, "Aucune campagne pour l'instant."));
  if (user.role !== "admin") return;

  const organisations = await api("/api/organisations?pageSize=500");
  const picker = participantsPicker(organisations.items, []);
  const result = h("div", { "aria-live": "polite" });
  const form = h("form", {
    id: "nouvelle-campagne",
    onsubmit: async (event) => {
      event.preventDefault();
      const submit = form.querySelector("button[type=submit]");
      submit.disabled = true;
      try {
        const created = await api("/api/campaigns", { method: "POST", body: { ...campaignValues(form), organisationIds: picker.ids() } });
        location.assign(`/app/campagne-reglages.html?id=${created.id}`);
      } catch (error) {
        result.replaceChildren(failure(error));
        submit.disabled = false;
      }
    },
  }, campaignFields(null), picker.element,
  h("p", { class: "discret" }, "Le ciblage, la relance automatique et les modèles d'e-mail se règlent ensuite."),
  h("div", { class: "actions" }, h("button", { type: "submit" }, "Créer la campagne")), result);
  main.append(h("h2", {}, "Nouvelle campagne"), form);
});
