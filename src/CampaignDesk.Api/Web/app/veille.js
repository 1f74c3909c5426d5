// A campaign's parliament watch, for its coordinators: the watches (keywords, kinds, ministries, since when, whose
// items) and the votes it recommends. Each change proposes positions at once, waiting on « Positions proposées ».
import { api, formatDate, h, idParam, page } from "./app.js";
import { errorSlots, showErrors } from "./veille-erreurs.js";
import { votesSection } from "./veille-votes.js";

const kindLabels = {
  written_question: "Questions écrites", government_question: "Questions au Gouvernement", oral_question: "Questions orales",
  amendment: "Amendements",
};
const scopeLabels = { targets: "Les cibles de la campagne", anyone: "Tous les parlementaires (pour le contexte)" };

/** Keywords or ministries typed one a line or separated by commas (a phrase keeps its spaces). */
function entries(text) {
  return text.split(/[\n,;]+/).map((e) => e.trim()).filter(Boolean);
}

/** A labelled control, its hint under the label and its error slot under it. */
function labelled(label, control, slot, hint) {
  const hintId = hint ? `${control.id}-aide` : null;
  if (hintId) control.setAttribute("aria-describedby", hintId);
  return h("div", { class: "champ" }, h("label", { for: control.id }, label), hint ? h("p", { class: "discret", id: hintId }, hint) : null,
    control, slot);
}

/** The form adding a watch, or changing one (prefix keeps its ids apart from the other forms of the page). */
function watchForm(campaignId, watch, prefix, onSaved, onCancel) {
  const slots = errorSlots(["name", "keywords", "ministries", "kinds", "since", "scope"]);
  const result = h("div", { "aria-live": "polite" });
  const form = h("form", {
    class: "veille-form", "aria-label": watch ? `Modifier la veille « ${watch.name} »` : "Ajouter une veille",
    onsubmit: async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const body = {
        name: data.get("name").trim(), keywords: entries(data.get("keywords")), ministries: entries(data.get("ministries")),
        kinds: data.getAll("kinds"), since: data.get("since") || null, scope: data.get("scope"), version: watch?.version ?? null,
      };
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        const saved = await api(`/api/campaigns/${campaignId}/watches${watch ? `/${watch.id}` : ""}`, { method: watch ? "PUT" : "POST", body });
        showErrors(null, slots, result);
        onSaved(saved);
      } catch (error) {
        showErrors(error, slots, result);
      } finally {
        button.disabled = false;
      }
    },
  },
  labelled("Nom de la veille", h("input", { type: "text", id: `${prefix}-nom`, name: "name", required: true, maxlength: "200", value: watch?.name ?? "" }),
    slots.name),
  labelled("Mots-clés", h("textarea", { id: `${prefix}-mots`, name: "keywords", rows: "4", required: true }, (watch?.keywords ?? []).join("\n")),
    slots.keywords, "Un par ligne ou séparés par des virgules ; une expression garde ses espaces. Accents et majuscules ignorés, « centre* » pour toutes les fins du mot."),
  labelled("Ministères (facultatif)", h("textarea", { id: `${prefix}-ministeres`, name: "ministries", rows: "2" }, (watch?.ministries ?? []).join("\n")),
    slots.ministries, "Interrogés ou qui répondent, un par ligne. Vide : tous."),
  h("fieldset", { class: "choix" }, h("legend", {}, "Types de textes (aucun coché : tous)"),
    Object.entries(kindLabels).map(([kind, text]) => h("label", { for: `${prefix}-type-${kind}` },
      h("input", { type: "checkbox", id: `${prefix}-type-${kind}`, name: "kinds", value: kind, checked: watch?.kinds.includes(kind) }), text)),
    slots.kinds),
  labelled("Depuis le (facultatif)", h("input", { type: "date", id: `${prefix}-depuis`, name: "since", value: watch?.since ?? "" }), slots.since),
  h("fieldset", { class: "choix" }, h("legend", {}, "Textes de qui ?"),
    Object.entries(scopeLabels).map(([scope, text]) => h("label", { for: `${prefix}-portee-${scope}` },
      h("input", { type: "radio", id: `${prefix}-portee-${scope}`, name: "scope", value: scope, checked: (watch?.scope ?? "targets") === scope }), text)),
    slots.scope),
  result,
  h("div", { class: "actions" }, h("button", { type: "submit" }, watch ? "Enregistrer la veille" : "Ajouter la veille"),
    onCancel ? h("button", { type: "button", class: "secondaire", onclick: onCancel }, "Annuler") : null));
  return form;
}

/** One watch as it reads, with its change and (confirmed) removal for those who may. */
function watchItem(campaignId, watch, canEdit, redraw, say) {
  const item = h("li", { class: "carte-bloc veille", dataset: { veille: watch.id } });
  const line = (label, text) => h("p", {}, h("strong", {}, `${label} : `), text);
  const show = () => item.replaceChildren(
    h("h3", {}, watch.name),
    line("Mots-clés", watch.keywords.map((k) => `« ${k} »`).join(", ")),
    line("Types", watch.kinds.length ? watch.kinds.map((k) => kindLabels[k] ?? k).join(", ") : "tous"),
    line("Ministères", watch.ministries.length ? watch.ministries.join(", ") : "tous"),
    line("Depuis", watch.since ? `le ${formatDate(watch.since)}` : "toujours"),
    line("Textes de", (scopeLabels[watch.scope] ?? watch.scope).toLowerCase()),
    canEdit ? h("div", { class: "actions" },
      h("button", { type: "button", class: "secondaire", onclick: edit, "aria-label": `Modifier la veille « ${watch.name} »` }, "Modifier"),
      h("button", { type: "button", class: "secondaire", onclick: confirmRemoval, "aria-label": `Supprimer la veille « ${watch.name} »` },
        "Supprimer")) : null);
  function edit() {
    item.replaceChildren(h("h3", {}, `Modifier « ${watch.name} »`), watchForm(campaignId, watch, `veille-${watch.id}`, (saved) => {
      Object.assign(watch, saved);
      say(`Veille « ${saved.name} » enregistrée.`);
      redraw();
    }, show));
    item.querySelector("input")?.focus();
  }
  function confirmRemoval() {
    const message = h("div", { "aria-live": "polite" });
    item.replaceChildren(h("p", { class: "erreur" }, `Supprimer la veille « ${watch.name} » ? Les positions déjà proposées restent.`),
      h("div", { class: "actions" },
        h("button", {
          type: "button",
          onclick: async () => {
            try {
              await api(`/api/campaigns/${campaignId}/watches/${watch.id}`, { method: "DELETE" });
              say(`Veille « ${watch.name} » supprimée.`);
              redraw(watch.id);
            } catch (error) {
              showErrors(error, {}, message);
            }
          },
        }, "Confirmer la suppression"),
        h("button", { type: "button", class: "secondaire", onclick: show }, "Annuler")), message);
    item.querySelector("button")?.focus();
  }
  show();
  return item;
}

await page("Veille parlementaire", async (main, user) => {
  const id = idParam("campagne");
  if (!id) throw new Error("Aucune campagne n'est indiquée dans l'adresse.");
  const [campaign, watches, recommended, waiting] = await Promise.all([
    api(`/api/campaigns/${id}`), api(`/api/campaigns/${id}/watches`), api(`/api/campaigns/${id}/recommended-votes`),
    api(`/api/triage/proposals?campaignId=${id}`)]);
  document.title = `Veille parlementaire · ${campaign.title} · CampaignDesk`;
  const canEdit = user.role === "admin"
    || (user.role === "coordinator" && campaign.organisationIds.some((o) => (user.organisationIds ?? []).includes(o)));
  const status = h("div", { "aria-live": "polite", id: "veille-statut" });
  const say = (text) => status.replaceChildren(h("p", { class: "succes" }, text));
  const count = h("p", { id: "propositions-en-attente" });
  const drawCount = (n) => count.replaceChildren(`${n} position${n > 1 ? "s" : ""} proposée${n > 1 ? "s" : ""} en attente : `,
    h("a", { href: `/app/propositions.html?campagne=${id}`, id: "lien-propositions" }, "les examiner"));
  const recount = async () => drawCount((await api(`/api/triage/proposals?campaignId=${id}`)).length);
  const list = h("ul", { class: "liste", id: "veilles" });
  let current = watches;
  const draw = () => list.replaceChildren(...(current.length ? current.map((w) => watchItem(id, w, canEdit, redraw, say))
    : [h("li", { class: "discret" }, "Aucune veille pour cette campagne.")]));
  /** After a change: the list again, and the count of waiting proposals (a change proposes at once). */
  function redraw(removed) {
    if (removed) current = current.filter((w) => w.id !== removed);
    draw();
    recount().catch(() => null);
  }
  draw();
  drawCount(waiting.length);

  main.append(h("h1", {}, "Veille parlementaire"),
    h("p", {}, h("a", { href: `/app/campagne.html?id=${id}` }, `Campagne : ${campaign.title}`)),
    h("p", { class: "discret" }, "Les questions, amendements et votes que la veille trouve deviennent des positions proposées : "
      + "rien n'est enregistré sans qu'une coordination l'accepte."),
    count, status);
  if (!canEdit) main.append(h("p", { class: "discret" }, "Seules la coordination d'une structure participante et l'administration modifient la veille."));
  main.append(h("h2", {}, "Veilles"), list);
  if (canEdit) {
    const adding = h("details", { id: "ajout-veille", open: !current.length }, h("summary", {}, "Ajouter une veille"));
    const form = watchForm(id, null, "nouvelle-veille", (saved) => {
      current = [...current, saved];
      say(`Veille « ${saved.name} » ajoutée.`);
      redraw();
      form.reset();
      adding.open = false;
    }, null);
    adding.append(form);
    main.append(adding);
  }
  main.append(votesSection(id, recommended, canEdit, say, () => recount().catch(() => null)));
});
