// The triage queue: answers read in the organisations' mailboxes, waiting for someone to say what stance they show.
import { api, failure, formatDateTime, h, labels, page } from "./app.js";

function decisionForm(item, onDone) {
  const message = h("div", { "aria-live": "polite" });
  const buttons = [];
  const send = async (decision) => {
    buttons.forEach((b) => { b.disabled = true; });
    message.replaceChildren();
    try {
      await api(`/api/triage/${item.id}`, { method: "POST", body: decision });
      onDone(item, decision);
    } catch (error) {
      message.replaceChildren(failure(error));
      buttons.forEach((b) => { b.disabled = false; });
    }
  };
  const form = h("form", {
    "aria-label": `Position de ${item.officialName}`,
    onsubmit: (event) => {
      event.preventDefault();
      const data = new FormData(form);
      send({ stance: data.get("stance"), summary: data.get("summary")?.trim() || null });
    },
  },
  h("fieldset", { class: "choix" }, h("legend", {}, "Quelle position exprime cette réponse ?"),
    ["supports", "neutral", "opposes"].map((stance, index) => {
      const id = `position-${item.id}-${stance}`;
      return h("label", { for: id }, h("input", { type: "radio", id, name: "stance", value: stance, required: index === 0 }), labels.stance[stance]);
    })),
  h("div", {}, h("label", { for: `resume-${item.id}` }, "Résumé (facultatif)"),
    h("textarea", { id: `resume-${item.id}`, name: "summary", rows: "2", maxlength: "2000" })),
  message);
  const save = h("button", { type: "submit" }, "Enregistrer la position");
  const dismiss = h("button", { type: "button", class: "secondaire", onclick: () => send({ dismiss: true }) }, "Écarter (position inconnue)");
  buttons.push(save, dismiss);
  form.append(h("div", { class: "actions" }, save, dismiss));
  return form;
}

function card(item, onDone) {
  return h("li", { class: "carte-bloc", dataset: { triage: item.id, position: item.positionId } },
    h("h2", { class: "h3" }, h("a", { href: `/app/elu.html?id=${item.officialId}` }, item.officialName)),
    h("p", { class: "discret" }, `Reçu le ${formatDateTime(item.receivedUtc)} dans la boîte de ${item.organisationName}`),
    item.subject ? h("p", {}, h("strong", {}, item.subject)) : null,
    item.preview ? h("p", { class: "note" }, item.preview) : null,
    item.webLink ? h("p", {}, h("a", { href: item.webLink, rel: "noopener noreferrer", target: "_blank" }, "Lire le message dans Outlook")) : null,
    decisionForm(item, onDone));
}

await page("Réponses à trier", async (main) => {
  const items = await api("/api/triage");
  const status = h("div", { "aria-live": "polite" });
  const list = h("ul", { class: "liste", id: "a-trier" });
  const done = (item, decision) => {
    list.querySelector(`[data-triage="${item.id}"]`)?.remove();
    status.replaceChildren(h("p", { class: "succes" }, decision.dismiss
      ? `Réponse de ${item.officialName} écartée.`
      : `Position de ${item.officialName} enregistrée : ${labels.stance[decision.stance]}.`));
    if (!list.children.length) list.append(h("li", { class: "discret" }, "Plus rien à trier."));
  };
  list.append(...(items.length ? items.map((item) => card(item, done)) : [h("li", { class: "discret" }, "Aucune réponse à trier.")]));
  main.append(h("h1", {}, "Réponses à trier"),
    h("p", { class: "discret" }, "Les réponses des élus arrivées dans les boîtes de vos structures : dites quelle position chacune exprime."),
    h("p", {}, h("a", { href: "/app/propositions.html", id: "lien-propositions" }, "Positions proposées par la veille parlementaire")),
    status, list);
});
