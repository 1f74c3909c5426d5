// A campaign's e-mail templates: subject and body with placeholders inserted where the cursor is, saved with the
// mistakes named under their field, previewed for any élu and structure (even one whose mailbox is not set up yet).
import { api, failure, field, fieldLabel, fullName, h, idParam, page, select } from "./app.js";

/** Inserts text at the cursor of an input or textarea (replacing the selection), and puts the cursor after it. */
function insertAtCursor(control, text) {
  const start = control.selectionStart ?? control.value.length;
  const end = control.selectionEnd ?? start;
  control.setRangeText(text, start, end, "end");
  control.focus();
  control.dispatchEvent(new Event("input", { bubbles: true }));
}

/** Errors of the API shown under their own field; the others (and the general message) in the result box. */
function showErrors(error, slots, result) {
  for (const slot of Object.values(slots)) slot.replaceChildren();
  const rest = {};
  for (const [name, messages] of Object.entries(error.errors ?? {})) {
    if (slots[name]) slots[name].replaceChildren(h("div", { class: "erreur" }, messages.map((m) => h("p", {}, m))));
    else rest[name] = messages;
  }
  result.replaceChildren(h("div", { class: "erreur", role: "alert" }, h("p", {}, error.message),
    Object.entries(rest).map(([name, messages]) => h("p", {}, `${fieldLabel(name)} : ${messages.join(" ")}`))));
}

function previewBlock(mail) {
  return h("div", { class: "apercu", id: "apercu-message" },
    mail.warnings.length ? h("div", { class: "erreur", role: "alert", id: "avertissements" },
      mail.warnings.map((w) => h("p", {}, `Attention : ${w.message}`))) : null,
    h("dl", { class: "envoi" },
      h("dt", {}, "De"), h("dd", {}, mail.fromMailbox ?? "(boîte d'envoi de la structure pas encore configurée)"),
      h("dt", {}, "À"), h("dd", {}, mail.toAddress ? `${mail.toName} <${mail.toAddress}>` : `${mail.toName} (adresse e-mail inconnue)`),
      h("dt", {}, "Objet"), h("dd", {}, mail.subject)),
    h("div", { class: "message-apercu" }, mail.body));
}

/** Which élu and structure to preview for: the campaign's first targets, or any élu found by name. */
async function previewChooser(campaign, organisations) {
  let sample = [];
  try {
    sample = (await api(`/api/campaigns/${campaign.id}/targets/preview`, { method: "POST", body: {} })).sample
      .map((t) => [t.officialId, `${t.firstName} ${t.lastName} · ${t.title}`]);
  } catch {
    // Only admins count the targets: others find the élu by name.
  }
  const participants = organisations.filter((o) => campaign.organisationIds.includes(o.id));
  const others = organisations.filter((o) => !campaign.organisationIds.includes(o.id));
  const official = select("apercu-elu", "officialId", sample);
  const organisation = select("apercu-structure", "organisationId", [...participants, ...others].map((o) => [o.id, o.name]));
  const query = h("input", { type: "search", id: "apercu-chercher", autocomplete: "off" });
  const search = h("button", {
    type: "button", class: "secondaire",
    onclick: async () => {
      const found = await api(`/api/officials?q=${encodeURIComponent(query.value.trim())}&pageSize=20`);
      official.replaceChildren(...found.items.map((o) => h("option", { value: o.id }, fullName(o))));
    },
  }, "Chercher");
  // Enter in the search box searches (it would otherwise submit the preview form around it).
  query.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      search.click();
    }
  });
  return {
    element: [field("Élu", official), h("div", { class: "ligne" }, field("Chercher un autre élu par son nom", query), search),
      field("Structure qui écrit", organisation)],
    read: () => ({ officialId: Number(official.value) || null, organisationId: Number(organisation.value) || null }),
  };
}

await page("Modèles d'e-mail", async (main) => {
  const campaignId = idParam("campagne");
  if (!campaignId) throw new Error("Aucune campagne n'est indiquée dans l'adresse.");
  let templateId = idParam();
  const [campaign, templates, placeholders, organisations] = await Promise.all([api(`/api/campaigns/${campaignId}`),
    api(`/api/templates?campaign=${campaignId}`), api("/api/templates/placeholders"), api("/api/organisations?pageSize=500")]);
  let template = templates.find((t) => String(t.id) === templateId) ?? null;
  document.title = `Modèles d'e-mail de ${campaign.title} · CampaignDesk`;
  main.append(h("h1", {}, `Modèles d'e-mail de ${campaign.title}`),
    h("p", {}, h("a", { href: `/app/campagne-reglages.html?id=${campaignId}` }, "Réglages de la campagne")),
    h("nav", { "aria-label": "Modèles de la campagne" }, h("ul", { class: "liste", id: "modeles" },
      templates.map((t) => h("li", {}, h("a", { href: `?campagne=${campaignId}&id=${t.id}`, "aria-current": t === template ? "page" : null }, t.name))),
      h("li", {}, h("a", { href: `?campagne=${campaignId}`, "aria-current": template ? null : "page" }, "Nouveau modèle")))));

  const name = h("input", { type: "text", id: "nom", name: "name", required: true, maxlength: "200", value: template?.name ?? "" });
  const subject = h("input", { type: "text", id: "objet", name: "subject", required: true, maxlength: "300", value: template?.subject ?? "" });
  const body = h("textarea", { id: "texte", name: "body", rows: "12", required: true }, template?.body ?? "");
  const slots = { name: h("div", { id: "nom-erreurs" }), subject: h("div", { id: "objet-erreurs" }), body: h("div", { id: "texte-erreurs" }) };
  let target = body;
  for (const control of [subject, body]) control.addEventListener("focus", () => { target = control; });
  const result = h("div", { "aria-live": "polite", id: "resultat" });
  let dirty = false;
  const save = async () => {
    const values = { name: name.value, subject: subject.value, body: body.value };
    template = template
      ? await api(`/api/templates/${template.id}`, { method: "PATCH", ifMatch: template.version, body: values })
      : await api("/api/templates", { method: "POST", body: { campaignId: Number(campaignId), ...values } });
    if (!templateId) history.replaceState(null, "", `?campagne=${campaignId}&id=${template.id}`);
    templateId = String(template.id);
    dirty = false;
    for (const slot of Object.values(slots)) slot.replaceChildren();
  };
  const heading = h("h2", {}, template ? `Modifier « ${template.name} »` : "Nouveau modèle");
  const form = h("form", {
    id: "modele",
    oninput: () => { dirty = true; },
    onsubmit: async (event) => {
      event.preventDefault();
      try {
        await save();
        heading.textContent = `Modifier « ${template.name} »`;
        result.replaceChildren(h("p", { class: "succes", role: "status" }, "Modèle enregistré."));
      } catch (error) {
        showErrors(error, slots, result);
      }
    },
  }, heading,
  field("Nom du modèle", name), slots.name,
  field("Objet", subject), slots.subject,
  h("div", { class: "champ" }, h("p", { class: "discret", id: "balises-aide" },
    "Champs à insérer à l'endroit du curseur (dans l'objet ou le texte) :"),
  h("ul", { class: "balises", "aria-describedby": "balises-aide" }, placeholders.map((p) => h("li", {}, h("button", {
    type: "button", class: "secondaire", title: p.description, "aria-label": `Insérer {{${p.name}}} : ${p.description}`,
    onclick: () => insertAtCursor(target, `{{${p.name}}}`),
  }, `{{${p.name}}}`))))),
  field("Texte", body), slots.body,
  h("div", { class: "actions" }, h("button", { type: "submit" }, "Enregistrer le modèle")), result);
  main.append(form);

  const chooser = await previewChooser(campaign, organisations.items);
  const shown = h("div", { "aria-live": "polite" });
  main.append(h("h2", { id: "apercu-titre" }, "Aperçu"), h("form", {
    id: "apercu", "aria-labelledby": "apercu-titre",
    onsubmit: async (event) => {
      event.preventDefault();
      try {
        if (dirty || !template) await save();
        heading.textContent = `Modifier « ${template.name} »`;
        shown.replaceChildren(previewBlock(await api(`/api/templates/${template.id}/preview`, { method: "POST", body: chooser.read() })));
      } catch (error) {
        if (error.errors?.name || error.errors?.subject || error.errors?.body) showErrors(error, slots, result);
        shown.replaceChildren(failure(error));
      }
    },
  }, h("p", { class: "discret" }, "Le message tel qu'il partirait pour cet élu, depuis cette structure (le modèle est d'abord enregistré)."),
  chooser.element, h("div", { class: "actions" }, h("button", { type: "submit" }, "Prévisualiser")), shown));
});
