// The positions proposed by the parliament watch: a question, an amendment or a vote by an élu that a campaign's watch
// found, waiting for a coordinator to accept it with a stance or dismiss it. Nothing becomes a stance by itself.
import { api, failure, formatDate, h, idParam, labels, page } from "./app.js";

const PAGE_SIZE = 20;

const kindLabels = {
  written_question: "Question écrite", government_question: "Question au Gouvernement", oral_question: "Question orale sans débat",
  amendment: "Amendement", vote: "Vote",
};
const voteLabels = { pour: "a voté pour", contre: "a voté contre", abstention: "s'est abstenu·e" };

/** The excerpt as text, the matched words in <mark>: built from the offsets, nothing parsed as HTML. */
function excerpt(proposal) {
  const parts = [];
  let at = 0;
  for (const [start, length] of [...(proposal.highlights ?? [])].sort((a, b) => a[0] - b[0])) {
    if (start < at || start + length > proposal.excerpt.length) continue;
    parts.push(proposal.excerpt.slice(at, start), h("mark", {}, proposal.excerpt.slice(start, start + length)));
    at = start + length;
  }
  parts.push(proposal.excerpt.slice(at));
  return h("p", { class: "extrait" }, parts);
}

/** Where the item was published, from its link: the reader knows which site opens. */
function sourceLabel(url) {
  if (/senat\.fr/.test(url)) return "Lire sur le site du Sénat";
  return "Lire sur le site de l'Assemblée nationale";
}

/** The minister's answer: the Government's words, shown apart, never the élu's stance. */
function evidence(proposal) {
  const answer = proposal.evidence;
  if (!answer) return null;
  return h("div", { class: "preuve" },
    h("p", { class: "preuve-titre" }, `Réponse du Gouvernement (${answer.ministry}${answer.answeredOn ? `, ${formatDate(answer.answeredOn)}` : ""})`),
    h("p", { class: "discret" }, "Pièce jointe : c'est la position du ministère, pas celle de l'élu·e."),
    h("details", {}, h("summary", {}, "Lire la réponse"), h("blockquote", {}, answer.answer)));
}

function decisionForm(proposal, canDecide, onDone) {
  if (!canDecide) return h("p", { class: "discret" }, "Seule la coordination de votre structure peut accepter ou écarter cette proposition.");
  const message = h("div", { "aria-live": "polite" });
  const buttons = [];
  const send = async (decision) => {
    buttons.forEach((b) => { b.disabled = true; });
    message.replaceChildren();
    try {
      const after = await api(`/api/triage/proposals/${proposal.id}`, { method: "POST", body: decision });
      onDone(proposal, decision, after);
    } catch (error) {
      message.replaceChildren(failure(error));
      buttons.forEach((b) => { b.disabled = false; });
    }
  };
  const form = h("form", {
    "aria-label": `Proposition ${proposal.id} : ${proposal.officialName}`,
    onsubmit: (event) => {
      event.preventDefault();
      const data = new FormData(form);
      send({ stance: data.get("stance"), summary: data.get("summary")?.trim() || null });
    },
  },
  h("fieldset", { class: "choix" },
    h("legend", {}, proposal.suggestedStance ? "Position (cochée : celle qui découle du vote recommandé)" : "Quelle position exprime ce texte ?"),
    ["supports", "neutral", "opposes"].map((stance, index) => {
      const id = `proposition-${proposal.id}-${stance}`;
      return h("label", { for: id }, h("input", {
        type: "radio", id, name: "stance", value: stance, required: index === 0, checked: stance === proposal.suggestedStance,
      }), labels.stance[stance]);
    })),
  h("div", {}, h("label", { for: `proposition-resume-${proposal.id}` }, "Résumé (facultatif, sinon celui du texte)"),
    h("textarea", { id: `proposition-resume-${proposal.id}`, name: "summary", rows: "2", maxlength: "4000" })),
  message);
  const accept = h("button", { type: "submit" }, "Accepter la position");
  const dismiss = h("button", { type: "button", class: "secondaire", onclick: () => send({ dismiss: true }) }, "Écarter");
  buttons.push(accept, dismiss);
  form.append(h("div", { class: "actions" }, accept, dismiss));
  return form;
}

function card(proposal, canDecide, onDone) {
  const what = proposal.kind === "vote" ? `${kindLabels.vote} : ${voteLabels[proposal.role] ?? proposal.role}` : kindLabels[proposal.kind] ?? proposal.kind;
  return h("li", { class: "carte-bloc proposition", dataset: { proposition: proposal.id, type: proposal.kind } },
    h("h2", { class: "h3" }, h("a", { href: `/app/elu.html?id=${proposal.officialId}` }, proposal.officialName)),
    h("p", { class: "badges" }, h("span", { class: "badge statut-contacte" }, what),
      h("span", { class: "discret" }, ` ${formatDate(proposal.statedOn)}${proposal.groupLabel ? ` · ${proposal.groupLabel}` : ""}`)),
    h("p", {}, h("strong", {}, proposal.title), proposal.status ? h("span", { class: "discret" }, ` (${proposal.status})`) : null),
    // A vote's excerpt is its title again: shown only when it says more, or marks the words found.
    proposal.excerpt && (proposal.highlights?.length || proposal.excerpt !== proposal.title) ? excerpt(proposal) : null,
    proposal.matched ? h("p", { class: "discret" }, `Mots trouvés : ${proposal.matched}`) : null,
    evidence(proposal),
    h("p", { class: "discret" }, `Campagne : ${proposal.campaignTitle}`),
    h("p", {}, h("a", { href: proposal.url, rel: "noopener noreferrer", target: "_blank" }, sourceLabel(proposal.url),
      h("span", { class: "visuellement-cache" }, " (nouvel onglet)"))),
    decisionForm(proposal, canDecide, onDone));
}

await page("Positions proposées", async (main, user) => {
  const campaign = idParam("campagne");
  const proposals = await api(`/api/triage/proposals${campaign ? `?campaignId=${campaign}` : ""}`);
  const canDecide = user.role === "coordinator" || user.role === "admin";
  const status = h("div", { "aria-live": "polite" });
  const list = h("ul", { class: "liste", id: "propositions" });
  const count = h("p", { class: "discret", id: "compte-propositions" });
  const more = h("button", { type: "button", class: "secondaire", hidden: true }, "Afficher les suivantes");
  const kind = h("select", { id: "type-proposition", name: "type" },
    h("option", { value: "" }, "Tous les types"),
    Object.entries(kindLabels).map(([value, text]) => h("option", { value }, text)));
  let waiting = proposals;
  let shown = 0;

  const chosen = () => waiting.filter((p) => !kind.value || p.kind === kind.value);
  const recount = () => {
    const total = chosen().length;
    count.textContent = `${total} proposition${total > 1 ? "s" : ""} en attente${total > shown ? `, ${shown} affichée${shown > 1 ? "s" : ""}` : ""}.`;
    more.hidden = shown >= total;
    if (!total) list.replaceChildren(h("li", { class: "discret" }, "Aucune position proposée à examiner."));
  };
  /** The next page of the chosen proposals (the first one again when reset). */
  const draw = (reset) => {
    if (reset) {
      list.replaceChildren();
      shown = 0;
    }
    const next = chosen().slice(shown, shown + PAGE_SIZE);
    list.append(...next.map((p) => card(p, canDecide, done)));
    shown += next.length;
    recount();
  };
  function done(proposal, decision) {
    waiting = waiting.filter((p) => p.id !== proposal.id);
    list.querySelector(`[data-proposition="${proposal.id}"]`)?.remove();
    shown = Math.max(0, shown - 1);
    status.replaceChildren(h("p", { class: "succes" }, decision.dismiss
      ? `Proposition écartée : ${proposal.officialName} (elle ne reviendra pas).`
      : `Position de ${proposal.officialName} enregistrée : ${labels.stance[decision.stance]}.`));
    if (shown === 0 && chosen().length) draw(false);
    else recount();
  }
  more.addEventListener("click", () => draw(false));
  kind.addEventListener("change", () => draw(true));

  main.append(h("h1", {}, "Positions proposées"),
    h("p", { class: "discret" }, "Questions, amendements et votes des élus que la veille parlementaire de vos campagnes a trouvés. "
      + "Acceptez-les avec une position, ou écartez-les : rien ne devient une position sans vous."),
    h("p", {}, h("a", { href: "/app/tri.html" }, "Réponses reçues par e-mail à trier")),
    campaign ? h("p", {}, h("a", { href: `/app/veille.html?campagne=${campaign}`, id: "lien-veille" }, "Veille parlementaire de la campagne"))
      : "",
    h("div", { class: "champ" }, h("label", { for: "type-proposition" }, "Type"), kind),
    count, status, list, h("div", { class: "actions" }, more));
  draw(true);
});
