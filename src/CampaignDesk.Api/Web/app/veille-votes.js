// « Votes recommandés »: the votes a campaign marks as meaningful, and the search of the imported votes to mark one.
// Each member who voted is then proposed a vote position, its stance following from the way they voted.
import { api, formatDate, h } from "./app.js";
import { errorSlots, showErrors } from "./veille-erreurs.js";

const ways = { pour: "Pour", contre: "Contre" };

function voteLink(vote) {
  return h("a", { href: vote.url, rel: "noopener noreferrer", target: "_blank" }, "Le scrutin sur le site de l'Assemblée nationale",
    h("span", { class: "visuellement-cache" }, " (nouvel onglet)"));
}

/** The choice pour / contre for one vote, and its saving. */
function recommendForm(campaignId, vote, chosen, onSaved) {
  const slots = errorSlots(["recommendation", "voteUid"]);
  const result = h("div", { "aria-live": "polite" });
  const prefix = `recommande-${vote.uid}`;
  const form = h("form", {
    class: "recommandation", "aria-label": `Vote recommandé : ${vote.title}`,
    onsubmit: async (event) => {
      event.preventDefault();
      try {
        const saved = await api(`/api/campaigns/${campaignId}/recommended-votes/${encodeURIComponent(vote.uid)}`,
          { method: "PUT", body: { recommendation: new FormData(form).get("recommendation") } });
        showErrors(null, slots, result);
        result.replaceChildren(h("p", { class: "succes" }, `Enregistré : voter ${saved.recommendation}.`));
        form.querySelector("button[type=submit]").textContent = "Changer la recommandation";
        onSaved(saved);
      } catch (error) {
        showErrors(error, slots, result);
      }
    },
  },
  h("fieldset", { class: "choix" }, h("legend", {}, "Voter comme la campagne le recommande"),
    Object.entries(ways).map(([way, text], index) => h("label", { for: `${prefix}-${way}` },
      h("input", { type: "radio", id: `${prefix}-${way}`, name: "recommendation", value: way, required: index === 0, checked: chosen === way }), text)),
    slots.recommendation),
  slots.voteUid, result,
  h("div", { class: "actions" }, h("button", { type: "submit" }, chosen ? "Changer la recommandation" : "Recommander ce vote")));
  return form;
}

/** The section: the recommended votes, then the search. */
export function votesSection(campaignId, recommended, canEdit, say, changed) {
  const current = new Map(recommended.map((v) => [v.voteUid, v]));
  const list = h("ul", { class: "liste", id: "votes-recommandes" });
  const drawList = () => list.replaceChildren(...(current.size ? [...current.values()].map((v) => h("li", { class: "carte-bloc", dataset: { vote: v.voteUid } },
    h("p", {}, h("strong", {}, `Vote recommandé : ${v.recommendation}`), h("span", { class: "discret" }, ` · ${formatDate(v.statedOn)}`)),
    h("p", {}, v.title), h("p", {}, voteLink(v))))
    : [h("li", { class: "discret" }, "Aucun vote recommandé.")]));
  const saved = (vote) => {
    current.set(vote.voteUid, vote);
    drawList();
    say(`Vote recommandé : ${ways[vote.recommendation]}. Les positions de ceux qui ont voté sont proposées.`);
    changed();
  };

  const query = h("input", { type: "search", id: "chercher-scrutin", name: "q", autocomplete: "off" });
  const found = h("ul", { class: "liste", id: "scrutins" });
  const foundCount = h("p", { class: "discret", "aria-live": "polite" });
  const more = h("button", { type: "button", class: "secondaire", hidden: true }, "Scrutins suivants");
  let pageNumber = 1;
  const search = async (next) => {
    pageNumber = next ? pageNumber + 1 : 1;
    const result = await api(`/api/parliament/votes?q=${encodeURIComponent(query.value.trim())}&page=${pageNumber}`);
    const items = result.items.map((v) => h("li", { class: "carte-bloc scrutin", dataset: { scrutin: v.uid } },
      h("p", {}, h("strong", {}, formatDate(v.statedOn)), v.result ? h("span", { class: "discret" }, ` · ${v.result}`) : null),
      h("p", {}, v.title), h("p", {}, voteLink(v)),
      canEdit ? recommendForm(campaignId, v, current.get(v.uid)?.recommendation, saved) : null));
    if (next) found.append(...items);
    else found.replaceChildren(...items);
    foundCount.textContent = found.children.length ? `${found.children.length} scrutin${found.children.length > 1 ? "s" : ""} affiché${found.children.length > 1 ? "s" : ""}.`
      : "Aucun scrutin importé ne correspond.";
    more.hidden = !result.more;
  };
  const failed = h("div", { "aria-live": "polite" });
  const run = (next) => search(next).then(() => failed.replaceChildren(), (error) => showErrors(error, {}, failed));
  more.addEventListener("click", () => run(true));
  drawList();
  return h("section", { "aria-labelledby": "votes-titre" },
    h("h2", { id: "votes-titre" }, "Votes recommandés"),
    h("p", { class: "discret" }, "Pour un scrutin recommandé, chaque député qui a voté reçoit une position proposée : "
      + "comme la campagne le recommande, il soutient ; dans l'autre sens, il s'oppose ; abstenu, il est neutre."),
    list,
    h("h3", {}, "Trouver un scrutin"),
    h("form", {
      role: "search", "aria-label": "Chercher un scrutin", onsubmit: (event) => { event.preventDefault(); run(false); },
    }, h("div", { class: "champ" }, h("label", { for: "chercher-scrutin" }, "Mots du titre ou numéro (VTANR5L17V…)"), query),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Chercher"))),
    failed, foundCount, found, h("div", { class: "actions" }, more));
}
