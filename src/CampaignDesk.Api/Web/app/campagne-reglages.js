// Admins: a campaign's fields, participants, targeting (rules × territories × named élus, counted live) and its
// automatic follow-up when nobody answered. Saved with the version it was read at: another admin's change is not lost.
import { api, failure, field, fullName, h, idParam, labels, page, select } from "./app.js";
import { campaignFields, campaignValues, participantsPicker } from "./campagne-form.js";

const roles = { ...labels.roleGroup, conseiller_arrondissement: "Conseillers d'arrondissement" };
const scopes = {
  departments_of_participants: "dans les départements des structures participantes",
  communes_of_participants: "dans les communes des structures participantes",
  circonscriptions_of_participants: "dans les circonscriptions des structures participantes",
  departments: "dans les départements suivants",
  everywhere: "partout en France",
};

/** One rule: which mandates, where. */
function ruleBlock(rule, index, changed, remove) {
  const id = `regle-${index}`;
  const departments = h("input", {
    type: "text", id: `${id}-departements`, name: "departments", autocomplete: "off", value: (rule.departments ?? []).join(", "),
  });
  const where = select(`${id}-territoire`, "where", Object.entries(scopes), rule.where);
  const departmentsField = field("Départements (codes séparés par des virgules)", departments, "Par exemple : 38, 73, 2A");
  const showDepartments = () => { departmentsField.hidden = where.value !== "departments"; };
  where.addEventListener("change", showDepartments);
  showDepartments();
  const block = h("fieldset", { class: "regle", dataset: { rule: index } },
    h("legend", {}, `Règle ${index + 1}`),
    h("div", { class: "choix" }, Object.entries(roles).map(([role, text]) => h("label", { for: `${id}-${role}`, class: "case" },
      h("input", { type: "checkbox", id: `${id}-${role}`, name: "roles", value: role, checked: rule.roles.includes(role) }), text))),
    field("Où", where), departmentsField,
    h("div", { class: "actions" }, h("button", { type: "button", class: "secondaire", onclick: remove }, `Retirer la règle ${index + 1}`)));
  block.addEventListener("input", changed);
  block.addEventListener("change", changed);
  block.read = () => ({
    roles: [...block.querySelectorAll("input[name=roles]:checked")].map((i) => i.value),
    where: where.value,
    departments: where.value === "departments" ? departments.value.split(/[\s,;]+/).filter(Boolean) : null,
  });
  return block;
}

/** The rules, the élus named one by one, and the live count; read() gives the targeting as the API takes it. */
function targetingBuilder(campaign, participants, sayChanged) {
  let rules = campaign.targeting.rules.map((r) => ({ ...r }));
  const named = new Map();
  const rulesBox = h("div", { id: "regles" });
  const draw = () => {
    rulesBox.replaceChildren(...rules.map((rule, index) => ruleBlock(rule, index, sayChanged, () => {
      rules = read().rules;
      rules.splice(index, 1);
      draw();
      sayChanged();
    })));
    if (!rules.length) rulesBox.append(h("p", { class: "discret" }, "Aucune règle : seuls les élus nommés ci-dessous sont ciblés."));
  };
  const read = () => ({ rules: [...rulesBox.querySelectorAll("fieldset.regle")].map((b) => b.read()), officialIds: [...named.keys()] });
  const namedList = h("ul", { class: "liste", id: "elus-nommes" });
  const drawNamed = () => namedList.replaceChildren(...[...named].map(([id, name]) => h("li", {}, name, " ",
    h("button", { type: "button", class: "lien", onclick: () => { named.delete(id); drawNamed(); sayChanged(); } }, `Retirer ${name}`))));
  const query = h("input", { type: "search", id: "chercher-elu", autocomplete: "off" });
  const found = h("ul", { class: "liste", "aria-live": "polite" });
  const search = async () => {
    if (query.value.trim().length < 2) return;
    const result = await api(`/api/officials?q=${encodeURIComponent(query.value.trim())}&pageSize=10`);
    found.replaceChildren(...(result.items.length ? result.items.map((o) => h("li", {}, fullName(o), " ",
      h("button", {
        type: "button", class: "secondaire",
        onclick: () => { named.set(o.id, fullName(o)); drawNamed(); found.replaceChildren(); sayChanged(); },
      }, `Cibler ${fullName(o)}`))) : [h("li", {}, "Aucun élu ne correspond.")]));
  };
  for (const id of campaign.targeting.officialIds ?? []) named.set(id, `Élu n° ${id}`);
  draw();
  drawNamed();
  // The names of the élus already named, read once (the campaign keeps only their ids).
  Promise.all([...named.keys()].map((id) => api(`/api/officials/${id}`).then((o) => named.set(id, fullName(o)), () => null)))
    .then(drawNamed);
  return {
    element: h("fieldset", { id: "ciblage" }, h("legend", {}, "Ciblage"),
      h("p", { class: "discret" }, "Sont ciblés les élus qui détiennent aujourd'hui un des mandats d'une règle, là où elle le dit, et les élus nommés."),
      rulesBox,
      h("div", { class: "actions" }, h("button", {
        type: "button", class: "secondaire",
        onclick: () => { rules = read().rules; rules.push({ roles: [], where: "departments_of_participants" }); draw(); sayChanged(); },
      }, "Ajouter une règle")),
      h("h3", {}, "Élus nommés"), namedList,
      h("div", { class: "ligne" }, field("Chercher un élu à cibler", query),
        h("button", { type: "button", class: "secondaire", onclick: search }, "Chercher")), found),
    read,
    participants,
  };
}

/** The count and first targets of the rules as they stand on the page, asked again (debounced) at each change. */
function livePreview(campaignId) {
  const box = h("section", { id: "apercu-cibles", "aria-labelledby": "apercu-titre" },
    h("h2", { id: "apercu-titre" }, "Élus ciblés"));
  const count = h("p", { class: "chiffre", id: "nombre-cibles", role: "status" }, "Calcul…");
  const sample = h("ul", { class: "liste", id: "echantillon" });
  box.append(count, sample);
  let timer;
  let asked = 0;
  const refresh = (body) => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++asked;
      try {
        const preview = await api(`/api/campaigns/${campaignId}/targets/preview`, { method: "POST", body });
        if (mine !== asked) return;
        count.replaceChildren(h("strong", {}, String(preview.total)), ` élu${preview.total > 1 ? "s" : ""} ciblé${preview.total > 1 ? "s" : ""}`);
        sample.replaceChildren(...preview.sample.map((t) => h("li", {},
          h("a", { href: `/app/elu.html?id=${t.officialId}` }, `${t.firstName} ${t.lastName}`),
          ` · ${t.title}${t.departmentCode ? ` (${t.departmentCode})` : ""}`)));
        if (preview.total > preview.sample.length) sample.append(h("li", { class: "discret" }, `… et ${preview.total - preview.sample.length} autres`));
      } catch (error) {
        if (mine !== asked) return;
        count.textContent = "Le ciblage n'est pas encore valable :";
        sample.replaceChildren(h("li", {}, failure(error)));
      }
    }, 300);
  };
  return { element: box, refresh };
}

/** Relance automatique: after how many working days without an answer, with which template (0: off). */
function followUpRule(campaign, templates) {
  const rule = campaign.followUpRule;
  const days = h("input", { type: "number", id: "relance-jours", name: "afterWorkingDays", min: "0", max: "60", value: rule?.afterWorkingDays ?? 0 });
  const template = select("relance-modele", "templateId", [["", "Aucun modèle"], ...templates.map((t) => [t.id, t.name])], rule?.templateId ?? "");
  return {
    element: h("fieldset", { id: "relance-auto" }, h("legend", {}, "Relance automatique sans réponse"),
      field("Après combien de jours ouvrés sans réponse", days, "0 : pas de relance automatique."),
      templates.length ? field("Avec le modèle", template)
        : h("p", { class: "discret" }, "Écrivez d'abord un modèle d'e-mail pour cette campagne.")),
    read: () => ({ afterWorkingDays: Number(days.value || 0), templateId: template.value ? Number(template.value) : null }),
  };
}

await page("Réglages de la campagne", async (main) => {
  const id = idParam();
  if (!id) throw new Error("Aucune campagne n'est indiquée dans l'adresse.");
  let [campaign, organisations, templates] = await Promise.all([api(`/api/campaigns/${id}`), api("/api/organisations?pageSize=500"),
    api(`/api/templates?campaign=${id}`)]);
  document.title = `Réglages de ${campaign.title} · CampaignDesk`;
  main.append(h("h1", {}, `Réglages de ${campaign.title}`),
    h("p", {}, h("a", { href: `/app/campagne.html?id=${id}` }, "Tableau de bord de la campagne"), " · ",
      h("a", { href: `/app/modeles.html?campagne=${id}` }, "Modèles d'e-mail")));
  const preview = livePreview(id);
  let targeting;
  const changed = () => preview.refresh({ targeting: targeting.read(), organisationIds: picker.ids() });
  const picker = participantsPicker(organisations.items, campaign.organisationIds, changed);
  targeting = targetingBuilder(campaign, picker, changed);
  const rule = followUpRule(campaign, templates);
  const result = h("div", { "aria-live": "polite", id: "resultat" });
  const form = h("form", {
    id: "reglages",
    onsubmit: async (event) => {
      event.preventDefault();
      const submit = form.querySelector("button[type=submit]");
      submit.disabled = true;
      try {
        campaign = await api(`/api/campaigns/${id}`, {
          method: "PATCH", ifMatch: campaign.version,
          body: { ...campaignValues(form), organisationIds: picker.ids(), targeting: targeting.read(), followUpRule: rule.read() },
        });
        result.replaceChildren(h("p", { class: "succes", role: "status" }, "Campagne enregistrée."));
      } catch (error) {
        result.replaceChildren(failure(error));
        if (error.status === 412) {
          result.append(h("p", {}, "Une autre personne l'a modifiée entre-temps : ",
            h("a", { href: location.href }, "recharger la page"), " (vos changements non enregistrés seront perdus)."));
        }
      } finally {
        submit.disabled = false;
      }
    },
  }, campaignFields(campaign), picker.element, targeting.element, preview.element, rule.element,
  h("div", { class: "actions" }, h("button", { type: "submit" }, "Enregistrer la campagne")), result);
  main.append(form);
  changed();
});
